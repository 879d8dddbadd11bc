// The keyboard half of the input layer: keys of the zone's action map held or toggled write the
// zone-game store's controls. Active only while the street is playable (not during a checklist, a
// replay or its explanation); letting go of the window releases every key.
import { useEffect } from 'react';
import type { ZoneGameStore } from '../../stores/zoneGame.ts';
import { pressValue, sourceOf, type ActionMap } from '../../zones/common/controls.ts';

export function useKeyboardControls(store: ZoneGameStore, map: ActionMap<string>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const controls = store.getState().controls;
    const byCode = new Map(map.keys.map((k) => [k.code, k]));
    const down = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement) return;
      const k = byCode.get(e.code);
      if (!k) return;
      e.preventDefault();
      if (k.toggle) {
        if (!e.repeat) store.getState().actions.toggle(k.action);
      } else controls.set(k.action, sourceOf.key(k.code), pressValue(k));
    };
    const up = (e: KeyboardEvent) => {
      const k = byCode.get(e.code);
      if (k && !k.toggle) controls.set(k.action, sourceOf.key(k.code), 0);
    };
    const blur = () => controls.release('key:');
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
      blur();
    };
  }, [store, map, active]);
}
