// What the world reports. Kinds are snake_case strings: the built-in ones below, plus whatever a
// zone's script emits. Events are rare, so each is a small object; the hot loops never create one
// unless something happened.
export const EVENT_KINDS = [
  'collision',
  'near_miss',
  'entered_on_red',
  'outside_crossing',
  'wrong_lane',
  'wrong_way',
  'speeding',
  'in_blind_zone',
  'in_inner_wheel_sweep',
  'signal_changed',
  // from the player's look direction at a kerb
  'looked_both_ways',
  'crossed_without_looking',
  // from script actions
  'phone_rings',
  'hard_braking',
  'actor_spawned',
] as const;
export type BuiltinEventKind = (typeof EVENT_KINDS)[number];

export type EventDetails = Record<string, string | number | boolean>;

export interface WorldEvent {
  /** a built-in kind or a script's custom kind */
  kind: BuiltinEventKind | (string & {});
  /** simulation time, s */
  t: number;
  /** ids of the agents involved (the player's id is world.player.id) */
  agents: number[];
  x: number;
  z: number;
  details: EventDetails;
}
