import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';
import { offeredModes } from '../../modes/offers.ts';

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * After a portal: which way to take the zone. A modal dialog: focus starts on the first mode and
 * stays inside (Tab wraps), Escape or Back closes it and focus returns to the zone's card. A zone
 * whose game does not exist yet offers no game button: one line says so and what to do instead.
 */
export function ModePicker({ zone, onClose, keep }: { zone: ZoneDef; onClose: () => void; keep: Record<string, string> }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const first = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const modes = offeredModes(zone.id);
  // the parent passes a new onClose on every render: the listeners below must not re-run (and
  // re-focus the first mode) each time
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    first.current?.focus();
    const opener = zone.id;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') return close.current();
      if (e.key !== 'Tab' || !dialog.current) return;
      const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (!items.length) return;
      const [head, tail] = [items[0]!, items[items.length - 1]!];
      const inside = dialog.current.contains(document.activeElement);
      if (e.shiftKey && (document.activeElement === head || !inside)) {
        e.preventDefault();
        tail.focus();
      } else if (!e.shiftKey && (document.activeElement === tail || !inside)) {
        e.preventDefault();
        head.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      // focus goes back to the card that opened the dialog (gone when a mode was chosen: the hall left).
      // Passive effects clean up after the DOM is updated, so this can run at once (the next frame
      // may be slow to come while the 3D view renders).
      const card = document.querySelector<HTMLElement>(`[data-testid="portal-${opener}"]`);
      const a = document.activeElement;
      if (card && (!a || a === document.body || !a.isConnected)) card.focus();
    };
  }, [zone.id]);
  return (
    <div className="backdrop" onClick={onClose}>
      <div ref={dialog} className="card dialog" role="dialog" aria-modal="true" aria-labelledby="mode-title" data-testid="mode-picker" onClick={(e) => e.stopPropagation()}>
        <h2 id="mode-title">
          {text(zone.title, lang)} · {t('modes.title')}
        </h2>
        <div className="modes">
          {modes.map((m, i) => (
            <button
              key={m}
              ref={i === 0 ? first : undefined}
              type="button"
              className="mode"
              data-testid={`mode-${m}`}
              onClick={() => navigate({ name: 'zone', zoneId: zone.id, mode: m }, keep)}
            >
              <strong>{t(`modes.${m}`)}</strong>
              <small>{t(`modes.${m}Desc`)}</small>
            </button>
          ))}
        </div>
        {!modes.includes('game') && (
          <p className="hint" data-testid="mode-no-game">
            {t('modes.noGame')}
          </p>
        )}
        <button type="button" data-testid="mode-back" onClick={onClose}>
          {t('app.back')}
        </button>
      </div>
    </div>
  );
}
