// The zone file's words with the engine's numbers put in: "{v} m" → "12.4 m". Pure (both skins
// and the summary use it); numbers are shown to one decimal, as measured.
import { text, type Lang, type LocalizedText } from '../../content/ids.ts';
import type { RunMeasure } from './hazard.ts';
import type { DriveTexts } from './route.ts';

export function fill(l: LocalizedText, lang: Lang, vars: Record<string, string | number> = {}): string {
  return text(l, lang).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export const one = (v: number): string => (Math.round(v * 10) / 10).toFixed(1);

/** One drive's numbers in words: [reaction, stopping distance, speed], or one line saying why there are none. */
export function runNumbers(m: RunMeasure | null, t: DriveTexts, lang: Lang): { reaction: string; stopping: string; speed: string } {
  if (!m || m.onsetT === null) {
    const none = fill(t.notMet, lang);
    return { reaction: none, stopping: '—', speed: '—' };
  }
  const reaction = m.reactionS === null ? fill(t.noBrake, lang) : fill(t.seconds, lang, { v: one(m.reactionS) });
  const stopping = m.hit ? fill(t.hit, lang, { v: one(m.hitKmh ?? 0) }) : m.stoppingM === null ? '—' : fill(t.metres, lang, { v: one(m.stoppingM) });
  return { reaction, stopping, speed: fill(t.kmh, lang, { v: one(m.speedKmh) }) };
}
