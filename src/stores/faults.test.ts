import { describe, expect, it } from 'vitest';
import { readErrorLog, subscribeErrorLog } from '../app/errorLog.ts';
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

  it('the same crash caught twice while its fault shows is logged once; another crash, or the same one after coming back, is logged again', () => {
    const s = createFaultStore();
    let logged = 0;
    const off = subscribeErrorLog(() => logged++);
    try {
      const zone = '#/zone/crossing?mode=game';
      const load = () => new TypeError('Failed to fetch dynamically imported module: /assets/Zone-x.js');
      s.getState().actions.report('zone', zone, load());
      s.getState().actions.report('zone', zone, load());
      expect(logged).toBe(1);
      s.getState().actions.report('zone', zone, new RangeError('another part failed'));
      expect(logged).toBe(2);
      // away and back: the part is built afresh, and a new crash is a new fault
      s.getState().actions.routeChanged('#/hall');
      s.getState().actions.routeChanged(zone);
      s.getState().actions.report('zone', zone, load());
      expect(logged).toBe(3);
    } finally {
      off();
    }
  });
});
