// Pieces every zone game is built from (see docs/zones.md): score keeper, summary and attempt,
// replay windows, per-group tuning, challenges as tasks, sim-definition transforms, a game base.
export * from './types.ts';
export { ScoreKeeper, type RecordOptions, type Scoring } from './scoreKeeper.ts';
export { clampScore, starsFor, summarize, toAttempt, type SummaryInput } from './summary.ts';
export { replayReady, replayWindow, type ReplayOptions } from './replay.ts';
export { ConsequenceQueue, replayDuration, replayOver, replayTime, SLOW_MOTION, type Consequence } from './consequence.ts';
export { commonTuningShape, fromGroupDefaults, groupIdOf, resolveTuning, TRAFFIC_DENSITY } from './tuning.ts';
export { challengesOf, inRect, type Challenge } from './challenges.ts';
export { extendPedestrianGreen, scaleTrafficSpeed, simDefOf, withoutPhone } from './worldDef.ts';
export { GameBase, type GameBaseOptions } from './game.ts';
export { hintFromFeedback, hintFromTitle } from './hints.ts';
