// What the e-bike zone draws besides the street: the handlebar with its grips and a speed bar,
// riding with the bike (a comfort reference in a headset; further out on a screen so it is in the
// picture). Hidden while a replay is seen from another road user's seat.
import { useFrame } from '@react-three/fiber';
import { useMemo } from 'react';
import { Cockpit, type CockpitPose } from '../../three/zone/Cockpit.tsx';
import type { ZoneSceneProps } from '../module.ts';
import type { EbikeGame } from './rules.ts';

export default function EbikeScene({ game, inXR, replaying }: ZoneSceneProps<EbikeGame>) {
  const pose = useMemo<CockpitPose>(() => ({ x: 0, z: 0, heading: 0, speed: 0, limit: Infinity, steer: 0 }), []);
  useFrame(() => {
    const w = game.world;
    const p = w.player!;
    const lane = p.lane ? w.net.laneById.get(p.lane) : undefined;
    pose.x = p.x;
    pose.z = p.z;
    pose.heading = p.heading;
    pose.speed = p.speed;
    pose.limit = lane?.limit ?? Infinity;
    pose.steer = p.steer;
  });
  if (replaying) return null;
  return inXR ? <Cockpit pose={pose} /> : <Cockpit pose={pose} barHeight={1.05} ahead={0.62} />;
}
