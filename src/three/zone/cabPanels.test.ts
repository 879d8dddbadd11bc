// The cab drawn in a replay hides what the sim's blind-zone maths says the driver cannot see
// directly: the two models agree for points all around the truck.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAB, directSight } from '../../sim/geometry/blindZone.ts';
import { cabPanels, segmentHitsBox } from './cabPanels.ts';

const WIDTH = 2.5;
const LENGTH = 9;

describe('cabPanels', () => {
  const boxes = cabPanels(DEFAULT_CAB, WIDTH);
  const eye = [-DEFAULT_CAB.eyeBack, DEFAULT_CAB.eyeHeight, DEFAULT_CAB.eyeLateral] as const;
  const hidden = (u: number, v: number, h: number) => boxes.some((b) => segmentHitsBox(eye, [u, h, v], b));

  it('hides a rider close beside the right door and shows one well ahead', () => {
    expect(hidden(-1.5, WIDTH / 2 + 0.8, 1.6)).toBe(true);
    expect(hidden(8, 0, 1.6)).toBe(false);
  });

  it('agrees with the sim about direct sight for targets around the truck', () => {
    let n = 0;
    let agree = 0;
    for (let u = -LENGTH - 3; u <= 6; u += 0.37)
      for (let v = -WIDTH / 2 - 4; v <= WIDTH / 2 + 4; v += 0.31)
        for (const h of [0.5, 1.1, 1.7]) {
          const inside = u <= 0 && u >= -LENGTH && Math.abs(v) <= WIDTH / 2;
          if (inside) continue;
          const sim = directSight(DEFAULT_CAB, { length: LENGTH, width: WIDTH }, u, v, h);
          n++;
          if ((sim !== 'none') === hidden(u, v, h)) agree++;
        }
    expect(n).toBeGreaterThan(2000);
    // only grazing lines along the thin walls' edges may differ
    expect(agree / n).toBeGreaterThan(0.98);
  });
});
