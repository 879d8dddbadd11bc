// The zone file's `layout`, `actors` and `script` as zod schemas: what a scene may say about its street,
// its traffic and its scenario. Units are those a person reads (metres, seconds, km/h, degrees);
// src/sim/road/compile.ts converts them once at load, so the schemas stay free of transforms and
// can be turned into JSON Schema for editors.
//
// World frame: the ground is the x–z plane of three.js (y up). A heading of 0° points along +x and
// increases towards +z. Traffic keeps to the right, as in China.
import { z } from 'zod';
import { isPropId, SIGNS } from './catalogue.ts';

export const AGENT_KINDS = ['car', 'bus', 'truck', 'semi-trailer', 'ebike', 'pedestrian'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];
export const agentKindSchema = z.enum(AGENT_KINDS);

export const LANE_KINDS = ['motor', 'non-motor', 'sidewalk'] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

export const HEAD_KINDS = ['vehicle', 'pedestrian', 'non-motor'] as const;
export type HeadKind = (typeof HEAD_KINDS)[number];

/** Words a route may use between lane ids: the engine picks the lane beyond the junction. */
export const TURNS = ['left', 'right', 'straight', 'uturn'] as const;
export type Turn = (typeof TURNS)[number];

const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'must start with a letter and hold only letters, digits, _ . -')
  .refine((s) => !(TURNS as readonly string[]).includes(s), 'is a turn word (left/right/straight/uturn), not usable as an id');

/** [x, z] in metres */
export const vec2Schema = z.tuple([z.number(), z.number()]);
export type Vec2 = z.infer<typeof vec2Schema>;
/** [xMin, zMin, xMax, zMax] in metres */
export const rectSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine((r) => r[0] < r[2] && r[1] < r[3], 'must be [xMin, zMin, xMax, zMax] with min < max');
const kmh = z.number().positive().max(200);
const speedRange = z.tuple([z.number().min(0).max(200), z.number().min(0).max(200)]).refine((r) => r[0] <= r[1], 'must be [min, max] with min ≤ max');

// ---------------------------------------------------------------- layout
export const laneSchema = z
  .object({
    id,
    kind: z.enum(LANE_KINDS),
    /** which side of the centre line; lanes of a side are stacked outwards in the order given */
    side: z.enum(['right', 'left']).default('right'),
    width: z.number().positive().max(10),
    /** along the centre line (forward) or against it; default: right side forward, left side
     * backward, sidewalks both */
    direction: z.enum(['forward', 'backward', 'both']).optional(),
    /** km/h; default the road's, else 50 motor (facts 5.12) and 25 non-motor (facts 8 / GB 17761) */
    speedLimit: kmh.optional(),
    /** explicit signed offset of the lane's middle from the centre line (+ = right); overrides stacking */
    offset: z.number().optional(),
  })
  .strict();
export type LaneDef = z.infer<typeof laneSchema>;

export const roadSchema = z
  .object({
    id,
    /** the road's centre line as a polyline, metres; lane directions are relative to it */
    centerline: z.array(vec2Schema).min(2),
    /** width of a central median (the centre line runs down its middle) */
    median: z.number().min(0).default(0),
    speedLimit: kmh.optional(),
    /** the hardest braking its surface allows, m/s² (facts 5.16: about 7 for a car on dry asphalt,
     * about 4 or less when wet); default: each vehicle brakes at its own maximum */
    grip: z.number().positive().max(12).optional(),
    lanes: z.array(laneSchema).min(1),
  })
  .strict();
export type RoadDef = z.infer<typeof roadSchema>;

export const junctionSchema = z
  .object({
    id,
    center: vec2Schema,
    /** lanes ending or starting within this distance (plus 10 m) belong to the junction */
    radius: z.number().positive(),
    /** outline of the junction's carriageway (rounded kerb corners); default the disc of `radius` */
    polygon: z.array(vec2Schema).min(3).optional(),
  })
  .strict();

export const crossingSchema = z
  .object({
    id,
    /** ends of the crossing's middle line, kerb to kerb */
    from: vec2Schema,
    to: vec2Schema,
    width: z.number().positive().default(4),
    /** pedestrian signal head that controls it; none = an unsignalised zebra */
    head: id.optional(),
  })
  .strict();
export type CrossingDef = z.infer<typeof crossingSchema>;

export const stopLineSchema = z
  .object({
    id,
    lanes: z.array(id).min(1),
    /** metres before each lane's end */
    fromEnd: z.number().min(0).default(0),
    /** vehicle or non-motor head; none = a give-way line without signal */
    head: id.optional(),
    /** right-turners may pass on red when nobody is in the way (条例 Art. 38(1), facts 4.12) */
    rightOnRed: z.boolean().default(false),
  })
  .strict();

export const headSchema = z
  .object({ id, kind: z.enum(HEAD_KINDS), position: vec2Schema.optional(), /** degrees */ facing: z.number().optional() })
  .strict();

/** Heads listed in neither `green` nor `yellow` show red; a phase that lists none is all-red. */
export const phaseSchema = z
  .object({
    name: z.string().optional(),
    duration: z.number().positive(),
    green: z.array(id).default([]),
    yellow: z.array(id).default([]),
  })
  .strict();

export const signalSchema = z
  .object({
    id,
    /** seconds into the cycle at t = 0, to coordinate controllers */
    offset: z.number().min(0).default(0),
    heads: z.array(headSchema).min(1),
    phases: z.array(phaseSchema).min(1),
  })
  .strict()
  .superRefine((s, ctx) => {
    const heads = new Map(s.heads.map((h) => [h.id, h.kind]));
    s.phases.forEach((p, i) => {
      for (const key of ['green', 'yellow'] as const)
        p[key].forEach((h, j) => {
          if (!heads.has(h)) ctx.addIssue({ code: 'custom', path: ['phases', i, key, j], message: `unknown head "${h}" (not in this signal's heads)` });
          else if (key === 'yellow' && heads.get(h) === 'pedestrian')
            ctx.addIssue({ code: 'custom', path: ['phases', i, key, j], message: `pedestrian head "${h}" has no yellow (条例 Art. 39: green or red)` });
        });
      p.green.forEach((h, j) => {
        if (p.yellow.includes(h)) ctx.addIssue({ code: 'custom', path: ['phases', i, 'green', j], message: `head "${h}" is both green and yellow` });
      });
    });
  });
export type SignalDef = z.infer<typeof signalSchema>;

export const signSchema = z
  .object({
    id: id.optional(),
    sign: z.string().refine((s) => s in SIGNS, 'is not a sign in the catalogue (src/sim/catalogue.ts SIGNS)'),
    position: vec2Schema,
    /** degrees: the direction the face looks towards */
    facing: z.number().default(0),
  })
  .strict();

export const propSchema = z
  .object({
    id: id.optional(),
    prop: z.string().refine(isPropId, 'is not in the prop catalogue (src/sim/catalogue.ts)'),
    position: vec2Schema,
    /** degrees, same sense as headings */
    rotation: z.number().default(0),
    /** [length, width, height] metres, for sight lines; needed when `occluder` */
    size: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]).optional(),
    /** blocks sight lines (a parked van hiding a child) */
    occluder: z.boolean().default(false),
  })
  .strict()
  .refine((p) => !p.occluder || p.size, { message: 'an occluder needs a size', path: ['size'] });

export const spawnSchema = z
  .object({
    id,
    position: vec2Schema,
    heading: z.number().default(0),
    /** the visitor starts here */
    player: z.boolean().default(false),
    /** what the visitor is at this spawn (pedestrian in crossing, ebike in ebike, car in drunk) */
    as: agentKindSchema.optional(),
  })
  .strict();

export const layoutSchema = z
  .object({
    roads: z.array(roadSchema).default([]),
    junctions: z.array(junctionSchema).default([]),
    crossings: z.array(crossingSchema).default([]),
    stopLines: z.array(stopLineSchema).default([]),
    signals: z.array(signalSchema).default([]),
    signs: z.array(signSchema).default([]),
    props: z.array(propSchema).default([]),
    spawns: z.array(spawnSchema).default([]),
  })
  .strict()
  .superRefine((l, ctx) => {
    const seen = new Map<string, string>();
    const claim = (name: string, path: (string | number)[]) => {
      if (seen.has(name)) ctx.addIssue({ code: 'custom', path, message: `id "${name}" is already used by ${seen.get(name)}` });
      else seen.set(name, path.join('.'));
    };
    l.roads.forEach((r, i) => {
      claim(r.id, ['roads', i, 'id']);
      r.lanes.forEach((ln, j) => claim(ln.id, ['roads', i, 'lanes', j, 'id']));
    });
    l.junctions.forEach((j, i) => claim(j.id, ['junctions', i, 'id']));
    l.crossings.forEach((c, i) => claim(c.id, ['crossings', i, 'id']));
    l.stopLines.forEach((s, i) => claim(s.id, ['stopLines', i, 'id']));
    const headKind = new Map<string, HeadKind>();
    l.signals.forEach((s, i) => {
      claim(s.id, ['signals', i, 'id']);
      s.heads.forEach((h, j) => {
        claim(h.id, ['signals', i, 'heads', j, 'id']);
        headKind.set(h.id, h.kind);
      });
    });
    l.spawns.forEach((s, i) => claim(s.id, ['spawns', i, 'id']));
    const laneIds = new Set(l.roads.flatMap((r) => r.lanes.map((x) => x.id)));
    l.crossings.forEach((c, i) => {
      if (c.head && headKind.get(c.head) !== 'pedestrian')
        ctx.addIssue({ code: 'custom', path: ['crossings', i, 'head'], message: `"${c.head}" is not a pedestrian signal head` });
    });
    l.stopLines.forEach((s, i) => {
      s.lanes.forEach((ln, j) => {
        if (!laneIds.has(ln)) ctx.addIssue({ code: 'custom', path: ['stopLines', i, 'lanes', j], message: `unknown lane "${ln}"` });
      });
      const k = s.head ? headKind.get(s.head) : undefined;
      if (s.head && (k === undefined || k === 'pedestrian'))
        ctx.addIssue({ code: 'custom', path: ['stopLines', i, 'head'], message: `"${s.head}" is not a vehicle or non-motor signal head` });
    });
    if (l.spawns.filter((s) => s.player).length > 1)
      ctx.addIssue({ code: 'custom', path: ['spawns'], message: 'at most one spawn point is the player\'s' });
  });
export type LayoutDef = z.infer<typeof layoutSchema>;
export type LayoutInput = z.input<typeof layoutSchema>;

// ---------------------------------------------------------------- actors
export const behaviourSchema = z
  .object({
    /** drives or walks through a red signal */
    runRed: z.boolean().default(false),
    /** does not give way to pedestrians on crossings */
    noYield: z.boolean().default(false),
    /** perception–brake reaction time, s (facts 5.15: 0.75 expected, 1.25 brake lights, 1.5 surprise) */
    reactionTime: z.number().min(0).max(5).optional(),
    /** hard-braking deceleration, m/s² (facts 5.16: about 7 dry, 4 wet) */
    decel: z.number().positive().max(12).optional(),
    /** looking at a phone: reaction time grows by 0.5 s (facts 5.17) */
    phone: z.boolean().default(false),
  })
  .strict();
export type BehaviourDef = z.infer<typeof behaviourSchema>;

/** Either `route` (lane ids and turn words; vehicles and e-bikes) or `path` (waypoints; anyone). */
const routeFields = {
  route: z.array(z.string().min(1)).min(1).optional(),
  path: z.array(vec2Schema).min(2).optional(),
  /** ride the route backwards against the lanes' direction (a wrong-way e-bike) */
  reversed: z.boolean().default(false),
};

const dimsSchema = z
  .object({
    length: z.number().positive().max(30),
    width: z.number().positive().max(4),
    /** top of the actor, m (a child about 1.2): what sight lines must reach */
    height: z.number().positive().max(5).optional(),
  })
  .strict();

export const flowSchema = z
  .object({
    type: z.literal('flow'),
    id,
    kind: agentKindSchema,
    ...routeFields,
    /** agents per minute (mean of a Poisson stream) */
    rate: z.number().positive().max(120),
    /** km/h; pedestrians default to the audience group's walking speed */
    speed: speedRange.optional(),
    behaviour: behaviourSchema.optional(),
    /** share of this flow's agents that run the red (seeded) */
    redRunnerShare: z.number().min(0).max(1).default(0),
    start: z.number().min(0).default(0),
    end: z.number().positive().optional(),
    max: z.number().int().positive().optional(),
  })
  .strict();
export type FlowDef = z.infer<typeof flowSchema>;

export const namedActorSchema = z
  .object({
    type: z.literal('named'),
    id,
    kind: agentKindSchema,
    ...routeFields,
    /** km/h */
    speed: z.number().min(0).max(200).optional(),
    behaviour: behaviourSchema.optional(),
    /** `start`: present from t = 0; `script`: appears when a script step spawns it */
    spawn: z.enum(['start', 'script']).default('start'),
    /** stands still until a script step releases it (the child behind the van) */
    hold: z.boolean().default(false),
    /** metres along its route where it appears */
    startAt: z.number().min(0).default(0),
    dims: dimsSchema.optional(),
  })
  .strict();
export type NamedActorDef = z.infer<typeof namedActorSchema>;

export const actorSchema = z
  .discriminatedUnion('type', [flowSchema, namedActorSchema])
  .refine((a) => (a.route ? 1 : 0) + (a.path ? 1 : 0) === 1, { message: 'give exactly one of route or path', path: ['route'] });
export type ActorDef = z.infer<typeof actorSchema>;
export const actorsSchema = z.array(actorSchema);

// ---------------------------------------------------------------- script
export const triggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('time'), t: z.number().min(0) }).strict(),
  z.object({ type: z.literal('player_enters'), rect: rectSchema }).strict(),
  /** a named actor enters an area (the car comes close: now the child runs out) */
  z.object({ type: z.literal('actor_enters'), actor: id, rect: rectSchema }).strict(),
  z.object({ type: z.literal('signal_turns'), head: id, state: z.enum(['green', 'yellow', 'red']) }).strict(),
  /** another event happened (e.g. a near miss, or a custom event from an earlier step) */
  z.object({ type: z.literal('event'), kind: z.string().regex(/^[a-z_]+$/) }).strict(),
]);
export type TriggerDef = z.infer<typeof triggerSchema>;

export const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('spawn'), actor: id }).strict(),
  /** let a held actor go */
  /** `speed` (km/h): it leaves at that speed (a car already on its way), else from standing */
  z.object({ type: z.literal('release'), actor: id, speed: z.number().min(0).max(200).optional() }).strict(),
  z.object({ type: z.literal('violate'), actor: id, rule: z.enum(['run_red', 'no_yield']) }).strict(),
  z
    .object({
      type: z.literal('brake_hard'),
      actor: id,
      decel: z.number().positive().max(12).optional(),
      /** seconds before the brakes bite; 0 = the actor itself decides to brake */
      reaction: z.number().min(0).max(5).default(0),
      /** seconds it stands after stopping before driving on */
      hold: z.number().min(0).default(2),
    })
    .strict(),
  z.object({ type: z.literal('set_speed'), actor: id, speed: z.number().min(0).max(200) }).strict(),
  z.object({ type: z.literal('phone_rings'), duration: z.number().positive().default(5) }).strict(),
  z
    .object({
      type: z.literal('emit'),
      kind: z.string().regex(/^[a-z_]+$/, 'event kinds are snake_case'),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    })
    .strict(),
]);
export type ActionDef = z.infer<typeof actionSchema>;

export const stepSchema = z
  .object({
    id: id.optional(),
    /** shorthand for `when: { type: 'time', t: at }` */
    at: z.number().min(0).optional(),
    when: triggerSchema.optional(),
    /** seconds between the trigger and the actions */
    delay: z.number().min(0).default(0),
    /** fire on every trigger instead of only the first */
    repeat: z.boolean().default(false),
    do: z.array(actionSchema).min(1),
  })
  .strict()
  .refine((s) => (s.at === undefined) !== (s.when === undefined), { message: 'give exactly one of at or when', path: ['when'] });
export type StepDef = z.infer<typeof stepSchema>;
export const scriptSchema = z.array(stepSchema);

// ---------------------------------------------------------------- the whole
/** What createWorld reads: the three sim fields of a zone file. Cross-checks references. */
export const simDefSchema = z
  .object({ layout: layoutSchema, actors: actorsSchema.default([]), script: scriptSchema.default([]) })
  .superRefine((d, ctx) => {
    for (const p of simRefProblems(d)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });
export type SimDef = z.infer<typeof simDefSchema>;
export type SimDefInput = z.input<typeof simDefSchema>;

export interface RefProblem {
  path: (string | number)[];
  message: string;
}

/** References between layout, actors and script that one field's schema cannot see. */
export function simRefProblems(d: { layout: LayoutDef; actors: ActorDef[]; script: StepDef[] }): RefProblem[] {
  const out: RefProblem[] = [];
  const lanes = new Set(d.layout.roads.flatMap((r) => r.lanes.map((l) => l.id)));
  const heads = new Set(d.layout.signals.flatMap((s) => s.heads.map((h) => h.id)));
  const actors = new Map<string, ActorDef>();
  d.actors.forEach((a, i) => {
    if (actors.has(a.id)) out.push({ path: ['actors', i, 'id'], message: `duplicate actor id "${a.id}"` });
    actors.set(a.id, a);
    a.route?.forEach((step, j) => {
      if (!(TURNS as readonly string[]).includes(step) && !lanes.has(step))
        out.push({ path: ['actors', i, 'route', j], message: `"${step}" is neither a lane id nor a turn (${TURNS.join('/')})` });
    });
    if (a.route && (TURNS as readonly string[]).includes(a.route[0]!))
      out.push({ path: ['actors', i, 'route', 0], message: 'a route starts with a lane id' });
  });
  d.script.forEach((s, i) => {
    if (s.when?.type === 'signal_turns' && !heads.has(s.when.head))
      out.push({ path: ['script', i, 'when', 'head'], message: `unknown signal head "${s.when.head}"` });
    if (s.when?.type === 'actor_enters' && actors.get(s.when.actor)?.type !== 'named')
      out.push({ path: ['script', i, 'when', 'actor'], message: `"${s.when.actor}" is not a named actor` });
    s.do.forEach((a, j) => {
      if (!('actor' in a)) return;
      const actor = actors.get(a.actor);
      if (!actor) out.push({ path: ['script', i, 'do', j, 'actor'], message: `unknown actor "${a.actor}"` });
      else if ((a.type === 'spawn' || a.type === 'release' || a.type === 'brake_hard' || a.type === 'set_speed') && actor.type !== 'named')
        out.push({ path: ['script', i, 'do', j, 'actor'], message: `"${a.actor}" is a flow; ${a.type} needs a named actor` });
    });
  });
  return out;
}

/** Parse a zone's sim fields; throws an Error whose message lists `field.path: problem` lines. */
export function parseSimDef(raw: unknown): SimDef {
  const r = simDefSchema.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${i.path.map(String).join('.') || '(def)'}: ${i.message}`);
  throw new Error(`invalid zone simulation definition:\n${lines.join('\n')}`);
}
