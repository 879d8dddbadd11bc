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
}

/** An unfinished test or game, saved on every step so a reload (or a sleeping headset) resumes it. */
export interface Progress {
  /** `${visitorId}:${zone}:${mode}` */
  key: string;
  updatedAt: number;
  state: unknown;
}

export type StorageStatus = 'opening' | 'ok' | 'memory';

/** The app's only door to saved data. */
export interface HallStorage {
  readonly status: StorageStatus;
  /** why storage is in memory only, for the banner */
  readonly problem: string | null;
  subscribe(fn: () => void): () => void;
  putVisitor(v: Visitor): Promise<void>;
  getVisitor(id: string): Promise<Visitor | undefined>;
  putAttempt(a: Attempt): Promise<void>;
  listAttempts(): Promise<Attempt[]>;
  getSettings(): Promise<Settings>;
  putProgress(p: Progress): Promise<void>;
  getProgress(key: string): Promise<Progress | undefined>;
  deleteProgress(key: string): Promise<void>;
  putSettings(patch: Settings): Promise<void>;
  /** saves what was held in memory once storage works again; true when nothing is pending */
  retry(): Promise<boolean>;
}
