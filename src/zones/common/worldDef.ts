// The sim part of a zone file with the group's tuning applied, as plain data transforms (copies,
// the zone definition is never changed): traffic speeds scaled, pedestrian greens lengthened, the
// phone taken out of the script. createWorld then builds the world from the result.
import type { ZoneDef } from '../../content/schema.ts';
import type { ActorDef, LayoutDef, SimDef, StepDef } from '../../sim/def.ts';

/** The zone file's layout, actors and script; throws when the zone has no layout. */
export function simDefOf(zone: ZoneDef): SimDef {
  if (!zone.layout) throw new Error(`scenes/${zone.id}.json: layout: missing (a game needs a layout)`);
  return structuredClone({ layout: zone.layout, actors: zone.actors ?? [], script: zone.script ?? [] });
}

/** Multiply the speeds (km/h) of vehicles: flows' ranges, named actors, set_speed actions. Pedestrians keep theirs. */
export function scaleTrafficSpeed(def: SimDef, factor: number): SimDef {
  if (factor === 1) return def;
  const r = (v: number) => Math.round(v * factor * 10) / 10;
  const actors: ActorDef[] = def.actors.map((a) => {
    if (a.kind === 'pedestrian') return a;
    if (a.type === 'flow') return a.speed ? { ...a, speed: [r(a.speed[0]), r(a.speed[1])] as [number, number] } : a;
    return a.speed !== undefined ? { ...a, speed: r(a.speed) } : a;
  });
  const pedestrians = new Set(def.actors.filter((a) => a.kind === 'pedestrian').map((a) => a.id));
  const script: StepDef[] = def.script.map((s) => ({
    ...s,
    do: s.do.map((x) => (x.type === 'set_speed' && !pedestrians.has(x.actor) ? { ...x, speed: r(x.speed) } : x)),
  }));
  return { ...def, actors, script };
}

/** Lengthen every phase in which a pedestrian head shows green by `seconds` (slower walkers). */
export function extendPedestrianGreen(def: SimDef, seconds: number): SimDef {
  if (seconds <= 0) return def;
  const layout: LayoutDef = {
    ...def.layout,
    signals: def.layout.signals.map((sig) => {
      const peds = new Set(sig.heads.filter((h) => h.kind === 'pedestrian').map((h) => h.id));
      return { ...sig, phases: sig.phases.map((p) => (p.green.some((h) => peds.has(h)) ? { ...p, duration: p.duration + seconds } : p)) };
    }),
  };
  return { ...def, layout };
}

/** Remove the script's phone_rings actions (groups that play without the phone); empty steps go too. */
export function withoutPhone(def: SimDef): SimDef {
  const script = def.script
    .map((s) => ({ ...s, do: s.do.filter((a) => a.type !== 'phone_rings') }))
    .filter((s) => s.do.length > 0);
  return { ...def, script };
}
