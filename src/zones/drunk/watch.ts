// Keeping to one's lane: the world reports the front axle entering a wrong lane or the oncoming one,
// but a body drifting over the line on the kerb side (the parked cars, the bike lane's riders) is
// the zone's own observation: a corner of the body more than a tolerance outside the lane.
import type { Agent } from '../../sim/agents/agent.ts';
import type { ProjectionOut } from '../../sim/road/polyline.ts';
import type { RtLane } from '../../sim/road/network.ts';

/** a corner may stand this far over the lane line before it counts, m */
export const LANE_TOLERANCE = 0.3;

const proj: ProjectionOut = { s: 0, lateral: 0, dist: 0, heading: 0 };
const SIDES = [1, -1] as const;

export class LaneWatch {
  private out = false;

  constructor(private readonly lane: RtLane) {}

  reset(): void {
    this.out = false;
  }

  /** true in the step a corner of the body first leaves the lane (once per departure) */
  update(p: Agent): boolean {
    const c = Math.cos(p.heading), s = Math.sin(p.heading);
    const hl = p.length / 2, hw = p.width / 2;
    const limit = this.lane.width / 2 + LANE_TOLERANCE;
    let outside = false;
    for (const a of SIDES)
      for (const b of SIDES) {
        this.lane.line.project(p.x + c * hl * a - s * hw * b, p.z + s * hl * a + c * hw * b, proj);
        if (Math.abs(proj.lateral) > limit) outside = true;
      }
    const started = outside && !this.out;
    this.out = outside;
    return started;
  }
}
