// The touch half of the input layer: the zone's on-screen buttons, from its action map. A held
// button sets its action while the finger (or mouse) is down; a toggle button flips it.
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ZoneGameStore } from '../../stores/zoneGame.ts';
import { pressValue, sourceOf, type ActionMap, type TouchBinding } from '../../zones/common/controls.ts';

const ROTATE = { up: 0, right: 90, down: 180, left: -90 } as const;

const arrow = (rotate: number) => (
  <svg viewBox="0 0 24 24" width="1.6em" height="1.6em" aria-hidden="true" style={{ transform: `rotate(${rotate}deg)` }}>
    <path d="M12 4l8 10h-5v6H9v-6H4z" fill="currentColor" />
  </svg>
);

function HoldButton({ store, b }: { store: ZoneGameStore; b: TouchBinding<string> }) {
  const { t } = useTranslation();
  const hold = (down: boolean) => store.getState().controls.set(b.action, sourceOf.touch(b.id), down ? pressValue(b) : 0);
  return (
    <button
      type="button"
      className="hold"
      data-testid={b.id}
      aria-label={t(b.label)}
      onPointerDown={(e) => {
        hold(true);
        // keep receiving the release even if the finger slides off the button
        try {
          e.currentTarget.setPointerCapture(e.pointerId);
        } catch {
          // a synthetic or already-released pointer cannot be captured; the hold still works
        }
      }}
      onPointerUp={() => hold(false)}
      onPointerCancel={() => hold(false)}
      onContextMenu={(e) => e.preventDefault()}
    >
      {b.icon ? arrow(ROTATE[b.icon]) : t(b.label)}
    </button>
  );
}

function ToggleButton({ store, b }: { store: ZoneGameStore; b: TouchBinding<string> }) {
  const { t } = useTranslation();
  const on = useStore(store, (s) => s.toggles[b.action] ?? false);
  return (
    <button type="button" data-testid={b.id} aria-pressed={on} className={on ? 'on' : undefined} onClick={() => store.getState().actions.toggle(b.action)}>
      {t(b.label)}
    </button>
  );
}

/** Every touch binding of the map as a button (held or toggled). */
export function TouchControls({ store, map }: { store: ZoneGameStore; map: ActionMap<string> }) {
  return (
    <>
      {map.touch.map((b) => (b.toggle ? <ToggleButton key={b.id} store={store} b={b} /> : <HoldButton key={b.id} store={store} b={b} />))}
    </>
  );
}
