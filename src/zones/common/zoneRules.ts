// The pure half of a zone module (docs/zones.md §9): what the zone-game store needs to run a zone
// in Node as in the browser — its game factory, its controls as data, the reader that turns the
// controls into the game's input each frame and says where the eye goes, the zone's own HUD state,
// and the zone's own actions (the e-bike's checklist). The UI half (`src/zones/<id>/Zone.tsx`)
// adds the HUD parts, the headset's parts and the zone's own 3D scene.
import type { ZoneDef, ZoneId } from '../../content/schema.ts';
import type { World } from '../../sim/world.ts';
import type { ActionMap, ControlState, FrameLook, Viewpoint } from './controls.ts';
import type { GroupInfo, ZoneGame } from './types.ts';

/** A zone game the shared run can drive: it has a world (the street kit draws it, replays come from it). */
export type RunnableGame<I = unknown> = ZoneGame<I> & { readonly world: World };

/** Turns the actions' values into the game's input, once per frame (one input object, reused). */
export interface InputReader<G, I, A extends string> {
  /** this frame's input: the controls now, the look (head or drag), the game */
  read(controls: ControlState<A>, look: FrameLook, game: G): I;
  /** where the eye is after the frame (the camera on a screen, the rig in a headset) */
  viewpoint(game: G, out: Viewpoint): Viewpoint;
}

/** The zone's own actions the HUDs call (e.g. choose a checklist option); each returns nothing. */
export type ZoneActions = { readonly [name: string]: (...args: never[]) => void };

/** One zone action with its arguments, as data: `['choose', 'helmet', 'helmet']`. */
export type ZoneStep<Z extends ZoneActions> = { [K in keyof Z]: readonly [K, ...Parameters<Z[K]>] }[keyof Z];

export interface ZoneRules<G extends RunnableGame<I>, I, H, Z extends ZoneActions, A extends string> {
  id: ZoneId;
  /** the first round's seed (rounds count up from it): the same visit is the same street */
  seed: number;
  /** the pure game for a group (rules.ts) */
  createGame(zone: ZoneDef, group: GroupInfo, seed: number): G;
  /** every device's bindings (the help text is generated from them) */
  controls: ActionMap<A>;
  /** a reader for a new round's game */
  reader(game: G): InputReader<G, I, A>;
  /** the zone's own HUD state, read when the store publishes (speed, the phone, the checklist …) */
  hud(game: G, input: I | null): H;
  /** the zone's own actions; `changed()` asks the store to publish the HUD at once */
  actions(game: () => G, changed: () => void): Z;
  /** a careful visitor's first moves from the intro to the street (the benchmark and smoke tests use them) */
  rehearsal?: readonly ZoneStep<NoInfer<Z>>[];
}

/** Declares a zone's rules module (types inferred from the game factory and the action map). */
export function defineZoneRules<G extends RunnableGame<I>, I, H, Z extends ZoneActions, A extends string>(r: ZoneRules<G, I, H, Z, A>): ZoneRules<G, I, H, Z, A> {
  return r;
}

/** A module of any zone, as the shared code sees it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyZoneRules = ZoneRules<any, any, any, any, any>;
