// The competition log on disk: JSON lines, one action per line, written after every action. Reading
// it back survives what a kiosk does to a file: a write cut short by a crash or power loss (a torn last
// line), the same action written twice (a retried save), a damaged line in the middle. Whatever can
// be read is kept; what cannot is reported, never thrown.
import { actionSchema, reduce, type Action, type CompetitionContext, type CompetitionState } from './log.ts';

/** One action as a line (with its newline). */
export function serializeAction(a: Action): string {
  return JSON.stringify(a) + '\n';
}

/** The whole log: every action on its own line, each ended by a newline. */
export function serializeLog(log: readonly Action[]): string {
  return log.map(serializeAction).join('');
}

/** Appends one action to saved text. If the text ends in a torn fragment the action still starts on
 * a line of its own (the fragment becomes a damaged line that parseLog reports and skips). */
export function appendAction(text: string, a: Action): string {
  const sep = text.length && !text.endsWith('\n') ? '\n' : '';
  return text + sep + serializeAction(a);
}

export type LogProblemKind = 'corrupt' | 'duplicate' | 'conflict' | 'out-of-order';

export interface LogProblem {
  /** 1-based line number in the text */
  line: number;
  kind: LogProblemKind;
  message: string;
}

export interface ParsedLog {
  /** the actions that survive, in order of strictly increasing seq */
  actions: Action[];
  /** the last line when it is an incomplete write (no newline after it and not a valid action) */
  torn: { line: number; text: string } | null;
  problems: LogProblem[];
}

/** JSON with sorted keys, so two writes of one action compare equal whatever their key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

function readLine(text: string): { ok: true; action: Action } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const r = actionSchema.safeParse(raw);
  if (!r.success) return { ok: false, message: r.error.issues.map((i) => `${i.path.join('.') || 'action'}: ${i.message}`).join('; ') };
  return { ok: true, action: r.data };
}

/**
 * Reads a saved log. The last line, when nothing follows it (no final newline) and it is not a valid
 * action, is the torn fragment of an interrupted write: reported in `torn`, dropped. A bad line
 * elsewhere is 'corrupt'. A seq seen before is a 'duplicate' (same action written twice, dropped) or
 * a 'conflict' (a different action with that seq: the first one wins); a seq lower than one already
 * read is 'out-of-order' (dropped: the reducer would ignore it anyway).
 */
export function parseLog(text: string): ParsedLog {
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n');
  const actions: Action[] = [];
  const problems: LogProblem[] = [];
  const bySeq = new Map<number, string>();
  let torn: ParsedLog['torn'] = null;
  let maxSeq = -Infinity;
  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '');
    if (!line.trim()) return;
    const isLast = i === lines.length - 1 && !endsClean;
    const r = readLine(line);
    if (!r.ok) {
      if (isLast) torn = { line: i + 1, text: line };
      else problems.push({ line: i + 1, kind: 'corrupt', message: r.message });
      return;
    }
    const a = r.action;
    const seen = bySeq.get(a.seq);
    if (seen !== undefined) {
      const same = seen === canonical(a);
      problems.push({
        line: i + 1,
        kind: same ? 'duplicate' : 'conflict',
        message: same ? `seq ${a.seq} written twice` : `seq ${a.seq} already holds a different action (${JSON.parse(seen).type}); kept the first`,
      });
      return;
    }
    if (a.seq < maxSeq) {
      problems.push({ line: i + 1, kind: 'out-of-order', message: `seq ${a.seq} comes after seq ${maxSeq}` });
      return;
    }
    bySeq.set(a.seq, canonical(a));
    maxSeq = a.seq;
    actions.push(a);
  });
  return { actions, torn, problems };
}

export interface Restored {
  state: CompetitionState;
  actions: Action[];
  /** the log rewritten without the torn fragment and damaged lines: save it before appending */
  text: string;
  torn: ParsedLog['torn'];
  problems: LogProblem[];
}

/** Reload after a crash: parse what was saved, replay it, and hand back a clean text to continue on. */
export function restoreCompetition(text: string, ctx: CompetitionContext): Restored {
  const { actions, torn, problems } = parseLog(text);
  return { state: reduce(actions, ctx), actions, text: serializeLog(actions), torn, problems };
}
