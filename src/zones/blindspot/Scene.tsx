// What the blindspot zone draws besides the street (the skeleton draws the road, the trucks and the
// people): on the walk round the markers and where the next one would go; in the cab the cab's
// frame and mirrors around the eye (render-target mirrors, low resolution, one per frame), the
// markers coloured by what the driver saw, the blind zones and the visitor's own walk on the ground;
// at the turn each truck's inner-wheel sweep on the road (and a driver's own cab and mirrors). In a
// headset the rig is lifted to the driver's eye while seated. Nothing of it during a replay, which
// draws its own cab.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { DoubleSide, type Mesh, MeshBasicMaterial, RingGeometry } from 'three';
import { useStore } from 'zustand';
import type { ZoneSceneProps } from '../module.ts';
import { CabFrame, type CabPose } from '../../three/zone/CabFrame.tsx';
import { noRaycast } from '../../three/props/PropBody.tsx';
import { ABOVE, cabVehicle } from './controls.ts';
import { cabOf } from './markers.ts';
import { CabMirrors, type MirrorPose } from './Mirrors.tsx';
import { BlindZonesOverlay, MarkersOverlay, OVERLAY_COLOURS, SweepsOverlay, TrackOverlay } from './Overlays.tsx';
import type { BlindspotHud } from './module.ts';
import type { BlindspotGame } from './rules.ts';

/** the headset's standing eye height the rig is lifted from when seated in a cab, m */
const STANDING_EYE = 1.6;
/** the visitor's eye over the ground for the view from above, m */
const ABOVE_EYE = ABOVE.up;

/** a ring on the ground where the act button would set the next marker down */
function MarkerSpot({ game }: { game: BlindspotGame }) {
  const ref = useRef<Mesh>(null);
  const at = useMemo(() => ({ x: 0, z: 0 }), []);
  const parts = useMemo(() => ({ geometry: new RingGeometry(0.12, 0.2, 20).rotateX(-Math.PI / 2), material: new MeshBasicMaterial({ color: OVERLAY_COLOURS.pending, side: DoubleSide }) }), []);
  useEffect(() => () => (parts.geometry.dispose(), parts.material.dispose()), [parts]);
  useFrame(() => {
    const m = ref.current;
    if (!m) return;
    m.visible = game.stage === 'walkaround';
    if (!m.visible) return;
    game.markerSpot(at);
    m.position.set(at.x, 0.05, at.z);
  });
  return <mesh ref={ref} name="marker-spot" geometry={parts.geometry} material={parts.material} raycast={noRaycast} />;
}

export default function BlindspotScene({ game, store, inXR, replaying, origin }: ZoneSceneProps<BlindspotGame>) {
  // re-rendered when the HUD is published (a few times a second): the stage and the markers
  const hud = useStore(store, (s) => s.hud as BlindspotHud);
  const stage = hud.stage;
  const markers = game.markers;
  const verdicts = game.verdicts;
  const zones = useMemo(() => (stage === 'walkaround' ? [] : game.blindZones()), [game, stage]);
  const track = stage === 'walkaround' ? [] : game.track;
  const sweeps = useMemo(() => (stage === 'turn' ? [...game.turningTrucks.map((t) => t.sweep), ...(game.ownSweep ? [game.ownSweep] : [])] : []), [game, stage]);
  const seatedIn = cabVehicle(game);
  const cab = seatedIn ? cabOf(seatedIn.kind) : null;
  const width = seatedIn?.width ?? 2.5;

  const cabPose = useMemo<CabPose>(() => ({ x: 0, z: 0, heading: 0, length: 0, visible: false }), []);
  const mirrorPose = useMemo<MirrorPose>(() => ({ x: 0, z: 0, heading: 0, length: 0, active: false }), []);
  useFrame(() => {
    const v = cabVehicle(game);
    const on = !!v && !replaying;
    cabPose.visible = on;
    mirrorPose.active = on;
    if (v) {
      cabPose.x = mirrorPose.x = v.x;
      cabPose.z = mirrorPose.z = v.z;
      cabPose.heading = mirrorPose.heading = v.heading;
      cabPose.length = mirrorPose.length = v.length;
    }
    // in a headset, seated: the rig goes up so the visitor's eye is the driver's (the skeleton keeps the rig's height)
    const o = origin.current;
    if (inXR && o && !replaying) o.position.y = game.fromAbove ? ABOVE_EYE - STANDING_EYE : on ? cabOf(v.kind).eyeHeight - STANDING_EYE : 0;
  });
  useEffect(
    () => () => {
      if (origin.current) origin.current.position.y = 0;
    },
    [origin],
  );

  if (replaying) return null;
  return (
    <group name="blindspot">
      {stage === 'walkaround' && <MarkerSpot game={game} />}
      {stage !== 'turn' && <MarkersOverlay markers={markers} verdicts={verdicts} height={game.tuning.markerHeight} />}
      <BlindZonesOverlay zones={zones} visible={stage === 'cab'} />
      <TrackOverlay track={track} visible={stage === 'cab'} />
      <SweepsOverlay sweeps={sweeps} visible={stage === 'turn'} />
      {cab && (
        <>
          <CabFrame cab={cab} width={width} pose={cabPose} />
          <CabMirrors cab={cab} width={width} pose={mirrorPose} looking={() => game.lookingAt} />
        </>
      )}
    </group>
  );
}
