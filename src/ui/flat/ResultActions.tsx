import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/useRoute.ts';

/** The end of a test or a game: try again, or back to the hall. */
export function ResultActions({ againId, againLabel, onAgain }: { againId: string; againLabel: string; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="button" className="primary" data-testid={againId} onClick={onAgain}>
        {againLabel}
      </button>
      <button type="button" onClick={() => navigate({ name: 'hall' })}>
        {t('zone.backToHall')}
      </button>
    </div>
  );
}
