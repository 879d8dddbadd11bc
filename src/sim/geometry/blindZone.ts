// Truck blind zones computed from sight lines, not drawn by hand. The driver sees a point directly
// when the line from the eye to the top of the target leaves the cab through glass and clears the
// window's lower edge (sill); otherwise only if a mirror's field of view covers it. Blind = neither.
//
// Vehicle-local frame: origin at the middle of the front bumper, u forward (+ ahead), v to the
// driver's right (+ right). The body is the rectangle u ∈ [−length, 0], v ∈ [−width/2, width/2].
// The driver sits on the left (left-hand drive, right-hand traffic).
import { wrapAngle } from '../math.ts';
import { segmentHitsRect } from './obb.ts';

export interface MirrorSpec {
  name: string;
  /** mirror position: metres behind the front bumper and to the right (+) of the middle */
  back: number;
  lateral: number;
  /** middle of its view on the ground, degrees from straight ahead, + towards the right (180 = back) */
  aim: number;
  halfAngle: number;
  /** how far it usefully shows, m */
  range: number;
}

export interface CabSpec {
  /** driver's eye: metres behind the front bumper, to the right (+) of the middle, above the ground */
  eyeBack: number;
  eyeLateral: number;
  eyeHeight: number;
  /** the cab's rear wall, metres behind the front bumper (it has no rear window) */
  cabLength: number;
  /** heights of the lower edge of the windscreen and of the side windows */
  windscreenSill: number;
  leftSill: number;
  rightSill: number;
  /** the side windows end this far behind the front bumper (door pillar behind them is opaque) */
  sideWindowBack: number;
  mirrors: MirrorSpec[];
}

export interface BodySpec {
  length: number;
  width: number;
}

/**
 * A heavy rigid truck, cab over engine, with class II (main) and class IV (wide-angle) mirrors on
 * both sides, and no class V / VI (close-proximity, front) mirrors. The figures are typical, not a standard (facts 4.3 gives no
 * binding dimensions); scenes may pass their own spec.
 */
export const DEFAULT_CAB: CabSpec = {
  eyeBack: 1.2,
  eyeLateral: -0.6,
  eyeHeight: 2.5,
  cabLength: 2.2,
  windscreenSill: 1.9,
  leftSill: 1.9,
  rightSill: 2.0,
  sideWindowBack: 1.9,
  mirrors: [
    { name: 'left-main', back: 0.4, lateral: -1.5, aim: -172, halfAngle: 8, range: 60 },
    { name: 'right-main', back: 0.4, lateral: 1.5, aim: 172, halfAngle: 8, range: 60 },
    { name: 'left-wide', back: 0.4, lateral: -1.5, aim: -158, halfAngle: 15, range: 25 },
    { name: 'right-wide', back: 0.4, lateral: 1.5, aim: 158, halfAngle: 15, range: 25 },
  ],
};

/** Class V close-proximity mirror (补盲镜, GB 15084-2022, facts 4.6): the ground beside the right door. */
export const CLASS_V_MIRROR: MirrorSpec = { name: 'right-close', back: 0.4, lateral: 1.5, aim: 120, halfAngle: 35, range: 3.5 };
/** Class VI front mirror (前视镜): the ground just ahead of the bumper. */
export const CLASS_VI_MIRROR: MirrorSpec = { name: 'front', back: -0.1, lateral: 0.9, aim: -60, halfAngle: 40, range: 3.0 };

export type SightBlocker = 'in-body' | 'rear-wall' | 'door-pillar' | 'sill' | 'none';

/** Why the direct line of sight to (u, v) at height h fails, or 'none' when the driver sees it. */
export function directSight(cab: CabSpec, body: BodySpec, u: number, v: number, h: number): SightBlocker {
  const eu = -cab.eyeBack, ev = cab.eyeLateral;
  const du = u - eu, dv = v - ev;
  const hw = body.width / 2;
  // where the ray leaves the cab box, as a fraction t of the way to the target
  let t = Infinity;
  let face: 'front' | 'rear' | 'left' | 'right' = 'front';
  if (du > 0) {
    const tf = (0 - eu) / du;
    if (tf < t) { t = tf; face = 'front'; }
  } else if (du < 0) {
    const tr = (-cab.cabLength - eu) / du;
    if (tr < t) { t = tr; face = 'rear'; }
  }
  if (dv > 0) {
    const tr = (hw - ev) / dv;
    if (tr < t) { t = tr; face = 'right'; }
  } else if (dv < 0) {
    const tl = (-hw - ev) / dv;
    if (tl < t) { t = tl; face = 'left'; }
  }
  if (t >= 1) return 'in-body';
  if (face === 'rear') return 'rear-wall';
  if ((face === 'left' || face === 'right') && eu + t * du < -cab.sideWindowBack) return 'door-pillar';
  const sill = face === 'front' ? cab.windscreenSill : face === 'right' ? cab.rightSill : cab.leftSill;
  if (h >= sill) return 'none';
  // the sight line to the target's top must pass over the sill: D ≥ d·(eye − h)/(eye − sill)
  return t > (cab.eyeHeight - sill) / (cab.eyeHeight - h) ? 'sill' : 'none';
}

/** Horizontal distance from the eye to the farthest hidden point along a ray leaving through a window
 * at horizontal distance d with sill height hs (the formula the blind zone rests on). */
export function sillShadow(d: number, eyeHeight: number, sill: number, targetHeight: number): number {
  return targetHeight >= sill ? d : (d * (eyeHeight - targetHeight)) / (eyeHeight - sill);
}

export function mirrorSees(m: MirrorSpec, body: BodySpec, u: number, v: number): boolean {
  const mu = -m.back, mv = m.lateral;
  const du = u - mu, dv = v - mv;
  if (du * du + dv * dv > m.range * m.range) return false;
  const ang = (Math.atan2(dv, du) * 180) / Math.PI;
  if (Math.abs(wrapAngle(((ang - m.aim) * Math.PI) / 180)) > (m.halfAngle * Math.PI) / 180) return false;
  // the body itself hides what lies behind it (shrunk a hair so grazing lines along a side count)
  const e = 0.01;
  return !segmentHitsRect(mu, mv, u, v, -body.length + e, -body.width / 2 + e, -e, body.width / 2 - e);
}

export function inBody(body: BodySpec, u: number, v: number): boolean {
  return u <= 0 && u >= -body.length && Math.abs(v) <= body.width / 2;
}

/**
 * Is a target of height h at (u, v) hidden from the driver? Points inside the body, or farther than
 * `margin` from it, are not in a blind zone (the zones of facts 4.3 hug the vehicle).
 */
export function inBlindZone(cab: CabSpec, body: BodySpec, u: number, v: number, h: number, margin = 4): boolean {
  if (inBody(body, u, v)) return false;
  if (u > margin || u < -body.length - margin || Math.abs(v) > body.width / 2 + margin) return false;
  if (directSight(cab, body, u, v, h) === 'none') return false;
  for (const m of cab.mirrors) if (mirrorSees(m, body, u, v)) return false;
  return true;
}

export type ZoneSide = 'front' | 'right' | 'left' | 'rear';

export interface BlindPolygon {
  side: ZoneSide;
  /** [u, v] vertices in the vehicle frame, counter-clockwise or clockwise, not closed */
  points: [number, number][];
  area: number;
}

/**
 * Blind zones as polygons, for drawing and for reading off their size. Rays fan out from the eye
 * every `stepDeg`; along each, the hidden stretches are found by sampling every `dr` metres; runs of
 * overlapping stretches on neighbouring rays become strip polygons (cut every 45° so each is simple).
 */
export function blindZonePolygons(
  cab: CabSpec,
  body: BodySpec,
  h: number,
  margin = 4,
  stepDeg = 0.5,
  dr = 0.05,
): BlindPolygon[] {
  const eu = -cab.eyeBack, ev = cab.eyeLateral;
  const n = Math.round(360 / stepDeg);
  const x0 = -body.length - margin, x1 = margin, y0 = -body.width / 2 - margin, y1 = body.width / 2 + margin;
  type Strip = { inner: [number, number][]; outer: [number, number][]; r0: number; r1: number; start: number; done: boolean; side: ZoneSide };
  // `done`: already continued on the current ray
  const polys: BlindPolygon[] = [];
  let active: Strip[] = [];
  const close = (s: Strip) => {
    if (s.inner.length < 2) return;
    const pts = [...s.inner, ...s.outer.slice().reverse()];
    polys.push({ side: s.side, points: simplify(pts), area: Math.abs(shoelace(pts)) });
  };
  const rayIntervals = (theta: number): [number, number][] => {
    const cu = Math.cos(theta), sv = Math.sin(theta);
    // distance to the edge of the area of interest along this ray
    let rMax = Infinity;
    if (cu > 0) rMax = Math.min(rMax, (x1 - eu) / cu);
    if (cu < 0) rMax = Math.min(rMax, (x0 - eu) / cu);
    if (sv > 0) rMax = Math.min(rMax, (y1 - ev) / sv);
    if (sv < 0) rMax = Math.min(rMax, (y0 - ev) / sv);
    const out: [number, number][] = [];
    let start = -1;
    for (let r = dr / 2; r < rMax; r += dr) {
      const b = inBlindZone(cab, body, eu + cu * r, ev + sv * r, h, margin);
      if (b && start < 0) start = r - dr / 2;
      if (!b && start >= 0) {
        out.push([start, r - dr / 2]);
        start = -1;
      }
    }
    if (start >= 0) out.push([start, rMax]);
    return out;
  };
  for (let k = 0; k <= n; k++) {
    const theta = ((k % n) * 2 * Math.PI) / n;
    const cu = Math.cos(theta), sv = Math.sin(theta);
    const pt = (r: number): [number, number] => [eu + cu * r, ev + sv * r];
    const next: Strip[] = [];
    for (const [r0, r1] of rayIntervals(theta)) {
      // label by where the stretch's middle lies, and keep strips to one label
      const rm = (r0 + r1) / 2;
      const side = sideAt(body, eu + cu * rm, ev + sv * rm);
      const s = active.find((a) => !a.done && a.r0 < r1 && r0 < a.r1 && a.side === side);
      if (s) {
        s.done = true;
        s.inner.push(pt(r0));
        s.outer.push(pt(r1));
        s.r0 = r0;
        s.r1 = r1;
        if (k - s.start < 90) {
          next.push(s);
          continue;
        }
        // long enough: finish it here and start the next strip on the same edge (no sliver lost)
        close(s);
      }
      next.push({ inner: [pt(r0)], outer: [pt(r1)], r0, r1, start: k, done: true, side });
    }
    for (const a of active) if (!a.done) close(a);
    for (const s of next) s.done = false;
    active = next;
  }
  for (const a of active) close(a);
  return polys;
}

function shoelace(pts: [number, number][]): number {
  let a = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!, q = pts[(i + 1) % pts.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

/** Which of facts 4.3's zones a point belongs to: ahead of the bumper, behind the tail, or a side. */
function sideAt(body: BodySpec, u: number, v: number): ZoneSide {
  if (u > 0) return 'front';
  if (u < -body.length) return 'rear';
  return v > 0 ? 'right' : 'left';
}

/** Drop vertices that lie on the line through their neighbours (within 1 cm). */
function simplify(pts: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < pts.length; i++) {
    const a = out[out.length - 1];
    const b = pts[i]!;
    const c = pts[(i + 1) % pts.length]!;
    if (a) {
      const len = Math.hypot(c[0] - a[0], c[1] - a[1]);
      const dist = len > 0 ? Math.abs((c[0] - a[0]) * (a[1] - b[1]) - (a[0] - b[0]) * (c[1] - a[1])) / len : 0;
      if (dist < 0.01) continue;
    }
    out.push(b);
  }
  return out;
}
