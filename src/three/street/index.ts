// The street kit: a layout's static street, its signal hardware lit from a world, its props, and
// the world's moving agents — each a few draw calls whatever the size (see each file).
//
// Frame: the simulation's (src/sim/def.ts): x–z ground, y up, heading 0 = +x; a model facing +x
// takes rotation.y = −heading. The carriageway surface is y = 0.
export { AgentsRenderer, type AgentsRendererProps } from './AgentsRenderer.tsx';
export { AgentPools, writeAgentMatrix, type AgentSource } from './agentPools.ts';
export { AGENT_POOLS, POOL_OF, type AgentPool } from './agentModels.ts';
export { dressStreet, type DressingOptions } from './dressing.ts';
export { LayoutProps, type LayoutPropsProps } from './LayoutProps.tsx';
export { planLayoutProps } from './layoutProps.ts';
export { SignalHeads, type SignalHeadsProps } from './SignalHeads.tsx';
export { planSignals, type LampUnit, type SignalPlan } from './signalPlan.ts';
export { SignalRig } from './signalRig.ts';
export { StreetScene, type StreetSceneProps } from './StreetScene.tsx';
export { buildStreetGeometry, STREET_COLORS, STREET_Y, toLayoutDef, type StreetGeometry, type StreetOptions } from './streetGeometry.ts';
