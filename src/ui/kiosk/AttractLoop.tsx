// The attract loop: what an idle kiosk shows — each zone in turn with what it teaches, today's best
// in that zone, this week's best per audience group, and the group league. The whole screen is one
// button: a tap returns to the start screen.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { text } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';
import { plausibleOnly, scoringLookup } from '../../scoring/plausible.ts';
import { groupLeague, leaderboard, windowPeriod, type LeaderboardRow, type LeagueRow } from '../../scoring/stats.ts';
import type { Attempt, Visitor } from '../../storage/types.ts';
import { LeaderboardTable, LeagueTable } from './Leaderboards.tsx';

export const SLIDE_MS = 8000;
const LEAGUE_MIN = 3;

type Slide =
  | { kind: 'zone'; zone: ZoneDef }
  | { kind: 'board'; title: string; rows: LeaderboardRow[]; showGroup: boolean; showZone: boolean; color?: string }
  | { kind: 'league'; rows: LeagueRow[] };

export default function AttractLoop({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useTranslation();
  const { storage } = useServices();
  const catalog = useCatalog();
  const lang = useSession((s) => s.lang);
  const [data, setData] = useState<{ attempts: Attempt[]; visitors: Visitor[] } | null>(null);
  const [i, setI] = useState(0);

  useEffect(() => {
    let live = true;
    // a score the app could not have made (written from the console, an edited import) is not shown
    void Promise.all([storage.listAttempts(), storage.listVisitors()]).then(([attempts, visitors]) => live && setData({ attempts: plausibleOnly(attempts, scoringLookup(catalog.zones)).kept, visitors }));
    return () => {
      live = false;
    };
  }, [storage, catalog]);

  const slides = useMemo<Slide[]>(() => {
    const zones = catalog.zones.flatMap((z) => (z.ok ? [z.zone] : []));
    const groupName = (id: string) => {
      const g = catalog.groups.find((x) => x.id === id);
      return g ? text(g.name, lang) : id;
    };
    const out: Slide[] = [];
    const now = Date.now();
    const nicknames = new Map((data?.visitors ?? []).map((v) => [v.id, v.nickname]));
    const attempts = data?.attempts ?? [];
    for (const zone of zones) {
      out.push({ kind: 'zone', zone });
      const today = leaderboard(attempts, { window: 'today', now, zone: zone.id, nicknames, limit: 5 });
      const rows = today.length ? today : leaderboard(attempts, { window: 'all', now, zone: zone.id, nicknames, limit: 5 });
      if (rows.length)
        out.push({
          kind: 'board',
          title: t(today.length ? 'staff.attract.todayTop' : 'staff.attract.allTop', { zone: text(zone.title, lang) }),
          rows,
          showGroup: true,
          showZone: false,
          color: zone.color,
        });
    }
    for (const g of catalog.groups) {
      const rows = leaderboard(attempts, { window: 'week', now, group: g.id, nicknames, limit: 5 });
      if (rows.length) out.push({ kind: 'board', title: t('staff.attract.weekTop', { group: groupName(g.id) }), rows, showGroup: false, showZone: true });
    }
    const league = groupLeague(attempts, { period: windowPeriod('week', now), minAttempts: LEAGUE_MIN });
    if (league.length) out.push({ kind: 'league', rows: league });
    return out;
  }, [catalog, data, lang, t]);

  useEffect(() => {
    if (slides.length < 2) return;
    const id = setInterval(() => setI((x) => (x + 1) % slides.length), SLIDE_MS);
    return () => clearInterval(id);
  }, [slides.length]);

  const slide = slides[i % Math.max(1, slides.length)];
  const zoneName = (id: string) => {
    const z = catalog.zones.find((x) => x.id === id);
    return z?.ok ? text(z.zone.title, lang) : id;
  };
  const groupName = (id: string) => {
    const g = catalog.groups.find((x) => x.id === id);
    return g ? text(g.name, lang) : id;
  };
  return (
    // one big target: a div (it holds tables, which a <button> may not), focused so a key also works
    <div
      role="button"
      tabIndex={0}
      ref={(el) => el?.focus()}
      className="attract"
      data-testid="attract"
      aria-label={t('staff.attract.tap')}
      onClick={onDismiss}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onDismiss();
      }}
    >
      <div className="attract-title">{catalog.hall ? text(catalog.hall.title, lang) : t('app.name')}</div>
      {slide?.kind === 'zone' && (
        <div className="attract-slide attract-zone" style={{ borderColor: slide.zone.color }} data-testid="attract-zone" data-zone={slide.zone.id}>
          <span className="eyebrow">{t('staff.attract.zone')}</span>
          <strong className="big-title">{text(slide.zone.title, lang)}</strong>
          <span className="summary">{text(slide.zone.summary, lang)}</span>
          <span className="eyebrow">{t('staff.attract.learn')}</span>
          <span className="points-list">
            {slide.zone.learningPoints.slice(0, 3).map((p, k) => (
              <span key={k}>{text(p, lang)}</span>
            ))}
          </span>
        </div>
      )}
      {slide?.kind === 'board' && (
        <div className="attract-slide" style={slide.color ? { borderColor: slide.color } : undefined} data-testid="attract-board">
          <strong className="big-title">{slide.title}</strong>
          <LeaderboardTable rows={slide.rows} groupName={groupName} zoneName={zoneName} showGroup={slide.showGroup} showZone={slide.showZone} testid="attract-table" />
        </div>
      )}
      {slide?.kind === 'league' && (
        <div className="attract-slide" data-testid="attract-league">
          <strong className="big-title">{t('staff.attract.league')}</strong>
          <LeagueTable rows={slide.rows} groupName={groupName} minAttempts={LEAGUE_MIN} testid="attract-league-table" />
        </div>
      )}
      <div className="attract-dots" aria-hidden="true">
        {slides.map((_, k) => (
          <span key={k} className={k === i % slides.length ? 'on' : ''} />
        ))}
      </div>
      <div className="attract-tap">{t('staff.attract.tap')}</div>
    </div>
  );
}
