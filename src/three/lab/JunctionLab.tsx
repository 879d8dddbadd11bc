// #/lab/junction: the street kit on the demo junction with live traffic, for development, the
// browser tests and the benchmark. R3F children rendered inside the app's one canvas (not a Canvas).
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { createWorld, demoJunction, type World } from '../../sim/index.ts';
import { Daylight } from '../street/Daylight.tsx';
import { AgentsRenderer, dressStreet, LayoutProps, SignalHeads, StreetScene } from '../street/index.ts';
import { exposeForTests, testHooksEnabled } from '../../app/testHooks.ts';

export const LAB_SEED = 7;
/** demoJunction's flow rates × this; with the warm-up about 50 agents at once, 60–80 after a few minutes */
export const LAB_DENSITY = 1;
/** simulated seconds run before the first frame, so the lab opens on flowing traffic (≈ 0.6 s of CPU) */
export const LAB_WARMUP_S = 60;
/** instances per agent kind */
export const LAB_MAX_AGENTS = 128;
/** the longest frame the simulation follows; slower frames run the traffic in slow motion */
export const LAB_MAX_FRAME_S = 0.1;

/**
 * Where the junction's middle sits in the scene. The app's flat camera stands at (0, 2.4, 4.2)
 * looking at (0, 1.3, −3): this puts it at eye height on the verge by the south-east corner (13.5 m
 * east of the middle, 26 m south), looking north across the junction. The y lift keeps the street
 * clear of the hall's floor disc (y = 0).
 */
export const LAB_OFFSET: [number, number, number] = [-13.5, 0.06, -22];

const add = (a: readonly number[], b: readonly number[]): [number, number, number] => [a[0]! + b[0]!, a[1]! + b[1]!, a[2]! + b[2]!];

/**
 * A raised overview for the camera (scene coordinates), for the lead to wire to the flat camera
 * and OrbitControls target: above the south-east corner, the whole junction in view.
 */
export const view: { position: [number, number, number]; target: [number, number, number] } = {
  position: add(LAB_OFFSET, [30, 18, 42]),
  target: add(LAB_OFFSET, [0, 0, 0]),
};


interface LabHandle {
  world: World;
  /** counted from the world's events (drained every frame, so the queue never grows) */
  counts: { enteredOnRed: number; collisions: number; signalChanges: number };
}

export default function JunctionLab() {
  const world = useMemo(() => {
    const w = createWorld(demoJunction, LAB_SEED, { trafficDensity: LAB_DENSITY, player: false, maxAgents: LAB_MAX_AGENTS });
    for (let t = 0; t < LAB_WARMUP_S; t += w.dt) w.step(w.dt);
    return w;
  }, []);
  const counts = useMemo(() => ({ enteredOnRed: 0, collisions: 0, signalChanges: 0 }), []);
  const layout = world.def.layout;
  const dressed = useMemo(() => ({ ...layout, props: [...layout.props, ...dressStreet(layout)] }), [layout]);

  useEffect(() => {
    if (!testHooksEnabled) return;
    const handle: LabHandle = { world, counts };
    return exposeForTests('__junctionLab', handle);
  }, [world, counts]);

  // before every other frame callback (the renderers read the stepped world); a negative priority
  // does not take over rendering
  useFrame((_, delta) => {
    world.step(Math.min(delta, LAB_MAX_FRAME_S));
    for (const e of world.drainEvents()) {
      if (e.kind === 'entered_on_red') counts.enteredOnRed++;
      else if (e.kind === 'collision') counts.collisions++;
      else if (e.kind === 'signal_changed') counts.signalChanges++;
    }
  }, -1);

  return (
    <group name="junction-lab" position={LAB_OFFSET}>
      <Daylight />
      <StreetScene layout={layout} />
      <SignalHeads layout={layout} world={world} />
      <LayoutProps layout={dressed} />
      <AgentsRenderer world={world} maxAgents={LAB_MAX_AGENTS} />
    </group>
  );
}
