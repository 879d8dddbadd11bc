// What is stored: visitors (nickname + group only: visitors are often minors), attempts, settings.
import type { Lang, ModeId, ZoneId } from '../content/ids.ts';

/** VR comfort choices; what a visitor has not chosen comes from their audience group's preset. */
export interface Comfort {
  snapDegrees: 30 | 45 | 90;
  vignette: boolean;
  seated: boolean;
  smoothMove: boolean;
}

export interface Visitor {
  id: string;
  nickname: string;
  group: string;
  createdAt: number;
  comfort?: Partial<Comfort>;
}

export interface AttemptEvent {
  kind: string;
  t: number;
  details?: Record<string, unknown>;
}

export interface AttemptAnswer {
  question: string;
  chosen: string[];
  correct: boolean;
  ms: number;
}

export interface Attempt {
  id: string;
  visitorId: string;
  group: string;
  zone: ZoneId;
  mode: ModeId;
  startedAt: number;
  endedAt: number;
  /** 0–100 */
  score: number;
  stars: number;
  passed: boolean;
  events?: AttemptEvent[];
  answers?: AttemptAnswer[];
  appVersion: string;
  device: 'vr' | 'desktop' | 'kiosk';
}

export interface Settings {
  lang?: Lang;
  textSize?: 'normal' | 'large';
  currentVisitorId?: string | null;
  /** the staff console's PIN hash (staff/pin.ts StoredPin: salt + PBKDF2 hash, never the PIN) */
  staffPin?: unknown;
  /** wrong-PIN rate limiter (staff/pin.ts PinLimiter), saved so a reload does not reset it */
  staffPinLimiter?: PinLimiterState;
  /** the kiosk's behaviour (attract loop, context menu) */
  kiosk?: KioskSettings;
  /** pre/post checks, visiting groups and the home-practice retest (modes/prePost.ts) */
  learning?: LearningSettings;
}

/** A class or a company visiting the hall: a name staff type, no list of people. */
export interface VisitingGroup {
  id: string;
  name: string;
  kind: 'school' | 'delivery' | 'logistics' | 'manufacturing' | 'other';
  /** this group's own pre-check choice; null: the hall's */
  preCheck: boolean | null;
  createdAt: number;
  /** when it was this device's active visit (its attempts are those started then: scoring/visitReport.ts) */
  periods?: { from: number; to: number | null }[];
}

export interface LearningSettings {
  /** the hall's pre/post checks before and after each zone */
  preCheck: boolean;
  /** days after a visit when its practice-at-home link offers a retest */
  retestDays: number;
  visits: VisitingGroup[];
  /** the visiting group this device's visitors belong to now */
  activeVisit: string | null;
}

/** Shape of staff/pin.ts PinLimiter (kept here so storage needs no staff code). */
export interface PinLimiterState {
  failures: number;
  lastFailureAt: number | null;
  lockedUntil: number;
}

export interface KioskSettings {
  /** show the attract loop over visitor screens after `idleSeconds` without input (ends the visit) */
  attract: boolean;
  idleSeconds: number;
  /** no context menu (long press / right click) anywhere */
  blockContextMenu: boolean;
}

/** A competition's action log (modes/competition/persist.ts JSON lines), saved after every action. */
export interface CompetitionRecord {
  /** the setup's id */
  id: string;
  title: string;
  logText: string;
  /** last save, and the host's heartbeat while a question runs (a reload pauses the clock from here) */
  updatedAt: number;
  finished: boolean;
}

/** An unfinished test or game, saved on every step so a reload (or a sleeping headset) resumes it. */
export interface Progress {
  /** `${visitorId}:${zone}:${mode}` */
  key: string;
  updatedAt: number;
  state: unknown;
}

/** 'ok': IndexedDB is open and nothing is held; 'memory': writes are held (storage away, or catching up). */
export type StorageStatus = 'opening' | 'ok' | 'memory';

/** The app's only door to saved data. */
export interface HallStorage {
  readonly status: StorageStatus;
  /** why storage is in memory only, for the banner */
  readonly problem: string | null;
  /** writes IndexedDB has not taken yet (held in order, written through on the next success) */
  readonly held: number;
  /** false when the held writes no longer fit in localStorage: they would not survive a reload */
  readonly heldDurable: boolean;
  /** the saved settings were actually read from IndexedDB (false while it is away: nothing is known, e.g. the staff PIN) */
  readonly settingsKnown: boolean;
  /** what navigator.storage.persist() answered (null: not asked or not available) */
  readonly persisted: boolean | null;
  subscribe(fn: () => void): () => void;
  putVisitor(v: Visitor): Promise<void>;
  getVisitor(id: string): Promise<Visitor | undefined>;
  putAttempt(a: Attempt): Promise<void>;
  /** many attempts in one transaction (imports) */
  putAttempts(list: readonly Attempt[]): Promise<void>;
  putVisitors(list: readonly Visitor[]): Promise<void>;
  listAttempts(): Promise<Attempt[]>;
  getSettings(): Promise<Settings>;
  putProgress(p: Progress): Promise<void>;
  getProgress(key: string): Promise<Progress | undefined>;
  deleteProgress(key: string): Promise<void>;
  putSettings(patch: Settings): Promise<void>;
  /** every visitor (nicknames for leaderboards and exports) */
  listVisitors(): Promise<Visitor[]>;
  /** purge: removes these attempts / visitors (privacy) */
  deleteAttempts(ids: readonly string[]): Promise<void>;
  /**
   * Rows another writer (the results import's worker) put into IndexedDB: a deletion made earlier in
   * this session no longer hides them (a purge, then the backup imported, brings the results back).
   */
  restored(ids: { attempts: readonly string[]; visitors: readonly string[] }): Promise<void>;
  deleteVisitors(ids: readonly string[]): Promise<void>;
  putCompetition(c: CompetitionRecord): Promise<void>;
  getCompetition(id: string): Promise<CompetitionRecord | undefined>;
  /** newest first */
  listCompetitions(): Promise<CompetitionRecord[]>;
  deleteCompetitions(ids: readonly string[]): Promise<void>;
  /** writes through what is held; true when IndexedDB is open and nothing is held any more */
  retry(): Promise<boolean>;
}
