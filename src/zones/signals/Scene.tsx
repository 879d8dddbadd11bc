// What the signals zone draws besides the street (the street kit has drawn the road, its markings
// and the catalogue's signs): the officer whose arms perform the signal the game shows (from the
// same key poses the classifier reads), a marker over what a question is about, the expressway's
// guardrail and solid edge line, the broken-down car's hazard lights and the warning triangle
// where it was put down; in a headset the answer panels in front of the visitor and, while a
// signal is to be given, the arms read from the controllers or hands every frame.
import { useFrame, useThree } from '@react-three/fiber';
import { useMemo, useRef, type ReactNode } from 'react';
import { Quaternion, Vector3, type Group, type Mesh } from 'three';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { text } from '../../content/ids.ts';
import { basicMaterial, cachedGeometry, propMaterial } from '../../three/props/materials.ts';
import { C } from '../../three/props/palette.ts';
import { PartBuilder } from '../../three/props/parts.ts';
import { policeArmGeometry, policeOfficerBodyGeometry } from '../../three/props/PoliceOfficer.tsx';
import { warningTriangleGeometry } from '../../three/props/WarningTriangle.tsx';
import { Button3D } from '../../three/ui/Button3D.tsx';
import { Body3D, Panel3D } from '../../three/ui/Panel3D.tsx';
import { threeYawOf } from '../../three/zone/rig.ts';
import type { ZoneSceneProps } from '../module.ts';
import { armPoseOf, KEY_POSES, type ArmDirection, type HandSignal, type TrackedPose } from './handSignals.ts';
import type { SignalsActions, SignalsHud } from './module.ts';
import type { SignalsGame } from './rules.ts';

const noRaycast = () => null;
const DOWN = new Vector3(0, -1, 0);
const REST: ArmDirection = { elev: -85, az: 8 };
/** the officer model's shoulders (1.75 m figure, facing +x, left −z) */
const K = 1.75 / 1.7;
const SHOULDER_Y = 1.39 * K;
const SHOULDER_Z = 0.225 * K;

/** An arm direction (body frame) as a unit vector in the model's frame (front +x, right +z). */
function armVector(d: ArmDirection, side: -1 | 1, out: Vector3): Vector3 {
  const e = (d.elev * Math.PI) / 180;
  const a = (d.az * Math.PI) / 180;
  return out.set(Math.cos(e) * Math.cos(a), Math.sin(e), side * Math.cos(e) * Math.sin(a));
}

/** The officer: the body, and two arms eased towards the signal's key pose, the moving arm swinging. */
function Officer({ game }: { game: SignalsGame }) {
  const police = game.stations.find((s) => s.kind === 'police');
  const left = useRef<Mesh>(null);
  const right = useRef<Mesh>(null);
  const now = useMemo(() => ({ left: { ...REST }, right: { ...REST } }), []);
  const v = useMemo(() => new Vector3(), []);
  useFrame((state, delta) => {
    const sig: HandSignal | null = game.officerSignal;
    const k = Math.min(1, delta * 5);
    const swing = (Math.sin(state.clock.elapsedTime * 2.6) + 1) / 2;
    for (const side of ['left', 'right'] as const) {
      const pose = sig ? KEY_POSES[sig] : null;
      let want = pose ? pose.dir[side] : REST;
      if (pose?.swing?.arm === side) want = { elev: want.elev + (pose.swing.to.elev - want.elev) * swing, az: want.az + (pose.swing.to.az - want.az) * swing };
      now[side].elev += (want.elev - now[side].elev) * k;
      now[side].az += (want.az - now[side].az) * k;
      const m = (side === 'left' ? left : right).current;
      if (m) m.quaternion.setFromUnitVectors(DOWN, armVector(now[side], side === 'left' ? -1 : 1, v));
    }
  });
  if (!police) return null;
  const at = game.officerAt;
  return (
    <group name="signals-officer" position={[at.x, 0, at.z]} rotation={[0, (-at.facing * Math.PI) / 180, 0]}>
      <mesh geometry={policeOfficerBodyGeometry()} material={propMaterial()} raycast={noRaycast} />
      <mesh ref={left} name="officer-left-arm" geometry={policeArmGeometry()} material={propMaterial()} position={[0, SHOULDER_Y, -SHOULDER_Z]} raycast={noRaycast} />
      <mesh ref={right} name="officer-right-arm" geometry={policeArmGeometry()} material={propMaterial()} position={[0, SHOULDER_Y, SHOULDER_Z]} raycast={noRaycast} />
    </group>
  );
}

/** A bobbing arrow over what the open question is about. */
function Marker({ target }: { target: readonly [number, number, number] | null }) {
  const ref = useRef<Mesh>(null);
  useFrame((state) => {
    if (ref.current && target) ref.current.position.y = target[1] + 0.9 + Math.sin(state.clock.elapsedTime * 3) * 0.12;
  });
  if (!target) return null;
  return (
    <mesh ref={ref} name="signals-marker" position={[target[0], target[1] + 0.9, target[2]]} rotation={[Math.PI, 0, 0]} material={basicMaterial('#ffd43b')} raycast={noRaycast}>
      <coneGeometry args={[0.22, 0.45, 12]} />
    </mesh>
  );
}

/** The expressway's guardrail (rail and posts, one mesh) and its solid edge line, the car's hazard lights, the triangle. */
function Expressway({ game }: { game: SignalsGame }) {
  const station = game.stations.find((s) => s.kind === 'breakdown');
  const hud = useRef<Group>(null);
  const rail = useMemo(
    () =>
      station && station.kind === 'breakdown'
        ? cachedGeometry(`guardrail-${station.params.car.join(',')}`, () => {
            const b = new PartBuilder();
            const [cx] = station.params.car;
            const z = station.params.safe[1] - 1.6;
            const x0 = cx - 420;
            const x1 = cx + 200;
            b.slab(x0, x1, 0.55, 0.8, z - 0.04, z + 0.04, '#b8c0c8');
            for (let x = x0; x <= x1; x += 4) b.slab(x - 0.06, x + 0.06, 0, 0.6, z - 0.03, z + 0.09, '#8a939c');
            // the solid edge line between the traffic lanes and the emergency lane
            b.slab(x0, x1, 0.03, 0.035, station.params.shoulderZ - 1.87, station.params.shoulderZ - 1.72, '#f4f4f4');
            // distance posts every 50 m behind the car (white boards on the guardrail)
            for (let d = 50; d <= 300; d += 50) b.slab(cx - 2.3 - d - 0.3, cx - 2.3 - d + 0.3, 0.85, 1.25, z - 0.02, z + 0.02, C.white);
            return b.build();
          })
        : null,
    [station],
  );
  useFrame((state) => {
    if (hud.current) hud.current.visible = game.hazardOn && Math.sin(state.clock.elapsedTime * 9) > 0;
  });
  if (!station || station.kind !== 'breakdown' || !rail) return null;
  const [cx, cz] = station.params.car;
  const at = game.triangleAt;
  return (
    <group name="signals-expressway">
      <mesh geometry={rail} material={propMaterial()} raycast={noRaycast} />
      <group ref={hud} name="hazard-lights">
        {[-0.75, 0.75].map((dz) => (
          <mesh key={dz} position={[cx - 2.25, 0.8, cz + dz]} material={basicMaterial('#ff9f1a')} raycast={noRaycast}>
            <boxGeometry args={[0.08, 0.12, 0.25]} />
          </mesh>
        ))}
      </group>
      {at && <mesh name="warning-triangle-placed" geometry={warningTriangleGeometry()} material={propMaterial()} position={[at.x, 0, at.z]} rotation={[0, Math.PI, 0]} raycast={noRaycast} />}
    </group>
  );
}

/** The answer panel in the headset, in front of the visitor (the rig faces along the route). */
function AnswerPanel3D({ game, hud, actions }: { game: SignalsGame; hud: SignalsHud; actions: SignalsActions }) {
  const lang = useSession((s) => s.lang);
  const { question: q, show, breakdown: b } = hud;
  let body: ReactNode = null;
  if (q) {
    const h = 0.2 + q.options.length * 0.1;
    body = (
      <Panel3D name="panel:signals-question" title={`${text(q.prompt, lang)} (${q.n}/${q.total})`} width={1.0} height={h}>
        {q.options.map((o, i) => (
          <Button3D key={o.id} id={`answer-${o.id}`} label={text(o.label, lang)} width={0.94} height={0.085} position={[0, h / 2 - 0.16 - i * 0.1, 0]} onClick={() => actions.answer(o.id)} />
        ))}
      </Panel3D>
    );
  } else if (show) {
    const h = 0.34 + show.steps.length * 0.1;
    body = (
      <Panel3D name="panel:signals-show" title={`${text(show.performPrompt, lang)} ${text(show.performLabel, lang)}`} width={1.0} height={h}>
        <Body3D position={[0, h / 2 - 0.14, 0]} width={0.94} color={show.showing === show.performSignal ? '#8ce99a' : '#dce8f0'}>
          {`${text(show.orderPrompt, lang)} ${text(show.orderLabel, lang)}`}
        </Body3D>
        {show.steps.map((s, i) => (
          <Button3D key={s.id} id={`order-step-${s.id}`} label={text(s.label, lang)} width={0.94} height={0.085} selected={show.picked.includes(s.id)} disabled={show.picked.includes(s.id)} position={[0, h / 2 - 0.28 - i * 0.1, 0]} onClick={() => actions.pickStep(s.id)} />
        ))}
      </Panel3D>
    );
  } else if (b) {
    const h = b.carrying ? 0.42 : 0.2 + b.steps.length * 0.1;
    body = b.carrying ? (
      <Panel3D name="panel:signals-breakdown" title={text(b.distanceLabel, lang).replace('{m}', String(Math.round(b.distance)))} width={1.0} height={h}>
        <Body3D position={[0, 0.06, 0]} width={0.94}>
          {text(b.walkBack, lang)}
        </Body3D>
        <Button3D id="breakdown-place" label={text(b.place, lang)} width={0.6} height={0.09} position={[0, -0.13, 0]} onClick={() => actions.placeTriangle()} />
      </Panel3D>
    ) : (
      <Panel3D name="panel:signals-breakdown" title={text(b.prompt, lang)} width={1.0} height={h}>
        {b.steps.map((s, i) => (
          <Button3D key={s.id} id={`breakdown-${s.id}`} label={text(s.label, lang)} width={0.94} height={0.085} selected={s.done} disabled={s.done} position={[0, h / 2 - 0.16 - i * 0.1, 0]} onClick={() => actions.doStep(s.id)} />
        ))}
      </Panel3D>
    );
  }
  if (!body) return null;
  return (
    <group position={[game.pos.x, 0, game.pos.z]} rotation={[0, threeYawOf(game.pos.heading), 0]}>
      <group position={[0.3, 1.35, -1.05]} rotation={[-0.1, -0.2, 0]}>
        {body}
      </group>
    </group>
  );
}

const scratch = { head: new Vector3(), f: new Vector3(), q: new Quaternion() };

/** While a signal is to be given: both arms (controllers' grips or hands' wrists) and the head, each frame, into the game. */
function ArmsReader({ actions }: { actions: SignalsActions }) {
  const gl = useThree((s) => s.gl);
  const pose = useMemo<TrackedPose>(() => ({ head: { x: 0, y: 0, z: 0 }, yaw: 0, left: { x: 0, y: 0, z: 0 }, right: { x: 0, y: 0, z: 0 } }), []);
  useFrame((_, delta) => {
    const dt = Math.min(delta, 0.1);
    const frame = gl.xr.getFrame?.();
    const space = gl.xr.getReferenceSpace?.();
    const viewer = frame && space ? frame.getViewerPose(space) : undefined;
    if (!frame || !space || !viewer) return actions.arms(null, dt);
    const t = viewer.transform;
    pose.head.x = t.position.x;
    pose.head.y = t.position.y;
    pose.head.z = t.position.z;
    scratch.q.set(t.orientation.x, t.orientation.y, t.orientation.z, t.orientation.w);
    scratch.f.set(0, 0, -1).applyQuaternion(scratch.q);
    pose.yaw = Math.atan2(scratch.f.z, scratch.f.x);
    let seen = 0;
    for (const src of frame.session.inputSources) {
      if (src.handedness !== 'left' && src.handedness !== 'right') continue;
      const wrist = src.hand?.get('wrist');
      const p = wrist && frame.getJointPose ? frame.getJointPose(wrist, space) : src.gripSpace ? frame.getPose(src.gripSpace, space) : undefined;
      if (!p) continue;
      const out = pose[src.handedness];
      out.x = p.transform.position.x;
      out.y = p.transform.position.y;
      out.z = p.transform.position.z;
      seen |= src.handedness === 'left' ? 1 : 2;
    }
    actions.arms(seen === 3 ? armPoseOf(pose) : null, dt);
  });
  return null;
}

export default function SignalsScene({ game, store, inXR, replaying }: ZoneSceneProps<SignalsGame>) {
  const hud = useStore(store, (s) => s.hud) as SignalsHud;
  const actions = useStore(store, (s) => s.actions.zone) as unknown as SignalsActions;
  const playing = useStore(store, (s) => s.status === 'playing');
  if (replaying) return null;
  return (
    <group name="signals-scene">
      <Officer game={game} />
      <Marker target={hud.question?.target ?? null} />
      <Expressway game={game} />
      {inXR && playing && <AnswerPanel3D game={game} hud={hud} actions={actions} />}
      {inXR && playing && hud.show && <ArmsReader actions={actions} />}
    </group>
  );
}
