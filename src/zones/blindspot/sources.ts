// What the street renderers draw in this zone, when it is not simply the world: in the cab the
// visitor sits inside the standing truck, so its body is left out (the cab frame is drawn around
// the eye instead). One array, refilled per read, so nothing is allocated per frame.
import type { DrawnAgent } from '../../sim/replayView.ts';

export interface Agents {
  readonly agents: readonly DrawnAgent[];
}

export class WithoutAgent implements Agents {
  /** the agent not to draw, −1 none */
  hide = -1;
  private readonly list: DrawnAgent[] = [];

  constructor(private readonly source: Agents) {}

  get agents(): readonly DrawnAgent[] {
    const all = this.source.agents;
    if (this.hide < 0) return all;
    this.list.length = 0;
    for (const a of all) if (a.id !== this.hide) this.list.push(a);
    return this.list;
  }
}
