// Helpers for zone tests (and for docs): drive a game with a scripted input function, the way the
// sim's ScriptedInput drives a world. Not used by the games themselves.
import type { ScoredEvent, ZoneGame } from './types.ts';

/**
 * Step a game at 60 Hz for up to `seconds` (or until it is done), asking `input(game)` for each
 * frame's input; returns every event scored on the way.
 */
export function playGame<I, G extends ZoneGame<I>>(game: G, seconds: number, input: (g: G) => I, dt = 1 / 60): ScoredEvent[] {
  const out: ScoredEvent[] = [];
  const steps = Math.round(seconds / dt);
  for (let i = 0; i < steps && game.phase !== 'done'; i++) out.push(...game.step(dt, input(game)));
  return out;
}

export const kindsOf = (events: readonly ScoredEvent[]): string[] => events.map((e) => e.kind);

/**
 * A scripted visitor from steps played in order: each frame the input starts from `neutral()`, and
 * a step that returns true is done (the next one starts in the same frame, on a fresh input). After
 * the last step the input stays neutral, then `atEnd` (a rider brakes to a stand) when given.
 */
export function playSteps<G, I extends object>(steps: readonly ((g: G, inp: I) => boolean)[], neutral: () => I, atEnd?: (inp: I) => void): (g: G) => I {
  let i = 0;
  const inp = neutral();
  return (g) => {
    Object.assign(inp, neutral());
    while (i < steps.length && steps[i]!(g, inp)) {
      i++;
      Object.assign(inp, neutral());
    }
    if (i >= steps.length) atEnd?.(inp);
    return inp;
  };
}
