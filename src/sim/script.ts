// The zone's scenario script: steps fire at a time, when the player enters an area, when a signal
// head turns a colour, or when an event happens; after an optional delay their actions run (spawn
// or release a named actor, make one run the red or not give way, brake it hard, set its speed,
// ring the phone, emit a custom event). State is a few arrays, so snapshots copy it cheaply.
import type { ActionDef, StepDef, TriggerDef } from './def.ts';
import type { WorldEvent } from './events.ts';
import type { SimWorld } from './world.ts';

export interface ScriptState {
  /** per step: how many times it fired */
  fired: number[];
  /** per step: was the player inside its area last step (for enter edges) */
  inside: boolean[];
  /** actions waiting for their delay: [time, step index] pairs, in order of due time */
  pending: [number, number][];
}

export class ScriptRunner {
  readonly steps: StepDef[];
  private readonly triggers: TriggerDef[];
  state: ScriptState;

  constructor(steps: StepDef[]) {
    this.steps = steps;
    this.triggers = steps.map((s) => s.when ?? { type: 'time', t: s.at ?? 0 });
    this.state = { fired: steps.map(() => 0), inside: steps.map(() => false), pending: [] };
  }

  private fire(w: SimWorld, i: number): void {
    const st = this.steps[i]!;
    if (this.state.fired[i]! > 0 && !st.repeat) return;
    this.state.fired[i]!++;
    if (st.delay > 0) {
      const due = w.time + st.delay;
      const p = this.state.pending;
      let k = p.length;
      while (k > 0 && p[k - 1]![0] > due) k--;
      p.splice(k, 0, [due, i]);
    } else this.run(w, i);
  }

  private run(w: SimWorld, i: number): void {
    for (const a of this.steps[i]!.do) runAction(w, a);
  }

  /** Time, area and pending steps; called once per fixed step before agents move. */
  update(w: SimWorld): void {
    for (let i = 0; i < this.triggers.length; i++) {
      const tr = this.triggers[i]!;
      if (tr.type === 'time') {
        if (w.time >= tr.t - 1e-9 && this.state.fired[i] === 0) this.fire(w, i);
      } else if (tr.type === 'player_enters' || tr.type === 'actor_enters') {
        const p = tr.type === 'player_enters' ? w.player : (w.agentByName(tr.actor) ?? null);
        const inside = p !== null && p.x >= tr.rect[0] && p.x <= tr.rect[2] && p.z >= tr.rect[1] && p.z <= tr.rect[3];
        if (inside && !this.state.inside[i]) this.fire(w, i);
        this.state.inside[i] = inside;
      }
    }
    const p = this.state.pending;
    while (p.length > 0 && p[0]![0] <= w.time + 1e-9) {
      const [, i] = p.shift()!;
      this.run(w, i);
    }
  }

  onSignal(w: SimWorld, headId: string, color: string): void {
    for (let i = 0; i < this.triggers.length; i++) {
      const tr = this.triggers[i]!;
      if (tr.type === 'signal_turns' && tr.head === headId && tr.state === color) this.fire(w, i);
    }
  }

  onEvent(w: SimWorld, e: WorldEvent): void {
    for (let i = 0; i < this.triggers.length; i++) {
      const tr = this.triggers[i]!;
      if (tr.type === 'event' && tr.kind === e.kind) this.fire(w, i);
    }
  }

  snapshot(): ScriptState {
    return { fired: [...this.state.fired], inside: [...this.state.inside], pending: this.state.pending.map((p) => [p[0], p[1]]) };
  }

  restore(s: ScriptState): void {
    this.state = { fired: [...s.fired], inside: [...s.inside], pending: s.pending.map((p) => [p[0], p[1]]) };
  }
}

function runAction(w: SimWorld, a: ActionDef): void {
  switch (a.type) {
    case 'spawn':
      w.spawnNamed(a.actor);
      return;
    case 'release': {
      const ag = w.agentByName(a.actor);
      if (ag) {
        ag.held = false;
        if (a.speed !== undefined) ag.speed = a.speed / 3.6;
      }
      return;
    }
    case 'violate': {
      const ag = w.agentByName(a.actor);
      if (ag) {
        if (a.rule === 'run_red') ag.runRed = true;
        else ag.noYield = true;
      } else w.violateFlow(a.actor, a.rule);
      return;
    }
    case 'brake_hard': {
      const ag = w.agentByName(a.actor);
      if (ag) w.brakeHard(ag.id, { decel: a.decel, reaction: a.reaction, hold: a.hold });
      return;
    }
    case 'set_speed': {
      const ag = w.agentByName(a.actor);
      if (ag) ag.v0 = a.speed / 3.6;
      return;
    }
    case 'phone_rings':
      w.phone.ringing = true;
      w.phone.until = w.time + a.duration;
      w.emit('phone_rings', -1, -1, w.player?.x ?? 0, w.player?.z ?? 0, { duration: a.duration });
      return;
    case 'emit':
      w.emit(a.kind, w.player?.id ?? -1, -1, w.player?.x ?? 0, w.player?.z ?? 0, { ...(a.details ?? {}) });
      return;
  }
}
