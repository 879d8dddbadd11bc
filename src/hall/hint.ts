// Whether this page came from a hall server (it marks index.html; a static copy of the app has no
// marker). Read synchronously at start, so a device-local app makes no request at all — no 404s in
// the console, nothing on the network. The name is protocol.ts's HALL_META, repeated here so the first
// screen's chunk does not pull in zod (a test keeps the two equal).

export const HALL_META_NAME = 'hall-server';

export function hallServerHint(doc: Pick<Document, 'querySelector'> = document): boolean {
  return doc.querySelector(`meta[name="${HALL_META_NAME}"]`) !== null;
}
