// The hall's leaderboard: best scores per zone and audience group, today / this week / all time.
// Read-only for visitors (resets and deletions are staff functions), nicknames only.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { text, ZONE_IDS } from '../../content/ids.ts';
import { plausibleOnly, scoringLookup } from '../../scoring/plausible.ts';
import { leaderboard, type LeaderboardRow } from '../../scoring/stats.ts';
import { LeaderboardTable } from '../kiosk/Leaderboards.tsx';

type Window = 'today' | 'week' | 'all';

export default function HallLeaderboard() {
  const { t } = useTranslation();
  const { storage } = useServices();
  const catalog = useCatalog();
  const { lang, visitor } = useSession((s) => ({ lang: s.lang, visitor: s.visitor }));
  const [win, setWin] = useState<Window>('week');
  const [zone, setZone] = useState<string>('');
  const [group, setGroup] = useState<string>(visitor?.group ?? '');
  const [rows, setRows] = useState<LeaderboardRow[] | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([storage.listAttempts(), storage.listVisitors()]).then(([attempts, visitors]) => {
      if (!live) return;
      const nicknames = new Map(visitors.map((v) => [v.id, v.nickname]));
      // a score the app could not have made (written from the console, an edited import) is not ranked
      const { kept } = plausibleOnly(attempts, scoringLookup(catalog.zones));
      setRows(leaderboard(kept, { window: win, now: Date.now(), zone: (zone || undefined) as never, group: group || undefined, nicknames, limit: 10 }));
    });
    return () => {
      live = false;
    };
  }, [storage, win, zone, group, catalog]);

  const groupName = (id: string) => {
    const g = catalog.groups.find((x) => x.id === id);
    return g ? text(g.name, lang) : id;
  };
  const zoneName = (id: string) => {
    const z = catalog.zones.find((x) => x.id === id);
    return z?.ok ? text(z.zone.title, lang) : id;
  };
  return (
    <section className="card hall-leaderboard" data-testid="hall-leaderboard" aria-labelledby="hall-lb-title">
      <h2 id="hall-lb-title">{t('staff.leaderboard.title')}</h2>
      <div className="row wrap">
        <div className="segmented" role="group">
          {(['today', 'week', 'all'] as const).map((w) => (
            <button key={w} type="button" aria-pressed={w === win} data-testid={`lb-${w}`} onClick={() => setWin(w)}>
              {t(`staff.leaderboard.${w}`)}
            </button>
          ))}
        </div>
        <select aria-label={t('staff.leaderboard.byZone')} value={zone} onChange={(e) => setZone(e.target.value)} data-testid="lb-zone">
          <option value="">{t('staff.leaderboard.allZones')}</option>
          {ZONE_IDS.map((id) => (
            <option key={id} value={id}>
              {zoneName(id)}
            </option>
          ))}
        </select>
        <select aria-label={t('staff.leaderboard.byGroup')} value={group} onChange={(e) => setGroup(e.target.value)} data-testid="lb-group">
          <option value="">{t('staff.leaderboard.allGroups')}</option>
          {catalog.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {text(g.name, lang)}
            </option>
          ))}
        </select>
      </div>
      {rows && <LeaderboardTable rows={rows} groupName={groupName} zoneName={zoneName} showZone={!zone} showGroup={!group} testid="hall-lb-table" />}
    </section>
  );
}
