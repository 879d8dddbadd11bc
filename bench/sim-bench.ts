// Simulation benchmark: a four-way signalised junction filled to 150 agents, then N fixed steps
// timed. Prints the mean (and spread) of microseconds per step. Run: npx tsx bench/sim-bench.ts
import { createWorld } from '../src/sim/world.ts';
import { makeJunction } from '../src/sim/fixtures/demoJunction.ts';

const TARGET = Number(process.env.SIM_AGENTS ?? 150);
const STEPS = Number(process.env.SIM_STEPS ?? 6000);
const DT = 1 / 60;

// longer arms and heavier flows so the junction holds TARGET agents in steady traffic
const def = makeJunction({ armLength: 160, rate: 2.2 });
const world = createWorld(def, 7, { player: false, maxAgents: TARGET });

// fill up: step until the pool is full (flows stop spawning at maxAgents) and settle a little
let warm = 0;
while (world.agents.length < TARGET && warm < 60 * 600) {
  world.step(DT);
  world.drainEvents();
  warm++;
}
for (let i = 0; i < 600; i++) {
  world.step(DT);
  world.drainEvents();
}

const samples = new Float64Array(STEPS);
let agentSum = 0;
let events = 0;
for (let i = 0; i < STEPS; i++) {
  const t0 = process.hrtime.bigint();
  world.step(DT);
  const t1 = process.hrtime.bigint();
  samples[i] = Number(t1 - t0) / 1000;
  agentSum += world.agents.length;
  events += world.drainEvents().length;
}
const sorted = Array.from(samples).sort((a, b) => a - b);
const mean = sorted.reduce((a, b) => a + b, 0) / STEPS;
const pct = (p: number) => sorted[Math.min(STEPS - 1, Math.floor(p * STEPS))]!;
console.log(`sim-bench: ${STEPS} steps of ${(DT * 1000).toFixed(2)} ms, warm-up ${warm} steps`);
console.log(`agents: mean ${(agentSum / STEPS).toFixed(1)} (target ${TARGET}), events ${events}`);
console.log(`µs/step: mean ${mean.toFixed(1)}  median ${pct(0.5).toFixed(1)}  p95 ${pct(0.95).toFixed(1)}  max ${sorted[STEPS - 1]!.toFixed(1)}`);
