// A scripted visitor for tests (and a demo): what they choose at each station, how quickly they react
// on the road, whether their eyes go to the phone. Called once per frame, it makes the game's calls
// the HUD would make (after a moment of "reading" each stage) and returns the frame's input.
import { seatbeltInput, type SeatbeltInput } from './input.ts';
import type { SeatbeltGame } from './rules.ts';

export interface VisitorPlan {
  /** buckle up before the crash */
  buckle: boolean;
  /** the crash speed (falls back to the first offered) */
  crashKmh: number;
  /** child seat: 'front' | 'back', and 'arms' | 'child-seat' | 'belt' */
  childRow: string;
  childHow: string;
  /** s from the hazard (brake lights ahead, the child's first step) to pressing the brake */
  reaction: number;
  /** when the phone rings, look at it for this long, s (0: eyes stay on the road) */
  glance: number;
  /** the speeds for the stopping runs, in order (each falls back to the first offered) */
  stoppingKmh: number[];
  /** s spent on each stage before acting (reading it) */
  read: number;
  /** crash again at this speed after the first crash (once), before going on */
  crashAgainKmh?: number;
  /** brake as soon as a child is in view on the crossing's kerb, before it steps out */
  anticipate?: boolean;
}

export const CAREFUL: VisitorPlan = { buckle: true, crashKmh: 30, childRow: 'back', childHow: 'child-seat', reaction: 0.8, glance: 0, stoppingKmh: [30, 30], read: 2 };
export const CARELESS: VisitorPlan = { buckle: false, crashKmh: 50, childRow: 'front', childHow: 'arms', reaction: 0.8, glance: 2, stoppingKmh: [60, 60], read: 1 };

/** A visitor who follows the plan. */
export function scriptedVisitor(plan: VisitorPlan): (g: SeatbeltGame) => SeatbeltInput {
  const inp = seatbeltInput();
  let stageKey = '';
  let since = 0;
  let lookUntil = -1;
  let wasRinging = false;
  let stoppingRun = 0;
  let again = plan.crashAgainKmh !== undefined;
  return (g) => {
    Object.assign(inp, seatbeltInput());
    const v = g.station;
    if (!v) return inp;
    const key = `${v.id}:${v.stage}:${'drive' in v ? v.drive : 'run' in v ? v.run : ''}`;
    if (key !== stageKey) {
      stageKey = key;
      since = g.time;
    }
    const ready = g.time - since >= plan.read;
    switch (v.kind) {
      case 'crash-test': {
        if (v.stage === 'setup' && ready) {
          g.buckle(plan.buckle);
          const first = v.tries === 0 ? plan.crashKmh : (plan.crashAgainKmh ?? plan.crashKmh);
          g.choose('speed', String(v.speeds.includes(first) ? first : v.speeds[0]!));
          g.go();
        } else if (v.stage === 'result' && ready) {
          if (again) {
            again = false;
            g.again();
          } else g.next();
        }
        break;
      }
      case 'child-seat': {
        if (v.stage === 'setup' && ready) {
          g.choose('row', plan.childRow);
          g.choose('how', plan.childHow);
          g.go();
        } else if (v.stage === 'result' && ready) g.next();
        break;
      }
      case 'phone-drive': {
        if (v.stage === 'ready' && ready) g.go();
        else if (v.stage === 'result' && ready) g.next();
        else if (v.stage === 'drive') {
          const m = v.drives[v.drive]!.measure;
          const ringing = g.world.phone.ringing;
          if (ringing && !wasRinging && plan.glance > 0) lookUntil = g.world.time + plan.glance;
          wasRinging = ringing;
          inp.phoneLook = g.world.time < lookUntil;
          // the reaction counts from the hazard, or from when the eyes are back on the road if later
          if (m?.onsetT != null && !inp.phoneLook && g.world.time - Math.max(m.onsetT, lookUntil) >= plan.reaction - 1e-9) inp.brake = 1;
          if (m?.reactionS != null) inp.brake = 1;
        }
        break;
      }
      case 'stopping': {
        if (v.stage === 'setup' && ready) {
          const want = plan.stoppingKmh[stoppingRun] ?? plan.stoppingKmh[0]!;
          g.choose('speed', String(v.speeds.includes(want) ? want : v.speeds[0]!));
          g.go();
        } else if (v.stage === 'result' && ready) {
          stoppingRun++;
          g.next();
        } else if (v.stage === 'drive') {
          const m = v.runs[v.run]!.measure;
          if (m?.onsetT != null && g.world.time - m.onsetT >= plan.reaction - 1e-9) inp.brake = 1;
          if (m?.reactionS != null) inp.brake = 1;
          if (plan.anticipate) {
            const p = g.world.player!;
            const c = v.runs[v.run]!.crossing;
            if (c.x - p.x < 45) inp.brake = 1;
          }
        }
        break;
      }
    }
    return inp;
  };
}
