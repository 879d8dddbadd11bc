// The two stations that crash a car into a barrier: the crash test (buckle up or not, pick a speed,
// watch your occupant and the other way side by side) and the child seat (where and in what a small
// child rides; then a child held in arms and one in a child seat in the same crash). Both play the
// crash model's runs on a clock that shows the approach at real speed and the impact in slow motion.
import type { PlayerInput } from '../../sim/agents/player.ts';
import type { WorldEvent } from '../../sim/events.ts';
import { hintFromFeedback, hintFromTitle } from '../common/hints.ts';
import type { Challenge } from '../common/challenges.ts';
import type { Hint } from '../common/types.ts';
import type { SeatbeltInput } from './input.ts';
import { crashOf, type RestraintId } from './model.ts';
import { beltAtCrash, childChoice } from './scoring.ts';
import { figuresAt, type ChildSeatParams, type CrashParams } from './stations.ts';
import { notNow, StationBase, standStill, type ChildSeatView, type CrashPair, type CrashView, type Station, type StationHost } from './station.ts';

type Stage = 'setup' | 'crash' | 'result';

/** The crash clock and when the picture is over, for a pair played with these timings. */
class CrashClock {
  private t = 0;
  constructor(
    private readonly leadIn: number,
    private readonly shown: number,
    private readonly hold: number,
    private readonly slowMotion: number,
  ) {}
  reset(): void {
    this.t = 0;
  }
  advance(dt: number): void {
    this.t += dt;
  }
  /** crash seconds since the impact: the approach at real speed, then slow motion */
  get crashTime(): number {
    return this.t < this.leadIn ? this.t - this.leadIn : (this.t - this.leadIn) * this.slowMotion;
  }
  get over(): boolean {
    return this.t >= this.leadIn + this.shown / this.slowMotion + this.hold;
  }
}

/** how much of a crash is shown, s of crash time (every occupant has met what stops it by then) */
const SHOWN = 0.25;

/**
 * What both crash stations share: a crash played in slow motion on its clock (skippable to its
 * result), standing still all the while, then left with Next.
 */
abstract class CrashStation<P extends { leadIn: number; hold: number }> extends StationBase<P> {
  readonly usesWorld = false;
  protected stage: Stage = 'setup';
  protected readonly clock: CrashClock;

  constructor(def: Challenge<P>, host: StationHost) {
    super(def, host);
    this.clock = new CrashClock(def.params.leadIn, SHOWN, def.params.hold, host.tuning.slowMotion);
  }

  protected startCrash(): void {
    this.clock.reset();
    this.stage = 'crash';
  }

  frame(dt: number, _input: SeatbeltInput): void {
    if (this.stage !== 'crash') return;
    this.clock.advance(dt);
    if (this.clock.over) this.stage = 'result';
  }

  next(): void {
    if (this.stage !== 'result') throw notNow(this.id, 'go on', this.stage);
    this.finished = true;
  }

  override skip(): void {
    if (this.stage !== 'crash') throw notNow(this.id, 'skip', this.stage);
    this.stage = 'result';
  }

  fill(input: SeatbeltInput, out: PlayerInput): void {
    standStill(input, out);
  }

  worldEvent(_e: WorldEvent): void {}

  /** the views' crash clock: the lead-in before the crash, its time during it, the end after */
  protected viewClock(): number {
    return this.stage === 'setup' ? -this.def.params.leadIn : this.stage === 'crash' ? this.clock.crashTime : SHOWN;
  }
}

export class CrashTestStation extends CrashStation<CrashParams> implements Station {
  readonly kind = 'crash-test' as const;
  private speed: number | null = null;
  private buckled = false;
  private pair: CrashPair | null = null;
  private tries = 0;
  private readonly speeds: readonly number[];

  constructor(def: Challenge<CrashParams>, host: StationHost) {
    super(def, host);
    const t = host.tuning;
    this.speeds = t.crashSpeeds ? def.params.speeds.filter((s) => t.crashSpeeds!.includes(s)) : def.params.speeds;
    if (this.speeds.length === 0) throw new Error(`station "${def.id}": none of the group's crash speeds (${t.crashSpeeds?.join(', ')}) is offered`);
  }

  private get role() {
    return this.def.params.roles[this.host.tuning.crashRole];
  }

  override buckle(on: boolean): void {
    if (this.stage !== 'setup') throw notNow(this.id, 'buckle up', this.stage);
    this.buckled = on;
  }

  override choose(item: string, option: string): void {
    if (this.stage !== 'setup') throw notNow(this.id, 'choose', this.stage);
    const kmh = Number(option);
    if (item !== 'speed' || !this.speeds.includes(kmh)) throw new Error(`${this.id}: no choice "${item}" = "${option}" (speed: ${this.speeds.join(', ')})`);
    this.speed = kmh;
  }

  go(): void {
    if (this.stage !== 'setup') throw notNow(this.id, 'start the crash', this.stage);
    if (this.speed === null) throw new Error(`${this.id}: choose a speed first`);
    const r = this.role;
    const yours: RestraintId = this.buckled ? 'belt' : 'none';
    const other: RestraintId = this.buckled ? 'none' : 'belt';
    this.pair = {
      runs: [crashOf({ body: r.body, seat: r.seat, restraint: yours }, this.speed), crashOf({ body: r.body, seat: r.seat, restraint: other }, this.speed)],
      labels: [null, null],
      yours: 0,
    };
    // the first crash is the one that counts: later ones are for trying other speeds
    if (this.tries === 0) this.host.score([{ ...beltAtCrash(this.id, this.buckled), details: { speedKmh: this.speed } }], this.id);
    this.tries++;
    this.startCrash();
  }

  override frame(dt: number, input: SeatbeltInput): void {
    if (this.stage === 'setup' && input.beltPress) this.buckled = !this.buckled;
    super.frame(dt, input);
  }

  override again(): void {
    if (this.stage !== 'result') throw notNow(this.id, 'crash again', this.stage);
    this.stage = 'setup';
    this.pair = null;
  }

  hint(): Hint | null {
    if (this.stage === 'setup' && !this.buckled) return hintFromFeedback(this.host.feedback, 'no_belt');
    return hintFromTitle(this.title);
  }

  view(): CrashView {
    return {
      kind: this.kind,
      id: this.id,
      title: this.title,
      stage: this.stage,
      role: this.host.tuning.crashRole,
      intro: this.role.intro,
      speeds: this.speeds,
      speedKmh: this.speed,
      buckled: this.buckled,
      clock: this.viewClock(),
      pair: this.pair,
      figures: this.stage === 'result' ? figuresAt(this.def.params.figures, this.speed) : [],
      tries: this.tries,
    };
  }
}

export class ChildSeatStation extends CrashStation<ChildSeatParams> implements Station {
  readonly kind = 'child-seat' as const;
  private readonly chosen = new Map<string, string>();
  private pair: CrashPair | null = null;

  private option(item: string, option: string) {
    const it = this.def.params.items.find((i) => i.id === item);
    return it?.options.find((o) => o.id === option);
  }

  override choose(item: string, option: string): void {
    if (this.stage !== 'setup') throw notNow(this.id, 'choose', this.stage);
    if (!this.option(item, option)) throw new Error(`${this.id}: no choice "${item}" = "${option}"`);
    this.chosen.set(item, option);
  }

  go(): void {
    if (this.stage !== 'setup') throw notNow(this.id, 'start the crash', this.stage);
    const row = this.chosen.get('row'), how = this.chosen.get('how');
    if (row === undefined || how === undefined) throw new Error(`${this.id}: choose where and how the child rides first`);
    const p = this.def.params;
    const seat = this.option('row', row)!.seat!;
    const restraint = this.option('how', how)!.restraint!;
    const [a, b] = p.compare as [(typeof p.compare)[number], (typeof p.compare)[number]];
    this.pair = {
      runs: [crashOf({ body: p.body, seat, restraint: a.restraint }, p.speedKmh), crashOf({ body: p.body, seat, restraint: b.restraint }, p.speedKmh)],
      labels: [a.label, b.label],
      yours: a.restraint === restraint ? 0 : b.restraint === restraint ? 1 : null,
    };
    for (const item of p.items) {
      const o = item.options.find((x) => x.id === this.chosen.get(item.id))!;
      this.host.score([childChoice(this.id, item.id, o.event, o.id)], this.id);
    }
    this.startCrash();
  }

  hint(): Hint | null {
    if (this.stage !== 'setup') return hintFromTitle(this.title);
    // the choice not yet made or not yet right, by what its option scores
    for (const item of this.def.params.items) {
      const chosen = item.options.find((o) => o.id === this.chosen.get(item.id));
      const best = item.options.reduce((a, o) => ((this.host.points(o.event) > this.host.points(a.event)) ? o : a));
      if (!chosen || chosen.event !== best.event) {
        const worst = item.options.reduce((a, o) => ((this.host.points(o.event) < this.host.points(a.event)) ? o : a));
        return hintFromFeedback(this.host.feedback, worst.event);
      }
    }
    return hintFromTitle(this.title);
  }

  view(): ChildSeatView {
    const p = this.def.params;
    return {
      kind: this.kind,
      id: this.id,
      title: this.title,
      stage: this.stage,
      intro: p.intro[this.host.tuning.childSeatRole],
      items: p.items.map((it) => ({ id: it.id, prompt: it.prompt, options: it.options.map((o) => ({ id: o.id, label: o.label })), chosen: this.chosen.get(it.id) ?? null })),
      speedKmh: p.speedKmh,
      clock: this.viewClock(),
      pair: this.pair,
      rules: this.stage === 'result' ? p.rules : [],
      figures: this.stage === 'result' ? figuresAt(p.figures, p.speedKmh) : [],
    };
  }
}
