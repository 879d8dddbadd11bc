// The street kit on the demo junction (#/lab/junction): live traffic from the pure sim, drawn with
// merged static geometry and instanced agents, within the draw-call budget.
import { describe, expect, it } from 'vitest';
import { canvasVariety, type Guarded } from './browser.ts';
import { browserSuite } from './suite.ts';
import { open, shot } from './helpers.ts';

const suite = browserSuite();

type Lab = {
  world: { time: number; agents: { id: number; x: number; z: number; speed: number }[] };
  counts: { enteredOnRed: number; collisions: number; signalChanges: number };
};
const lab = (page: Guarded['page']) =>
  page.evaluate(() => {
    const l = (window as unknown as { __junctionLab: Lab }).__junctionLab;
    const gl = (window as unknown as { __hall3d: { gl: { info: { render: { calls: number; triangles: number } } } } }).__hall3d.gl;
    return {
      time: l.world.time,
      agents: l.world.agents.map((a) => ({ id: a.id, x: a.x, z: a.z, speed: a.speed })),
      counts: { ...l.counts },
      calls: gl.info.render.calls,
      triangles: gl.info.render.triangles,
    };
  });

describe('street kit (demo junction)', () => {
  it('renders moving traffic that keeps to the signals, within the draw-call budget', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/lab/junction');
    await page.waitForFunction(() => !!(window as unknown as { __junctionLab?: unknown }).__junctionLab, undefined, { timeout: 60_000 });
    await page.waitForTimeout(2000);
    const a = await lab(page);
    expect(a.agents.length).toBeGreaterThan(30);
    expect(a.calls).toBeGreaterThan(5);
    expect(a.calls).toBeLessThanOrEqual(100);
    expect(a.triangles).toBeLessThanOrEqual(150_000);
    expect(await canvasVariety(page)).toBeGreaterThan(0.1);
    await shot(page, 'lab-junction-1');

    // simulated time passes and agents move
    await page.waitForFunction((t0) => (window as unknown as { __junctionLab: Lab }).__junctionLab.world.time > t0 + 4, a.time, { timeout: 90_000 });
    const b = await lab(page);
    const moved = b.agents.filter((x) => {
      const before = a.agents.find((y) => y.id === x.id);
      return before && Math.hypot(before.x - x.x, before.z - x.z) > 1;
    });
    expect(moved.length).toBeGreaterThan(5);
    // signals cycle, nobody runs a red (no agent is scripted to), and nothing crashes
    await page.waitForFunction(() => (window as unknown as { __junctionLab: Lab }).__junctionLab.counts.signalChanges > 0, undefined, { timeout: 90_000 });
    const c = await lab(page);
    expect(c.counts.enteredOnRed).toBe(0);
    expect(c.counts.collisions).toBe(0);
    await shot(page, 'lab-junction-2');
  });
});
