// What a seat-belt station's panel says, as lines, for both skins (the flat panel and the headset's):
// the story before a choice, and a result's measured lines (from the crash model or the engine's
// meter) followed by the zone file's sourced figures. The numbers are the view's; the words are UI
// strings and the zone file's texts.
import type { TFunction } from 'i18next';
import { text, type Lang } from '../../content/ids.ts';
import type { CrashPair, StationView } from './station.ts';
import type { Figure } from './stations.ts';
import type { DriveMeasure } from './drive.ts';

const m1 = (v: number): string => (Math.round(v * 10) / 10).toFixed(1);

/** A sourced figure: its words and its facts items. */
export const figureLine = (f: Figure, t: TFunction, lang: Lang): string => `${text(f.text, lang)} (${t('seatbelt.source', { facts: f.facts.join(', ') })})`;

/** Each side of a crash pair: whose, and what the model's occupant met. */
export function pairLines(pair: CrashPair, t: TFunction, lang: Lang, beltLabels: boolean, buckled: boolean): string[] {
  return pair.runs.map((run, i) => {
    const label = pair.labels[i] ? text(pair.labels[i]!, lang) : beltLabels ? t((i === 0) === buckled ? 'seatbelt.withBelt' : 'seatbelt.withoutBelt') : '';
    const yours = pair.yours === i ? ` (${t('seatbelt.you')})` : '';
    const what = run.metrics.hitT !== null ? t('seatbelt.hitAt') : t('seatbelt.held');
    return `${label}${yours}: ${what}`;
  });
}

/** A measured drive's lines: reaction, braking, stopping, driven blind, how it ended. */
export function driveLines(m: DriveMeasure, t: TFunction): string[] {
  const out: string[] = [];
  if (m.reactionS !== null && m.reactionM !== null) out.push(t('seatbelt.reaction', { s: m1(m.reactionS), m: m1(m.reactionM) }));
  else if (m.onsetT !== null) out.push(t('seatbelt.noReaction'));
  if (m.brakingM !== null) out.push(t('seatbelt.braking', { m: m1(m.brakingM) }));
  if (m.stoppingM !== null) out.push(t('seatbelt.stopping', { m: m1(m.stoppingM) }));
  if (m.blindM > 0.05) out.push(t('seatbelt.blind', { m: m1(m.blindM) }));
  if (m.hit && m.hitKmh !== null) out.push(t('seatbelt.hit', { v: Math.round(m.hitKmh) }));
  else if (m.gapM !== null && m.gapM >= 0) out.push(t('seatbelt.gap', { m: m1(m.gapM) }));
  return out;
}

export interface PanelText {
  /** the story or the drive's title */
  lead: string;
  /** measured lines of a result */
  lines: string[];
  /** the file's sourced figures and rules */
  figures: string[];
}

/** The panel's text for the station's current stage. */
export function stationText(v: StationView, t: TFunction, lang: Lang): PanelText {
  const figures = (list: readonly Figure[]) => list.map((f) => figureLine(f, t, lang));
  switch (v.kind) {
    case 'crash-test':
      return {
        lead: text(v.intro, lang),
        lines: v.stage === 'result' && v.pair ? pairLines(v.pair, t, lang, true, v.buckled) : [],
        figures: figures(v.figures),
      };
    case 'child-seat':
      return {
        lead: text(v.intro, lang),
        lines: v.stage === 'result' && v.pair ? pairLines(v.pair, t, lang, false, false) : [],
        figures: [...figures(v.rules), ...figures(v.figures)],
      };
    case 'phone-drive': {
      const d = v.drives[v.drive]!;
      const lines: string[] = [];
      if (v.stage === 'result')
        for (const x of v.drives)
          if (x.measure) lines.push(`${text(x.title, lang)}: ${driveLines(x.measure, t).join(' · ')}`);
      if (v.stage === 'result') lines.push(t('seatbelt.glance', { s: v.glance.seconds, v: Math.round(v.glance.speedKmh), m: Math.round(v.glance.metres) }));
      return { lead: text(d.title, lang), lines, figures: figures(v.figures) };
    }
    case 'stopping': {
      const r = v.runs[v.run]!;
      const lines: string[] = [];
      if (v.stage === 'result') {
        if (r.measure) lines.push(`${t(`seatbelt.surface.${r.surface}`)} · ${t('seatbelt.kmh', { v: r.speedKmh })}: ${driveLines(r.measure, t).join(' · ')}`);
        if (r.reference) lines.push(t('seatbelt.reference', { r: m1(r.reference.reactionM), b: m1(r.reference.brakingM), t: m1(r.reference.totalM) }));
        lines.push(t('seatbelt.legend'));
      }
      return { lead: text(r.title, lang), lines, figures: figures(v.figures) };
    }
  }
}
