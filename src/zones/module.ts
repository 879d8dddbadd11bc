// A zone module: what `src/zones/<id>/Zone.tsx` exports and the registry lists (docs/zones.md §9).
// Its pure half (`module.ts` in the zone folder: game factory, controls, reader, HUD state, zone
// actions) runs in Node; this adds the UI parts the zone owns. Everything around them is shared:
// the flat HUD (`ui/flat/ZoneGameHud.tsx`), the headset's panel (`three/panels/GamePanel3D.tsx`),
// the scene skeleton (`three/zone/ZoneScene.tsx`: street kit, run loop, camera or rig, replays).
import type { TFunction } from 'i18next';
import type { ComponentType, LazyExoticComponent, RefObject } from 'react';
import type { Group } from 'three';
import type { Lang } from '../content/ids.ts';
import type { ZoneGameStore } from '../stores/zoneGame.ts';
import type { RunnableGame, ZoneActions, ZoneRules } from './common/zoneRules.ts';

/** What a zone's HUD part gets: its own HUD state and actions, the language. */
export interface ZoneHudProps<H, Z extends ZoneActions> {
  hud: H;
  actions: Z;
  lang: Lang;
}

/** What a zone's own 3D scene gets (the skeleton has drawn the street already). */
export interface ZoneSceneProps<G extends RunnableGame = RunnableGame> {
  game: G;
  store: ZoneGameStore;
  inXR: boolean;
  /** a consequence replay is on screen (hide what rides with the visitor) */
  replaying: boolean;
  origin: RefObject<Group | null>;
}

/** The UI parts a zone owns. */
export interface ZoneUi<G extends RunnableGame, H, Z extends ZoneActions> {
  /** the zone's HUD parts, each optional: flat (DOM) components and the headset slab's lines */
  parts: {
    /** shown instead of the street's HUD while the game's phase is 'setup' (the e-bike checklist) */
    Setup?: ComponentType<ZoneHudProps<H, Z>>;
    /** beside the time and tasks (the e-bike's speed) */
    Status?: ComponentType<ZoneHudProps<H, Z>>;
    /** under the hint (the phone ringing, its pop-up) */
    Notices?: ComponentType<ZoneHudProps<H, Z>>;
    /** the headset's HUD slab: the zone's lines between the task line and the latest feedback */
    lines?: (hud: H, t: TFunction, lang: Lang) => string[];
    /** on the summary, above the scored events (drunk: the two drives and the law; seat-belt: the rules for drivers aged 70 and over) */
    Summary?: ComponentType<ZoneHudProps<H, Z>>;
    /** the same on the headset's summary panel, as lines */
    summaryLines?: (hud: H, t: TFunction, lang: Lang) => string[];
  };
  /** the headset's panel for the 'setup' phase (lazy: three.js) */
  Setup3D?: LazyExoticComponent<ComponentType<ZoneHudProps<H, Z>>>;
  /** the headset's summary: the zone's own panel beside the shared one (lazy: three.js) */
  Summary3D?: LazyExoticComponent<ComponentType<ZoneHudProps<H, Z>>>;
  /** what the zone draws besides the street (lazy: three.js), e.g. the e-bike's handlebar */
  Scene?: LazyExoticComponent<ComponentType<ZoneSceneProps<G>>>;
}

export type ZoneModule<G extends RunnableGame<I>, I, H, Z extends ZoneActions, A extends string> = ZoneRules<G, I, H, Z, A> & ZoneUi<G, H, Z>;

/** Declares a zone module: its rules module (module.ts) plus its UI parts. */
export function defineZoneModule<G extends RunnableGame<I>, I, H, Z extends ZoneActions, A extends string>(rules: ZoneRules<G, I, H, Z, A>, ui: ZoneUi<G, H, Z>): ZoneModule<G, I, H, Z, A> {
  return { ...rules, ...ui };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyZoneModule = ZoneModule<any, any, any, any, any>;
