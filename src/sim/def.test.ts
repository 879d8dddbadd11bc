import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actorsSchema, layoutSchema, parseSimDef, scriptSchema, simDefSchema } from './def.ts';
import { demoJunction, makeJunction } from './fixtures/demoJunction.ts';
import { straightRoad } from './fixtures/straightRoad.ts';

const problems = (raw: unknown) => {
  const r = simDefSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('zone simulation schema', () => {
  it('accepts the demo junction and fills defaults', () => {
    const def = parseSimDef(demoJunction);
    expect(def.layout.roads).toHaveLength(4);
    expect(def.layout.roads[0]!.median).toBe(0);
    expect(def.layout.stopLines.find((s) => s.id === 'stop-W-left')!.rightOnRed).toBe(false);
    expect(def.actors.every((a) => a.type === 'flow' ? a.redRunnerShare === 0 : true)).toBe(true);
  });

  it('fits the zone file fields one by one (layout record, actors array, script array)', () => {
    const j = makeJunction();
    expect(layoutSchema.safeParse(j.layout).success).toBe(true);
    expect(actorsSchema.safeParse(j.actors).success).toBe(true);
    expect(scriptSchema.safeParse([{ at: 3, do: [{ type: 'phone_rings' }] }]).success).toBe(true);
  });

  it('converts to JSON Schema for editors (no transforms)', () => {
    const json = z.toJSONSchema(simDefSchema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
    expect(Object.keys(json.properties ?? {})).toEqual(['layout', 'actors', 'script']);
  });

  it('names the field and the problem for bad references', () => {
    const layout = straightRoad({ crossingAt: 50, signal: { green: 10, yellow: 3, allRed: 2, pedGreen: 10 } });
    layout.stopLines!.push({ id: 'bad-stop', lanes: ['no-such-lane'], head: 'ped' });
    layout.crossings!.push({ id: 'bad-cross', from: [0, 0], to: [0, 5], head: 'veh-e' });
    expect(problems({ layout })).toEqual([
      'layout.crossings.1.head: "veh-e" is not a pedestrian signal head',
      'layout.stopLines.2.lanes.0: unknown lane "no-such-lane"',
      'layout.stopLines.2.head: "ped" is not a vehicle or non-motor signal head',
    ]);
  });

  it('rejects duplicate ids, yellow for pedestrians, unknown heads in phases', () => {
    const layout = straightRoad({ crossingAt: 50, signal: { green: 10, yellow: 3, allRed: 2, pedGreen: 10 } });
    layout.roads![0]!.lanes[1]!.id = 'e-1';
    layout.signals![0]!.phases.push({ duration: 2, yellow: ['ped', 'ghost'] });
    const p = problems({ layout });
    expect(p).toContain('layout.roads.0.lanes.1.id: id "e-1" is already used by roads.0.lanes.0.id');
    expect(p).toContain('layout.signals.0.phases.5.yellow.0: pedestrian head "ped" has no yellow (条例 Art. 39: green or red)');
    expect(p).toContain('layout.signals.0.phases.5.yellow.1: unknown head "ghost" (not in this signal\'s heads)');
  });

  it('checks actors and script against the layout', () => {
    const p = problems({
      layout: straightRoad(),
      actors: [
        { type: 'flow', id: 'f', kind: 'car', route: ['right', 'e-1'], rate: 2 },
        { type: 'named', id: 'n', kind: 'car', route: ['e-1'], path: [[0, 0], [1, 1]] },
      ],
      script: [
        { at: 1, when: { type: 'time', t: 2 }, do: [{ type: 'phone_rings' }] },
        { at: 1, do: [{ type: 'brake_hard', actor: 'f' }, { type: 'spawn', actor: 'ghost' }] },
        { when: { type: 'signal_turns', head: 'nope', state: 'green' }, do: [{ type: 'emit', kind: 'Bad-Kind' }] },
      ],
    });
    expect(p).toEqual(
      expect.arrayContaining([
        'actors.1.route: give exactly one of route or path',
        'script.0.when: give exactly one of at or when',
        'script.2.do.0.kind: event kinds are snake_case',
      ]),
    );
    // references are checked once the shapes are right
    expect(
      problems({
        layout: straightRoad(),
        actors: [{ type: 'flow', id: 'f', kind: 'car', route: ['right', 'e-1'], rate: 2 }],
        script: [
          { at: 1, do: [{ type: 'brake_hard', actor: 'f' }, { type: 'spawn', actor: 'ghost' }] },
          { when: { type: 'signal_turns', head: 'nope', state: 'green' }, do: [{ type: 'phone_rings' }] },
        ],
      }),
    ).toEqual([
      'actors.0.route.0: a route starts with a lane id',
      'script.0.do.0.actor: "f" is a flow; brake_hard needs a named actor',
      'script.0.do.1.actor: unknown actor "ghost"',
      'script.1.when.head: unknown signal head "nope"',
    ]);
  });

  it('parseSimDef throws one readable message', () => {
    expect(() => parseSimDef({ layout: { roads: 'x' } })).toThrow(/invalid zone simulation definition:\nlayout\.roads: /);
  });
});
