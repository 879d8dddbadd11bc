// The traffic world: compiles a zone's layout/actors/script once, then advances in fixed steps.
// Step order (each fixed step): signals → script → spawns → player input (the adapter's read; a
// zone may filter it there, e.g. agents/impairment.ts) → decisions (all agents see the same state)
// → movement and per-agent rules → grid → pair detectors → replay. Everything random comes from
// one seeded PRNG, so a seed and the same inputs give the same run. Between steps a zone may put
// the visitor back at a spawn point (`resetPlayer`, the drunk zone's second run); the rest of the
// world goes on.
import { applySpec, followPath, frontS, placeOnPath, SimAgent, updateBody, type Agent } from './agents/agent.ts';
import { decideVehicle, movePedestrian, moveVehicle } from './agents/driver.ts';
import { blankInput, COAST_DRAG, InputDelay, movePlayer, type InputAdapter, type PlayerInput, type PlayerTuning } from './agents/player.ts';
import { isVehicle, SPECS } from './agents/specs.ts';
import { parseSimDef, type ActorDef, type AgentKind, type SimDef } from './def.ts';
import { detectConflicts } from './detect/conflicts.ts';
import { detectPet, PetGrid } from './detect/pet.ts';
import { checkLaneRules, checkPedestrianPlace, checkPlayer } from './detect/rules.ts';
import { detectTruckZones, overallLength, sweepOf } from './detect/truckZones.ts';
import type { EventDetails, WorldEvent } from './events.ts';
import { blindZonePolygons, type BlindPolygon, type ZoneSide } from './geometry/blindZone.ts';
import type { SweepRegion } from './geometry/innerWheel.ts';
import { segmentHitsObb } from './geometry/obb.ts';
import { ReplayBuffer } from './replay.ts';
import { Rng } from './rng.ts';
import { compileLayout, inCrossing, type RoadNet } from './road/network.ts';
import { buildPath, type RoutePath } from './road/routes.ts';
import { ScriptRunner, type ScriptState } from './script.ts';
import { COLOR_NAMES, RED, SignalSystem, type SignalReading } from './signals.ts';
import { Grid } from './spatial.ts';
import { kmhToMs } from './units.ts';

export interface WorldOptions {
  /** fixed step, s (default 1/60) */
  dt?: number;
  /** walking speed of the audience group, m/s (facts 1.15: about 1.25 adults, 0.97 older people) */
  walkSpeed?: number;
  /** ± share by which individual pedestrians differ from walkSpeed (default 0.1) */
  walkSpeedSpread?: number;
  /** multiplies every flow's rate (group tuning: gentle / normal / busy) */
  trafficDensity?: number;
  /** the visitor's agent; false for none. Defaults from the layout's player spawn. */
  player?: PlayerOptions | false;
  input?: InputAdapter;
  /** pool size; agents beyond it are not spawned (default 256) */
  maxAgents?: number;
  replay?: { seconds: number; hz: number };
  nearMiss?: { ttc?: number; pet?: number; cooldown?: number };
  /** blind zones reach this far from the truck's body, m (default 4) */
  blindZoneMargin?: number;
  /** at most this many fixed steps per step() call; the rest of the time is dropped (default 8) */
  maxSubSteps?: number;
  /** crashed non-player agents are towed away after this many seconds (default 20; Infinity keeps them) */
  clearCrashesAfter?: number;
}

export interface PlayerOptions {
  kind?: AgentKind;
  /** spawn point id; default the layout's player spawn */
  spawn?: string;
  /** target height for sight lines (a child is about 1.2 m) */
  height?: number;
  /** controls act this late, s (a fixed delay; the drunk zone's fuller model is agents/impairment.ts) */
  inputDelay?: number;
  /** random steering added each step, share of full lock */
  steerNoise?: number;
  /** top walking/running speed, m/s */
  maxWalk?: number;
}

interface ResolvedOptions {
  dt: number;
  walkSpeed: number;
  walkSpeedSpread: number;
  trafficDensity: number;
  maxAgents: number;
  nearMiss: { ttc: number; pet: number; cooldown: number };
  blindZoneMargin: number;
  maxSubSteps: number;
  clearCrashesAfter: number;
}

export interface WorldSnapshot {
  stepCount: number;
  acc: number;
  rng: number;
  inputRng: number;
  nextId: number;
  agents: Record<string, unknown>[];
  flowNext: number[];
  flowCount: number[];
  flowRunRed: boolean[];
  flowNoYield: boolean[];
  script: ScriptState;
  signalColors: number[];
  pairs: Record<'collision' | 'nearMiss' | 'blind' | 'sweep', [number, number][]>;
  pet: { time: Float64Array; who: Int32Array; kind: Uint8Array; heading: Float32Array };
  phone: { ringing: boolean; until: number };
  look: { crossing: number; a: number; b: number };
  delay: { buf: Float64Array; head: number } | null;
  events: WorldEvent[];
}

export interface WorldBlindZone {
  side: ZoneSide;
  /** world [x, z] vertices */
  points: [number, number][];
  area: number;
}

/** The public face of a world. */
export interface World {
  readonly def: SimDef;
  readonly net: RoadNet;
  /** fixed step, s */
  readonly dt: number;
  /** simulation time, s */
  readonly time: number;
  readonly stepCount: number;
  /** live agents; objects are pooled, so keep ids rather than references */
  readonly agents: readonly Agent[];
  readonly player: Agent | null;
  readonly replay: ReplayBuffer;
  readonly phone: { readonly ringing: boolean; readonly until: number };
  /** advance by real time `dt` (any size) through whole fixed steps; returns the steps taken */
  step(dt: number): number;
  signalState(headId: string, out?: SignalReading): SignalReading;
  drainEvents(): WorldEvent[];
  snapshot(): WorldSnapshot;
  restore(s: WorldSnapshot): void;
  setInput(adapter: InputAdapter | null): void;
  agent(id: number): Agent | undefined;
  agentByName(name: string): Agent | undefined;
  spawnNamed(actorId: string): Agent | null;
  /**
   * Put the visitor back at a spawn point (default: the one they started at), standing still or
   * already moving at `speed` m/s along its heading, with the rule detectors' memory of them cleared.
   * Everyone else goes on; time goes on (a zone's next drive).
   */
  resetPlayer(spawnId?: string, speed?: number): void;
  brakeHard(agentId: number, opts?: { decel?: number; reaction?: number; hold?: number }): void;
  /** true when nothing opaque (occluding props) stands between the two points */
  lineOfSight(x0: number, z0: number, x1: number, z1: number): boolean;
  /** the blind zones of an agent with a cab, in world coordinates, for a target of this height */
  blindZones(agentId: number, targetHeight?: number): WorldBlindZone[];
  /** the area its inner wheels are sweeping, or null when it is not turning */
  innerWheelSweep(agentId: number): SweepRegion | null;
}

const FRESH = new SimAgent();

export class SimWorld implements World {
  readonly def: SimDef;
  readonly net: RoadNet;
  readonly opts: ResolvedOptions;
  readonly dt: number;
  readonly paths: RoutePath[] = [];
  /** path index of each actor */
  readonly actorPath: number[] = [];
  readonly signals: SignalSystem;
  readonly grid: Grid;
  readonly pet: PetGrid;
  readonly replay: ReplayBuffer;
  readonly script: ScriptRunner;
  readonly input: PlayerInput = blankInput();
  readonly pairs = {
    collision: new Map<number, number>(),
    nearMiss: new Map<number, number>(),
    blind: new Map<number, number>(),
    sweep: new Map<number, number>(),
  };
  readonly phone = { ringing: false, until: 0 };
  readonly look = { crossing: -1, a: -Infinity, b: -Infinity };
  /** pedestrians on each crossing this step */
  readonly crossingPeds: Uint16Array;

  stepCount = 0;
  time = 0;
  private acc = 0;
  rng: Rng;
  inputRng: Rng;
  nextId = 1;
  agents: SimAgent[] = [];
  player: SimAgent | null = null;
  private pool: SimAgent[] = [];
  private events: WorldEvent[] = [];
  private adapter: InputAdapter | null;
  private delay: InputDelay | null = null;
  private playerTune: PlayerTuning;
  private flowNext: number[];
  private flowCount: number[];
  private flowRunRed: boolean[];
  private flowNoYield: boolean[];
  private accels: Float64Array;
  /** agents [0, gridCount) are in the grid; later ones spawned this step */
  private gridCount = 0;
  private readonly recordEvery: number;
  private readonly reading: SignalReading = { state: 'red', timeToChange: 0, next: 'red' };
  private blindCache = new Map<string, BlindPolygon[]>();
  /** the spawn point the player started at (resetPlayer's default) */
  private playerSpawn: string | undefined;

  constructor(def: SimDef, seed: number, options: WorldOptions = {}) {
    this.def = def;
    this.opts = {
      dt: options.dt ?? 1 / 60,
      walkSpeed: options.walkSpeed ?? 1.25,
      walkSpeedSpread: options.walkSpeedSpread ?? 0.1,
      trafficDensity: options.trafficDensity ?? 1,
      maxAgents: options.maxAgents ?? 256,
      nearMiss: { ttc: options.nearMiss?.ttc ?? 1.5, pet: options.nearMiss?.pet ?? 1.0, cooldown: options.nearMiss?.cooldown ?? 4 },
      blindZoneMargin: options.blindZoneMargin ?? 4,
      maxSubSteps: options.maxSubSteps ?? 8,
      clearCrashesAfter: options.clearCrashesAfter ?? 20,
    };
    this.dt = this.opts.dt;
    this.rng = new Rng(seed);
    // the player's input noise has its own stream, so steering does not reshuffle the traffic
    this.inputRng = new Rng((seed ^ 0x9e3779b9) >>> 0);
    this.net = compileLayout(def.layout);
    def.actors.forEach((a, i) => {
      try {
        this.paths.push(buildPath(this.net, a, a.kind, i));
      } catch (e) {
        throw new Error(`actors[${i}] "${a.id}": ${(e as Error).message}`);
      }
      this.actorPath.push(i);
    });
    this.signals = new SignalSystem(def.layout, this.net);
    this.signals.update(0);
    this.grid = new Grid(this.net.bounds, 8, this.opts.maxAgents);
    this.pet = new PetGrid(this.net.bounds);
    this.crossingPeds = new Uint16Array(this.net.crossings.length);
    const rep = options.replay ?? { seconds: 20, hz: 30 };
    this.replay = new ReplayBuffer(rep.seconds, rep.hz, this.opts.maxAgents, this.net.heads.length);
    this.recordEvery = Math.max(1, Math.round(1 / (rep.hz * this.dt)));
    this.script = new ScriptRunner(def.script);
    this.accels = new Float64Array(this.opts.maxAgents);
    this.adapter = options.input ?? null;

    this.flowNext = def.actors.map((a) => (a.type === 'flow' ? a.start + this.rng.exponential(this.rateOf(a)) : Infinity));
    this.flowCount = def.actors.map(() => 0);
    this.flowRunRed = def.actors.map(() => false);
    this.flowNoYield = def.actors.map(() => false);

    const po = options.player;
    this.playerTune = { maxWalk: (po && po.maxWalk) || 3.0, steerNoise: (po && po.steerNoise) || 0, drag: COAST_DRAG };
    if (po !== false) this.spawnPlayer(po ?? {});
    if (po && po.inputDelay) this.delay = new InputDelay(Math.round(po.inputDelay / this.dt));

    def.actors.forEach((a, i) => {
      if (a.type === 'named' && a.spawn === 'start') this.spawnActor(i);
    });
    this.grid.build(this.agents);
    this.gridCount = this.agents.length;
  }

  // ------------------------------------------------------------------ public API
  step(dt: number): number {
    this.acc += dt;
    let n = 0;
    while (this.acc >= this.dt - 1e-9 && n < this.opts.maxSubSteps) {
      this.acc -= this.dt;
      this.tick();
      n++;
    }
    if (n === this.opts.maxSubSteps && this.acc >= this.dt) this.acc = 0;
    return n;
  }

  signalState(headId: string, out: SignalReading = { state: 'red', timeToChange: 0, next: 'red' }): SignalReading {
    const h = this.net.headById.get(headId);
    if (!h) throw new Error(`unknown signal head "${headId}"`);
    return this.signals.read(h.index, this.time, out);
  }

  drainEvents(): WorldEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  setInput(adapter: InputAdapter | null): void {
    this.adapter = adapter;
  }

  agent(id: number): Agent | undefined {
    return this.agentById(id);
  }

  agentById(id: number): SimAgent | undefined {
    // agents are in spawn order, so ids ascend: binary search (the player, id 1 if present, is first)
    const a = this.agents;
    let lo = 0, hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = a[mid]!;
      if (m.id === id) return m;
      if (m.id < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  agentByName(name: string): SimAgent | undefined {
    for (const a of this.agents) if (a.name === name && !a.isPlayer) return a;
    return undefined;
  }

  spawnNamed(actorId: string): Agent | null {
    const i = this.def.actors.findIndex((a) => a.id === actorId);
    if (i < 0) throw new Error(`unknown actor "${actorId}"`);
    if (this.def.actors[i]!.type !== 'named') throw new Error(`actor "${actorId}" is a flow`);
    if (this.agentByName(actorId)) return null;
    const a = this.spawnActor(i);
    if (a) this.emit('actor_spawned', a.id, -1, a.x, a.z, { actor: actorId });
    return a;
  }

  brakeHard(agentId: number, opts: { decel?: number; reaction?: number; hold?: number } = {}): void {
    const a = this.agentById(agentId);
    if (!a || a.isPlayer || a.speed <= 0) return;
    a.emergency = 1;
    a.reactLeft = opts.reaction ?? 0;
    a.emDecel = opts.decel ?? a.maxDecel;
    a.forcedHold = opts.hold ?? 2;
    this.emit('hard_braking', a.id, -1, a.x, a.z, { decel: a.emDecel, reaction: a.reactLeft, speedKmh: Math.round(a.speed * 36) / 10 });
  }

  violateFlow(actorId: string, rule: 'run_red' | 'no_yield'): void {
    const i = this.def.actors.findIndex((a) => a.id === actorId);
    if (i < 0) return;
    if (rule === 'run_red') this.flowRunRed[i] = true;
    else this.flowNoYield[i] = true;
  }

  lineOfSight(x0: number, z0: number, x1: number, z1: number): boolean {
    for (const o of this.net.occluders) if (segmentHitsObb(x0, z0, x1, z1, o.cx, o.cz, o.heading, o.halfL, o.halfW)) return false;
    return true;
  }

  blindZones(agentId: number, targetHeight = 1.0): WorldBlindZone[] {
    const a = this.agentById(agentId);
    const cab = a ? SPECS[a.kind].cab : null;
    if (!a || !cab) return [];
    const len = overallLength(a);
    const key = `${a.kind}:${len}:${a.width}:${targetHeight}`;
    let polys = this.blindCache.get(key);
    if (!polys) {
      polys = blindZonePolygons(cab, { length: len, width: a.width }, targetHeight, this.opts.blindZoneMargin, 1, 0.1);
      this.blindCache.set(key, polys);
    }
    const c = Math.cos(a.heading), s = Math.sin(a.heading);
    const bx = a.x + c * (a.length / 2), bz = a.z + s * (a.length / 2);
    return polys.map((p) => ({
      side: p.side,
      area: p.area,
      points: p.points.map(([u, v]) => [bx + c * u - s * v, bz + s * u + c * v] as [number, number]),
    }));
  }

  innerWheelSweep(agentId: number): SweepRegion | null {
    const a = this.agentById(agentId);
    if (!a) return null;
    return sweepOf(a, { cx: 0, cz: 0, rIn: 0, rOut: 0, a0: 0, span: 0 });
  }

  // ------------------------------------------------------------------ internals used by modules
  emit(kind: string, a: number, b: number, x: number, z: number, details: EventDetails): void {
    const agents = a < 0 ? [] : b < 0 ? [a] : [a, b];
    const e: WorldEvent = { kind, t: this.time, agents, x, z, details };
    this.events.push(e);
    this.script.onEvent(this, e);
  }

  moveAlong(a: SimAgent, p: RoutePath, s: number): void {
    followPath(a, p, s);
  }

  /** Per-agent rules after a path agent moved from front arc length `before` to `after`. */
  afterAdvance(a: SimAgent, p: RoutePath, before: number, after: number): void {
    const colors = this.signals.colors;
    if (a.kind === 'pedestrian') {
      for (const c of p.crossings) {
        if (c.s0 > before && c.s0 <= after && c.head >= 0 && colors[c.head] === RED)
          this.emit('entered_on_red', a.id, -1, a.x, a.z, { crossing: this.net.crossings[c.crossing]!.id, head: this.net.heads[c.head]!.id });
      }
    } else {
      for (const st of p.stops) {
        if (st.s > before && st.s <= after && st.head >= 0 && colors[st.head] === RED && !(st.rightOnRed && st.turn === 'right'))
          this.emit('entered_on_red', a.id, -1, a.x, a.z, { stopLine: this.net.stops[st.stop]!.id, head: this.net.heads[st.head]!.id });
      }
    }
    while (a.piece < p.pieces.length - 1 && p.pieces[a.piece]!.s1 < a.s) a.piece++;
    const piece = p.pieces[a.piece]!;
    if (a.kind === 'pedestrian') {
      const lane = piece.lane >= 0 ? this.net.lanes[piece.lane]! : null;
      a.lane = lane ? lane.id : null;
      let onRoad = lane ? lane.kind !== 'sidewalk' : piece.junction >= 0;
      // (pieces are half-metre samples, so a kerb is known to that much)
      if (onRoad) for (const c of p.crossings) if (a.s >= c.s0 - 0.6 && a.s <= c.s1 + 0.6) onRoad = false;
      if (onRoad && !a.outsideOn) {
        a.outsideOn = true;
        this.emit('outside_crossing', a.id, -1, a.x, a.z, {});
      } else if (!onRoad) a.outsideOn = false;
    } else checkLaneRules(this, a, piece.lane, piece.against);
    if (a.s >= p.line.length) a.state = 'done';
  }

  /** Is no vehicle about to reach this crossing within `gapS` seconds? (pedestrian gap acceptance) */
  gapAcceptable(crossing: number, gapS: number): boolean {
    for (const v of this.agents) {
      if (!isVehicle(v.kind) || v.speed < 1) continue;
      if (v.isPlayer) {
        const c = this.net.crossings[crossing]!;
        const dx = c.cx - v.x, dz = c.cz - v.z;
        const d = Math.hypot(dx, dz);
        if (d < 40 && (dx * Math.cos(v.heading) + dz * Math.sin(v.heading)) / d > 0.7 && d / v.speed < gapS + 1) return false;
        continue;
      }
      const p = this.paths[v.path]!;
      const sf = frontS(v);
      for (let k = v.nextCrossing; k < p.crossings.length; k++) {
        const c = p.crossings[k]!;
        if (c.crossing !== crossing || c.s0 < sf) continue;
        if ((c.s0 - sf) / v.speed < gapS) return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ the fixed step
  private readonly onSignalChange = (h: number, col: number): void => {
    const head = this.net.heads[h]!;
    this.emit('signal_changed', -1, -1, 0, 0, { head: head.id, state: COLOR_NAMES[col]!, kind: head.kind });
    this.script.onSignal(this, head.id, COLOR_NAMES[col]!);
  };

  private tick(): void {
    if (this.phone.ringing && this.time >= this.phone.until) this.phone.ringing = false;
    this.signals.update(this.time, this.onSignalChange);
    this.script.update(this);
    this.spawnFlows();
    if (this.player) {
      if (this.adapter) this.adapter.read(this.time, this.input);
      this.delay?.apply(this.input);
    }
    this.countCrossingPeds();

    // decide on the state at the start of the step
    const agents = this.agents;
    if (this.accels.length < agents.length) this.accels = new Float64Array(agents.length * 2);
    for (let i = 0; i < agents.length; i++) {
      const a = agents[i]!;
      if (a.isPlayer || a.kind === 'pedestrian' || a.held || a.state === 'crashed') continue;
      this.accels[i] = decideVehicle(this, a, this.paths[a.path]!);
    }

    this.stepCount++;
    this.time = this.stepCount * this.dt;
    for (let i = 0; i < agents.length; i++) {
      const a = agents[i]!;
      if (a.isPlayer) {
        movePlayer(a, this.input, this.playerTune, this.inputRng, this.dt);
        checkPlayer(this, a);
      } else if (a.held) a.state = 'held';
      else if (a.state === 'crashed') {
        if (this.time - a.crashedAt >= this.opts.clearCrashesAfter) a.state = 'done';
      }
      else if (a.kind === 'pedestrian') movePedestrian(this, a, this.paths[a.path]!, this.dt);
      else moveVehicle(this, a, this.paths[a.path]!, this.accels[i]!, this.dt);
    }
    this.removeDone();
    this.grid.build(agents);
    this.gridCount = agents.length;
    detectConflicts(this);
    detectPet(this);
    detectTruckZones(this);
    if (this.stepCount % this.recordEvery === 0) this.replay.record(this.time, agents, this.signals.colors);
    if (this.stepCount % 600 === 0) {
      for (const [k, until] of this.pairs.nearMiss) if (until < this.time) this.pairs.nearMiss.delete(k);
    }
  }

  private countCrossingPeds(): void {
    this.crossingPeds.fill(0);
    if (this.net.crossings.length === 0) return;
    for (const a of this.agents) {
      // someone waiting at the kerb is not on the crossing yet (else cars and walkers wait for each other)
      if (a.kind !== 'pedestrian' || a.state === 'waiting') continue;
      for (const c of this.net.crossings) if (inCrossing(c, a.x, a.z, 0)) this.crossingPeds[c.index]!++;
    }
  }

  private removeDone(): void {
    let k = 0;
    const agents = this.agents;
    for (let i = 0; i < agents.length; i++) {
      const a = agents[i]!;
      if (a.state === 'done') this.pool.push(a);
      else agents[k++] = a;
    }
    agents.length = k;
  }

  private rateOf(a: ActorDef): number {
    return a.type === 'flow' ? (a.rate / 60) * this.opts.trafficDensity : 0;
  }

  private spawnFlows(): void {
    const actors = this.def.actors;
    for (let i = 0; i < actors.length; i++) {
      const f = actors[i]!;
      if (f.type !== 'flow' || this.time < this.flowNext[i]!) continue;
      if (f.end !== undefined && this.time >= f.end) continue;
      if (f.max !== undefined && this.flowCount[i]! >= f.max) continue;
      if (this.agents.length >= this.opts.maxAgents) return;
      const v = f.kind === 'pedestrian' ? 0 : kmhToMs(f.speed ? f.speed[1] : 50);
      if (this.entryBlocked(this.paths[this.actorPath[i]!]!, f.kind, v)) continue;
      this.spawnActor(i);
      this.flowCount[i]!++;
      this.flowNext[i] = this.time + this.rng.exponential(this.rateOf(f));
    }
  }

  /**
   * Is someone still standing where a new agent of this kind would appear, or too close ahead to
   * follow safely at `v`? Checks the grid (last step's agents) and this step's newcomers.
   */
  private entryBlocked(p: RoutePath, kind: AgentKind, v: number): boolean {
    const spec = SPECS[kind];
    const x0 = p.line.xs[0]!, z0 = p.line.zs[0]!;
    const len = spec.length + (spec.trailer ? spec.trailer.length : 0);
    const ahead = spec.frontOverhang + 2 + v * 1.2;
    const g = this.grid;
    g.nextStamp();
    const reach = len + ahead + 10;
    for (let r = g.cz(z0 - reach); r <= g.cz(z0 + reach); r++)
      for (let col = g.cx(x0 - reach); col <= g.cx(x0 + reach); col++) {
        const ci = r * g.nx + col;
        for (let k = g.start[ci]!; k < g.start[ci + 1]!; k++) {
          const j = g.items[k]!;
          const b = this.agents[j];
          if (b && g.visit(j) && this.blocks(p, b, spec.width, len, ahead)) return true;
        }
      }
    for (let j = this.gridCount; j < this.agents.length; j++) if (this.blocks(p, this.agents[j]!, spec.width, len, ahead)) return true;
    return false;
  }

  private blocks(p: RoutePath, b: SimAgent, width: number, len: number, ahead: number): boolean {
    const h = p.line.headings[0]!;
    const c = Math.cos(h), s = Math.sin(h);
    const dx = b.x - p.line.xs[0]!, dz = b.z - p.line.zs[0]!;
    const along = dx * c + dz * s;
    const lateral = Math.abs(-dx * s + dz * c);
    return lateral < (width + b.width) / 2 + 0.2 && along > -len - 1 && along - b.length / 2 < ahead;
  }

  private spawnActor(i: number): SimAgent | null {
    if (this.agents.length >= this.opts.maxAgents) return null;
    const def = this.def.actors[i]!;
    const p = this.paths[this.actorPath[i]!]!;
    const a = this.pool.pop() ?? new SimAgent();
    Object.assign(a, FRESH);
    a.id = this.nextId++;
    a.kind = def.kind;
    a.name = def.id;
    a.actor = i;
    a.path = p.index;
    applySpec(a, SPECS[def.kind]);
    const b = def.behaviour;
    a.reactionTime = (b?.reactionTime ?? a.reactionTime) + (b?.phone ? 0.5 : 0);
    if (b?.decel) a.maxDecel = b.decel;
    a.runRed = (b?.runRed ?? false) || this.flowRunRed[i]!;
    a.noYield = (b?.noYield ?? false) || this.flowNoYield[i]!;
    if (def.kind === 'pedestrian') {
      const spread = this.opts.walkSpeedSpread;
      const given: readonly [number, number] | undefined = def.type === 'flow' ? def.speed : def.speed !== undefined ? [def.speed, def.speed] : undefined;
      a.v0 = given ? kmhToMs(this.rng.range(given[0], given[1])) : this.opts.walkSpeed * (1 + spread * (this.rng.next() * 2 - 1));
    } else {
      const lane = p.pieces[0] && p.pieces[0].lane >= 0 ? this.net.lanes[p.pieces[0].lane]! : null;
      const fallback = Math.min(lane?.limit ?? 13.9, 13.9);
      if (def.type === 'flow') a.v0 = def.speed ? kmhToMs(this.rng.range(def.speed[0], def.speed[1])) : fallback * this.rng.range(0.85, 1.0);
      else a.v0 = def.speed !== undefined ? kmhToMs(def.speed) : fallback;
    }
    if (def.type === 'flow' && def.redRunnerShare > 0 && this.rng.next() < def.redRunnerShare) a.runRed = true;
    if (def.type === 'named') {
      if (def.dims) {
        a.length = def.dims.length;
        a.width = def.dims.width;
        if (def.dims.height !== undefined) a.height = def.dims.height;
      }
      a.held = def.hold;
    }
    placeOnPath(a, p, def.type === 'named' ? def.startAt : 0);
    a.leaderId = -2;
    a.speed = a.held ? 0 : a.kind === 'pedestrian' ? a.v0 : Math.min(a.v0, p.vCurve[0] ?? Infinity);
    a.state = a.held ? 'held' : 'moving';
    this.agents.push(a);
    return a;
  }

  private spawnPlayer(po: PlayerOptions): void {
    const sp = po.spawn ? this.net.spawns.find((s) => s.id === po.spawn) : this.net.spawns.find((s) => s.player);
    if (po.spawn && !sp) throw new Error(`unknown spawn point "${po.spawn}"`);
    if (!sp && po.kind === undefined) return;
    const kind: AgentKind = po.kind ?? (sp?.as as AgentKind | undefined) ?? 'pedestrian';
    const a = new SimAgent();
    a.id = this.nextId++;
    a.kind = kind;
    a.isPlayer = true;
    a.name = 'player';
    applySpec(a, SPECS[kind]);
    if (po.height !== undefined) a.height = po.height;
    this.playerSpawn = sp?.id;
    this.placePlayer(a, sp?.x ?? 0, sp?.z ?? 0, sp?.heading ?? 0);
    this.player = a;
    this.agents.push(a);
    if (kind === 'pedestrian') checkPedestrianPlace(this, a, a.x, a.z);
  }

  resetPlayer(spawnId?: string, speed = 0): void {
    const a = this.player;
    if (!a) throw new Error('the world has no player to put back');
    const id = spawnId ?? this.playerSpawn;
    const sp = id === undefined ? undefined : this.net.spawns.find((x) => x.id === id);
    if (id !== undefined && !sp) throw new Error(`unknown spawn point "${id}"`);
    // a fresh start: no breach in progress, no lane or surface remembered (moving only if asked)
    Object.assign(a, { speed: 0, accel: 0, steer: 0, brakeLight: false, lane: null, ruleLane: -1, crossingIn: -1, crashedAt: NaN });
    Object.assign(a, { wrongLaneOn: false, wrongWayOn: false, speedingOn: false, outsideOn: false, speedLimit: Infinity, grip: Infinity });
    this.placePlayer(a, sp?.x ?? 0, sp?.z ?? 0, sp?.heading ?? 0);
    a.speed = Math.max(0, speed);
    if (a.kind === 'pedestrian') checkPedestrianPlace(this, a, a.x, a.z);
  }

  /** The player's body centred at (x, z) facing h, axles straight behind; standing. */
  private placePlayer(a: SimAgent, x: number, z: number, h: number): void {
    const c = Math.cos(h), s = Math.sin(h);
    // the spawn point is the middle of the body
    const mid = (a.wheelbase + a.frontOverhang - a.rearOverhang) / 2;
    a.rx = x - c * mid;
    a.rz = z - s * mid;
    a.fx = a.rx + c * a.wheelbase;
    a.fz = a.rz + s * a.wheelbase;
    a.tx = a.rx + c * (a.kingpinOffset - a.trailerWheelbase);
    a.tz = a.rz + s * (a.kingpinOffset - a.trailerWheelbase);
    a.heading = h;
    updateBody(a);
    a.heading = h;
    a.px = a.fx;
    a.pz = a.fz;
    a.state = 'stopped';
  }

  // ------------------------------------------------------------------ snapshots
  snapshot(): WorldSnapshot {
    const pairs = (m: Map<number, number>) => [...m.entries()];
    return {
      stepCount: this.stepCount,
      acc: this.acc,
      rng: this.rng.state,
      inputRng: this.inputRng.state,
      nextId: this.nextId,
      agents: this.agents.map((a) => ({ ...a })),
      flowNext: [...this.flowNext],
      flowCount: [...this.flowCount],
      flowRunRed: [...this.flowRunRed],
      flowNoYield: [...this.flowNoYield],
      script: this.script.snapshot(),
      signalColors: [...this.signals.colors],
      pairs: {
        collision: pairs(this.pairs.collision),
        nearMiss: pairs(this.pairs.nearMiss),
        blind: pairs(this.pairs.blind),
        sweep: pairs(this.pairs.sweep),
      },
      pet: { time: this.pet.time.slice(), who: this.pet.who.slice(), kind: this.pet.kind.slice(), heading: this.pet.heading.slice() },
      phone: { ...this.phone },
      look: { ...this.look },
      delay: this.delay ? { buf: this.delay.buf.slice(), head: this.delay.head } : null,
      events: this.events.map((e) => ({ ...e, agents: [...e.agents], details: { ...e.details } })),
    };
  }

  restore(s: WorldSnapshot): void {
    this.stepCount = s.stepCount;
    this.time = s.stepCount * this.dt;
    this.acc = s.acc;
    this.rng.state = s.rng;
    this.inputRng.state = s.inputRng;
    this.nextId = s.nextId;
    for (const a of this.agents) if (!a.isPlayer) this.pool.push(a);
    this.agents.length = 0;
    this.player = null;
    for (const plain of s.agents) {
      const a = plain.isPlayer ? new SimAgent() : (this.pool.pop() ?? new SimAgent());
      Object.assign(a, FRESH, plain);
      if (a.isPlayer) this.player = a;
      this.agents.push(a);
    }
    this.flowNext = [...s.flowNext];
    this.flowCount = [...s.flowCount];
    this.flowRunRed = [...s.flowRunRed];
    this.flowNoYield = [...s.flowNoYield];
    this.script.restore(s.script);
    this.signals.colors.set(s.signalColors);
    for (const k of ['collision', 'nearMiss', 'blind', 'sweep'] as const) {
      this.pairs[k].clear();
      for (const [key, v] of s.pairs[k]) this.pairs[k].set(key, v);
    }
    this.pet.time.set(s.pet.time);
    this.pet.who.set(s.pet.who);
    this.pet.kind.set(s.pet.kind);
    this.pet.heading.set(s.pet.heading);
    Object.assign(this.phone, s.phone);
    Object.assign(this.look, s.look);
    if (this.delay && s.delay) {
      this.delay.buf.set(s.delay.buf);
      this.delay.head = s.delay.head;
    }
    this.events = s.events.map((e) => ({ ...e, agents: [...e.agents], details: { ...e.details } }));
    this.grid.build(this.agents);
    this.gridCount = this.agents.length;
    this.replay.truncateAfter(this.time);
  }
}

/**
 * Build a world from a zone's sim fields (`{ layout, actors?, script? }`, validated here, or an
 * already parsed SimDef) and a seed. Throws an Error naming the field and problem on bad data.
 */
export function createWorld(def: unknown, seed: number, options?: WorldOptions): World {
  return new SimWorld(parseSimDef(def), seed, options);
}
