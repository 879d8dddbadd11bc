// Zone and audience-group names as hall staff write them in a sheet: the ids, the names the content
// files give them (zh-Hans, zh-Hant, en), and the short forms staff use (标志与手势, 驾驶人, 骑手 …).
// The short forms live here, in one list; the names come from the content, so a hall that adds a group
// gets its name accepted without code.
import type { Localized, ZoneId } from '../schema.ts';

/** Short forms staff write, by zone id and group id (a form naming a group the content lacks is skipped). */
export const SHORT_ZONE_NAMES: Record<ZoneId, readonly string[]> = {
  crossing: ['过街', '行人过街', '过马路'],
  ebike: ['电动车', '电瓶车', '电动自行车骑行'],
  drunk: ['酒驾', '醉驾', '毒驾', '酒驾醉驾'],
  blindspot: ['盲区', '内轮差', '大车盲区与内轮差'],
  seatbelt: ['安全带', '分心驾驶', '儿童安全座椅'],
  signals: ['标志与手势', '标志标线', '交警手势', '标志', '手势'],
};

export const SHORT_GROUP_NAMES: Record<string, readonly string[]> = {
  child: ['孩子', '小朋友', '小学生'],
  teen: ['中学生'],
  adult: ['成人', '成年人'],
  senior: ['老人', '长者'],
  rider: ['骑手', '骑行者', '外卖骑手', '电动车骑手', '骑车人'],
  driver: ['驾驶人', '司机', '驾驶员', '机动车司机'],
  pro: ['营运驾驶人', '货车驾驶人', '货车司机', '营运司机', '大车司机', '职业驾驶人'],
};

/** Words meaning "every group". */
export const ALL_GROUPS = ['所有人群', '全部', '所有', '全体', '全部人群', '所有人', 'all'];

export interface NameIndex {
  zone(name: string): ZoneId | null;
  /** group ids for one name ("所有人群" gives all of them), or null */
  groups(name: string): string[] | null;
  /** the accepted names, for messages: "行人过街 (crossing)、…" */
  zoneNames: string;
  groupNames: string;
  groupIds: readonly string[];
}

/** Spaces and case never matter; full-width letters count as their ASCII twins. */
export const normName = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function buildNameIndex(zones: readonly { id: ZoneId; title: Localized }[], groups: readonly { id: string; name: Localized }[]): NameIndex {
  const zoneMap = new Map<string, ZoneId>();
  const groupMap = new Map<string, string>();
  const add = <T>(m: Map<string, T>, name: string | undefined, id: T) => {
    if (name && !m.has(normName(name))) m.set(normName(name), id);
  };
  for (const z of zones) {
    add(zoneMap, z.id, z.id);
    for (const n of [z.title['zh-Hans'], z.title['zh-Hant'], z.title.en]) add(zoneMap, n, z.id);
    for (const n of SHORT_ZONE_NAMES[z.id] ?? []) add(zoneMap, n, z.id);
  }
  for (const g of groups) {
    add(groupMap, g.id, g.id);
    for (const n of [g.name['zh-Hans'], g.name['zh-Hant'], g.name.en]) add(groupMap, n, g.id);
    for (const n of SHORT_GROUP_NAMES[g.id] ?? []) add(groupMap, n, g.id);
  }
  const groupIds = groups.map((g) => g.id);
  const all = new Set(ALL_GROUPS.map(normName));
  return {
    zone: (name) => zoneMap.get(normName(name)) ?? null,
    groups: (name) => {
      const n = normName(name);
      if (all.has(n)) return [...groupIds];
      const id = groupMap.get(n);
      return id ? [id] : null;
    },
    zoneNames: zones.map((z) => `${z.title['zh-Hans']} (${z.id})`).join('、'),
    groupNames: `${groups.map((g) => `${g.name['zh-Hans']} (${g.id})`).join('、')}、所有人群`,
    groupIds,
  };
}
