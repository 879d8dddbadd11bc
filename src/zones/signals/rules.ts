// Zone 6, signs, markings, police hand signals and the expressway breakdown, as a pure game of
// stations (scenes/signals.json challenges, filtered for the visitor's group):
//   signs      walk (or drive) the street; at each sign or marking the visitor stops and picks its
//              meaning; right and quick, right but slow, or wrong (explained by the sign's family)
//   police     an officer shows signals (facts 6.7) one by one, the visitor picks the meaning (the
//              "right-turn waiting" trap among the options); then orders the movements of a signal
//              (screens) or gives a signal with both arms, recognised by the classifier (headset)
//   breakdown  (drivers, pro, adults) on the expressway's shoulder: hazard lights, everyone out
//              behind the guardrail, the triangle walked back and put down (distance measured
//              along the road), the call; checked by procedure.ts
// The street is a sim world (signs from the catalogue, markings painted by the street kit); the
// visitor's position is the game's own (a route), handed to the world as a tracked pose.
//
//   const game = createGame(zone, group, seed);
//   per frame: game.step(dt, { move, lookYaw }); answers: game.answer(id), game.pickStep(id),
//   game.doStep(step), game.placeTriangle(), game.observeArms(pose)
import type { Localized, ZoneDef } from '../../content/schema.ts';
import type { PlayerInput } from '../../sim/agents/player.ts';
import { Rng } from '../../sim/rng.ts';
import { createWorld, type World } from '../../sim/world.ts';
import { GameBase } from '../common/game.ts';
import { hintFromTitle } from '../common/hints.ts';
import { ScoreKeeper } from '../common/scoreKeeper.ts';
import { TaskList } from '../common/tasks.ts';
import { groupIdOf } from '../common/tuning.ts';
import type { GroupInfo } from '../common/types.ts';
import { simDefOf } from '../common/worldDef.ts';
import { HAND_SIGNALS, SignalHold, type ArmPose, type HandSignal } from './handSignals.ts';
import type { SignalsInput } from './input.ts';
import { checkProcedure, PROCEDURE_STEPS, procedureKinds, type ProcedureAction, type ProcedureStep } from './procedure.ts';
import { signsSchema, stationsFor, type SignItem, type Station } from './stations.ts';
import { challengesOf } from '../common/challenges.ts';
import { signalsTuning, type SignalsTuning } from './tuning.ts';

export { signalsInput, type SignalsInput } from './input.ts';

export interface Option {
  id: string;
  label: Localized;
}

/** A question on screen: a sign or marking, or the officer's signal. */
export interface QuestionView {
  id: string;
  kind: 'sign' | 'signal';
  prompt: Localized;
  options: Option[];
  /** world [x, y, z] of what to look at */
  target: readonly [number, number, number];
  /** the signal the officer shows (kind 'signal') */
  signal: HandSignal | null;
  /** n of total in this station */
  n: number;
  total: number;
}

/** After the officer's signals: order a signal's movements (screens) or give one (headset). */
export interface ShowView {
  /** the signal to order and to perform, and what it means */
  orderSignal: HandSignal;
  orderLabel: Localized;
  orderPrompt: Localized;
  /** the movements, shuffled; ids are their indices in the right order */
  steps: Option[];
  picked: string[];
  performSignal: HandSignal;
  performLabel: Localized;
  performPrompt: Localized;
  /** the signal the arms show now (headset), or null */
  showing: HandSignal | null;
}

export interface BreakdownView {
  prompt: Localized;
  steps: { id: ProcedureStep; label: Localized; done: boolean }[];
  carrying: boolean;
  /** metres behind the car along the road (while carrying, or where it was put) */
  distance: number;
  placed: boolean;
  place: Localized;
  distanceLabel: Localized;
  walkBack: Localized;
  hazardOn: boolean;
}

type Stage = 'walk' | 'question' | 'show' | 'breakdown' | 'carry' | 'done';

/** Every kind the game can score (the zone file must score and explain each). */
export const SIGNALS_KINDS = [
  'sign_correct',
  'sign_correct_slow',
  'sign_wrong_warning',
  'sign_wrong_prohibition',
  'sign_wrong_indication',
  'marking_wrong',
  'hand_signal_correct',
  'hand_signal_correct_slow',
  'hand_signal_wrong',
  'no_right_turn_waiting',
  'steps_ordered',
  'steps_misordered',
  'signal_performed',
  ...procedureKinds(),
  'task_missed',
] as const;

/** the car's rear is this far behind its middle, m (the triangle's distance is from there) */
const CAR_HALF = 2.3;

function shuffled<T>(list: readonly T[], rng: Rng): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export class SignalsGame extends GameBase<SignalsInput> {
  readonly world: World;
  readonly tuning: SignalsTuning;
  readonly stations: readonly Station[];
  protected readonly list: TaskList<Station>;
  /** the visitor on the route: position, heading (rad, sim convention) */
  readonly pos = { x: 0, z: 0, heading: 0 };
  private stage: Stage = 'walk';
  private stationIndex = 0;
  /** the x to walk to (walk stage), and the lowest x one may walk back to */
  private walkTo = 0;
  private walkFrom = 0;
  private item = 0;
  private question: QuestionView | null = null;
  private openedAt = 0;
  private answerOf = new Map<string, string>();
  private rounds: HandSignal[] = [];
  private show: ShowView | null = null;
  private readonly hold = new SignalHold();
  private readonly rng: Rng;
  private procedure: ProcedureAction[] = [];
  private carry = { distance: 0, placed: false, hazard: false };
  /** the last answer's verdict (the HUD shows it until the next question) */
  lastAnswer: { correct: boolean; answer: Localized; verdict: Localized } | null = null;
  private readonly verdict: { right: Localized; wrong: Localized };

  constructor(zone: ZoneDef, group: GroupInfo | string, seed: number) {
    const gid = groupIdOf(group);
    const tuning = signalsTuning(zone, group);
    const keeper = ScoreKeeper.fromZone(zone);
    super({ zone, group: gid, seed, keeper, timeLimit: tuning.timeLimit, passMark: tuning.passMark ?? keeper.stars[1], phase: 'play', textSize: tuning.textSize });
    for (const k of SIGNALS_KINDS) if (!keeper.scores(k)) throw new Error(`scenes/${zone.id}.json: scoring.events: "${k}" is missing`);
    this.tuning = tuning;
    this.rng = new Rng(seed);
    this.stations = stationsFor(zone, gid);
    if (!this.stations.length) throw new Error(`scenes/${zone.id}.json: challenges: no station for the group "${gid}"`);
    this.list = new TaskList<Station>(this.stations);
    const signs = challengesOf(zone, 'signs', signsSchema)[0];
    if (!signs) throw new Error(`scenes/${zone.id}.json: challenges: no station of kind "signs"`);
    this.verdict = signs.params.verdict;
    this.world = createWorld(simDefOf(zone), seed, { trafficDensity: 0, input: this.adapter });
    const p = this.world.player;
    if (!p) throw new Error(`scenes/${zone.id}.json: layout.spawns: no player spawn point`);
    this.pos.x = p.x;
    this.pos.z = p.z;
    this.pos.heading = p.heading;
    this.enterStation();
  }

  // ------------------------------------------------------------------ what the HUD and the scene read
  get station(): Station | null {
    return this.stations[this.stationIndex] ?? null;
  }
  get currentStage(): Stage {
    return this.stage;
  }
  get currentQuestion(): QuestionView | null {
    return this.stage === 'question' ? this.question : null;
  }
  get showing(): ShowView | null {
    return this.stage === 'show' ? this.show : null;
  }
  /** where the visitor stops for the officer: `after` metres past the group's last sign item */
  get policeStop(): number {
    const police = this.stations.find((x) => x.kind === 'police');
    const signs = this.stations.find((x) => x.kind === 'signs');
    if (!police || police.kind !== 'police') return 0;
    const last = signs && signs.kind === 'signs' ? signs.params.items[signs.params.items.length - 1]!.x - (this.tuning.walk ? signs.params.stopBefore.walk : signs.params.stopBefore.drive) : 0;
    return last + police.params.after;
  }
  /** where the officer stands (x, z) and faces (degrees), null without a police station */
  get officerAt(): { x: number; z: number; facing: number } {
    const police = this.stations.find((x) => x.kind === 'police');
    if (!police || police.kind !== 'police') return { x: 0, z: 0, facing: 0 };
    return { x: this.policeStop + police.params.officer[0], z: police.params.officer[1], facing: police.params.facing };
  }
  /** the signal the officer performs now (a question, or the one to order/perform), null when idle */
  get officerSignal(): HandSignal | null {
    if (this.stage === 'question' && this.question?.kind === 'signal') return this.question.signal;
    if (this.stage === 'show' && this.show) return this.show.orderSignal;
    return null;
  }
  get breakdown(): BreakdownView | null {
    const s = this.station;
    if (!s || s.kind !== 'breakdown' || (this.stage !== 'breakdown' && this.stage !== 'carry')) return null;
    const done = new Set(this.procedure.map((a) => a.step));
    return {
      prompt: s.params.prompt,
      steps: PROCEDURE_STEPS.map((id) => ({ id, label: s.params.steps[id], done: done.has(id) })),
      carrying: this.stage === 'carry',
      distance: this.carry.distance,
      placed: this.carry.placed,
      place: s.params.place,
      distanceLabel: s.params.distance,
      walkBack: s.params.walkBack,
      hazardOn: this.carry.hazard,
    };
  }
  /** where the triangle stands (x, z), once put down */
  get triangleAt(): { x: number; z: number } | null {
    const s = this.station;
    if (!this.carry.placed || !s || s.kind !== 'breakdown') return null;
    return { x: s.params.car[0] - CAR_HALF - this.carry.distance, z: s.params.shoulderZ };
  }
  get hazardOn(): boolean {
    return this.carry.hazard;
  }
  /** the eye height now (seated in the broken-down car, or the group's) */
  get eyeHeight(): number {
    return this.stage === 'breakdown' && !this.procedure.some((a) => a.step === 'evacuate') ? 1.2 : this.tuning.eyeHeight;
  }
  /** is the visitor walking (stations' paths) or driving */
  get walking(): boolean {
    return this.tuning.walk;
  }

  // ------------------------------------------------------------------ the visitor's answers
  /** Pick an option of the open question. */
  answer(optionId: string): void {
    const q = this.currentQuestion;
    const s = this.station;
    if (!q || !s || this.currentPhase !== 'play') return;
    const opt = q.options.find((o) => o.id === optionId);
    if (!opt) throw new Error(`signals: the question "${q.id}" has no option "${optionId}"`);
    const quick = this.clock - this.openedAt <= this.tuning.quickSeconds;
    const right = this.answerOf.get(q.id)!;
    const correct = optionId === right;
    const task = s.id;
    const key = `${task}:${q.id}`;
    const details = { item: q.id, chose: optionId, answer: right, seconds: Math.round((this.clock - this.openedAt) * 10) / 10 };
    if (s.kind === 'signs') {
      const it = s.params.items[this.item]!;
      const kind = correct ? (quick ? 'sign_correct' : 'sign_correct_slow') : it.category === 'marking' ? 'marking_wrong' : `sign_wrong_${it.category}`;
      this.recordNow(kind, { task, key, details });
      this.item++;
    } else if (s.kind === 'police') {
      const kind = correct ? (quick ? 'hand_signal_correct' : 'hand_signal_correct_slow') : optionId === s.params.trap.id ? 'no_right_turn_waiting' : 'hand_signal_wrong';
      this.recordNow(kind, { task, key, details });
      this.item++;
    }
    this.lastAnswer = { correct, answer: q.options.find((o) => o.id === right)!.label, verdict: correct ? this.verdict.right : this.verdict.wrong };
    this.next();
  }

  /** Order the movements: pick the next one (a wrong pick ends the ordering as misordered). */
  pickStep(stepId: string): void {
    const v = this.showing;
    const s = this.station;
    if (!v || !s || this.currentPhase !== 'play' || v.picked.includes(stepId)) return;
    if (!v.steps.some((x) => x.id === stepId)) throw new Error(`signals: no movement "${stepId}"`);
    const expected = String(v.picked.length);
    v.picked = [...v.picked, stepId];
    if (stepId !== expected) {
      this.recordNow('steps_misordered', { task: s.id, key: `${s.id}:order`, details: { signal: v.orderSignal, picked: v.picked.join(',') } });
      this.stationDone();
    } else if (v.picked.length === v.steps.length) {
      this.recordNow('steps_ordered', { task: s.id, key: `${s.id}:order`, details: { signal: v.orderSignal } });
      this.stationDone();
    }
  }

  /** The arms' pose this frame (headset; null when the hands or controllers are not tracked). */
  observeArms(pose: ArmPose | null, dt: number): void {
    const v = this.showing;
    const s = this.station;
    if (!v || !s || this.currentPhase !== 'play') return;
    const got = this.hold.update(pose, dt);
    v.showing = this.hold.showing;
    if (got && got === v.performSignal) {
      this.recordNow('signal_performed', { task: s.id, key: `${s.id}:order`, details: { signal: got } });
      this.stationDone();
    }
  }

  /** A step of the breakdown procedure (each once; the triangle is then carried back and put down). */
  doStep(step: ProcedureStep): void {
    const s = this.station;
    if (!s || s.kind !== 'breakdown' || this.stage !== 'breakdown' || this.currentPhase !== 'play') return;
    if (this.procedure.some((a) => a.step === step)) return;
    const p = s.params;
    if (step === 'triangle') {
      // out of the car at its rear, onto the shoulder, facing back the way the traffic comes
      this.stage = 'carry';
      this.pos.x = p.car[0] - CAR_HALF;
      this.pos.z = p.shoulderZ;
      this.pos.heading = Math.PI;
      this.carry.distance = 0;
      return;
    }
    this.procedure.push({ step });
    if (step === 'hazard') this.carry.hazard = true;
    if (step === 'evacuate') {
      this.pos.x = p.safe[0];
      this.pos.z = p.safe[1];
      this.pos.heading = Math.PI;
    }
    if (this.procedure.length === PROCEDURE_STEPS.length) this.checkBreakdown();
  }

  /** Put the triangle down where the visitor stands; back behind the guardrail. */
  placeTriangle(): void {
    const s = this.station;
    if (!s || s.kind !== 'breakdown' || this.stage !== 'carry') return;
    this.procedure.push({ step: 'triangle', distance: this.carry.distance });
    this.carry.placed = true;
    this.stage = 'breakdown';
    this.pos.z = s.params.safe[1];
    this.pos.heading = Math.PI;
    if (this.procedure.length === PROCEDURE_STEPS.length) this.checkBreakdown();
  }

  // ------------------------------------------------------------------ the frame
  protected fillInput(_input: SignalsInput, out: PlayerInput): void {
    out.moveX = out.moveZ = out.throttle = out.brake = out.steer = 0;
    out.lookYaw = this.input ? this.input.lookYaw : NaN;
    out.hasPose = true;
    out.poseX = this.pos.x;
    out.poseZ = this.pos.z;
  }

  protected advance(dt: number): void {
    const move = Math.max(-1, Math.min(1, this.input?.move ?? 0));
    if (this.stage === 'walk' && move !== 0) {
      const speed = this.tuning.walk ? this.tuning.walkSpeed : this.tuning.driveSpeed;
      this.pos.x = Math.max(this.walkFrom, Math.min(this.walkTo, this.pos.x + move * speed * dt));
      if (this.pos.x >= this.walkTo - 1e-6) this.arrive();
    } else if (this.stage === 'carry' && move !== 0) {
      const s = this.station!;
      if (s.kind === 'breakdown') {
        // forward = back along the shoulder, against the traffic's direction
        this.carry.distance = Math.max(0, Math.min(400, this.carry.distance + move * this.tuning.carrySpeed * dt));
        this.pos.x = s.params.car[0] - CAR_HALF - this.carry.distance;
      }
    }
    this.world.step(dt);
    this.hint = this.tuning.hints && this.stage === 'walk' && this.station ? hintFromTitle(this.station.title) : null;
  }

  protected override onFinish(): void {
    const s = this.station;
    // an unfinished procedure is judged on what was done
    if (s && s.kind === 'breakdown' && this.procedure.length > 0 && this.list.active?.id === s.id) this.score(checkProcedure(this.procedure, s.params.road, s.id).scored, s.id);
    this.stage = 'done';
    super.onFinish();
  }

  // ------------------------------------------------------------------ stations
  private enterStation(): void {
    const s = this.station;
    this.item = 0;
    this.question = null;
    this.show = null;
    if (!s) {
      this.stage = 'done';
      this.finish();
      return;
    }
    if (s.kind === 'breakdown') {
      this.pos.x = s.params.seat[0];
      this.pos.z = s.params.seat[1];
      this.pos.heading = 0;
      this.stage = 'breakdown';
      this.procedure = [];
      this.carry = { distance: 0, placed: false, hazard: false };
      return;
    }
    if (s.kind === 'signs') {
      this.pos.z = this.tuning.walk ? s.params.walkLine : s.params.driveLine;
      this.pos.heading = 0;
    }
    if (s.kind === 'police') {
      const n = Math.min(this.tuning.policeRounds, HAND_SIGNALS.length);
      this.rounds = shuffled(HAND_SIGNALS, this.rng).slice(0, n);
    }
    this.walkFrom = this.pos.x;
    this.walkTo = this.stopOf(s);
    this.stage = 'walk';
    if (this.pos.x >= this.walkTo) this.arrive();
  }

  /** where the visitor stops for the station's next item */
  private stopOf(s: Station): number {
    if (s.kind === 'signs') {
      const it = s.params.items[this.item]!;
      return it.x - (this.tuning.walk ? s.params.stopBefore.walk : s.params.stopBefore.drive);
    }
    if (s.kind === 'police') return this.policeStop;
    return this.pos.x;
  }

  private arrive(): void {
    const s = this.station!;
    this.pos.x = this.walkTo;
    if (s.kind === 'signs') this.ask(this.signQuestion(s.params.items[this.item]!, s.params.prompt, s.params.items.length));
    else if (s.kind === 'police') this.askSignal();
  }

  private ask(q: QuestionView): void {
    this.question = q;
    this.openedAt = this.clock;
    this.stage = 'question';
  }

  private signQuestion(it: SignItem, prompt: Localized, total: number): QuestionView {
    this.answerOf.set(it.id, it.answer);
    return { id: it.id, kind: 'sign', prompt: it.prompt ?? prompt, options: shuffled(it.options, this.rng), target: it.target, signal: null, n: this.item + 1, total };
  }

  private askSignal(): void {
    const s = this.station!;
    if (s.kind !== 'police') return;
    const signal = this.rounds[this.item]!;
    const p = s.params;
    const others = shuffled(HAND_SIGNALS.filter((x) => x !== signal), this.rng);
    // the trap sits beside the turns, where it is most tempting (facts 6.7: there is none)
    const trap = signal === 'left-turn-waiting' || signal === 'right-turn' || signal === 'left-turn';
    const opts: Option[] = [{ id: signal, label: p.signals[signal] }, ...others.slice(0, trap ? 2 : 3).map((x) => ({ id: x, label: p.signals[x] }))];
    if (trap) opts.push(p.trap);
    const id = `signal-${this.item + 1}-${signal}`;
    this.answerOf.set(id, signal);
    this.ask({ id, kind: 'signal', prompt: p.prompt, options: shuffled(opts, this.rng), target: [this.officerAt.x, 1.5, this.officerAt.z], signal, n: this.item + 1, total: this.rounds.length });
  }

  /** after an answer: the next item, the showing, or the next station */
  private next(): void {
    const s = this.station!;
    this.question = null;
    if (s.kind === 'signs') {
      if (this.item < s.params.items.length) {
        this.walkFrom = this.pos.x;
        this.walkTo = this.stopOf(s);
        this.stage = 'walk';
        if (this.pos.x >= this.walkTo) this.arrive();
      } else this.stationDone();
    } else if (s.kind === 'police') {
      if (this.item < this.rounds.length) this.askSignal();
      else this.startShow();
    }
  }

  private startShow(): void {
    const s = this.station!;
    if (s.kind !== 'police') return;
    const p = s.params;
    const orderable = HAND_SIGNALS.filter((x) => p.order.steps[x]);
    const orderSignal = orderable[Math.floor(this.rng.next() * orderable.length)]!;
    const performSignal = p.perform.signals[Math.floor(this.rng.next() * p.perform.signals.length)]!;
    const steps = p.order.steps[orderSignal]!.map((label, i) => ({ id: String(i), label }));
    let order = shuffled(steps, this.rng);
    // never already in order
    if (order.every((o, i) => o.id === String(i))) order = [...order.slice(1), order[0]!];
    this.hold.reset();
    this.show = {
      orderSignal,
      orderLabel: p.signals[orderSignal],
      orderPrompt: p.order.prompt,
      steps: order,
      picked: [],
      performSignal,
      performLabel: p.signals[performSignal],
      performPrompt: p.perform.prompt,
      showing: null,
    };
    this.stage = 'show';
  }

  private checkBreakdown(): void {
    const s = this.station!;
    if (s.kind !== 'breakdown') return;
    this.score(checkProcedure(this.procedure, s.params.road, s.id).scored, s.id);
    this.stationDone();
  }

  private stationDone(): void {
    this.list.completeActive();
    this.stationIndex++;
    this.enterStation();
  }
}

/** A signals game for an audience group (its id, or the groups file's entry with defaults). */
export function createGame(zone: ZoneDef, group: GroupInfo | string, seed: number): SignalsGame {
  return new SignalsGame(zone, group, seed);
}
