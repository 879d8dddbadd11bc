// Leaderboard and group-league tables, shared by the attract loop and the staff console. Only
// nicknames are shown (visitors are often minors); an unknown visitor shows as a guest.
import { useTranslation } from 'react-i18next';
import type { LeaderboardRow, LeagueRow } from '../../scoring/stats.ts';
import { Stars } from '../flat/Stars.tsx';

const duration = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** What a board shows before anyone has a result. */
function NoResults({ testid }: { testid: string }) {
  const { t } = useTranslation();
  return (
    <p className="hint" data-testid={`${testid}-empty`}>
      {t('staff.leaderboard.empty')}
    </p>
  );
}

export function LeaderboardTable({
  rows,
  groupName,
  zoneName,
  showGroup = true,
  showZone = false,
  testid,
}: {
  rows: LeaderboardRow[];
  groupName: (id: string) => string;
  zoneName: (id: string) => string;
  showGroup?: boolean;
  showZone?: boolean;
  testid: string;
}) {
  const { t } = useTranslation();
  if (!rows.length) return <NoResults testid={testid} />;
  return (
    <table className="table leaderboard" data-testid={testid}>
      <thead>
        <tr>
          <th scope="col">{t('staff.leaderboard.rank')}</th>
          <th scope="col">{t('staff.leaderboard.nickname')}</th>
          {showGroup && <th scope="col">{t('staff.stats.group')}</th>}
          {showZone && <th scope="col">{t('staff.stats.zone')}</th>}
          <th scope="col">{t('staff.leaderboard.score')}</th>
          <th scope="col">{t('staff.leaderboard.time')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.attemptId} className={r.rank <= 3 ? `top top-${r.rank}` : undefined}>
            <td className="rank">{r.rank}</td>
            <th scope="row">{r.nickname ?? t('staff.leaderboard.guest')}</th>
            {showGroup && <td>{groupName(r.group)}</td>}
            {showZone && <td>{zoneName(r.zone)}</td>}
            <td>
              {r.score} <Stars n={r.stars} size="0.9em" />
            </td>
            <td>{duration(r.durationMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LeagueTable({ rows, groupName, minAttempts, testid }: { rows: LeagueRow[]; groupName: (id: string) => string; minAttempts: number; testid: string }) {
  const { t } = useTranslation();
  if (!rows.length) return <NoResults testid={testid} />;
  return (
    <table className="table league" data-testid={testid}>
      <thead>
        <tr>
          <th scope="col">{t('staff.leaderboard.rank')}</th>
          <th scope="col">{t('staff.stats.group')}</th>
          <th scope="col">{t('staff.stats.average')}</th>
          <th scope="col">{t('staff.stats.passRate')}</th>
          <th scope="col">{t('staff.stats.attempts')}</th>
          <th scope="col">{t('staff.stats.visitors')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.group} data-testid={`${testid}-${r.group}`} className={r.qualified ? undefined : 'unranked'}>
            <td className="rank">{r.rank ?? '—'}</td>
            <th scope="row">
              {groupName(r.group)}
              {!r.qualified && <small> {t('staff.leaderboard.unranked', { n: minAttempts })}</small>}
            </th>
            <td>{r.average.toFixed(1)}</td>
            <td>{Math.round(r.passRate * 100)}%</td>
            <td>{r.attempts}</td>
            <td>{r.visitors}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
