// Hash routes (a contract: kiosks, teachers' links and tests use them):
//   #/  #/hall  #/zone/<zoneId>?mode=<game|test|competition>  #/staff
// plus deep-link parameters group=<groupId>&lang=<zh-Hans|zh-Hant|en> on any route.
import { MODE_IDS, type ModeId } from '../content/ids.ts';

export type Route =
  | { name: 'start' }
  | { name: 'hall' }
  | { name: 'zone'; zoneId: string; mode: string }
  | { name: 'staff' }
  /** development and benchmark views of the 3D kit (#/lab/<id>): not a product screen */
  | { name: 'lab'; id: string }
  | { name: 'notFound'; path: string };

export interface Parsed {
  route: Route;
  params: Record<string, string>;
}

export function parseHash(hash: string): Parsed {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/\/+$/, '') || '/';
  const params: Record<string, string> = {};
  if (q >= 0) new URLSearchParams(raw.slice(q + 1)).forEach((v, k) => (params[k] = v));
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let route: Route;
  if (parts.length === 0) route = { name: 'start' };
  else if (parts[0] === 'hall' && parts.length === 1) route = { name: 'hall' };
  else if (parts[0] === 'staff' && parts.length === 1) route = { name: 'staff' };
  else if (parts[0] === 'lab' && parts.length === 2) route = { name: 'lab', id: parts[1]! };
  else if (parts[0] === 'zone' && parts.length === 2) route = { name: 'zone', zoneId: parts[1]!, mode: params.mode ?? 'game' };
  else route = { name: 'notFound', path };
  return { route, params };
}

export function isMode(id: string): id is ModeId {
  return (MODE_IDS as readonly string[]).includes(id);
}

/** The hash for a route; deep-link parameters are kept only when asked (they describe a station). */
export function hashFor(route: Route, params: Record<string, string> = {}): string {
  let path: string;
  const query = new URLSearchParams();
  switch (route.name) {
    case 'start':
      path = '/';
      break;
    case 'hall':
      path = '/hall';
      break;
    case 'staff':
      path = '/staff';
      break;
    case 'lab':
      path = `/lab/${encodeURIComponent(route.id)}`;
      break;
    case 'zone':
      path = `/zone/${encodeURIComponent(route.zoneId)}`;
      query.set('mode', route.mode);
      break;
    case 'notFound':
      path = route.path;
  }
  for (const [k, v] of Object.entries(params)) if (k !== 'mode') query.set(k, v);
  const qs = query.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}
