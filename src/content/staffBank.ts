// A zone's bank as visitors meet it: the app's questions plus the questions hall staff added on this
// device. Staff questions are checked again as they load (the facts index or the groups may have
// changed since they were imported); one that no longer passes is left out and logged, never shown.
import { citationProblem, type FactsIndex } from './facts.ts';
import { STAFF_TOPIC, STAFF_TOPIC_NAME } from './import/rows.ts';
import { staffQuestionSchema, type Localized, type Question, type ZoneId } from './schema.ts';
import type { StaffQuestionRecord } from '../storage/staffQuestions.ts';

export interface BankWithStaff {
  questions: Question[];
  topics: Record<string, Localized>;
  /** staff questions left out, with why (for the console and the log) */
  skipped: { id: string; why: string }[];
}

export function withStaffQuestions(
  bank: { questions: readonly Question[]; topics: Record<string, Localized> },
  zone: ZoneId,
  staff: readonly StaffQuestionRecord[],
  ctx: { facts: FactsIndex; groupIds: readonly string[] },
): BankWithStaff {
  const ids = new Set(bank.questions.map((q) => q.id));
  const questions = [...bank.questions];
  const topics = { ...bank.topics };
  const skipped: BankWithStaff['skipped'] = [];
  for (const rec of staff) {
    if (rec.zone !== zone) continue;
    const r = staffQuestionSchema.safeParse(rec.question);
    const why = !r.success
      ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
      : r.data.zone !== zone
        ? `is for zone ${r.data.zone}`
        : ids.has(r.data.id)
          ? 'has the id of a question of the app'
          : (r.data.source.facts.map((f) => citationProblem(ctx.facts, f)).find(Boolean) ??
            (r.data.groups.find((g) => !ctx.groupIds.includes(g)) ? `names an unknown group` : null) ??
            (r.data.topic !== STAFF_TOPIC && !topics[r.data.topic] ? `names the unknown topic "${r.data.topic}"` : null));
    if (why || !r.success) {
      skipped.push({ id: rec.id, why: why ?? 'invalid' });
      continue;
    }
    // a staff question without English keeps its empty English texts: availableIn() keeps it from English visitors
    questions.push(r.data as Question);
    ids.add(r.data.id);
    if (r.data.topic === STAFF_TOPIC) topics[STAFF_TOPIC] ??= STAFF_TOPIC_NAME;
  }
  return { questions, topics, skipped };
}
