// The one-page report for a visiting group (a school class, a company's 交通安全门岗): who took part
// (by audience group: rider / driver / pro, or child / teen), scores by zone, the pre/post gain, and the
// items most often missed with the rule behind each — the material a company's safety post or a
// teacher needs. Pure: the console passes the device's plausible attempts and check records.
//
// Which attempts belong to the visit: those saved on this device while the visit was the device's
// active visiting group (its periods, recorded when staff switch it on and off). Attempts carry no
// visit of their own, and the device's time is the only link that needs no change to what is stored
// or uploaded; the pre/post records carry the visit directly.
import type { ZoneId } from '../content/ids.ts';
import type { Attempt, LearningSettings, VisitingGroup } from '../storage/types.ts';
import type { PrintDoc } from '../modes/printDoc.ts';
import { csvField, localTime } from './exchange.ts';
import { learningReport, type GainRow, type GainSummary, type LearningRecord } from './learning.ts';
import { HALL_TZ_OFFSET_MIN } from './stats.ts';

export interface VisitPeriod {
  from: number;
  /** null: still the device's active visit */
  to: number | null;
}

/** When the visit was active on this device. Visits saved before periods were recorded run from their
 * creation to the next visit's creation (a device has one active visit at a time). */
export function visitPeriods(visit: VisitingGroup, all: readonly VisitingGroup[]): VisitPeriod[] {
  if (visit.periods?.length) return visit.periods;
  const next = all.filter((v) => v.createdAt > visit.createdAt).reduce<number | null>((m, v) => (m === null || v.createdAt < m ? v.createdAt : m), null);
  return [{ from: visit.createdAt, to: next }];
}

/** Makes `id` the device's active visit (null: none) and records when each visit was active. */
export function switchActiveVisit(s: LearningSettings, id: string | null, now: number): Pick<LearningSettings, 'visits' | 'activeVisit'> {
  const visits = s.visits.map((v) => {
    let periods = v.periods ?? (v.id === s.activeVisit ? [{ from: v.createdAt, to: null }] : []);
    if (v.id === s.activeVisit && v.id !== id) periods = periods.map((p) => (p.to === null ? { ...p, to: now } : p));
    if (v.id === id && v.id !== s.activeVisit) periods = [...periods, { from: now, to: null }];
    return periods.length ? { ...v, periods } : v;
  });
  return { visits, activeVisit: id };
}

export function attemptsOfVisit(visit: VisitingGroup, all: readonly VisitingGroup[], attempts: readonly Attempt[]): Attempt[] {
  const periods = visitPeriods(visit, all);
  return attempts.filter((a) => periods.some((p) => a.startedAt >= p.from && (p.to === null || a.startedAt < p.to)));
}

export interface ParticipationRow {
  group: string;
  /** distinct visitors */
  visitors: number;
  attempts: number;
  games: number;
  tests: number;
}

export interface ZoneRow {
  zone: ZoneId;
  visitors: number;
  attempts: number;
  /** mean score of games / self-tests (0–100), null without any */
  meanGame: number | null;
  meanTest: number | null;
}

export type MissedItem =
  | { kind: 'question'; id: string; zone: ZoneId; asked: number; missed: number; rate: number }
  /** a game's unsafe event: `asked` = the zone's games, `missed` = games with the event */
  | { kind: 'event'; id: string; zone: ZoneId; asked: number; missed: number; rate: number };

export interface VisitReport {
  visit: { id: string; name: string; kind: VisitingGroup['kind'] };
  /** first and last attempt or check (null when nothing was recorded) */
  from: number | null;
  to: number | null;
  participation: ParticipationRow[];
  total: ParticipationRow;
  byZone: ZoneRow[];
  gain: GainSummary;
  gainByZone: (GainRow & { zone: ZoneId })[];
  missed: MissedItem[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const byOrder = (order: readonly string[]) => (a: string, b: string) => {
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || (a < b ? -1 : a > b ? 1 : 0);
};

function participation(group: string, list: readonly Attempt[]): ParticipationRow {
  return {
    group,
    visitors: new Set(list.map((a) => a.visitorId)).size,
    attempts: list.length,
    games: list.filter((a) => a.mode === 'game').length,
    tests: list.filter((a) => a.mode === 'test').length,
  };
}

export interface VisitReportOptions {
  /** audience groups' display order (groups.json order) */
  groupOrder?: readonly string[];
  /** unsafe event kinds (those that cost points) */
  unsafe?: readonly string[];
  /** length of the most-missed list (default 8) */
  top?: number;
}

/**
 * The report. `attempts` are the visit's (attemptsOfVisit over plausible attempts); `records` every
 * check record (the visit's are picked here).
 */
export function visitReport(visit: VisitingGroup, attempts: readonly Attempt[], records: readonly LearningRecord[], o: VisitReportOptions = {}): VisitReport {
  const order = o.groupOrder ?? [];
  const unsafe = new Set(o.unsafe ?? []);
  const mine = records.filter((r) => r.visit === visit.id);
  const groups = [...new Set(attempts.map((a) => a.group))].sort(byOrder(order));
  const zones = [...new Set(attempts.map((a) => a.zone))].sort();
  const byZone: ZoneRow[] = zones.map((zone) => {
    const list = attempts.filter((a) => a.zone === zone);
    return {
      zone,
      visitors: new Set(list.map((a) => a.visitorId)).size,
      attempts: list.length,
      meanGame: mean(list.filter((a) => a.mode === 'game').map((a) => a.score)),
      meanTest: mean(list.filter((a) => a.mode === 'test').map((a) => a.score)),
    };
  });

  // questions: every answer in a self-test or competition, and every pre/post check answer
  const q = new Map<string, { zone: ZoneId; asked: number; missed: number }>();
  const ask = (id: string, zone: ZoneId, right: boolean) => {
    const t = q.get(id) ?? { zone, asked: 0, missed: 0 };
    t.asked++;
    if (!right) t.missed++;
    q.set(id, t);
  };
  for (const a of attempts) for (const ans of a.answers ?? []) ask(ans.question, a.zone, ans.correct);
  for (const r of mine)
    for (const answers of [r.pre, r.post])
      if (answers && answers.length === r.items.length) r.items.forEach((id, i) => ask(id, r.zone, answers[i]!));
  // game events: in how many of the zone's games each unsafe event happened
  const ev = new Map<string, { zone: ZoneId; asked: number; missed: number }>();
  for (const zone of zones) {
    const games = attempts.filter((a) => a.zone === zone && a.mode === 'game');
    const kinds = new Set(games.flatMap((g) => (g.events ?? []).map((e) => e.kind).filter((k) => unsafe.has(k))));
    for (const kind of kinds) ev.set(`${zone}|${kind}`, { zone, asked: games.length, missed: games.filter((g) => g.events?.some((e) => e.kind === kind)).length });
  }
  const missed: MissedItem[] = [
    ...[...q].map(([id, t]) => ({ kind: 'question' as const, id, zone: t.zone, asked: t.asked, missed: t.missed, rate: t.missed / t.asked })),
    ...[...ev].map(([key, t]) => ({ kind: 'event' as const, id: key.split('|')[1]!, zone: t.zone, asked: t.asked, missed: t.missed, rate: t.missed / t.asked })),
  ]
    .filter((m) => m.missed > 0)
    .sort((a, b) => b.missed - a.missed || b.rate - a.rate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, o.top ?? 8);

  const learning = learningReport(mine);
  const times = [...attempts.flatMap((a) => [a.startedAt, a.endedAt]), ...mine.flatMap((r) => [r.createdAt, r.postAt ?? r.createdAt])];
  return {
    visit: { id: visit.id, name: visit.name, kind: visit.kind },
    from: times.length ? Math.min(...times) : null,
    to: times.length ? Math.max(...times) : null,
    participation: groups.map((g) => participation(g, attempts.filter((a) => a.group === g))),
    total: participation('', attempts),
    byZone,
    gain: learning.overall,
    gainByZone: zonesGain(mine),
    missed,
  };
}

function zonesGain(records: readonly LearningRecord[]): (GainRow & { zone: ZoneId })[] {
  // the learning report's per-zone rows: group the records by zone alone
  const zones = [...new Set(records.map((r) => r.zone))].sort();
  return zones.flatMap((zone) => {
    const g = learningReport(records.filter((r) => r.zone === zone)).overall;
    return g.n ? [{ key: zone, zone, ...g }] : [];
  });
}

// ---------------------------------------------------------------- words

/** What the report's words come from: names in the staff's language and the rule behind an item. */
export interface ReportNames {
  zone(id: string): string;
  group(id: string): string;
  kind(kind: VisitingGroup['kind']): string;
  /** a question's prompt, or a game event's lesson */
  item(m: MissedItem): string;
  /** the rule behind it (the question's explanation, the event's rule) with its facts references */
  rule(m: MissedItem): string;
  /** facts.md ids and the law, e.g. "3.4 · 道路交通安全法第91条" */
  source(m: MissedItem): string;
}

const f1 = (x: number | null) => (x === null || Number.isNaN(x) ? '' : x.toFixed(1));
const pct = (x: number) => `${Math.round(x * 100)}%`;
const day = (t: number | null, tz: number) => (t === null ? '' : localTime(t, tz).slice(0, 10));

/** The report as CSV (UTF-8 with BOM; cells that look like formulas neutralised): one section per table. */
export function visitReportCsv(r: VisitReport, names: ReportNames, o: { tzOffsetMin?: number } = {}): string {
  const tz = o.tzOffsetMin ?? HALL_TZ_OFFSET_MIN;
  const lines: string[] = [];
  const row = (...cells: (string | number | null)[]) => lines.push(cells.map((c) => csvField(c)).join(','));
  row('参观团体 visiting group', '类型 kind', '开始 from', '结束 to');
  row(r.visit.name, names.kind(r.visit.kind), day(r.from, tz), day(r.to, tz));
  lines.push('');
  row('人群 group', '人数 visitors', '次数 attempts', '游戏 games', '自测 tests');
  for (const p of r.participation) row(names.group(p.group), p.visitors, p.attempts, p.games, p.tests);
  row('合计 total', r.total.visitors, r.total.attempts, r.total.games, r.total.tests);
  lines.push('');
  row('展区 zone', '人数 visitors', '次数 attempts', '游戏均分 mean game', '自测均分 mean test');
  for (const z of r.byZone) row(names.zone(z.zone), z.visitors, z.attempts, f1(z.meanGame), f1(z.meanTest));
  lines.push('');
  row('前后测 pre/post', '人数 n', '前测均分 mean pre', '后测均分 mean post', '提升 gain', '95% CI 下限 low', '95% CI 上限 high');
  const gainRow = (label: string, g: GainSummary) => row(label, g.n, f1(g.meanPre), f1(g.meanPost), f1(g.gain), f1(g.ci?.[0] ?? null), f1(g.ci?.[1] ?? null));
  for (const z of r.gainByZone) gainRow(names.zone(z.zone), z);
  gainRow('全部 all', r.gain);
  lines.push('');
  row('最常出错 most missed', '展区 zone', '出错 missed', '共 of', '出错率 rate', '规则 rule', '依据 source');
  for (const m of r.missed) row(names.item(m), names.zone(m.zone), m.missed, m.asked, pct(m.rate), names.rule(m), names.source(m));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The report's headings and column names in the staff's language (the console's i18n). */
export interface ReportLabels {
  title: string;
  period: string;
  participation: string;
  group: string;
  visitors: string;
  attempts: string;
  games: string;
  tests: string;
  total: string;
  byZone: string;
  zone: string;
  meanGame: string;
  meanTest: string;
  gain: string;
  n: string;
  pre: string;
  post: string;
  gainCol: string;
  ci: string;
  all: string;
  noChecks: string;
  missed: string;
  item: string;
  missedCol: string;
  rule: string;
  noMissed: string;
  footer: string;
}

/** The report as a one-page document (the PDF's content). */
export function visitReportDoc(r: VisitReport, names: ReportNames, L: ReportLabels, o: { lang: PrintDoc['lang']; tzOffsetMin?: number; hall: string }): PrintDoc {
  const tz = o.tzOffsetMin ?? HALL_TZ_OFFSET_MIN;
  const gainCells = (label: string, g: GainSummary) => [label, String(g.n), f1(g.meanPre), f1(g.meanPost), (g.gain > 0 ? '+' : '') + f1(g.gain), g.ci ? `${f1(g.ci[0])} – ${f1(g.ci[1])}` : '—'];
  const blocks: PrintDoc['blocks'] = [
    { kind: 'para', text: `${names.kind(r.visit.kind)} · ${L.period} ${day(r.from, tz)}${r.to !== null && day(r.to, tz) !== day(r.from, tz) ? ` – ${day(r.to, tz)}` : ''} · ${o.hall}` },
    { kind: 'heading', text: L.participation },
    {
      kind: 'table',
      head: [L.group, L.visitors, L.attempts, L.games, L.tests],
      rows: [...r.participation.map((p) => [names.group(p.group), String(p.visitors), String(p.attempts), String(p.games), String(p.tests)]), [L.total, String(r.total.visitors), String(r.total.attempts), String(r.total.games), String(r.total.tests)]],
      widths: [3, 2, 2, 2, 2],
    },
    { kind: 'heading', text: L.byZone },
    {
      kind: 'table',
      head: [L.zone, L.visitors, L.attempts, L.meanGame, L.meanTest],
      rows: r.byZone.map((z) => [names.zone(z.zone), String(z.visitors), String(z.attempts), f1(z.meanGame) || '—', f1(z.meanTest) || '—']),
      widths: [3, 2, 2, 2, 2],
    },
    { kind: 'heading', text: L.gain },
    r.gain.n
      ? { kind: 'table', head: [L.zone, L.n, L.pre, L.post, L.gainCol, L.ci], rows: [...r.gainByZone.map((z) => gainCells(names.zone(z.zone), z)), gainCells(L.all, r.gain)], widths: [3, 1, 1.6, 1.6, 1.6, 2.4] }
      : { kind: 'para', text: L.noChecks },
    { kind: 'heading', text: L.missed },
    r.missed.length
      ? { kind: 'table', head: [L.item, L.missedCol, L.rule], rows: r.missed.map((m) => [o.lang === 'en' ? `${names.item(m)} (${names.zone(m.zone)})` : `${names.item(m)}（${names.zone(m.zone)}）`, `${m.missed}/${m.asked}`, `${names.rule(m)} ${names.source(m)}`.trim()]), widths: [3.2, 1, 5.8] }
      : { kind: 'para', text: L.noMissed },
    { kind: 'para', text: L.footer, small: true },
  ];
  return { title: `${r.visit.name} · ${L.title}`, lang: o.lang, blocks, onePage: true };
}
