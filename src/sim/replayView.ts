// The world as it was at a past moment, for a consequence replay: a drop-in source for the agent
// pools and the signal rig (the same shape they read from a live World), filled from the world's
// replay buffer. Sizes come from the live agent when it is still there, else from its kind's spec.
// Also where a road user's driver sits, so the replay can be seen through their eyes.
import type { AgentKind } from './def.ts';
import type { AgentState } from './agents/agent.ts';
import { SPECS } from './agents/specs.ts';
import type { ReplayFrame } from './replay.ts';
import { COLOR_NAMES, type SignalReading } from './signals.ts';
import type { World } from './world.ts';

/** What a renderer draws of an agent (a live Agent has all of it). */
export interface DrawnAgent {
  readonly id: number;
  readonly kind: AgentKind;
  readonly isPlayer: boolean;
  readonly x: number;
  readonly z: number;
  readonly heading: number;
  readonly length: number;
  readonly width: number;
  readonly height: number;
  readonly hasTrailer: boolean;
  readonly trailerX: number;
  readonly trailerZ: number;
  readonly trailerHeading: number;
  readonly trailerLength: number;
  readonly trailerWidth: number;
}

/** a replayed agent: what is drawn, plus what the camera needs */
type ViewAgent = { -readonly [K in keyof DrawnAgent]: DrawnAgent[K] } & { speed: number; state: AgentState };

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/** A viewpoint: where the eye is and the point it looks at (world metres, y up). */
export interface View {
  eye: Point3;
  look: Point3;
}

/** eye heights of drivers without a cab spec, m (a car's driver sits low; a bus driver high) */
const EYE_HEIGHT: Record<AgentKind, number> = { car: 1.2, bus: 2.4, truck: 2.5, 'semi-trailer': 2.5, ebike: 1.6, pedestrian: 1.6 };

export class ReplayView {
  private readonly frame: ReplayFrame;
  private readonly pool: ViewAgent[] = [];
  private readonly list: ViewAgent[] = [];
  /** an agent not to draw (the one whose driver's seat the camera is in) */
  hide = -1;

  constructor(private readonly world: World) {
    this.frame = world.replay.createFrame();
    for (let i = 0; i < this.frame.agents.length; i++)
      this.pool.push({ id: 0, kind: 'car', isPlayer: false, x: 0, z: 0, heading: 0, speed: 0, state: 'moving', length: 0, width: 0, height: 0, hasTrailer: false, trailerX: 0, trailerZ: 0, trailerHeading: 0, trailerLength: 0, trailerWidth: 0 });
  }

  /** the replayed agents (the hidden one left out); valid until the next `seek` */
  get agents(): readonly DrawnAgent[] {
    return this.list;
  }

  /** the world time shown, NaN before the first seek */
  get time(): number {
    return this.frame.t;
  }

  /** Show the world at time t (clamped to what the buffer holds); false when nothing is recorded. */
  seek(t: number): boolean {
    this.list.length = 0;
    if (!this.world.replay.sample(t, this.frame)) return false;
    for (let i = 0; i < this.frame.count; i++) {
      const r = this.frame.agents[i]!;
      if (r.id === this.hide || r.state === 'done') continue;
      const v = this.pool[i]!;
      const live = this.world.agent(r.id);
      const spec = SPECS[r.kind];
      v.id = r.id;
      v.kind = r.kind;
      v.isPlayer = r.isPlayer;
      v.x = r.x;
      v.z = r.z;
      v.heading = r.heading;
      v.speed = r.speed;
      v.state = r.state;
      v.length = live?.kind === r.kind ? live.length : spec.length;
      v.width = live?.kind === r.kind ? live.width : spec.width;
      v.height = live?.kind === r.kind ? live.height : spec.height;
      v.hasTrailer = live?.kind === r.kind ? live.hasTrailer : spec.trailer !== null;
      v.trailerX = r.trailerX;
      v.trailerZ = r.trailerZ;
      v.trailerHeading = r.trailerHeading;
      v.trailerLength = live?.kind === r.kind ? live.trailerLength : (spec.trailer?.length ?? 0);
      v.trailerWidth = live?.kind === r.kind ? live.trailerWidth : (spec.trailer?.width ?? 0);
      this.list.push(v);
    }
    return true;
  }

  /** A signal head's colour in the shown frame (the rig's SignalSource shape). */
  signalState(headId: string, out: SignalReading = { state: 'red', timeToChange: 0, next: 'red' }): SignalReading {
    const h = this.world.net.headById.get(headId);
    if (!h) throw new Error(`unknown signal head "${headId}"`);
    out.state = COLOR_NAMES[this.frame.signals[h.index] ?? 0] ?? 'red';
    out.timeToChange = Infinity;
    out.next = out.state;
    return out;
  }

  /**
   * The first time in [from, to] (searched every `step` s) at which agent `id` is in the recording,
   * or NaN: a replay from a driver's seat starts no earlier than the driver is on the street.
   * Leaves the view showing that moment.
   */
  firstSeen(id: number, from: number, to: number, step = 0.1): number {
    for (let t = from; t <= to + 1e-9; t += step) {
      if (this.seek(t) && this.find(id)) return t;
    }
    return NaN;
  }

  /** An agent's body size: the live agent's while it is on the street, else its kind's. */
  sizeOf(id: number, kind: AgentKind): { length: number; width: number } {
    const live = this.world.agent(id);
    return live && live.kind === kind ? { length: live.length, width: live.width } : { length: SPECS[kind].length, width: SPECS[kind].width };
  }

  /** An agent in the shown frame (hidden or not), or undefined. */
  find(id: number): { x: number; z: number; heading: number; kind: AgentKind; speed: number } | undefined {
    for (let i = 0; i < this.frame.count; i++) if (this.frame.agents[i]!.id === id) return this.frame.agents[i];
    return undefined;
  }

  /** eye height of someone on foot: 0.1 m below their top (the live agent's height, else the kind's) */
  private walkerEye(id: number): number {
    const live = this.world.agent(id);
    return (live && live.kind === 'pedestrian' ? live.height : SPECS.pedestrian.height) - 0.1;
  }

  /**
   * Through the eyes of agent `driver`, looking at agent `target` (its chest): the driver's eye
   * from the cab spec where there is one (a truck's high seat), else a typical seat on the left of
   * the body; a person on foot sees from just below the top of their own head (a child from about
   * 1.1 m). Undefined when either is not in the shown frame.
   */
  driverView(driver: number, target: number, out?: View): View | undefined {
    const d = this.find(driver);
    const t = this.find(target);
    if (!d || !t) return undefined;
    const spec = SPECS[d.kind];
    const c = Math.cos(d.heading), s = Math.sin(d.heading);
    // body frame: forward (c, s); right-hand side (−s, c)
    const back = spec.cab ? spec.cab.eyeBack : d.kind === 'pedestrian' || d.kind === 'ebike' ? 0 : spec.length * 0.45;
    const lateral = spec.cab ? spec.cab.eyeLateral : d.kind === 'car' || d.kind === 'bus' ? -0.35 : 0;
    const ahead = spec.length / 2 - back;
    const o = out ?? { eye: { x: 0, y: 0, z: 0 }, look: { x: 0, y: 0, z: 0 } };
    o.eye.x = d.x + c * ahead - s * lateral;
    o.eye.z = d.z + s * ahead + c * lateral;
    o.eye.y = spec.cab ? spec.cab.eyeHeight : d.kind === 'pedestrian' ? this.walkerEye(driver) : EYE_HEIGHT[d.kind];
    o.look.x = t.x;
    o.look.z = t.z;
    o.look.y = Math.min(1.1, SPECS[t.kind].height * 0.7);
    return o;
  }
}
