// One source for a zone's street renderers that switches between the live world and a replay of
// it, so the agent pools and signal lamps need not be rebuilt (or know) when a replay starts.
import type { ReplayView, DrawnAgent } from '../../sim/replayView.ts';
import type { SignalReading } from '../../sim/signals.ts';
import type { World } from '../../sim/world.ts';

export class SceneSource {
  constructor(
    private readonly world: World,
    private readonly view: ReplayView,
    /** show the replay instead of the live world (a consequence is on screen) */
    private readonly replaying: () => boolean,
  ) {}

  get agents(): readonly DrawnAgent[] {
    return this.replaying() ? this.view.agents : this.world.agents;
  }

  signalState(headId: string, out?: SignalReading): SignalReading {
    return this.replaying() ? this.view.signalState(headId, out) : this.world.signalState(headId, out);
  }
}
