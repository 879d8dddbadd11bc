import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Attempt, Visitor } from '../storage/types.ts';
import { CSV_COLUMNS, buildExport, csvField, importJson, localTime, purge, purgeVisitors, toCsv, toJson } from './exchange.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 4, 1, 7); // 15:00 in the hall

function attempt(id: string, p: Partial<Attempt> = {}): Attempt {
  return {
    id,
    visitorId: 'v1',
    group: 'child',
    zone: 'crossing',
    mode: 'test',
    startedAt: NOW - 125_000,
    endedAt: NOW - 5_000,
    score: 80,
    stars: 2,
    passed: true,
    answers: [
      { question: 'crossing-red-light-enter', chosen: ['no'], correct: true, ms: 3200 },
      { question: 'crossing-footbridge-first', chosen: ['nearest'], correct: false, ms: 8100 },
    ],
    appVersion: '0.1.0',
    device: 'kiosk',
    ...p,
  };
}

const visitors: Visitor[] = [
  { id: 'v1', nickname: '小红', group: 'child', createdAt: NOW - DAY, comfort: { seated: true } },
  { id: 'v2', nickname: 'Tom "T", Jr.\nrow', group: 'teen', createdAt: NOW - DAY },
  { id: 'v3', nickname: '=HYPERLINK("http://x")', group: 'adult', createdAt: NOW - DAY },
  { id: 'v4', nickname: '没来过', group: 'adult', createdAt: NOW - DAY },
];

const attempts = [
  attempt('a1'),
  attempt('a2', { visitorId: 'v2', group: 'teen', zone: 'ebike', mode: 'game', score: 45, stars: 0, passed: false, answers: undefined, events: [{ kind: 'no_helmet', t: 2.5 }] }),
  attempt('a3', { visitorId: 'v3', group: 'adult', mode: 'competition' }),
];

describe('CSV export', () => {
  it('starts with a UTF-8 BOM so Excel reads Chinese, then a header and one CRLF row per attempt', () => {
    const csv = toCsv(attempts, visitors);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split('\r\n')[0]).toBe(
      'id,visitorId,nickname,group,zone,mode,startedAt (UTC+8),endedAt (UTC+8),durationSec,score,stars,passed,answered,correct,events,appVersion,device',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')[1]).toBe('a1,v1,小红,child,crossing,test,2026-05-01 14:57:55,2026-05-01 14:59:55,120,80,2,true,2,1,,0.1.0,kiosk');
  });

  it('quotes by RFC 4180 and a standard parser reads every field back', () => {
    const csv = toCsv(attempts, visitors);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(4);
    for (const row of parsed.data) expect(row).toHaveLength(CSV_COLUMNS.length);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    expect(parsed.data[2]![col('nickname')]).toBe('Tom "T", Jr.\nrow');
    expect(parsed.data[2]![col('events')]).toBe('1');
    expect(parsed.data[2]![col('answered')]).toBe('');
    expect(csv).toContain('"Tom ""T"", Jr.\nrow"');
  });

  it('defuses cells Excel would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+86')).toBe("'+86");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    // spaces or a line feed before the sign do not hide a formula
    expect(csvField(' =1+2')).toBe("' =1+2");
    expect(csvField('\n=cmd|x')).toBe(`"'\n=cmd|x"`);
    expect(csvField('  @SUM(A1)')).toBe("'  @SUM(A1)");
    expect(csvField('a = b')).toBe('a = b');
    // also after leading spaces or line feeds, which spreadsheet programs skip (OWASP's list)
    expect(csvField(' =1+1')).toBe("' =1+1");
    expect(csvField('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(csvField('\tx')).toBe("'\tx");
    // a leading space, tab or line feed before the formula does not hide it (issue 15 item 9)
    expect(csvField(' =1+1')).toBe("' =1+1");
    expect(csvField('\n=cmd|\' /C calc\'!A0')).toBe(`"'\n=cmd|' /C calc'!A0"`);
    expect(csvField('\r\n+1')).toBe(`"'\r\n+1"`);
    expect(csvField('\t@x')).toBe("'\t@x");
    expect(csvField('\u3000=1')).toBe("'\u3000=1");
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-1)).toBe('-1'); // numbers are numbers
    expect(csvField(null)).toBe('');
    expect(toCsv(attempts, visitors)).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('writes times in the hall’s local time, or another zone when asked', () => {
    expect(localTime(Date.UTC(2026, 4, 1, 16, 0, 1))).toBe('2026-05-02 00:00:01');
    const csv = toCsv([attempts[0]!], visitors, { tzOffsetMin: -330 });
    expect(csv).toContain('startedAt (UTC-5:30)');
    expect(csv).toContain('2026-05-01 01:27:55');
  });

  it('an empty export is just the header', () => {
    expect(toCsv([], [])).toBe('\uFEFF' + 'id,visitorId,nickname,group,zone,mode,startedAt (UTC+8),endedAt (UTC+8),durationSec,score,stars,passed,answered,correct,events,appVersion,device\r\n');
  });
});

describe('JSON export and import', () => {
  it('round-trips attempts and carries only nickname and group of the visitors the attempts name', () => {
    const text = toJson(attempts, visitors, NOW);
    const r = importJson(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toEqual({ format: 'traffic-hall-export', version: 1, exportedAt: NOW, attempts, visitors: [
      { id: 'v1', nickname: '小红', group: 'child' },
      { id: 'v2', nickname: 'Tom "T", Jr.\nrow', group: 'teen' },
      { id: 'v3', nickname: '=HYPERLINK("http://x")', group: 'adult' },
    ] });
    expect(text).not.toContain('comfort');
    expect(text).not.toContain('没来过');
    expect(buildExport(attempts, visitors, NOW).visitors).toHaveLength(3);
  });

  it('reads a file saved with a BOM and drops what it does not know about visitors', () => {
    const file = { ...buildExport(attempts, visitors, NOW), visitors: [{ id: 'v1', nickname: '小红', group: 'child', realName: '王小红', phone: '138' }] };
    const r = importJson('\uFEFF' + JSON.stringify(file));
    expect(r.ok && r.data.visitors).toEqual([{ id: 'v1', nickname: '小红', group: 'child' }]);
  });

  it('explains what is wrong with a file', () => {
    expect(importJson('{"format": "traffic-hall-export", ')).toEqual({ ok: false, errors: [expect.stringMatching(/^the file is not JSON \(/)] });
    expect(importJson('[1,2]')).toEqual({ ok: false, errors: ['the file is not a traffic-hall export (expected an object)'] });
    expect(importJson('{"format":"quiz-bank"}')).toEqual({ ok: false, errors: ['the file is not a traffic-hall export (format is "quiz-bank", expected "traffic-hall-export")'] });
    expect(importJson(JSON.stringify({ ...buildExport([], [], NOW), version: 2 }))).toEqual({
      ok: false,
      errors: ['the file was made by a newer version of the app (export version 2; this app reads version 1)'],
    });
    const bad = buildExport(attempts, visitors, NOW) as unknown as { attempts: Record<string, unknown>[] };
    bad.attempts[1]!.score = 140;
    bad.attempts[2]!.zone = 'moon';
    bad.attempts[0]!.endedAt = (bad.attempts[0]!.startedAt as number) - 1;
    delete bad.attempts[2]!.device;
    const r = importJson(JSON.stringify(bad));
    expect(r).toEqual({
      ok: false,
      errors: [
        'attempts[0].endedAt: must not be before startedAt',
        'attempts[1].score: must be between 0 and 100',
        'attempts[2].zone: must be one of crossing, ebike, drunk, blindspot, seatbelt, signals',
        'attempts[2].device: must be vr, desktop or kiosk',
      ],
    });
  });

  it('lists at most 20 problems', () => {
    const many = buildExport(Array.from({ length: 30 }, (_, i) => attempt(`b${i}`, { score: -1 })), [], NOW);
    const r = importJson(JSON.stringify(many));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(21);
    expect(r.errors[20]).toBe('… and 10 more problems');
  });
});

describe('purge', () => {
  const aged = [
    attempt('old', { endedAt: NOW - 31 * DAY, startedAt: NOW - 31 * DAY - 1000 }),
    attempt('edge', { endedAt: NOW - 30 * DAY, startedAt: NOW - 30 * DAY - 1000 }),
    attempt('new', { visitorId: 'v2', endedAt: NOW - DAY, startedAt: NOW - DAY - 1000 }),
  ];

  it('removes everything when no age is given', () => {
    expect(purge(aged, { now: NOW })).toEqual({ kept: [], removed: aged });
  });

  it('removes what ended more than N days ago', () => {
    const r = purge(aged, { olderThanDays: 30, now: NOW });
    expect(r.removed.map((a) => a.id)).toEqual(['old']);
    expect(r.kept.map((a) => a.id)).toEqual(['edge', 'new']);
    expect(purge(aged, { olderThanDays: 0, now: NOW }).kept).toEqual([]);
    expect(() => purge(aged, { olderThanDays: -1, now: NOW })).toThrow(/olderThanDays must be 0 or more/);
  });

  it('removes visitors left without attempts, except those it is told to keep', () => {
    const { kept } = purge(aged, { olderThanDays: 2, now: NOW });
    const r = purgeVisitors(visitors, kept, { olderThanDays: 0, now: NOW, keep: ['v4'] });
    expect(r.kept.map((v) => v.id)).toEqual(['v2', 'v4']);
    expect(r.removed.map((v) => v.id)).toEqual(['v1', 'v3']);
    // a visitor created today survives a purge of what is older than 7 days
    expect(purgeVisitors([{ ...visitors[0]!, createdAt: NOW }], [], { olderThanDays: 7, now: NOW }).kept).toHaveLength(1);
  });
});
