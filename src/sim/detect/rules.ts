// Traffic-rule checks on one agent after it moved: speeding against the lane's limit, wrong lane
// kind, riding against the lane, walking on the carriageway outside a crossing, and (for the
// player, who follows no path) entering on red and looking both ways before stepping off the kerb.
// Each is edge-triggered: one event when the breach starts, not one per step.
import { isMotor, isVehicle } from '../agents/specs.ts';
import type { SimAgent } from '../agents/agent.ts';
import { wrapAngle } from '../math.ts';
import { crossesStop, crossingAt, junctionAreaAt, laneAt } from '../road/network.ts';
import { RED } from '../signals.ts';
import { msToKmh } from '../units.ts';
import type { SimWorld } from '../world.ts';

/** speeding starts this far above the limit (m/s, about 1 km/h) so rounding is not an offence */
const SPEED_TOLERANCE = 0.3;
/** how recently both directions must have been checked before stepping onto a crossing, s */
const LOOK_WINDOW = 8;
const laneOut = { heading: 0, s: 0 };

/** Rule checks for an agent whose lane (index or -1) and direction on it are known. */
export function checkLaneRules(w: SimWorld, a: SimAgent, laneIdx: number, against: boolean): void {
  const lane = laneIdx >= 0 ? w.net.lanes[laneIdx]! : null;
  a.lane = lane ? lane.id : null;
  if (!isVehicle(a.kind)) return;

  if (lane) {
    a.speedLimit = lane.limit;
    a.grip = lane.grip;
  }
  const limit = a.speedLimit;
  if (!a.speedingOn && a.speed > limit + SPEED_TOLERANCE) {
    a.speedingOn = true;
    w.emit('speeding', a.id, -1, a.x, a.z, {
      speedKmh: round1(msToKmh(a.speed)),
      limitKmh: round1(msToKmh(limit)),
      overPct: Math.round(((a.speed - limit) / limit) * 100),
      lane: a.lane ?? '',
    });
  } else if (a.speedingOn && a.speed <= limit) a.speedingOn = false;

  const wrong =
    lane !== null &&
    (lane.kind === 'sidewalk' ||
      (isMotor(a.kind) && lane.kind === 'non-motor') ||
      (a.kind === 'ebike' && lane.kind === 'motor' && lane.roadHasNonMotor));
  if (wrong && !a.wrongLaneOn) {
    a.wrongLaneOn = true;
    w.emit('wrong_lane', a.id, -1, a.x, a.z, { lane: lane.id, laneKind: lane.kind, agentKind: a.kind });
  } else if (!wrong && lane !== null) a.wrongLaneOn = false;

  const wrongWay = lane !== null && lane.dir === 1 && against && a.speed > 0.5;
  if (wrongWay && !a.wrongWayOn) {
    a.wrongWayOn = true;
    w.emit('wrong_way', a.id, -1, a.x, a.z, { lane: lane.id });
  } else if (!wrongWay && (lane === null || !against)) a.wrongWayOn = false;
}

/** A pedestrian on the carriageway but not on a crossing is crossing where it should not. */
export function checkPedestrianPlace(w: SimWorld, a: SimAgent, x: number, z: number): void {
  const c = crossingAt(w.net, x, z);
  let onRoad = false;
  if (c < 0) {
    const l = laneAt(w.net, x, z);
    onRoad = l >= 0 ? w.net.lanes[l]!.kind !== 'sidewalk' : junctionAreaAt(w.net, x, z) >= 0;
  }
  if (onRoad && !a.outsideOn) {
    a.outsideOn = true;
    w.emit('outside_crossing', a.id, -1, x, z, {});
  } else if (!onRoad) a.outsideOn = false;
}

/** The player follows no path: find its lane and crossing by position and check the rules. */
export function checkPlayer(w: SimWorld, a: SimAgent): void {
  const net = w.net;
  if (a.kind === 'pedestrian') {
    a.lane = null;
    const l = laneAt(net, a.x, a.z);
    if (l >= 0) a.lane = net.lanes[l]!.id;
    checkPedestrianPlace(w, a, a.x, a.z);
    trackLooks(w, a);
    const c = crossingAt(net, a.x, a.z);
    if (c >= 0 && a.crossingIn !== c) {
      const cr = net.crossings[c]!;
      if (cr.head >= 0 && w.signals.colors[cr.head] === RED)
        w.emit('entered_on_red', a.id, -1, a.x, a.z, { crossing: cr.id, head: net.heads[cr.head]!.id });
      const looked = w.look.crossing === c && w.time - w.look.a <= LOOK_WINDOW && w.time - w.look.b <= LOOK_WINDOW;
      w.emit(looked ? 'looked_both_ways' : 'crossed_without_looking', a.id, -1, a.x, a.z, { crossing: cr.id });
    }
    a.crossingIn = c;
    return;
  }
  const l = laneAt(net, a.fx, a.fz, laneOut);
  const against = l >= 0 && Math.cos(wrapAngle(a.heading - laneOut.heading)) < -0.3;
  checkLaneRules(w, a, l, against);
  // a stop line crossed on red (front axle's path this step)
  for (const st of net.stops) {
    if (st.head < 0 || w.signals.colors[st.head] !== RED) continue;
    if (!crossesStop(st, a.px, a.pz, a.fx, a.fz)) continue;
    if (st.rightOnRed && a.steer > 0.1) continue;
    w.emit('entered_on_red', a.id, -1, a.fx, a.fz, { stopLine: st.id, head: net.heads[st.head]!.id });
  }
}

/** Remember when the player last looked each way along the road at the crossing they stand by. */
function trackLooks(w: SimWorld, a: SimAgent): void {
  const yaw = w.input.lookYaw;
  if (Number.isNaN(yaw)) return;
  const c = crossingAt(w.net, a.x, a.z, 3);
  if (c < 0) return;
  if (w.look.crossing !== c) {
    w.look.crossing = c;
    w.look.a = -Infinity;
    w.look.b = -Infinity;
  }
  const cr = w.net.crossings[c]!;
  // traffic runs across the crossing's axis
  const along = Math.atan2(cr.ux, -cr.uz);
  if (Math.abs(wrapAngle(yaw - along)) < Math.PI / 4) w.look.a = w.time;
  if (Math.abs(wrapAngle(yaw - along - Math.PI)) < Math.PI / 4) w.look.b = w.time;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
