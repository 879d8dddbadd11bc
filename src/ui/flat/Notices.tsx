import { useTranslation } from 'react-i18next';
import { useServices, useSession } from '../../app/context.tsx';

export function Notices() {
  const { t } = useTranslation();
  const notices = useSession((s) => s.notices);
  const { actions } = useServices().session.getState();
  if (!notices.length) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} data-testid="notice">
          <span>{t(n.key, n.params)}</span>
          <button type="button" className="link" onClick={() => actions.dismiss(n.id)} aria-label={t('app.close')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
