// The traffic simulation kit: pure TypeScript, no three.js, React or DOM. Zones build a world from
// their scene file's `layout`, `actors` and `script`, feed it the visitor's input, step it each
// frame and read agents, signals and events back.
export { createWorld, type World, type WorldOptions, type PlayerOptions, type WorldSnapshot, type WorldBlindZone } from './world.ts';
export * from './def.ts';
export { EVENT_KINDS, type BuiltinEventKind, type WorldEvent, type EventDetails } from './events.ts';
export type { Agent, AgentState } from './agents/agent.ts';
export { SPECS, isVehicle, isVulnerable, isMotor, type VehicleSpec, type TrailerSpec } from './agents/specs.ts';
export { blankInput, type InputAdapter, type PlayerInput } from './agents/player.ts';
export { stoppingDistance, idmAccel, type IdmParams } from './kinematics.ts';
export type { SignalColor, SignalReading } from './signals.ts';
export { ReplayBuffer, type ReplayFrame, type ReplayAgent } from './replay.ts';
export { ReplayView, type DrawnAgent, type View, type Point3 } from './replayView.ts';
export { Rng } from './rng.ts';
export { kmhToMs, msToKmh, degToRad, radToDeg } from './units.ts';
export * from './geometry/index.ts';
export { makeJunction, demoJunction, type JunctionOptions } from './fixtures/demoJunction.ts';
export { straightRoad, type StraightRoadOptions } from './fixtures/straightRoad.ts';
export { ScriptedInput, run as runWorld, ofKind } from './testing.ts';
export type { RoadNet } from './road/network.ts';
