import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/useRoute.ts';

/** What a crashed zone or screen leaves: it was logged, and the way back to the hall (or a retry). */
export function FaultScreen({ keep }: { keep: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <section className="card message" role="alert" data-testid="fault">
      <h1>{t('errors.faultTitle')}</h1>
      <p>{t('errors.faultBody')}</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="fault-hall" onClick={() => navigate({ name: 'hall' }, keep)}>
          {t('zone.backToHall')}
        </button>
        {/* a fresh load: code that failed to load (or left the page in a bad state) gets a clean start */}
        <button type="button" data-testid="fault-retry" onClick={() => window.location.reload()}>
          {t('app.retry')}
        </button>
      </div>
    </section>
  );
}
