// What the seat-belt zone draws besides the street:
//  - the crash test site (viewpoints.ts): two test lanes with barriers, a car in each, and in each
//    the crash model's occupant posed from the run's sample at the station's crash clock (the
//    approach at real speed, the impact in slow motion), belted or not, a child in a child seat or
//    held; the near car is the visitor's own choice;
//  - the car's cabin around the visitor on the road (dashboard, wheel, bonnet, the phone that lights
//    up when a message arrives);
//  - the marks a drive leaves on the road for its result (marks.ts: the engine's reaction and
//    braking distances, the facts 5.16 reference beside them);
//  - in a headset: the belt to reach for and pull to the buckle (beltGesture.ts), looking down at
//    the phone holding the `phone` action, and the station panel (Station3D.tsx).
// All boxes and limbs are two instanced meshes, so the site costs a few draw calls.
import { useFrame, useThree } from '@react-three/fiber';
import { Suspense, lazy, useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, type BufferGeometry, Color, CylinderGeometry, type Group, InstancedMesh, type Material, Object3D, Quaternion, SphereGeometry, Vector3 } from 'three';
import { exposeForTests, testHooksEnabled } from '../../app/testHooks.ts';
import { coloured, propMaterial } from '../../three/props/materials.ts';
import { agentMaterial, painted } from '../../three/street/materials.ts';
import { useHandWalk } from '../../three/zone/hands.ts';
import type { ZoneSceneProps } from '../module.ts';
import { BUCKLE, TONGUE_REST, beltState, setBelt, stepBelt, type HandGrip, type RigPoint } from './beltGesture.ts';
import { HEAD_DOWN } from './controls.ts';
import { marksOf, type MarkKind } from './marks.ts';
import { BODIES, SEATS } from './model.ts';
import { sampleAt, type CrashRun } from './occupant.ts';
import { emptyPose, poseOf, type OccupantPose } from './pose.ts';
import type { SeatbeltGame } from './rules.ts';
import type { StationView } from './station.ts';
import { PARKED, SEAT_AT, TEST_LANES } from './viewpoints.ts';
import type { SeatbeltActions } from './module.ts';

const Station3D = lazy(() => import('./Station3D.tsx'));

const MAX_BOXES = 64;
const MAX_LIMBS = 24;
const noRaycast = () => null;
const dummy = new Object3D();
const up = new Vector3(0, 1, 0);
const va = new Vector3();
const vb = new Vector3();
const q = new Quaternion();

const COLORS = {
  pad: new Color('#5c636a'),
  wall: new Color('#d9480f'),
  yours: new Color('#1971c2'),
  other: new Color('#868e96'),
  glass: new Color('#ced4da'),
  seat: new Color('#343a40'),
  dash: new Color('#495057'),
  wheel: new Color('#868e96'),
  belt: new Color('#fab005'),
  childSeat: new Color('#e64980'),
  phone: new Color('#101113'),
  phoneLit: new Color('#74c0fc'),
  skin: new Color('#f1c27d'),
  body: new Color('#e8590c'),
  reaction: new Color('#ffd43b'),
  braking: new Color('#fa5252'),
  'ref-reaction': new Color('#74c0fc'),
  'ref-braking': new Color('#1c7ed6'),
  blind: new Color('#be4bdb'),
} satisfies Record<string, Color> & Record<MarkKind, Color>;

/** Writes boxes and limbs into the two instanced meshes, frame by frame. */
class Drawer {
  nb = 0;
  nl = 0;
  nh = 0;
  constructor(
    readonly boxes: InstancedMesh,
    readonly limbs: InstancedMesh,
    readonly heads: InstancedMesh,
  ) {}
  begin() {
    this.nb = this.nl = this.nh = 0;
  }
  /** a box centred at (x, y, z), sized (sx, sy, sz), turned by three yaw `ry` */
  box(x: number, y: number, z: number, sx: number, sy: number, sz: number, c: Color, ry = 0) {
    if (this.nb >= MAX_BOXES) return;
    dummy.position.set(x, y, z);
    dummy.rotation.set(0, ry, 0);
    dummy.scale.set(sx, sy, sz);
    dummy.updateMatrix();
    this.boxes.setMatrixAt(this.nb, dummy.matrix);
    this.boxes.setColorAt(this.nb++, c);
  }
  /** a limb (a cylinder of radius r) from a to b */
  limb(a: Vector3, b: Vector3, r: number, c: Color) {
    if (this.nl >= MAX_LIMBS) return;
    const len = a.distanceTo(b);
    dummy.position.copy(a).add(b).multiplyScalar(0.5);
    q.setFromUnitVectors(up, vb.copy(b).sub(a).normalize());
    dummy.quaternion.copy(q);
    dummy.scale.set(r, Math.max(1e-3, len), r);
    dummy.updateMatrix();
    this.limbs.setMatrixAt(this.nl, dummy.matrix);
    this.limbs.setColorAt(this.nl++, c);
  }
  head(p: Vector3, r: number, c: Color) {
    if (this.nh >= 4) return;
    dummy.position.copy(p);
    dummy.quaternion.identity();
    dummy.scale.set(r, r, r);
    dummy.updateMatrix();
    this.heads.setMatrixAt(this.nh, dummy.matrix);
    this.heads.setColorAt(this.nh++, c);
  }
  end() {
    for (const [m, n] of [
      [this.boxes, this.nb],
      [this.limbs, this.nl],
      [this.heads, this.nh],
    ] as const) {
      m.count = n;
      m.instanceMatrix.needsUpdate = true;
      if (m.instanceColor) m.instanceColor.needsUpdate = true;
      m.visible = n > 0;
    }
  }
}

/** the car's length, its bonnet's length, the sill (doors cut away above it) and the roof, m */
const CAR_L = 4.2;
const HOOD_L = 1.1;
const SILL = 0.72;
const ROOF = 1.42;
const CAR_W = 1.7;
/** the seat cushion over the ground, m */
const CUSHION = 0.5;

/** One test car with its front at `front` (x), crushed by `crush`, in the lane at z. */
function drawCar(d: Drawer, front: number, crush: number, z: number, paint: Color) {
  const body = front + crush; // the uncrushed car's front, where the cabin's frame is
  const rear = body - CAR_L;
  // lower body (sill height), the boot, the bonnet (shortened by the crush), the roof and its pillars
  d.box(rear + (CAR_L - HOOD_L) / 2, 0.45, z, CAR_L - HOOD_L, 0.5, CAR_W, paint);
  const hood = HOOD_L - crush;
  d.box(body - (HOOD_L + crush) / 2, 0.55, z, Math.max(0.05, hood), 0.6 * (0.6 + (0.4 * hood) / HOOD_L), CAR_W, paint);
  d.box(body - 2.4, ROOF, z, 1.9, 0.05, CAR_W - 0.1, paint);
  for (const px of [body - 1.45, body - 3.35]) for (const s of [-1, 1]) d.box(px, (SILL + ROOF) / 2 + 0.1, z + s * (CAR_W / 2 - 0.05), 0.07, ROOF - SILL, 0.07, paint);
  // the windscreen's frame bottom and the dashboard
  d.box(body - 1.35, 0.95, z, 0.25, 0.12, CAR_W - 0.2, COLORS.dash);
}

const pa = new Vector3();
const pb = new Vector3();

/** The crash model's occupant at its sample, in a car whose cabin frame starts at `body` (the uncrushed front). */
function drawOccupant(d: Drawer, run: CrashRun, t: number, body: number, z: number, seatBack: number, bodyId: keyof typeof BODIES, restraint: string, pose: OccupantPose) {
  const spec = BODIES[bodyId];
  poseOf(spec, sampleAt(run, Math.max(0, t)), pose);
  const hipX = body - seatBack;
  const w = (p: { x: number; y: number }, out: Vector3) => out.set(hipX + p.x, CUSHION + p.y, z);
  const h = spec.headHeight;
  // the seat: cushion and back (or the child seat's shell)
  if (restraint === 'child-seat') {
    d.box(hipX - 0.05, CUSHION - 0.06, z, 0.42, 0.12, 0.44, COLORS.childSeat);
    d.box(hipX - 0.22, CUSHION + h * 0.55, z, 0.08, h * 1.25, 0.44, COLORS.childSeat);
  } else {
    d.box(hipX + 0.05, CUSHION - 0.08, z, 0.5, 0.14, 0.5, COLORS.seat);
    d.box(hipX - 0.22, CUSHION + 0.35, z, 0.1, 0.75, 0.5, COLORS.seat);
  }
  const r = h * 0.11;
  d.limb(w(pose.pelvis, pa), w(pose.shoulder, pb), r * 1.3, COLORS.body);
  d.limb(w(pose.pelvis, pa), w(pose.knee, pb), r * 0.9, COLORS.body);
  d.limb(w(pose.knee, pa), w(pose.foot, pb), r * 0.75, COLORS.body);
  d.limb(w(pose.shoulder, pa), w(pose.hand, pb), r * 0.6, COLORS.skin);
  d.head(w(pose.head, pa), h * 0.15, COLORS.skin);
  if (restraint === 'belt' || restraint === 'child-seat') {
    // the belt from its anchor on the car (over the shoulder, behind it) across the chest to the hip,
    // on the body's stand side (−z) so it shows over the torso
    const front = z - r * 1.3 - 0.02;
    pb.set(hipX - 0.12, CUSHION + h * 0.95, front);
    d.limb(pb, w(pose.chest, pa).setZ(front), 0.03, COLORS.belt);
    d.limb(w(pose.chest, pb).setZ(front), w(pose.pelvis, pa).setY(pa.y + 0.02).setZ(front), 0.03, COLORS.belt);
  }
}

/** The wheel in front of the driver's seat, moving with the cabin. */
function drawWheel(d: Drawer, body: number, z: number, seatBack: number) {
  const cabin = SEATS.driver;
  pa.set(body - seatBack + (cabin.chest ?? 0.32) + 0.05, CUSHION + 0.42, z);
  pb.set(pa.x + 0.06, pa.y + 0.12, z);
  d.limb(pa, pb, 0.17, COLORS.dash);
}

function crashSite(d: Drawer, v: StationView | null, game: SeatbeltGame, poses: [OccupantPose, OccupantPose]) {
  if (!v || (v.kind !== 'crash-test' && v.kind !== 'child-seat')) return;
  // the test pad
  d.box(-14, 0.01, (TEST_LANES[0].z + TEST_LANES[1].z) / 2, 44, 0.02, 12, COLORS.pad);
  const speed = (v.kind === 'crash-test' ? (v.speedKmh ?? 30) : v.speedKmh) / 3.6;
  const role = v.kind === 'crash-test' ? v.role : 'child';
  const seat = v.kind === 'crash-test' ? SEAT_AT[role] : SEAT_AT.child;
  TEST_LANES.forEach((lane, i) => {
    d.box(lane.wallX + 0.5, 0.8, lane.z, 1, 1.6, 3, COLORS.wall);
    const paint = i === 0 ? COLORS.yours : COLORS.other;
    const run = v.pair?.runs[i];
    let front: number, crush: number;
    if (!run) {
      front = lane.wallX - PARKED;
      crush = 0;
    } else if (v.clock < 0) {
      front = lane.wallX + speed * v.clock;
      crush = 0;
    } else {
      front = lane.wallX;
      crush = sampleAt(run, v.clock).carX;
    }
    drawCar(d, front, crush, lane.z, paint);
    const body = front + crush;
    const side = lane.z + seat.side;
    if (v.kind === 'crash-test' && role === 'driver') drawWheel(d, body, side, seat.back);
    if (!run) return;
    const bodyId = v.kind === 'crash-test' ? (game.tuning.crashRole === 'driver' || game.tuning.crashRole === 'passenger' ? 'adult' : 'child') : 'toddler';
    const restraint = v.kind === 'crash-test' ? ((i === 0) === v.buckled ? 'belt' : 'none') : i === 0 ? 'arms' : 'child-seat';
    drawOccupant(d, run, v.clock, body, side, seat.back, bodyId, restraint, poses[i]!);
  });
}

/** The cabin around the driver on the road, in the car's own frame (x forward from its middle, z right). */
function cabin(d: Drawer, ringing: boolean) {
  const eyeX = -0.25, side = -0.37;
  d.box(eyeX + 0.75, 0.86, 0, 0.35, 0.18, CAR_W - 0.1, COLORS.dash);
  d.box(eyeX + 1.9, 0.72, 0, 1.9, 0.08, CAR_W - 0.1, COLORS.yours);
  for (const s of [-1, 1]) d.box(eyeX + 0.85, 1.15, s * (CAR_W / 2 - 0.08), 0.06, 0.6, 0.06, COLORS.yours, 0);
  d.box(eyeX + 0.3, 1.42, 0, 1.4, 0.05, CAR_W - 0.1, COLORS.yours);
  // the phone on its holder, to the right of the wheel: it lights up when a message arrives
  d.box(eyeX + 0.55, 0.95, side + 0.45, 0.02, 0.14, 0.075, ringing ? COLORS.phoneLit : COLORS.phone);
  // the wheel: a thin disc facing the driver, tilted back
  pa.set(eyeX + 0.55, 0.9, side);
  pb.set(eyeX + 0.54, 0.92, side);
  d.limb(pa, pb, 0.17, COLORS.wheel);
}

function driving(v: StationView | null): v is Extract<StationView, { kind: 'phone-drive' | 'stopping' }> {
  return !!v && (v.kind === 'phone-drive' || v.kind === 'stopping');
}

function roadMarks(d: Drawer, v: StationView | null) {
  if (!driving(v) || v.stage !== 'result') return;
  const drives = v.kind === 'phone-drive' ? [v.drives[v.drive]!] : [v.runs[v.run]!];
  for (const dr of drives) {
    if (!dr.measure) continue;
    const ref = 'reference' in dr ? dr.reference : null;
    for (const s of marksOf(dr.measure, dr.spawn.heading, ref)) {
      const h = dr.spawn.heading;
      const cx = (s.from.x + s.to.x) / 2 - Math.sin(h) * s.offset;
      const cz = (s.from.z + s.to.z) / 2 + Math.cos(h) * s.offset;
      d.box(cx, 0.03, cz, Math.max(0.05, s.length), 0.02, 0.5, COLORS[s.kind], -h);
    }
  }
}

export default function SeatbeltScene({ game, store, inXR, replaying, origin }: ZoneSceneProps<SeatbeltGame>) {
  const mats = useMemo(() => {
    const material = agentMaterial();
    const mesh = (g: BufferGeometry, n: number) => new InstancedMesh(painted(g), material, n);
    const site = new Drawer(mesh(new BoxGeometry(1, 1, 1), MAX_BOXES), mesh(new CylinderGeometry(1, 1, 1, 10), MAX_LIMBS), mesh(new SphereGeometry(1, 14, 10), 4));
    const cab = new Drawer(mesh(new BoxGeometry(1, 1, 1), 12), mesh(new CylinderGeometry(1, 1, 1, 12), 2), mesh(new SphereGeometry(1, 8, 6), 1));
    for (const m of [site.boxes, site.limbs, site.heads, cab.boxes, cab.limbs, cab.heads]) {
      m.frustumCulled = false;
      m.raycast = noRaycast;
      m.setColorAt(0, COLORS.pad);
    }
    return { site, cab, material };
  }, []);
  useEffect(
    () => () => {
      for (const d of [mats.site, mats.cab])
        for (const m of [d.boxes, d.limbs, d.heads]) {
          m.geometry.dispose();
          m.dispose();
        }
      (mats.material as Material).dispose();
    },
    [mats],
  );
  const poses = useMemo<[OccupantPose, OccupantPose]>(() => [emptyPose(), emptyPose()], []);
  const cabRoot = useRef<Group>(null);
  const rigRoot = useRef<Group>(null);
  const camera = useThree((s) => s.camera);
  const dir = useMemo(() => new Vector3(), []);

  useFrame(() => {
    const v = game.station;
    const site = mats.site;
    site.begin();
    crashSite(site, v, game, poses);
    roadMarks(site, v);
    site.end();
    const cab = mats.cab;
    cab.begin();
    const seated = driving(v) && v.stage !== 'result' && !replaying;
    if (seated) cabin(cab, v.kind === 'phone-drive' && v.ringing);
    cab.end();
    const p = game.world.player!;
    if (cabRoot.current) {
      cabRoot.current.position.set(p.x, 0, p.z);
      cabRoot.current.rotation.set(0, -p.heading, 0);
    }
    // the rig-following group (the headset's station panel and belt)
    const o = origin.current;
    if (inXR && o && rigRoot.current) {
      rigRoot.current.position.copy(o.position);
      rigRoot.current.quaternion.copy(o.quaternion);
    }
    // in a headset, looking down at the phone while driving holds `phone`
    if (inXR) {
      camera.getWorldDirection(dir);
      store.getState().controls.set('phone', HEAD_DOWN, seated && dir.y < -0.55 ? 1 : 0);
    }
  });

  return (
    <group name="seatbelt-scene">
      <primitive object={mats.site.boxes} name="seatbelt-site" />
      <primitive object={mats.site.limbs} />
      <primitive object={mats.site.heads} />
      <group ref={cabRoot} name="seatbelt-cabin">
        <primitive object={mats.cab.boxes} />
        <primitive object={mats.cab.limbs} />
      </group>
      {inXR && (
        <group ref={rigRoot}>
          <Belt game={game} actions={store.getState().actions.zone as SeatbeltActions} origin={origin} />
          <Suspense fallback={null}>
            <group position={[0, 1.45, -1.05]} rotation={[-0.05, 0, 0]}>
              <Station3D store={store} />
            </group>
          </Suspense>
        </group>
      )}
    </group>
  );
}

const hp = new Vector3();

/**
 * The belt in a headset (crash test, before the crash): its tongue by the visitor's left shoulder;
 * reach for it with a controller (trigger or grip) or a hand (pinch), pull it across and let go at
 * the buckle by the right hip. The game is told at each click in or out; a belt fastened another way
 * (a key) is shown fastened.
 */
function Belt({ game, actions, origin }: { game: SeatbeltGame; actions: SeatbeltActions; origin: ZoneSceneProps['origin'] }) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const state = useMemo(beltState, []);
  const parts = useMemo(() => ({ tongue: coloured(new BoxGeometry(0.05, 0.03, 0.015), '#adb5bd'), strap: coloured(new BoxGeometry(0.045, 1, 0.004), '#fab005') }), []);
  useEffect(() => () => void [parts.tongue, parts.strap].forEach((g) => g.dispose()), [parts]);
  const tongue = useRef<Group>(null);
  const strap = useRef<Group>(null);
  const headRig = useMemo<RigPoint>(() => ({ x: 0, y: 1.6, z: 0 }), []);
  const grips = useMemo(() => ({ left: { pos: { x: 0, y: 0, z: 0 }, grip: false } as HandGrip, right: { pos: { x: 0, y: 0, z: 0 }, grip: false } as HandGrip }), []);
  // a pinch held on each bare hand (the input layer's own reading)
  const pinch = useHandWalk(true);
  useEffect(
    () =>
      !testHooksEnabled
        ? undefined
        : exposeForTests('__seatbeltBelt', {
        /** where to reach (rig space): the tongue at rest and the buckle, from the head now */
        targets: () => ({
          tongue: { x: headRig.x + TONGUE_REST.x, y: headRig.y + TONGUE_REST.y, z: headRig.z + TONGUE_REST.z },
          buckle: { x: headRig.x + BUCKLE.x, y: headRig.y + BUCKLE.y, z: headRig.z + BUCKLE.z },
        }),
        /** the belt's phase, and where the right hand or controller was seen last (rig space) */
        state: () => ({ phase: state.phase, hand: state.hand, right: { ...grips.right.pos } }),
      }),
    [headRig, state, grips],
  );
  useFrame(() => {
    const v = game.station;
    const active = v?.kind === 'crash-test' && v.stage === 'setup';
    if (tongue.current) tongue.current.visible = active;
    if (strap.current) strap.current.visible = active;
    if (!active || v.kind !== 'crash-test') return;
    const o = origin.current;
    if (!o) return;
    o.worldToLocal(camera.getWorldPosition(hp));
    headRig.x = hp.x;
    headRig.y = hp.y;
    headRig.z = hp.z;
    // the hands and controllers in the reference space (the rig's own)
    const frame = gl.xr.getFrame?.();
    const space = gl.xr.getReferenceSpace?.();
    let left: HandGrip | null = null, right: HandGrip | null = null;
    if (frame && space)
      for (const src of frame.session.inputSources) {
        if (src.handedness !== 'left' && src.handedness !== 'right') continue;
        const g = grips[src.handedness];
        let pos: DOMPointReadOnly | undefined;
        if (src.hand) {
          const joint = src.hand.get('wrist');
          pos = joint && frame.getJointPose ? frame.getJointPose(joint, space)?.transform.position : undefined;
          g.grip = pinch.current[src.handedness];
        } else if (src.gripSpace) {
          pos = frame.getPose(src.gripSpace, space)?.transform.position;
          const bt = src.gamepad?.buttons;
          g.grip = !!bt && ((bt[0]?.value ?? 0) > 0.5 || (bt[1]?.value ?? 0) > 0.5);
        }
        if (!pos) continue;
        g.pos.x = pos.x;
        g.pos.y = pos.y;
        g.pos.z = pos.z;
        if (src.handedness === 'left') left = g;
        else right = g;
      }
    // a belt fastened or unfastened another way (the B key, the flat button) shows as such
    if (state.phase !== 'held' && (state.phase === 'buckled') !== v.buckled) setBelt(state, headRig, v.buckled);
    const change = stepBelt(state, headRig, left, right);
    if (change === 'buckled') actions.buckle(true);
    else if (change === 'unbuckled') actions.buckle(false);
    if (tongue.current) tongue.current.position.set(state.tongue.x, state.tongue.y, state.tongue.z);
    if (strap.current) {
      // from the anchor over the left shoulder to the tongue
      const ax = headRig.x - 0.3, ay = headRig.y - 0.05, az = headRig.z + 0.12;
      const dx = state.tongue.x - ax, dy = state.tongue.y - ay, dz = state.tongue.z - az;
      const len = Math.hypot(dx, dy, dz);
      strap.current.position.set((ax + state.tongue.x) / 2, (ay + state.tongue.y) / 2, (az + state.tongue.z) / 2);
      va.set(dx, dy, dz).normalize();
      strap.current.quaternion.setFromUnitVectors(up, va);
      strap.current.scale.set(1, Math.max(0.01, len), 1);
    }
  });
  return (
    <>
      <group ref={tongue} name="seatbelt-tongue">
        <mesh raycast={noRaycast} geometry={parts.tongue} material={propMaterial()} />
      </group>
      <group ref={strap}>
        <mesh raycast={noRaycast} geometry={parts.strap} material={propMaterial()} />
      </group>
    </>
  );
}

