// The zone plays in two worlds built from one scene file: a quiet one for the walk round and the
// cab (the trucks held, no traffic), and the turn's (the visitor's role, traffic, the script). The
// UI keeps one world for a game (its street renderers, replay view and scene source hold on to
// it), so the game hands out this stand-in: one object that is always the current world. While the
// visitor sits in the standing truck's cab, that truck is left out of `agents` (`hide`): the
// street kit would draw its body round the eye; the zone draws the cab frame instead.
import type { InputAdapter } from '../../sim/agents/player.ts';
import type { SignalReading } from '../../sim/signals.ts';
import type { World, WorldSnapshot } from '../../sim/world.ts';

export class WorldSwitch implements World {
  current: World;
  /** an agent the renderers do not draw (−1: none) */
  hide = -1;
  private readonly shown: World['agents'][number][] = [];

  constructor(first: World) {
    this.current = first;
  }

  get def() {
    return this.current.def;
  }
  get net() {
    return this.current.net;
  }
  get dt() {
    return this.current.dt;
  }
  get time() {
    return this.current.time;
  }
  get stepCount() {
    return this.current.stepCount;
  }
  get agents() {
    const all = this.current.agents;
    if (this.hide < 0) return all;
    this.shown.length = 0;
    for (const a of all) if (a.id !== this.hide) this.shown.push(a);
    return this.shown;
  }
  get player() {
    return this.current.player;
  }
  get replay() {
    return this.current.replay;
  }
  get phone() {
    return this.current.phone;
  }
  step(dt: number): number {
    return this.current.step(dt);
  }
  signalState(headId: string, out?: SignalReading): SignalReading {
    return this.current.signalState(headId, out);
  }
  drainEvents() {
    return this.current.drainEvents();
  }
  snapshot(): WorldSnapshot {
    return this.current.snapshot();
  }
  restore(s: WorldSnapshot): void {
    this.current.restore(s);
  }
  setInput(adapter: InputAdapter | null): void {
    this.current.setInput(adapter);
  }
  agent(id: number) {
    return this.current.agent(id);
  }
  agentByName(name: string) {
    return this.current.agentByName(name);
  }
  spawnNamed(actorId: string) {
    return this.current.spawnNamed(actorId);
  }
  resetPlayer(spawnId?: string, speed?: number): void {
    this.current.resetPlayer(spawnId, speed);
  }
  brakeHard(agentId: number, opts?: { decel?: number; reaction?: number; hold?: number }): void {
    this.current.brakeHard(agentId, opts);
  }
  lineOfSight(x0: number, z0: number, x1: number, z1: number): boolean {
    return this.current.lineOfSight(x0, z0, x1, z1);
  }
  blindZones(agentId: number, targetHeight?: number) {
    return this.current.blindZones(agentId, targetHeight);
  }
  innerWheelSweep(agentId: number) {
    return this.current.innerWheelSweep(agentId);
  }
}
