import { describe, expect, it } from 'vitest';
import { readErrorLog } from '../app/errorLog.ts';
import { createFaultStore, faultedOn } from './faults.ts';

describe('fault store', () => {
  it('a fault shows on its route, stays while the stage may still see that route, and is forgotten when the visitor comes back', () => {
    const s = createFaultStore();
    const zone = '#/zone/crossing?mode=game';
    s.getState().actions.report('zone', zone, new TypeError('Failed to fetch dynamically imported module'));
    expect(faultedOn(s.getState(), zone)).toBe(true);
    expect(faultedOn(s.getState(), '#/hall')).toBe(false);
    expect(s.getState().fault?.message).toBe('TypeError: Failed to fetch dynamically imported module');
    // the page moves to the hall: a late render of the old route must still see the fault
    s.getState().actions.routeChanged('#/hall');
    expect(faultedOn(s.getState(), zone)).toBe(true);
    // coming back builds the zone afresh
    s.getState().actions.routeChanged(zone);
    expect(s.getState().fault).toBeNull();
  });

  it('reporting works without localStorage (Node): the log is empty, the fault still shows', () => {
    const s = createFaultStore();
    s.getState().actions.report('screen', '#/hall', 'boom');
    expect(faultedOn(s.getState(), '#/hall')).toBe(true);
    expect(readErrorLog()).toEqual([]);
  });
});
