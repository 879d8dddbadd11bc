// The certificate of completed safety education for a violator service programme participant, built
// from the programme's wording (scenes/programmes.json) and the participant's status. Pure; the PDF is
// written from the result by ui/staff/pdf.ts.
import { text, type Lang } from '../content/ids.ts';
import type { ProgrammesDef } from '../content/schema.ts';
import { localTime } from '../scoring/exchange.ts';
import { fill, type PrintDoc } from './printDoc.ts';
import type { Participant, ProgrammeStatus } from './programme.ts';

export type ProgrammeWording = ProgrammesDef['violatorService'];

/** Hours as staff logged them: 10, 2.5. */
const hoursText = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1));
const score = (x: number) => String(Math.round(x));

/**
 * The certificate's document. Refuses (throws) for a programme that is not complete: a certificate
 * is the statement that every assigned item is done.
 */
export function certificateDoc(
  w: ProgrammeWording,
  p: Participant,
  status: ProgrammeStatus,
  o: { lang: Lang; hall: string; issuedAt: number; tzOffsetMin?: number },
): PrintDoc {
  if (!status.complete) throw new Error('certificateDoc: the programme is not complete');
  const L = (t: Parameters<typeof text>[0]) => text(t, o.lang);
  const day = (t: number) => localTime(t, o.tzOffsetMin).slice(0, 10);
  const rows = status.items.map((i) => {
    let result: string;
    if (i.id === 'service') result = fill(L(w.certificate.hours), { hours: hoursText(i.score ?? 0), required: hoursText(p.serviceHours) });
    else if (i.id === 'drunk-test' || i.id === 'seatbelt-test') result = fill(L(w.certificate.testScore), { score: score(i.score ?? 0), mark: p.passMark });
    else result = fill(L(w.certificate.score), { score: score(i.score ?? 0) });
    return [L(w.items[i.id]), result, i.doneAt === null ? '' : day(i.doneAt)];
  });
  return {
    title: L(w.certificate.title),
    subtitle: L(w.title),
    lang: o.lang,
    onePage: true,
    blocks: [
      { kind: 'para', text: fill(L(w.certificate.code), { code: p.code }) },
      { kind: 'para', text: fill(L(w.certificate.intro), { hall: o.hall }) },
      { kind: 'table', head: [L(w.certificate.columns.item), L(w.certificate.columns.result), L(w.certificate.columns.date)], rows, widths: [5, 4, 2.4] },
      ...w.notes.map((n) => ({ kind: 'para' as const, text: L(n), small: true })),
      { kind: 'sign', lines: [fill(L(w.certificate.issuedBy), { hall: o.hall }), fill(L(w.certificate.date), { date: day(o.issuedAt) }), L(w.certificate.seal)] },
    ],
  };
}
