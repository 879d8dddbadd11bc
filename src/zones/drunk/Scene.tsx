// What the drunk zone draws besides the street: the car's cockpit around the driver (or, in the
// riders' version, the e-bike's handlebar), the view "after drinking" as a head-fixed layer (the
// level's demonstration model), and at the end the two stops marked on the road where the child
// ran out — seen from beside the road (the reader's overlook). In a headset the driver sits: the
// rig is lowered or lifted so the eyes are at a driver's height in the seat, whatever the visitor's
// own height, and put back when the zone ends. Hidden while a replay is seen from the child's eyes.
import { Text } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { text } from '../../content/ids.ts';
import { fontFor } from '../../three/text.ts';
import { CarCockpit, type CarPose } from '../../three/zone/CarCockpit.tsx';
import { Cockpit } from '../../three/zone/Cockpit.tsx';
import type { ZoneSceneProps } from '../module.ts';
import { EYE } from './controls.ts';
import { ImpairmentLayer } from './ImpairmentLayer.tsx';
import type { DrunkHud } from './module.ts';
import type { DrunkGame, RunId } from './rules.ts';
import { fill, one } from './words.ts';

const RUN_COLOUR: Record<RunId, string> = { sober: '#4dabf7', drunk: '#ff6b6b' };

/** The two stops on the road (or where the child was hit), each with its drive and numbers. */
function StopMarks({ hud }: { hud: DrunkHud }) {
  const lang = useSession((s) => s.lang);
  const end = hud.end;
  if (!end) return null;
  const { comparison: c } = end;
  const t = hud.texts;
  return (
    <group name="drunk-stop-marks">
      <mesh position={[c.hazard.x, 0.03, c.hazard.z]} raycast={() => null}>
        <boxGeometry args={[0.4, 0.04, 3.2]} />
        <meshBasicMaterial color="#ffd43b" />
      </mesh>
      {(['sober', 'drunk'] as const).map((r, i) => {
        const m = c.runs[r];
        const at = m?.hit ? m.hazardAt : m?.stop;
        if (!m || !at) return null;
        const label = `${text(t[r], lang)}\n${m.hit ? fill(t.hit, lang, { v: one(m.hitKmh ?? 0) }) : fill(t.metres, lang, { v: one(m.stoppingM ?? 0) })}`;
        return (
          <group key={r} name={`drunk-mark-${r}`} position={[at.x, 0, c.hazard.z]}>
            <mesh position={[0, 0.04, 0]} raycast={() => null}>
              <boxGeometry args={[0.35, 0.06, 3.2]} />
              <meshBasicMaterial color={RUN_COLOUR[r]} />
            </mesh>
            <Text font={fontFor(lang)} fontSize={0.55} position={[0, 1.4 + i * 1.3, 1.8]} rotation={[0, -Math.PI / 2 + 0.25, 0]} color={RUN_COLOUR[r]} outlineWidth={0.03} outlineColor="#000" anchorX="center" anchorY="bottom" textAlign="center" raycast={() => null}>
              {label}
            </Text>
          </group>
        );
      })}
    </group>
  );
}

export default function DrunkScene({ game, store, inXR, replaying, origin }: ZoneSceneProps<DrunkGame>) {
  const hud = useStore(store, (s) => s.hud as DrunkHud);
  const stage = useStore(store, (s) => (s.hud as DrunkHud).stage);
  const camera = useThree((s) => s.camera);
  const pose = useMemo<CarPose>(() => ({ x: 0, z: 0, heading: 0, speed: 0, limit: 1, steer: 0 }), []);
  const baseY = useRef<number | null>(null);

  // a seated driver: put the rig back where it was when the zone ends
  useEffect(() => {
    const o = origin.current;
    if (!inXR || !o) return;
    baseY.current = o.position.y;
    return () => {
      if (baseY.current !== null) o.position.y = baseY.current;
      baseY.current = null;
    };
  }, [inXR, origin]);

  useFrame(() => {
    const p = game.world.player!;
    pose.x = p.x;
    pose.z = p.z;
    pose.heading = p.heading;
    pose.speed = p.speed;
    pose.limit = game.limiterKmh / 3.6;
    pose.steer = p.steer;
    const o = origin.current;
    if (inXR && o && baseY.current !== null && game.vehicle === 'car') {
      // the eyes at the driver's height in the seat; the head's own height above the rig is the visitor's
      const head = camera.position.y;
      const want = game.phase === 'done' ? baseY.current : Math.max(-0.8, Math.min(0.3, EYE.car - head));
      o.position.y += (want - o.position.y) * 0.2;
    }
    // after the skeleton stepped the game (−1), before the cockpit places itself from the pose (0)
  }, -0.5);

  const impaired = !replaying && (stage === 'drunk' || stage === 'interlude') ? (game.impairment?.view ?? null) : null;
  const driving = !replaying && game.phase !== 'done';
  return (
    <>
      {driving && (game.vehicle === 'car' ? <CarCockpit pose={pose} /> : inXR ? <Cockpit pose={pose} /> : <Cockpit pose={pose} barHeight={1.05} ahead={0.62} />)}
      <ImpairmentLayer view={impaired} />
      {!replaying && game.phase === 'done' && <StopMarks hud={hud} />}
    </>
  );
}
