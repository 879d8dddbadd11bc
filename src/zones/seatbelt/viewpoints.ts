// Where the visitor is at each station and stage, and where the crash test site is. Pure, so the
// reader (camera or headset rig) and the scene (cars, barriers, mannequins) agree on one layout:
//   crash stations: two test lanes beside the road's start, one car in each, each driving at its own
//   barrier (the visitor's run in the near lane, the other way in the far lane, their barriers
//   staggered so the two cars are seen side by side from the stand); before the crash the visitor
//   sits in the near car (buckling up is done from the seat), during and after it on the stand.
//   drives: in the driver's seat (the car's own spawn point before it starts); the result from
//   above the road behind where the hazard began, so the marks on the road are in view.
import type { SeatbeltGame } from './rules.ts';
import type { StationView } from './station.ts';

/** a test lane: the barrier's face (x) and the lane's middle (z); cars drive along +x */
export interface TestLane {
  wallX: number;
  z: number;
}

/** the visitor's run (near) and the other way (far) */
export const TEST_LANES: readonly [TestLane, TestLane] = [
  { wallX: -6, z: 12.5 },
  { wallX: 0.5, z: 16.5 },
];

/** the stand the crashes are watched from: south of the lanes, looking north (+z) */
export const STAND = { x: -4.6, z: 6.8, eye: 2.3, yaw: Math.PI / 2 + 0.08, pitch: -0.2 };

/** where the car waits before the crash test, its front this far before the barrier, m */
export const PARKED = 12;

/** a seat's hip behind the car's front and off its middle (+ = right), m; the eye over the hip */
export const SEAT_AT = {
  driver: { back: 2.1, side: -0.37 },
  passenger: { back: 3.0, side: 0.37 },
  child: { back: 3.0, side: 0.37 },
} as const;
/** the eye over the seat's floor when seated, m (a child's lower) */
const SEATED_EYE = { driver: 1.18, passenger: 1.15, child: 0.98 } as const;

export interface ViewSpot {
  x: number;
  z: number;
  eye: number;
  yaw: number;
  pitch: number;
  /** dragging may look around from here (a seat; not the stand or the overview) */
  drag: boolean;
}

const spot = (): ViewSpot => ({ x: 0, z: 0, eye: 1.6, yaw: 0, pitch: 0, drag: false });
const out = spot();

function set(x: number, z: number, eye: number, yaw: number, pitch: number, drag: boolean): ViewSpot {
  out.x = x;
  out.z = z;
  out.eye = eye;
  out.yaw = yaw;
  out.pitch = pitch;
  out.drag = drag;
  return out;
}

/** The driver's eye in a car at (x, z) heading `h` (the car's middle): on the left, behind the middle. */
function driverSeat(x: number, z: number, h: number, eye: number): ViewSpot {
  const c = Math.cos(h), s = Math.sin(h);
  // left of the heading is (sin h, −cos h)
  return set(x - c * 0.25 + s * 0.37, z - s * 0.25 - c * 0.37, eye, h, -0.05, true);
}

/** Where the eye goes for this view of the game (one object, reused). */
export function viewOf(g: SeatbeltGame): ViewSpot {
  const v = g.station;
  if (!v) return set(STAND.x, STAND.z, STAND.eye, STAND.yaw, STAND.pitch, false);
  return viewOfStation(v, g);
}

function viewOfStation(v: StationView, g: SeatbeltGame): ViewSpot {
  switch (v.kind) {
    case 'crash-test': {
      if (v.stage !== 'setup') return set(STAND.x, STAND.z, STAND.eye, STAND.yaw, STAND.pitch, false);
      const lane = TEST_LANES[0];
      const seat = SEAT_AT[v.role];
      return set(lane.wallX - PARKED - seat.back, lane.z + seat.side, SEATED_EYE[v.role], 0, -0.08, true);
    }
    case 'child-seat':
      return set(STAND.x, STAND.z, STAND.eye, STAND.yaw, STAND.pitch, false);
    case 'phone-drive':
    case 'stopping': {
      const d = v.kind === 'phone-drive' ? v.drives[v.drive]! : v.runs[v.run]!;
      const p = g.world.player!;
      if (v.stage === 'result') {
        // above the road, behind where the hazard began, looking down the marks
        const m = d.measure;
        const from = m?.onsetAt ?? p;
        const h = d.spawn.heading;
        return set(from.x - Math.cos(h) * 10, from.z - Math.sin(h) * 10 + 4, 9, h - 0.12, -0.5, false);
      }
      if (v.stage === 'drive') return driverSeat(p.x, p.z, p.heading, SEATED_EYE.driver);
      return driverSeat(d.spawn.x, d.spawn.z, d.spawn.heading, SEATED_EYE.driver);
    }
  }
}
