// The seat-belt zone's module in the shared zone run (the store both skins use), in Node: the belt
// key fastens the belt through the action map and reader, the station calls are taken only where a
// stage takes them, the HUD carries the station and (for seniors) the rules for drivers over 70, the
// brake held through the controls stops a drive whose reaction the engine measures, and a careful
// visit through every station ends in the summary with the attempt saved.
import { describe, expect, it } from 'vitest';
import { sourceOf } from '../common/controls.ts';
import { zoneRun } from '../../stores/zoneRun.ts';
import { HEAD_DOWN } from './controls.ts';
import { seatbeltRules, type SeatbeltActions, type SeatbeltHud } from './module.ts';

function harness(groupId: string) {
  const { store, saved, frames, game } = zoneRun(seatbeltRules, 'seatbelt', groupId);
  const s = () => store.getState();
  const hud = () => s().hud as SeatbeltHud;
  const act = () => s().actions.zone as SeatbeltActions;
  return { store, saved, frames, hud, act, game, s };
}

/** Drive the current drive: hold the brake once the hazard began, until its result. */
function drive(h: ReturnType<typeof harness>, brakeAfter = 0.6) {
  const { frames, game, s } = h;
  // (the game's own view: the HUD is published a few times a second)
  const measure = () => {
    const v = game().station!;
    return v.kind === 'phone-drive' ? v.drives[v.drive]!.measure : v.kind === 'stopping' ? v.runs[v.run]!.measure : null;
  };
  expect(frames(90, () => measure()?.onsetT != null)).toBe(true);
  frames(brakeAfter);
  s().controls.set('brake', sourceOf.key('Space'), 1);
  expect(frames(60, () => game().station?.stage === 'result')).toBe(true);
  s().controls.set('brake', sourceOf.key('Space'), 0);
  return measure()!;
}

describe('seat-belt zone in the zone run', { timeout: 120_000 }, () => {
  it('the B key (a toggle of the action map) fastens and unfastens the belt before the crash, and only then', () => {
    const h = harness('adult');
    h.s().actions.start();
    h.frames(0.2);
    expect(h.hud().station).toMatchObject({ kind: 'crash-test', stage: 'setup', buckled: false });
    h.s().actions.toggle('belt');
    h.frames(0.1);
    expect(h.game().station).toMatchObject({ buckled: true });
    h.s().actions.toggle('belt');
    h.frames(0.1);
    expect(h.game().station).toMatchObject({ buckled: false });
    // Start waits for a speed; a call the stage does not take is ignored
    h.act().go();
    h.act().next();
    expect(h.game().station).toMatchObject({ stage: 'setup' });
    h.act().buckle(true);
    h.act().choose('speed', '50');
    h.act().go();
    expect(h.hud().station).toMatchObject({ stage: 'crash', speedKmh: 50, buckled: true });
    h.s().actions.toggle('belt');
    h.frames(0.1);
    expect(h.game().station).toMatchObject({ buckled: true });
    expect(h.game().events.map((e) => e.kind)).toEqual(['belt_on']);
  });

  it('a careful adult through every station to the summary: reaction measured from the held brake, eyes on the phone from the headset, the attempt saved', () => {
    const h = harness('adult');
    const { act, frames, hud, s } = h;
    s().actions.start();
    s().actions.rehearse();
    expect(hud().station).toMatchObject({ kind: 'crash-test', stage: 'crash' });
    act().skip();
    expect(hud().station).toMatchObject({ stage: 'result' });
    act().next();
    act().choose('row', 'back');
    act().choose('how', 'child-seat');
    act().go();
    expect(frames(30, () => h.game().station?.stage === 'result')).toBe(true);
    act().next();
    expect(hud().station).toMatchObject({ kind: 'phone-drive', stage: 'ready' });
    act().go();
    const first = drive(h);
    expect(first.reactionS).toBeGreaterThan(0.5);
    expect(first.reactionS).toBeLessThan(0.8);
    expect(first.hit).toBe(false);
    act().next();
    act().go();
    // the message arrives: the headset's look down holds `phone` (its own source), for a second
    expect(frames(60, () => h.game().phone.ringing)).toBe(true);
    s().controls.set('phone', HEAD_DOWN, 1);
    frames(1);
    expect(hud().phoneOut).toBe(true);
    s().controls.set('phone', HEAD_DOWN, 0);
    drive(h);
    const v = h.game().station!;
    expect(v.kind === 'phone-drive' && v.drives[1]!.measure!.blindM).toBeGreaterThan(10);
    act().next();
    for (const kmh of ['30', '30']) {
      act().choose('speed', kmh);
      act().go();
      const m = drive(h, 0.5);
      expect(m.gapM).toBeGreaterThan(0);
      act().next();
    }
    frames(0.5);
    expect(s().status).toBe('summary');
    const kinds = s().summary!.events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['belt_on', 'child_rear_seat', 'child_seat_used', 'braked_in_time', 'phone_looked', 'stopped_before_crossing']));
    expect(kinds).not.toContain('task_missed');
    expect(hud().notes).toEqual([]);
    return new Promise<void>((done) =>
      setTimeout(() => {
        expect(h.saved.map((a) => [a.zone, a.mode, a.group])).toEqual([['seatbelt', 'game', 'adult']]);
        done();
      }, 0),
    );
  });

  it('seniors: the HUD carries the rules for drivers aged 70 and over (facts 5.18) for the summary; adults do not get them', () => {
    const h = harness('senior');
    expect(h.hud().notes.length).toBeGreaterThan(0);
    expect(h.hud().notes.every((n) => n.facts.includes('5.18'))).toBe(true);
    expect(harness('driver').hud().notes).toEqual([]);
  });
});
