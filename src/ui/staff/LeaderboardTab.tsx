// Leaderboards per zone and per audience group (today, this week, all time) and the group-vs-group
// league, as the attract loop shows them.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../app/context.tsx';
import { groupLeague, leaderboard, windowPeriod, type Window } from '../../scoring/stats.ts';
import { LeaderboardTable, LeagueTable } from '../kiosk/Leaderboards.tsx';
import { Segmented, useHallData, useNames } from './common.tsx';

export const LEAGUE_MIN_ATTEMPTS = 3;

export default function LeaderboardTab() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const data = useHallData();
  const names = useNames();
  const [window, setWindow] = useState<Window>('today');
  const [scope, setScope] = useState<'zone' | 'group'>('zone');
  const zones = catalog.zones.filter((z) => z.ok).map((z) => z.id);
  const groups = catalog.groups.map((g) => g.id);
  const [zone, setZone] = useState<string>('');
  const [group, setGroup] = useState<string>('');

  const nicknames = useMemo(() => new Map((data?.visitors ?? []).map((v) => [v.id, v.nickname])), [data]);
  const rows = useMemo(() => {
    if (!data) return [];
    const now = Date.now();
    return leaderboard(data.attempts, {
      window,
      now,
      nicknames,
      limit: 20,
      ...(scope === 'zone' ? (zone ? { zone } : {}) : group ? { group } : {}),
    });
  }, [data, window, scope, zone, group, nicknames]);
  const league = useMemo(
    () => (data ? groupLeague(data.attempts, { period: windowPeriod(window, Date.now()), minAttempts: LEAGUE_MIN_ATTEMPTS, ...(scope === 'zone' && zone ? { zone } : {}) }) : []),
    [data, window, scope, zone],
  );

  return (
    <section className="staff-tab leaderboards" data-testid="leaderboards">
      <div className="toolbar">
        <Segmented
          value={window}
          onChange={setWindow}
          label={t('staff.period.label')}
          testid="lb-window"
          options={(['today', 'week', 'all'] as const).map((w) => ({ id: w, label: t(`staff.leaderboard.${w}`) }))}
        />
        <Segmented
          value={scope}
          onChange={setScope}
          label={t('staff.stats.by')}
          testid="lb-scope"
          options={[
            { id: 'zone', label: t('staff.leaderboard.byZone') },
            { id: 'group', label: t('staff.leaderboard.byGroup') },
          ]}
        />
        {scope === 'zone' ? (
          <select value={zone} aria-label={t('staff.stats.zone')} data-testid="lb-zone" onChange={(e) => setZone(e.target.value)}>
            <option value="">{t('staff.leaderboard.allZones')}</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {names.zone(z)}
              </option>
            ))}
          </select>
        ) : (
          <select value={group} aria-label={t('staff.stats.group')} data-testid="lb-group" onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('staff.leaderboard.allGroups')}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {names.group(g)}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="stats-grid">
        <div className="panel">
          <h2>{t('staff.leaderboard.title')}</h2>
          <LeaderboardTable rows={rows} groupName={names.group} zoneName={names.zone} showZone={scope === 'group' || !zone} testid="lb-table" />
        </div>
        <div className="panel">
          <h2>{t('staff.leaderboard.league')}</h2>
          <LeagueTable rows={league} groupName={names.group} minAttempts={LEAGUE_MIN_ATTEMPTS} testid="league" />
        </div>
      </div>
    </section>
  );
}
