import { describe, it } from 'vitest';
import { browserSuite } from './suite.ts';
import { open } from './helpers.ts';
import { startGame } from './zoneGame.ts';
const suite = browserSuite();
describe('dbg', () => {
  it('dbg', async () => {
    const { page } = await suite.page({ viewport: { width: 1366, height: 768 } });
    await open(page, '#/zone/seatbelt?mode=game&group=pro&lang=en');
    await startGame(page);
    await page.getByTestId('sb-station').waitFor();
    await page.evaluate(() => { const a = (window as any).__zoneGameStore.getState().actions.zone; a.buckle(true); a.choose('speed','30'); a.go(); a.skip(); a.next(); a.go(); });
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(700);
      console.log(JSON.stringify(await page.evaluate(() => { const g = (window as any).__zoneGame; const s=(window as any).__zoneGameStore.getState(); const p = g.world.player; return { t: g.time, wt: g.world.time, st: g.station.stage, x: p.x, sp: p.speed, in: g.world.input, brake: s.controls.value('brake'), phone: s.controls.value('phone'), status: s.status, cons: !!s.consequence }; })));
    }
  });
});
