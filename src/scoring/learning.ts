// Learning gain from pre/post checks: the same 3–5 questions before a zone and after it. Pure: the
// caller passes the saved check records; nothing here knows a visitor (the records carry none).
//
// Figures (documented here because the console and the CSV show them):
// - a record counts only when both checks were answered (a skipped pre- or post-check is no pair);
// - a check's score is the percent of its questions answered right (0–100);
// - gain = mean(post − pre) over the pairs, i.e. mean post − mean pre;
// - the 95 % confidence interval of the gain is the paired t interval, mean ± t(0.975, n−1)·sd/√n;
//   with n < 2 there is none (null), and with sd = 0 it is the point itself.
// - an item "does not rise" when, over the pairs that asked it, its post rate is not above its pre rate.
import type { ZoneId } from '../content/ids.ts';
import { csvField, localTime } from './exchange.ts';
import { HALL_TZ_OFFSET_MIN, localDayStart } from './stats.ts';

/** One visitor's pre- and post-check in one zone: question ids and right/wrong, nothing personal. */
export interface LearningRecord {
  id: string;
  zone: ZoneId;
  /** the audience group the visitor played under */
  group: string;
  /** the visiting group (a class, a company) active on the device, if any */
  visit: string | null;
  /** where it was taken: in the hall, or at home from a practice link (小手拉大手) */
  where: 'hall' | 'home';
  createdAt: number;
  /** the check's question ids, in the pre-check's order */
  items: string[];
  /** right/wrong per item, null = skipped the whole check */
  pre: boolean[] | null;
  post: boolean[] | null;
  postAt?: number;
}

export interface Pair {
  pre: number;
  post: number;
}

export interface GainSummary {
  n: number;
  meanPre: number;
  meanPost: number;
  gain: number;
  /** 95 % paired t interval of the gain; null when n < 2 */
  ci: [number, number] | null;
}

/** Two-sided 95 % critical values of Student's t by degrees of freedom (standard tables). */
const T975: [number, number][] = [
  [1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [6, 2.447], [7, 2.365], [8, 2.306], [9, 2.262],
  [10, 2.228], [11, 2.201], [12, 2.179], [13, 2.16], [14, 2.145], [15, 2.131], [16, 2.12], [17, 2.11], [18, 2.101],
  [19, 2.093], [20, 2.086], [21, 2.08], [22, 2.074], [23, 2.069], [24, 2.064], [25, 2.06], [26, 2.056], [27, 2.052],
  [28, 2.048], [29, 2.045], [30, 2.042], [40, 2.021], [60, 2.0], [120, 1.98],
];

/** t(0.975, df): the table, linear in 1/df between its rows above 30, 1.960 beyond 120. */
export function tCritical975(df: number): number {
  if (!(df >= 1)) return NaN;
  const d = Math.floor(df);
  const exact = T975.find(([k]) => k === d);
  if (exact) return exact[1];
  if (d > 120) {
    // between 120 (1.980) and infinity (1.960), linear in 1/df
    return 1.96 + (1.98 - 1.96) * (120 / d);
  }
  const hi = T975.findIndex(([k]) => k > d);
  const [d0, t0] = T975[hi - 1]!;
  const [d1, t1] = T975[hi]!;
  const f = (1 / d - 1 / d0) / (1 / d1 - 1 / d0);
  return t0 + f * (t1 - t0);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function gainSummary(pairs: readonly Pair[]): GainSummary {
  const n = pairs.length;
  if (n === 0) return { n: 0, meanPre: NaN, meanPost: NaN, gain: NaN, ci: null };
  const meanPre = mean(pairs.map((p) => p.pre));
  const meanPost = mean(pairs.map((p) => p.post));
  const diffs = pairs.map((p) => p.post - p.pre);
  const gain = mean(diffs);
  if (n < 2) return { n, meanPre, meanPost, gain, ci: null };
  const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - gain) ** 2, 0) / (n - 1));
  const half = (tCritical975(n - 1) * sd) / Math.sqrt(n);
  return { n, meanPre, meanPost, gain, ci: [gain - half, gain + half] };
}

/** A check's score in percent; null when it was skipped. */
export function checkScore(answers: readonly boolean[] | null): number | null {
  if (!answers || answers.length === 0) return null;
  return (100 * answers.filter(Boolean).length) / answers.length;
}

/** The record's pair, or null when either check was skipped or the answers do not match the items. */
export function pairOf(r: LearningRecord): Pair | null {
  if (!r.pre || !r.post || r.pre.length !== r.items.length || r.post.length !== r.items.length) return null;
  return { pre: checkScore(r.pre)!, post: checkScore(r.post)! };
}

export interface GainRow extends GainSummary {
  key: string;
}

function groupBy(records: readonly LearningRecord[], key: (r: LearningRecord) => string | null): GainRow[] {
  const map = new Map<string, Pair[]>();
  for (const r of records) {
    const p = pairOf(r);
    const k = key(r);
    if (!p || k === null) continue;
    map.set(k, [...(map.get(k) ?? []), p]);
  }
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, pairs]) => ({ key: k, ...gainSummary(pairs) }));
}

export interface ItemRow {
  question: string;
  zone: ZoneId;
  /** pairs that asked the item */
  n: number;
  /** share answered right, 0–1 */
  preRate: number;
  postRate: number;
}

export interface LearningReport {
  overall: GainSummary;
  /** key `${zone}|${group}` */
  byZoneGroup: (GainRow & { zone: ZoneId; group: string })[];
  /** key: the visiting group's id */
  byVisit: GainRow[];
  /** key: local day start (ms) as a string, oldest first */
  byDay: (GainRow & { day: number })[];
  items: ItemRow[];
  /** items whose post rate is not above the pre rate, most asked first: the content to look at */
  notRising: ItemRow[];
  /** records with a pre-check, with a post-check, and with both skipped */
  counts: { records: number; pre: number; post: number; pairs: number; skippedPre: number; skippedPost: number };
}

export function learningReport(records: readonly LearningRecord[], opts: { tzOffsetMin?: number } = {}): LearningReport {
  const tz = opts.tzOffsetMin ?? HALL_TZ_OFFSET_MIN;
  const pairs = records.map(pairOf).filter((p): p is Pair => p !== null);
  const byZoneGroup = groupBy(records, (r) => `${r.zone}|${r.group}`).map((row) => {
    const [zone, group] = row.key.split('|') as [ZoneId, string];
    return { ...row, zone, group };
  });
  const byVisit = groupBy(records, (r) => r.visit);
  const byDay = groupBy(records, (r) => String(localDayStart(r.postAt ?? r.createdAt, tz)))
    .map((row) => ({ ...row, day: Number(row.key) }))
    .sort((a, b) => a.day - b.day);

  const tally = new Map<string, { zone: ZoneId; n: number; pre: number; post: number }>();
  for (const r of records) {
    if (!pairOf(r)) continue;
    r.items.forEach((q, i) => {
      const t = tally.get(q) ?? { zone: r.zone, n: 0, pre: 0, post: 0 };
      t.n++;
      if (r.pre![i]) t.pre++;
      if (r.post![i]) t.post++;
      tally.set(q, t);
    });
  }
  const items: ItemRow[] = [...tally.entries()]
    .map(([question, t]) => ({ question, zone: t.zone, n: t.n, preRate: t.pre / t.n, postRate: t.post / t.n }))
    .sort((a, b) => (a.question < b.question ? -1 : 1));
  const notRising = items.filter((i) => i.postRate <= i.preRate).sort((a, b) => b.n - a.n || (a.question < b.question ? -1 : 1));
  return {
    overall: gainSummary(pairs),
    byZoneGroup,
    byVisit,
    byDay,
    items,
    notRising,
    counts: {
      records: records.length,
      pre: records.filter((r) => r.pre).length,
      post: records.filter((r) => r.post).length,
      pairs: pairs.length,
      skippedPre: records.filter((r) => r.pre === null).length,
      skippedPost: records.filter((r) => r.pre && r.post === null).length,
    },
  };
}

const fixed = (x: number | undefined, d = 1) => (x === undefined || Number.isNaN(x) ? '' : x.toFixed(d));

/** The report as CSV (UTF-8 with BOM for Excel): one section per view, Chinese and English headers. */
export function learningCsv(
  report: LearningReport,
  names: { zone: (id: string) => string; group: (id: string) => string; visit: (id: string) => string },
  opts: { tzOffsetMin?: number } = {},
): string {
  const tz = opts.tzOffsetMin ?? HALL_TZ_OFFSET_MIN;
  const lines: string[] = [];
  const row = (...cells: (string | number | null)[]) => lines.push(cells.map((c) => csvField(c)).join(','));
  const gain = (g: GainSummary) => [g.n, fixed(g.meanPre), fixed(g.meanPost), fixed(g.gain), fixed(g.ci?.[0]), fixed(g.ci?.[1])];
  const head = ['人数 n', '前测均分 mean pre', '后测均分 mean post', '提升 gain', '95% CI 下限 low', '95% CI 上限 high'];
  row('展区 zone', '人群 group', ...head);
  for (const r of report.byZoneGroup) row(names.zone(r.zone), names.group(r.group), ...gain(r));
  row('全部 all', '', ...gain(report.overall));
  lines.push('');
  row('参观团体 visiting group', ...head);
  for (const r of report.byVisit) row(names.visit(r.key), ...gain(r));
  lines.push('');
  row('日期 day', ...head);
  for (const r of report.byDay) row(localTime(r.day, tz).slice(0, 10), ...gain(r));
  lines.push('');
  row('未提升的题 items not rising', '展区 zone', '人数 n', '前测答对率 pre %', '后测答对率 post %');
  for (const i of report.notRising) row(i.question, names.zone(i.zone), i.n, fixed(i.preRate * 100, 0), fixed(i.postRate * 100, 0));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
