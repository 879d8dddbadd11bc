import { describe, expect, it } from 'vitest';
import { nextAction, type Action, type ActionInput } from './log.ts';
import { serializeLog } from './persist.ts';
import { RUNNING_WINDOW_MS, runningCompetition } from './running.ts';

function logText(id: string, title: string, players: number): string {
  const log: Action[] = [];
  const act = (input: ActionInput) => log.push(nextAction(log, input, 1000));
  act({
    type: 'setup',
    setup: {
      id,
      title,
      seed: 1,
      entrants: 'teams',
      players: Array.from({ length: players }, (_, i) => ({ id: `t${i}`, name: `队${i}`, group: 'teen' })),
      rounds: [{ kind: 'challenge', challenge: 'safe-to-cross', count: 2, timeLimitSec: 10 }],
      answering: 'all',
    },
  });
  act({ type: 'start' });
  return serializeLog(log);
}

describe('a competition on at this kiosk', () => {
  const now = Date.UTC(2026, 5, 1, 10);
  it('is the newest unfinished one saved recently, with its title and number of entrants', () => {
    const records = [
      { id: 'a', title: 'a', logText: logText('a', '上午场', 4), updatedAt: now - 60_000, finished: false },
      { id: 'b', title: 'b', logText: logText('b', '下午场', 3), updatedAt: now - 10_000, finished: false },
      { id: 'c', title: 'c', logText: logText('c', '已结束', 2), updatedAt: now - 1000, finished: true },
    ];
    expect(runningCompetition(records, now)).toEqual({ id: 'b', title: '下午场', entrants: 'teams', players: 3 });
  });
  it('is none when every saved one is finished, stale or unreadable', () => {
    expect(runningCompetition([], now)).toBeNull();
    expect(runningCompetition([{ id: 'old', title: 'x', logText: logText('old', '上周', 2), updatedAt: now - RUNNING_WINDOW_MS - 1, finished: false }], now)).toBeNull();
    expect(runningCompetition([{ id: 'bad', title: 'x', logText: '{not json\n', updatedAt: now, finished: false }], now)).toBeNull();
  });
});
