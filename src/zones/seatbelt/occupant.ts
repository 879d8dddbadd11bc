// The crash demonstration's physics: a car runs into a rigid barrier and its crumple zone crushes; an
// occupant rides in it, held by a seat belt, a child seat's harness, someone's arms, or nothing. The
// occupant is a small planar rigid-body model with two degrees of freedom: the pelvis slides forward
// on the seat (p) and the torso, a rigid link carrying chest and head, pitches forward about the hip
// (θ). Restraints and the cabin's surfaces (steering wheel, dashboard, windscreen, the seat back in
// front) are one-sided springs with damping. Everything is integrated in the car's frame, where the
// crash appears as a forward pseudo-force m·A(t) on every mass.
//
// What it shows is what facts 5.9 describes: without a belt the body keeps the pre-crash speed until
// it meets the wheel or windscreen and then stops within a few tens of centimetres; with a belt it
// slows down with the car over the crumple distance. The constants below are a demonstration model
// (示意), chosen so that it lands within the approximations of facts 5.8 (20 km/h crash test: head
// about 22 g unbelted, about 11 g belted) and 5.9 (50 km/h: about 33 g over about 0.3 m unbelted, about
// 16 g over about 0.6 m belted); occupant.test.ts holds it to them. No visitor text quotes them.

export const G = 9.81;

/** The car: a linear crumple zone against a rigid barrier, no rebound (its deformation stays). */
export interface CarSpec {
  /** √(crumple stiffness / car mass), rad/s: the crush at standstill is v₀/ω */
  crumpleOmega: number;
}

/** The occupant's body as two rigid parts. Lengths are measured up the torso from the hip joint. */
export interface BodySpec {
  /** pelvis and legs, kg */
  pelvisMass: number;
  /** torso, arms and head, kg */
  torsoMass: number;
  /** hip joint to the torso's centre of mass, m */
  comHeight: number;
  /** the torso's moment of inertia about its centre of mass, kg·m² */
  inertia: number;
  /** hip joint to where the shoulder belt crosses the chest (and where the chest meets a wheel), m */
  chestHeight: number;
  /** hip joint to the middle of the head, m */
  headHeight: number;
  /** sliding friction of the seat cushion (coefficient) */
  seatFriction: number;
}

/** How far each body point can travel forward (in the car) before it meets something, m; null: nothing. */
export interface CabinSpec {
  /** knees to the dashboard or the seat back in front (acts on the pelvis) */
  knee: number | null;
  /** chest to the steering wheel */
  chest: number | null;
  /** head to the windscreen, wheel rim or the seat back in front */
  head: number | null;
}

/** A one-sided spring with damping, engaged once the gap (slack) is taken up. */
export interface Strap {
  slack: number;
  /** N/m */
  stiffness: number;
  /** N·s/m */
  damping: number;
}

export interface RestraintSpec {
  /** lap belt (or harness hip straps) on the pelvis */
  lap: Strap | null;
  /** shoulder belt (or harness shoulder straps) on the chest */
  shoulder: Strap | null;
  /** someone's arms around the chest: a spring that lets go for good beyond this force, N */
  arms: (Strap & { maxForce: number }) | null;
}

/** The cabin's surfaces as the body meets them (stiffness N/m, damping N·s/m). */
export interface SurfaceSpec {
  stiffness: number;
  damping: number;
}

export interface CrashSetup {
  car: CarSpec;
  body: BodySpec;
  cabin: CabinSpec;
  restraint: RestraintSpec;
  surface: SurfaceSpec;
  /** speed at impact, km/h */
  speedKmh: number;
}

/** One moment of a crash, relative to the moment of impact (t = 0). */
export interface CrashSample {
  /** s after the impact */
  t: number;
  /** how far the car has gone since the impact (its crush), m */
  carX: number;
  /** the car's speed, m/s */
  carV: number;
  /** pelvis forward of its seated place, in the car, m */
  pelvis: number;
  /** torso pitch forward from upright, rad */
  pitch: number;
  /** the head's forward speed over the ground, m/s */
  headV: number;
  /** the chest's forward speed over the ground, m/s */
  chestV: number;
  /** the head's acceleration (resultant), g */
  headG: number;
  /** something (belt, arms, surface) holds each body part now */
  contact: { knee: boolean; chest: boolean; head: boolean };
}

export interface CrashMetrics {
  speedKmh: number;
  /** the crumple zone's crush at standstill, m */
  crush: number;
  /** highest head acceleration over any 3 ms, g (as crash tests report it) */
  headPeakG: number;
  /** the chest's travel over the ground from the impact until it stood still, m */
  chestStop: number;
  /** v₀² / (2·chestStop), in g: the average deceleration facts 5.9 computes */
  chestMeanG: number;
  /** the first time chest or head met a cabin surface (wheel, windscreen, seat in front), s; null: never */
  hitT: number | null;
  /** which surface that was */
  hitPart: 'chest' | 'head' | null;
  /** the body part's speed over the ground at that moment, m/s */
  hitSpeed: number | null;
  /** from that moment to standstill, the part's travel over the ground, m */
  hitStop: number | null;
  /** v₀² / (2·hitStop), g */
  hitMeanG: number | null;
  /** the arms let go (child held in arms) */
  armsLetGo: boolean;
  /** how far the head went forward in the car, m */
  headExcursion: number;
  /** the height a fall from which ends at the impact speed, v₀²/(2g), m (facts 5.9) */
  fallHeight: number;
}

export interface CrashRun {
  setup: CrashSetup;
  /** samples every `sampleDt` seconds from the impact until everything stands */
  samples: CrashSample[];
  sampleDt: number;
  /** s of crash (to the last sample) */
  duration: number;
  metrics: CrashMetrics;
}

/** integration step, s (the stiffest spring here has ω of a few hundred rad/s) */
const DT = 0.0001;
/** a sample every this many steps (1 ms) */
const SAMPLE_EVERY = 10;
/** the crash is over when everything is this slow for this long, or at the cap */
const STILL = 0.05;
const MAX_T = 0.6;
/** the 3 ms window of crash-test head measurements */
const CLIP = 0.003;
/** seat back: stiff enough that it does not visibly give */
const SEAT_BACK = 60000;

const kmhToMs = (v: number): number => v / 3.6;
const round = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;

/** a strap's pull (≤ 0, backwards) at extension x with rate v */
function strapForce(s: Strap, x: number, v: number): number {
  const e = x - s.slack;
  if (e <= 0) return 0;
  const f = -s.stiffness * e - s.damping * v;
  return f < 0 ? f : 0;
}

/** a surface at `gap` ahead pushing back a point at x with rate v (≤ 0) */
function surfaceForce(s: SurfaceSpec, gap: number | null, x: number, v: number): number {
  if (gap === null || x <= gap) return 0;
  const f = -s.stiffness * (x - gap) - s.damping * v;
  return f < 0 ? f : 0;
}

/** The equivalent fall height of an impact at this speed, v²/(2g), m (facts 5.9). */
export const fallHeight = (speedKmh: number): number => kmhToMs(speedKmh) ** 2 / (2 * G);

/** Simulate one frontal crash from the moment of impact until everything stands still. */
export function simulateCrash(setup: CrashSetup): CrashRun {
  const { car, body: b, cabin, restraint: r, surface } = setup;
  const v0 = kmhToMs(setup.speedKmh);
  const mp = b.pelvisMass, mt = b.torsoMass, lc = b.comHeight;
  const m11 = mp + mt, m22 = mt * lc * lc + b.inertia;
  const w2 = car.crumpleOmega * car.crumpleOmega;

  // car (ground frame), occupant (car frame)
  let carX = 0, carV = v0;
  let p = 0, pd = 0, th = 0, thd = 0;
  let armsHold = r.arms !== null;
  let armsLetGo = false;
  let t = 0;
  let step = 0;

  const samples: CrashSample[] = [];
  const headA: number[] = [];
  let prevHx = 0, prevHy = b.headHeight, prevHvx = v0, prevHvy = 0;
  let chestStop = NaN;
  let hitT: number | null = null, hitPart: 'chest' | 'head' | null = null, hitSpeed: number | null = null, hitX0 = 0;
  let hitStop: number | null = null;
  let headExcursion = 0;
  let stillFor = 0;

  for (;;) {
    // ---- the car's crash pulse: crush spring while moving, none once it stands
    const A = carV > 0 ? w2 * carX : 0;

    // ---- body points (car frame)
    const s = Math.sin(th), c = Math.cos(th);
    const xChest = p + b.chestHeight * s, vChest = pd + b.chestHeight * c * thd;
    const xHead = p + b.headHeight * s, vHead = pd + b.headHeight * c * thd;

    // ---- forces: pelvis (horizontal), chest and head (horizontal, on the torso)
    let fPelvis = 0, fChest = 0, fHead = 0;
    let kneeOn = false, chestOn = false, headOn = false;
    if (r.lap) {
      const f = strapForce(r.lap, p, pd);
      if (f < 0) kneeOn = true;
      fPelvis += f;
    }
    if (r.shoulder) {
      const f = strapForce(r.shoulder, xChest, vChest);
      if (f < 0) chestOn = true;
      fChest += f;
    }
    if (r.arms && armsHold) {
      const f = strapForce(r.arms, xChest, vChest);
      if (-f > r.arms.maxForce) {
        armsHold = false;
        armsLetGo = true;
      } else {
        if (f < 0) chestOn = true;
        fChest += f;
      }
    }
    const fKnee = surfaceForce(surface, cabin.knee, p, pd);
    const fChestHit = surfaceForce(surface, cabin.chest, xChest, vChest);
    const fHeadHit = surfaceForce(surface, cabin.head, xHead, vHead);
    fPelvis += fKnee;
    fChest += fChestHit;
    fHead += fHeadHit;
    if (fKnee < 0) kneeOn = true;
    if (fChestHit < 0) chestOn = true;
    if (fHeadHit < 0) headOn = true;
    // the seat cushion's friction (a smooth sign) and the seat back behind pelvis and torso
    fPelvis -= b.seatFriction * mp * G * Math.tanh(pd / 0.05);
    if (p < 0) fPelvis += SEAT_BACK * -p;
    let tauSeat = 0;
    if (th < 0) tauSeat = SEAT_BACK * 0.3 * -th - 50 * thd;

    if (hitT === null && (fChestHit < 0 || fHeadHit < 0)) {
      hitT = t;
      hitPart = fChestHit < 0 ? 'chest' : 'head';
      const vPart = hitPart === 'chest' ? vChest : vHead;
      hitSpeed = carV + vPart;
      hitX0 = carX + (hitPart === 'chest' ? xChest : xHead);
    }

    // ---- generalised forces and the 2×2 mass matrix
    const qp = m11 * A + fPelvis + fChest + fHead + mt * lc * s * thd * thd;
    const qth = mt * A * lc * c + mt * G * lc * s + (fChest * b.chestHeight + fHead * b.headHeight) * c + tauSeat;
    const m12 = mt * lc * c;
    const det = m11 * m22 - m12 * m12;
    const pdd = (qp * m22 - m12 * qth) / det;
    const thdd = (m11 * qth - m12 * qp) / det;

    // ---- record (every millisecond): ground-frame head acceleration from its velocity
    if (step % SAMPLE_EVERY === 0) {
      const hx = carX + xHead, hy = b.headHeight * c;
      const hvx = carV + vHead, hvy = -b.headHeight * s * thd;
      if (step > 0) {
        const dtS = DT * SAMPLE_EVERY;
        headA.push(Math.hypot(hvx - prevHvx, hvy - prevHvy) / dtS);
      } else headA.push(0);
      prevHx = hx;
      prevHy = hy;
      prevHvx = hvx;
      prevHvy = hvy;
      headExcursion = Math.max(headExcursion, xHead);
      samples.push({
        t: round(t, 4),
        carX,
        carV,
        pelvis: p,
        pitch: th,
        headV: hvx,
        chestV: carV + vChest,
        headG: headA[headA.length - 1]! / G,
        contact: { knee: kneeOn, chest: chestOn, head: headOn },
      });
    }

    // ---- semi-implicit Euler
    pd += pdd * DT;
    thd += thdd * DT;
    p += pd * DT;
    th += thd * DT;
    if (carV > 0) {
      carV -= A * DT;
      if (carV <= 0) carV = 0;
      carX += carV * DT;
    }
    t += DT;
    step++;

    const chestGround = carV + pd + b.chestHeight * Math.cos(th) * thd;
    const headGround = carV + pd + b.headHeight * Math.cos(th) * thd;
    if (Number.isNaN(chestStop) && chestGround <= 0) chestStop = carX + p + b.chestHeight * Math.sin(th);
    if (hitT !== null && hitStop === null) {
      const vPart = hitPart === 'chest' ? chestGround : headGround;
      if (vPart <= 0) hitStop = carX + (hitPart === 'chest' ? p + b.chestHeight * Math.sin(th) : p + b.headHeight * Math.sin(th)) - hitX0;
    }
    const moving = Math.abs(carV) + Math.abs(pd) + Math.abs(thd) * b.headHeight;
    stillFor = moving < STILL ? stillFor + DT : 0;
    if ((stillFor > 0.03 && carV === 0) || t >= MAX_T) break;
  }
  void prevHx;
  void prevHy;

  // the 3 ms clip: the highest average over any window of that length
  const per = Math.max(1, Math.round(CLIP / (DT * SAMPLE_EVERY)));
  let peak = 0, sum = 0;
  for (let i = 0; i < headA.length; i++) {
    sum += headA[i]!;
    if (i >= per) sum -= headA[i - per]!;
    if (i >= per - 1) peak = Math.max(peak, sum / per);
  }
  const stop = Number.isNaN(chestStop) ? carX : chestStop;
  const crush = carX;
  return {
    setup,
    samples,
    sampleDt: DT * SAMPLE_EVERY,
    duration: samples[samples.length - 1]!.t,
    metrics: {
      speedKmh: setup.speedKmh,
      crush: round(crush, 3),
      headPeakG: round(peak / G, 1),
      chestStop: round(stop, 3),
      chestMeanG: round((v0 * v0) / (2 * Math.max(stop, 1e-3)) / G, 1),
      hitT: hitT === null ? null : round(hitT, 4),
      hitPart,
      hitSpeed: hitSpeed === null ? null : round(hitSpeed, 2),
      hitStop: hitStop === null ? null : round(hitStop, 3),
      hitMeanG: hitStop === null || hitSpeed === null ? null : round((hitSpeed * hitSpeed) / (2 * Math.max(hitStop, 1e-3)) / G, 1),
      armsLetGo,
      headExcursion: round(headExcursion, 3),
      fallHeight: round(fallHeight(setup.speedKmh), 2),
    },
  };
}

/** The run's state at time t after the impact (clamped to the run; between samples, the earlier one). */
export function sampleAt(run: CrashRun, t: number): CrashSample {
  const i = Math.max(0, Math.min(run.samples.length - 1, Math.floor(t / run.sampleDt + 1e-9)));
  return run.samples[i]!;
}
