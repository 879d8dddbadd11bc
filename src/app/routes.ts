// Hash routes (a contract: kiosks, teachers' links and tests use them):
//   #/  #/hall  #/zone/<zoneId>?mode=<game|test|competition>  #/staff
//   #/join?code=<join code>  (a live competition on the hall server: the big screen's QR opens it)
// plus deep-link parameters group=<groupId>&lang=<zh-Hans|zh-Hant|en> on any route.
import { MODE_IDS, type ModeId } from '../content/ids.ts';

export type Route =
  | { name: 'start' }
  | { name: 'hall' }
  | { name: 'zone'; zoneId: string; mode: string }
  | { name: 'staff' }
  /** joining a live competition (code in the parameters) and then playing it on this device */
  | { name: 'join' }
  /** development and benchmark views of the 3D kit (#/lab/<id>): not a product screen */
  | { name: 'lab'; id: string }
  | { name: 'notFound'; path: string };

/** the 3D kit's development views (three/World.tsx lazy-loads each): any other #/lab/<id> is not found */
export const LAB_IDS = ['junction'] as const;

export interface Parsed {
  route: Route;
  params: Record<string, string>;
}

/** decodeURIComponent that answers null instead of throwing on a broken escape ("%", "%E0%A4%A") */
function decodePart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Never throws: whatever is typed after the # (a hand-edited link, a damaged QR code) is a route. */
export function parseHash(hash: string): Parsed {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/\/+$/, '') || '/';
  const params: Record<string, string> = {};
  // URLSearchParams keeps a broken escape as it is rather than throwing
  if (q >= 0) new URLSearchParams(raw.slice(q + 1)).forEach((v, k) => (params[k] = v));
  const decoded = path.split('/').filter(Boolean).map(decodePart);
  if (decoded.some((p) => p === null)) return { route: { name: 'notFound', path }, params };
  const parts = decoded as string[];
  let route: Route;
  if (parts.length === 0) route = { name: 'start' };
  else if (parts[0] === 'hall' && parts.length === 1) route = { name: 'hall' };
  else if (parts[0] === 'staff' && parts.length === 1) route = { name: 'staff' };
  else if (parts[0] === 'join' && parts.length === 1) route = { name: 'join' };
  else if (parts[0] === 'lab' && parts.length === 2 && (LAB_IDS as readonly string[]).includes(parts[1]!)) route = { name: 'lab', id: parts[1]! };
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
    case 'join':
      path = '/join';
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
