import { describe, expect, it } from 'vitest';
import type { Attempt } from '../storage/types.ts';
import wording from '../../scenes/programmes.json';
import { programmesSchema } from '../content/schema.ts';
import { certificateDoc } from './certificate.ts';
import { docText } from './printDoc.ts';
import { checkCaseCode, checkServiceEntry, looksLikeIdNumber, newParticipant, programmeStatus, type Participant } from './programme.ts';

const T0 = Date.UTC(2026, 4, 1, 2); // 2026-05-01 10:00 in UTC+8
const MIN = 60_000;

function attempt(o: Partial<Attempt> & Pick<Attempt, 'zone' | 'mode' | 'score'>): Attempt {
  const startedAt = o.startedAt ?? T0 + 10 * MIN;
  return { id: `a${Math.random()}`, visitorId: 'pv-1', group: 'driver', startedAt, endedAt: startedAt + 5 * MIN, stars: 0, passed: true, appVersion: 't', device: 'desktop', ...o };
}

const participant = (over: Partial<Participant> = {}): Participant => ({ ...newParticipant({ id: 'pp-1', visitorId: 'pv-1', code: '睢检刑不诉〔2024〕12号', now: T0 }), ...over });

describe('case number or code', () => {
  it('refuses anything that looks like a resident ID number, however it is written', () => {
    for (const id of ['11010519491231002X', '110105194912310021', '110105 19491231 002x', '１１０１０５１９４９１２３１００２Ｘ', '案号11010519491231002X', '110105491231002', '1101-0519-4912-3100-2X'])
      expect(checkCaseCode(id), id).toEqual({ ok: false, problem: 'idNumber' });
    expect(looksLikeIdNumber('1101051949123100')).toBe(false); // 16 digits: no ID number form
  });
  it('keeps case numbers and codes as typed (trimmed), and names the other problems', () => {
    expect(checkCaseCode('  睢检刑不诉〔2024〕12号 ')).toEqual({ ok: true, code: '睢检刑不诉〔2024〕12号' });
    expect(checkCaseCode('ZJ-2026-0042')).toEqual({ ok: true, code: 'ZJ-2026-0042' });
    expect(checkCaseCode('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkCaseCode('A'.repeat(41))).toEqual({ ok: false, problem: 'long' });
    expect(checkCaseCode('=HYPERLINK("x")')).toEqual({ ok: false, problem: 'chars' });
    expect(checkCaseCode('张三 ☎')).toEqual({ ok: false, problem: 'chars' });
  });
  it('service log lines: a real past date and half hours up to 12', () => {
    expect(checkServiceEntry('2026-05-02', '4', '2026-05-03')).toEqual({ ok: true, date: '2026-05-02', hours: 4 });
    expect(checkServiceEntry('2026-05-02', '2.5', '2026-05-03')).toMatchObject({ ok: true, hours: 2.5 });
    expect(checkServiceEntry('2026-02-30', '4', '2026-05-03')).toEqual({ ok: false, problem: 'date' });
    expect(checkServiceEntry('2026-05-04', '4', '2026-05-03')).toEqual({ ok: false, problem: 'future' });
    for (const h of ['0', '-1', '13', '1.2', 'abc', '']) expect(checkServiceEntry('2026-05-02', h, '2026-05-03'), h).toEqual({ ok: false, problem: 'hours' });
  });
});

describe('programme completion', () => {
  it('counts only the participant’s attempts after the record, tests from the pass mark, service from the hours', () => {
    const p = participant({ service: [{ id: 's1', date: '2026-05-02', hours: 6, createdAt: T0 }] });
    const attempts = [
      attempt({ zone: 'drunk', mode: 'game', score: 55 }),
      attempt({ zone: 'drunk', mode: 'game', score: 70, startedAt: T0 + 30 * MIN }),
      attempt({ zone: 'seatbelt', mode: 'game', score: 90, visitorId: 'someone-else' }),
      attempt({ zone: 'seatbelt', mode: 'game', score: 90, startedAt: T0 - MIN }), // before the record
      attempt({ zone: 'drunk', mode: 'test', score: 70 }), // below the pass mark (80)
      attempt({ zone: 'seatbelt', mode: 'test', score: 80, startedAt: T0 + 40 * MIN }),
    ];
    const s = programmeStatus(p, attempts);
    expect(s.items.map((i) => [i.id, i.done, i.score, i.attempts])).toEqual([
      ['drunk-game', true, 70, 2],
      ['seatbelt-game', false, null, 0],
      ['drunk-test', false, 70, 1],
      ['seatbelt-test', true, 80, 1],
      ['service', false, 6, 1],
    ]);
    expect(s.complete).toBe(false);
    expect(s.completedAt).toBeNull();

    const more = [...attempts, attempt({ zone: 'seatbelt', mode: 'game', score: 64, startedAt: T0 + 50 * MIN }), attempt({ zone: 'drunk', mode: 'test', score: 90, startedAt: T0 + 60 * MIN })];
    const done = programmeStatus({ ...p, service: [...p.service, { id: 's2', date: '2026-05-03', hours: 4, createdAt: T0 }] }, more);
    expect(done.items.map((i) => i.done)).toEqual([true, true, true, true, true]);
    expect(done.complete).toBe(true);
    // the last item done: the service, whose hours reached 10 with the entry dated 2026-05-03 (local midnight)
    expect(done.completedAt).toBe(Date.UTC(2026, 4, 2, 16));
    expect(done.items.find((i) => i.id === 'drunk-test')!.score).toBe(90);
  });
  it('a programme without some items (staff unticked them) completes without them', () => {
    const p = participant({ items: ['drunk-test'], passMark: 60 });
    expect(programmeStatus(p, [attempt({ zone: 'drunk', mode: 'test', score: 60 })]).complete).toBe(true);
  });
});

describe('certificate text', () => {
  const w = programmesSchema.parse(wording).violatorService;
  const p = participant({ service: [{ id: 's1', date: '2026-05-02', hours: 10.5, createdAt: T0 }] });
  const attempts = [
    attempt({ zone: 'drunk', mode: 'game', score: 72 }),
    attempt({ zone: 'seatbelt', mode: 'game', score: 64 }),
    attempt({ zone: 'drunk', mode: 'test', score: 90 }),
    attempt({ zone: 'seatbelt', mode: 'test', score: 100 }),
  ];
  const status = programmeStatus(p, attempts);
  it('names the code, hall, items with scores and the pass mark, the hours, the date; says voluntary, not a penalty, licence revocation stands', () => {
    const doc = certificateDoc(w, p, status, { lang: 'zh-Hans', hall: '某市交通安全宣传教育基地', issuedAt: Date.UTC(2026, 4, 3, 3) });
    expect(doc.title).toBe('交通安全教育完成证明');
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows).toEqual([
      ['酒驾醉驾展区体验游戏', '72 分', '2026-05-01'],
      ['安全带与分心驾驶展区体验游戏', '64 分', '2026-05-01'],
      ['酒驾醉驾知识自测', '90 分（合格线 80 分）', '2026-05-01'],
      ['安全带与分心驾驶知识自测', '100 分（合格线 80 分）', '2026-05-01'],
      ['交通安全志愿服务', '10.5 小时（要求 10 小时）', '2026-05-02'],
    ]);
    const all = docText(doc).join('\n');
    expect(all).toContain('参加人编号：睢检刑不诉〔2024〕12号');
    expect(all).toContain('参加人已在某市交通安全宣传教育基地完成');
    expect(all).toContain('自愿参加');
    expect(all).toContain('不是法定刑罚');
    expect(all).toContain('不起诉不免除吊销机动车驾驶证等行政处罚');
    expect(all).toContain('5年内不得重新取得');
    expect(all).toContain('出具日期：2026-05-03');
    expect(all).not.toMatch(/\{\w+\}/);
  });
  it('in English the same facts', () => {
    const all = docText(certificateDoc(w, p, status, { lang: 'en', hall: 'City Hall', issuedAt: T0 })).join('\n');
    expect(all).toContain('Participant code: 睢检刑不诉〔2024〕12号');
    expect(all).toContain('90 points (pass mark 80)');
    expect(all).toContain('voluntary');
    expect(all).toContain('not a statutory punishment');
    expect(all).toContain('does not cancel administrative penalties such as licence revocation');
  });
  it('is refused while an item is not done', () => {
    expect(() => certificateDoc(w, p, programmeStatus(p, attempts.slice(1)), { lang: 'zh-Hans', hall: 'x', issuedAt: T0 })).toThrow(/not complete/);
  });
});
