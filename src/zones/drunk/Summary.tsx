// The end of the drunk zone on a screen: the two drives side by side on the road (where each saw
// the child and where it stood, or hit), their numbers as the engine measured them, the chosen
// level's effects and crash risk in sourced words, the legal consequences for this visitor's vehicle
// and job as the zone file words them, the demonstration model labelled 示意, and drug driving.
import type { Lang } from '../../content/ids.ts';
import { text } from '../../content/ids.ts';
import type { Source } from '../../content/schema.ts';
import type { ZoneHudProps } from '../module.ts';
import type { DrunkActions, DrunkHud } from './module.ts';
import type { Comparison, DriveTexts } from './rules.ts';
import { fill, one, runNumbers } from './words.ts';
import './drunk.css';

const RUN_COLOUR = { sober: '#4dabf7', drunk: '#ff6b6b' } as const;

function SourceLine({ source, t, lang }: { source: Source; t: DriveTexts; lang: Lang }) {
  return (
    <span className="source">{fill(t.source, lang, { law: text(source.law, lang), facts: source.facts.join(', ') })}</span>
  );
}

/** Two rows on one stretch of road: each drive from seeing the child to standing (or the hit), and the child's line across both. */
function RoadMarks({ c, t, lang }: { c: Comparison; t: DriveTexts; lang: Lang }) {
  const runs = (['sober', 'drunk'] as const).map((r) => ({ r, m: c.runs[r] }));
  const xs = [c.hazard.x];
  for (const { m } of runs) {
    if (m?.onsetFront) xs.push(m.onsetFront.x);
    if (m?.stop) xs.push(m.stop.x);
    if (m?.hazardAt) xs.push(m.hazardAt.x);
  }
  const x0 = Math.min(...xs) - 3;
  const x1 = Math.max(...xs) + 3;
  const W = 600;
  const sx = (x: number) => ((x - x0) / (x1 - x0)) * (W - 20) + 10;
  const child = sx(c.hazard.x);
  return (
    <svg className="drunk-road" viewBox={`0 0 ${W} 96`} role="img" aria-label={text(t.comparisonTitle, lang)} data-testid="drunk-road">
      <rect x={0} y={8} width={W} height={80} fill="#3a3f45" rx={6} />
      <line x1={child} x2={child} y1={4} y2={92} stroke="#ffd43b" strokeWidth={3} strokeDasharray="6 4" />
      <text x={child + 5} y={92} fill="#ffd43b" fontSize={12}>
        {text(t.child, lang)}
      </text>
      {runs.map(({ r, m }, i) => {
        const y = 26 + i * 36;
        const from = m?.onsetFront ? sx(m.onsetFront.x) : null;
        const end = m?.hit ? (m.hazardAt ? sx(m.hazardAt.x) : child) : m?.stop ? sx(m.stop.x) : null;
        return (
          <g key={r} data-testid={`drunk-mark-${r}`} data-stop={m?.stop ? one(m.stop.x) : ''} data-hit={m?.hit ? '1' : '0'}>
            <text x={6} y={y - 8} fill={RUN_COLOUR[r]} fontSize={12} fontWeight={700}>
              {text(t[r], lang)}
            </text>
            {from !== null && end !== null && <line x1={from} x2={end} y1={y} y2={y} stroke={RUN_COLOUR[r]} strokeWidth={6} strokeLinecap="round" />}
            {from !== null && <circle cx={from} cy={y} r={5} fill="#fff" />}
            {end !== null && (m?.hit ? <text x={end - 7} y={y + 6} fill="#ff8787" fontSize={20} fontWeight={900}>✕</text> : <rect x={end - 2} y={y - 12} width={5} height={24} fill={RUN_COLOUR[r]} />)}
          </g>
        );
      })}
    </svg>
  );
}

export function DrunkSummary({ hud, lang }: ZoneHudProps<DrunkHud, DrunkActions>) {
  const end = hud.end;
  if (!end) return null;
  const t = hud.texts;
  const { comparison: c, legal } = end;
  const rows = { sober: runNumbers(c.runs.sober, t, lang), drunk: runNumbers(c.runs.drunk, t, lang) };
  const model = c.model;
  return (
    <div className="drunk-summary" data-testid="drunk-summary">
      <h3>{text(t.comparisonTitle, lang)}</h3>
      <RoadMarks c={c} t={t} lang={lang} />
      <table className="drunk-numbers" data-testid="drunk-numbers">
        <thead>
          <tr>
            <th />
            <th style={{ color: RUN_COLOUR.sober }}>{text(t.sober, lang)}</th>
            <th style={{ color: RUN_COLOUR.drunk }}>
              {text(t.drunk, lang)} {c.level ? text(c.level.label, lang) : ''}
            </th>
          </tr>
        </thead>
        <tbody>
          {(['reaction', 'stopping', 'speed'] as const).map((k) => (
            <tr key={k} data-testid={`drunk-row-${k}`}>
              <th>{text(t[k], lang)}</th>
              <td data-run="sober">{rows.sober[k]}</td>
              <td data-run="drunk">{rows.drunk[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{text(t.measuredNote, lang)}</p>

      <h3>
        {text(t.levelTitle, lang)}: {c.level ? `${text(c.level.label, lang)} · ${text(legal.categoryLabel, lang)}` : ''}
      </h3>
      <p data-testid="drunk-effects">
        {text(legal.effects.text, lang)} <SourceLine source={legal.effects.source} t={t} lang={lang} />
      </p>
      {legal.risk && (
        <p data-testid="drunk-risk">
          {text(legal.risk.text, lang)} <SourceLine source={legal.risk.source} t={t} lang={lang} />
        </p>
      )}

      <h3>{text(t.legalTitle, lang)}</h3>
      <ul className="drunk-legal" data-testid="drunk-legal">
        {legal.paragraphs.map((p, i) => (
          <li key={i}>
            {text(p.text, lang)} <SourceLine source={p.source} t={t} lang={lang} />
          </li>
        ))}
      </ul>

      <h3>{text(legal.drugs.title, lang)}</h3>
      <ul className="drunk-legal" data-testid="drunk-drugs">
        {legal.drugs.paragraphs.map((p, i) => (
          <li key={i}>
            {text(p.text, lang)} <SourceLine source={p.source} t={t} lang={lang} />
          </li>
        ))}
      </ul>

      <details className="drunk-model" data-testid="drunk-model">
        <summary>{text(t.modelTitle, lang)}</summary>
        <p>{text(legal.demoNote, lang)}</p>
        {model && c.level && (
          <p>
            {fill(t.model, lang, {
              delay: one(model.delay),
              jitter: one(model.delayJitter),
              lag: one(model.steerLag),
              noise: Math.round(model.brakeNoise * 100),
              fov: Math.round(end.fov * 100),
            })}
          </p>
        )}
      </details>
    </div>
  );
}
