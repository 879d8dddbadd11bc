// The staff console's side of the hall server: sign in with the hall PIN (or set it with the setup
// code), then statistics, exports, kiosk settings, questions and purge for the whole hall. The
// session is an httpOnly cookie: this code never sees it.
import { z } from 'zod';
import type { HallStats } from '../scoring/stats.ts';
import { callEmpty, callJson, statsParams, type Fetch } from './api.ts';
import type { StatsQuery } from './protocol.ts';
import { roomInfoSchema, type RoomInfo } from './live.ts';

const sessionSchema = z.object({ signedIn: z.boolean(), expiresAt: z.number().nullable().optional() });
const summaryShape = z.looseObject({ attempts: z.number() });
const statsSchema = z.object({
  stats: z.looseObject({
    period: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
    overall: summaryShape,
    byGroup: z.record(z.string(), summaryShape),
    byZone: z.record(z.string(), summaryShape),
    byGroupZone: z.record(z.string(), z.record(z.string(), summaryShape)),
  }),
  byDeviceKind: z.record(z.string(), z.number()),
});
const roomsSchema = z.object({ rooms: z.array(roomInfoSchema.extend({ phase: z.string(), players: z.number() })) });
const purgeSchema = z.object({ attempts: z.number(), visitors: z.number() });

export interface ServerStats {
  stats: HallStats;
  byDeviceKind: Record<string, number>;
}

export interface StaffApi {
  session(): Promise<{ signedIn: boolean }>;
  login(pin: string): Promise<void>;
  setup(code: string, pin: string): Promise<void>;
  logout(): Promise<void>;
  stats(q: Partial<StatsQuery>): Promise<ServerStats>;
  /** a same-origin link for a download (the cookie goes with it) */
  exportUrl(format: 'csv' | 'json', q: Partial<StatsQuery>): string;
  putKiosk(k: { attract: boolean; idleSeconds: number; blockContextMenu: boolean }): Promise<void>;
  putQuestions(questions: unknown[]): Promise<{ count: number }>;
  purge(olderThanDays?: number): Promise<{ attempts: number; visitors: number }>;
  /** a live competition room (join code for the big screen) */
  createRoom(title: string): Promise<RoomInfo>;
  /** the hall's live rooms not finished yet (a console reloaded mid-competition hosts its room again) */
  rooms(): Promise<(RoomInfo & { phase: string; players: number })[]>;
}

export function staffApi(base = '', f: Fetch = (...a) => fetch(...a)): StaffApi {
  return {
    session: () => callJson(f, base, sessionSchema, 'GET', '/api/staff/session'),
    login: (pin) => callEmpty(f, base, 'POST', '/api/staff/login', { pin }),
    setup: (code, pin) => callEmpty(f, base, 'POST', '/api/staff/setup', { code, pin }),
    logout: () => callEmpty(f, base, 'POST', '/api/staff/logout'),
    async stats(q) {
      const r = await callJson(f, base, statsSchema, 'GET', `/api/staff/stats${statsParams(q)}`);
      const p = r.stats.period;
      // JSON has no Infinity: open ends come back as null
      const stats = { ...r.stats, period: { from: p.from ?? -Infinity, to: p.to ?? Infinity } } as unknown as HallStats;
      return { stats, byDeviceKind: r.byDeviceKind };
    },
    exportUrl: (format, q) => `${base}/api/staff/export.${format}${statsParams(q)}`,
    putKiosk: (k) => callEmpty(f, base, 'PUT', '/api/staff/settings/kiosk', k),
    putQuestions: (questions) => callJson(f, base, z.object({ count: z.number() }), 'PUT', '/api/staff/questions', { questions }),
    createRoom: (title) => callJson(f, base, roomInfoSchema, 'POST', '/api/staff/rooms', { title }),
    rooms: async () => (await callJson(f, base, roomsSchema, 'GET', '/api/staff/rooms')).rooms,
    purge: (days) => callJson(f, base, purgeSchema, 'DELETE', `/api/staff/attempts${days === undefined ? '' : `?olderThanDays=${days}`}`),
  };
}
