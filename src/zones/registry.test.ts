// The registry against the zone files: every zone file with a game (a `scoring` section) has a
// module in the registry, every module a zone file with a game; each module is the zone it is
// listed as, builds its game from its file, and its controls are sound (the help and the devices
// read the same map).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema } from '../content/schema.ts';
import { actionMapProblems } from './common/controls.ts';
import { hasGame, loadZoneModule, PLAYABLE_ZONES, type PlayableZoneId } from './registry.ts';

const scenes = new URL('../../scenes/', import.meta.url);
const files = readdirSync(scenes).filter((f) => f.endsWith('.json') && f !== 'hall.json');
const withGame = files.map((f) => JSON.parse(readFileSync(new URL(f, scenes), 'utf8')) as { id: string; scoring?: unknown }).filter((z) => z.scoring !== undefined);

describe('zone registry', () => {
  it('lists exactly the zones whose file has a game', () => {
    expect([...PLAYABLE_ZONES].sort()).toEqual(withGame.map((z) => z.id).sort());
    for (const z of withGame) expect(hasGame(z.id), z.id).toBe(true);
    expect(hasGame('hall')).toBe(false);
    expect(hasGame('toString')).toBe(false);
  });

  it.each(PLAYABLE_ZONES.map((id) => [id]))('%s: the module is this zone, builds its game from its file, and its controls are sound', { timeout: 30_000 }, async (id) => {
    const m = await loadZoneModule(id as PlayableZoneId);
    expect(m.id).toBe(id);
    const zone = zoneSchema.parse(JSON.parse(readFileSync(new URL(`${id}.json`, scenes), 'utf8')));
    const game = m.createGame(zone, { id: 'adult' }, m.seed);
    expect(game.zone).toBe(id);
    expect(game.world.player).toBeDefined();
    expect(actionMapProblems(m.controls)).toEqual([]);
    // the rehearsal names actions the module has
    const actions = m.actions(() => game, () => undefined);
    for (const [name] of m.rehearsal ?? []) expect(typeof actions[name], `${id} rehearsal ${String(name)}`).toBe('function');
    // a new zone needs help texts for its actions: every label is a UI string
    const { zhHans } = await import('../i18n/zh-Hans.ts');
    const key = (k: string) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], zhHans);
    for (const d of Object.values(m.controls.actions) as { label: string; dir?: string[] }[])
      for (const k of [d.label, ...(d.dir ?? [])]) expect(typeof key(k), `${id}: ${k}`).toBe('string');
    for (const b of m.controls.touch) expect(typeof key(b.label), `${id}: ${b.label}`).toBe('string');
  });
});
