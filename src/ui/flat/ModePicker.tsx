import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import { MODE_IDS } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';

/** After a portal: which way to take the zone. A modal dialog; Escape closes it. */
export function ModePicker({ zone, onClose, keep }: { zone: ZoneDef; onClose: () => void; keep: Record<string, string> }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="backdrop" onClick={onClose}>
      <div className="card dialog" role="dialog" aria-modal="true" aria-labelledby="mode-title" data-testid="mode-picker" onClick={(e) => e.stopPropagation()}>
        <h2 id="mode-title">
          {text(zone.title, lang)} · {t('modes.title')}
        </h2>
        <div className="modes">
          {MODE_IDS.map((m, i) => (
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
        <button type="button" onClick={onClose}>
          {t('app.back')}
        </button>
      </div>
    </div>
  );
}
