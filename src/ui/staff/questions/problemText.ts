// An import problem in the console's language: its code's message (staff.questions.problem.*) with its
// values, or the pipeline's English message for problems without one (rare schema messages).
import type { TFunction } from 'i18next';
import type { RowProblem } from '../../../content/import/problems.ts';

export function problemText(t: TFunction, p: RowProblem): string {
  if (p.code === 'schema') return p.message;
  const key = `staff.questions.problem.${p.code}`;
  const out = t(key, { ...p.params, defaultValue: '' });
  return out && out !== key ? out : p.message;
}
