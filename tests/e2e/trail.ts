// What a browser test was doing, for the report when it fails. A test that runs out of time says
// only "timed out in 120000ms"; the steps the helpers marked (enter VR, each 3D click, a frame wait
// that never ended) tell where it stood. Printed by suite.ts only when the test failed.

let started = Date.now();
const steps: string[] = [];
/** a long test marks a few hundred steps; the last ones are what matters */
const KEEP = 60;

export function resetTrail(): void {
  started = Date.now();
  steps.length = 0;
}

/** Notes a step with the seconds since the test began. */
export function mark(step: string): void {
  steps.push(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${step}`);
  if (steps.length > KEEP) steps.splice(0, steps.length - KEEP);
}

export function trailText(): string {
  return steps.length ? steps.join('\n') : '(no steps marked)';
}
