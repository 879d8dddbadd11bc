// Is a competition on at this kiosk? What a visitor's competition screen tells them: the newest
// competition saved on this device that has not reached its podium and was active recently (a log
// left unfinished last week is not "running"). Pure: reads the saved records.
import type { CompetitionRecord } from '../../storage/types.ts';
import { parseLog } from './persist.ts';
import { parseSetup } from './setup.ts';

/** how long after its last save an unfinished competition still counts as on */
export const RUNNING_WINDOW_MS = 3 * 60 * 60 * 1000;

export interface RunningCompetition {
  id: string;
  title: string;
  entrants: 'players' | 'teams';
  players: number;
}

export function runningCompetition(records: readonly CompetitionRecord[], now: number): RunningCompetition | null {
  const open = records.filter((r) => !r.finished && now - r.updatedAt <= RUNNING_WINDOW_MS).sort((a, b) => b.updatedAt - a.updatedAt);
  for (const r of open) {
    const first = parseLog(r.logText).actions[0];
    if (first?.type !== 'setup') continue;
    const setup = parseSetup(first.setup);
    if (!setup.ok) continue;
    return { id: r.id, title: setup.value.title, entrants: setup.value.entrants, players: setup.value.players.length };
  }
  return null;
}
