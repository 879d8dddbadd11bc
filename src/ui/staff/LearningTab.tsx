// 学习效果: pre/post checks switched on for the hall or per visiting group, and the gain they show
// (scoring/learning.ts): per zone × group, per visiting group, per day, and the questions that do not
// rise after the zone. Device-local records (storage/learning.ts).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { DEFAULT_LEARNING, newId } from '../../modes/prePost.ts';
import { learningCsv, learningReport, type GainSummary, type LearningRecord } from '../../scoring/learning.ts';
import { localTime } from '../../scoring/exchange.ts';
import { learningRepo } from '../../storage/learning.ts';
import { switchActiveVisit } from '../../scoring/visitReport.ts';
import type { LearningSettings, VisitingGroup } from '../../storage/types.ts';
import { BarChart } from './charts.tsx';
import { ClassSheet } from './ClassSheet.tsx';
import { download, fileDate, useNames, useQuestionPrompts } from './common.tsx';

const KINDS: VisitingGroup['kind'][] = ['school', 'delivery', 'logistics', 'manufacturing', 'other'];
const f1 = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(1));
const ci = (g: GainSummary) => (g.ci ? `${g.ci[0].toFixed(1)} – ${g.ci[1].toFixed(1)}` : '—');

function useLearningSettings(): [LearningSettings | null, (patch: Partial<LearningSettings>) => Promise<void>] {
  const { storage } = useServices();
  const [s, setS] = useState<LearningSettings | null>(null);
  useEffect(() => {
    void storage.getSettings().then((x) => setS({ ...DEFAULT_LEARNING, ...x.learning }));
  }, [storage]);
  const save = async (patch: Partial<LearningSettings>) => {
    const next = { ...(s ?? DEFAULT_LEARNING), ...patch };
    setS(next);
    await storage.putSettings({ learning: next });
  };
  return [s, save];
}

function Settings({ s, save }: { s: LearningSettings; save: (p: Partial<LearningSettings>) => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<VisitingGroup['kind']>('school');
  const [pre, setPre] = useState<'follow' | 'on' | 'off'>('on');
  const [days, setDays] = useState(String(s.retestDays));
  const add = () => {
    const clean = name.trim().slice(0, 60);
    if (!clean) return;
    const v: VisitingGroup = { id: newId('vg'), name: clean, kind, preCheck: pre === 'follow' ? null : pre === 'on', createdAt: Date.now() };
    void save(switchActiveVisit({ ...s, visits: [...s.visits, v] }, v.id, v.createdAt));
    setName('');
  };
  return (
    <div className="panel" data-testid="learning-settings">
      <h2>{t('staff.learning.title')}</h2>
      <p className="hint">{t('staff.learning.intro')}</p>
      <label className="check">
        <input type="checkbox" checked={s.preCheck} data-testid="learning-hall-on" onChange={(e) => void save({ preCheck: e.target.checked })} />
        <span>{t('staff.learning.hallOn')}</span>
      </label>
      <label className="inline-field">
        <span>{t('staff.learning.retestDays')}</span>
        <input
          type="number"
          min={1}
          max={90}
          value={days}
          data-testid="learning-retest-days"
          onChange={(e) => setDays(e.target.value)}
          onBlur={() => void save({ retestDays: Math.min(90, Math.max(1, Math.round(Number(days)) || DEFAULT_LEARNING.retestDays)) })}
        />
      </label>
      <h3>{t('staff.learning.visits')}</h3>
      <div className="row wrap">
        <label className="inline-field">
          <span>{t('staff.learning.visitName')}</span>
          <input value={name} maxLength={60} data-testid="visit-name" onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        </label>
        <label className="inline-field">
          <span>{t('staff.learning.visitKind')}</span>
          <select value={kind} data-testid="visit-kind" onChange={(e) => setKind(e.target.value as VisitingGroup['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`staff.learning.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('staff.learning.visitPre')}</span>
          <select value={pre} data-testid="visit-pre" onChange={(e) => setPre(e.target.value as typeof pre)}>
            <option value="on">{t('staff.learning.on')}</option>
            <option value="off">{t('staff.learning.off')}</option>
            <option value="follow">{t('staff.learning.follow')}</option>
          </select>
        </label>
        <button type="button" className="primary" disabled={!name.trim()} data-testid="visit-add" onClick={add}>
          {t('staff.learning.add')}
        </button>
      </div>
      {s.visits.length > 0 && (
        <table className="table" data-testid="visit-list">
          <tbody>
            {s.visits.map((v) => (
              <tr key={v.id} data-active={v.id === s.activeVisit}>
                <td>{v.name}</td>
                <td>{t(`staff.learning.kinds.${v.kind}`)}</td>
                <td>
                  {t('staff.learning.visitPre')}: {v.preCheck === null ? t('staff.learning.follow') : v.preCheck ? t('staff.learning.on') : t('staff.learning.off')}
                </td>
                <td>
                  {v.id === s.activeVisit ? (
                    <button type="button" data-testid="visit-end" onClick={() => void save(switchActiveVisit(s, null, Date.now()))}>
                      {t('staff.learning.end')}
                    </button>
                  ) : (
                    <button type="button" data-testid={`visit-activate-${v.id}`} onClick={() => void save(switchActiveVisit(s, v.id, Date.now()))}>
                      {t('staff.learning.activate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p data-testid="visit-active">
        {t('staff.learning.active')}: <strong>{s.visits.find((v) => v.id === s.activeVisit)?.name ?? t('staff.learning.none')}</strong>
      </p>
    </div>
  );
}

function GainCells({ g }: { g: GainSummary }) {
  return (
    <>
      <td>{g.n}</td>
      <td>{f1(g.meanPre)}</td>
      <td>{f1(g.meanPost)}</td>
      <td data-testid="gain">{(g.gain > 0 ? '+' : '') + f1(g.gain)}</td>
      <td>{ci(g)}</td>
    </>
  );
}

export default function LearningTab() {
  const { t } = useTranslation();
  const [settings, save] = useLearningSettings();
  const [records, setRecords] = useState<LearningRecord[] | null>(null);
  const names = useNames();
  const prompt = useQuestionPrompts();
  useEffect(() => {
    void learningRepo()
      .list()
      .then(setRecords, () => setRecords([]));
  }, []);
  const report = useMemo(() => (records ? learningReport(records) : null), [records]);
  const visitName = (id: string) => settings?.visits.find((v) => v.id === id)?.name ?? id;
  const head = (
    <>
      <th>{t('staff.learning.n')}</th>
      <th>{t('staff.learning.pre')}</th>
      <th>{t('staff.learning.post')}</th>
      <th>{t('staff.learning.gain')}</th>
      <th>{t('staff.learning.ci')}</th>
    </>
  );
  return (
    <section className="staff-tab learning" data-testid="learning-tab">
      {settings && <Settings s={settings} save={save} />}
      {settings && <ClassSheet retestDays={settings.retestDays} visitName={settings.visits.find((v) => v.id === settings.activeVisit)?.name ?? null} />}
      {report && report.counts.pairs === 0 && report.counts.records === 0 ? (
        <p className="card" data-testid="learning-empty">
          {t('staff.learning.empty')}
        </p>
      ) : report ? (
        <>
          <div className="row wrap">
            <p data-testid="learning-counts">{t('staff.learning.counts', report.counts)}</p>
            <button
              type="button"
              data-testid="learning-csv"
              onClick={() => download(`learning-${fileDate()}.csv`, learningCsv(report, { zone: names.zone, group: names.group, visit: visitName }), 'text/csv;charset=utf-8')}
            >
              {t('staff.learning.csv')}
            </button>
          </div>
          <div className="stats-grid">
            <div className="panel">
              <h2>{t('staff.learning.byZoneGroup')}</h2>
              <BarChart
                testid="chart-learning"
                label={t('staff.learning.byZoneGroup')}
                labels={report.byZoneGroup.map((r) => `${names.zone(r.zone)} · ${names.group(r.group)}`)}
                series={[
                  { label: t('staff.learning.chartPre'), values: report.byZoneGroup.map((r) => Math.round(r.meanPre)) },
                  { label: t('staff.learning.chartPost'), values: report.byZoneGroup.map((r) => Math.round(r.meanPost)) },
                ]}
                max={100}
              />
              <table className="table" data-testid="learning-zone-group">
                <thead>
                  <tr>
                    <th>{t('staff.learning.zone')}</th>
                    <th>{t('staff.learning.group')}</th>
                    {head}
                  </tr>
                </thead>
                <tbody>
                  {report.byZoneGroup.map((r) => (
                    <tr key={r.key} data-zone={r.zone} data-group={r.group}>
                      <td>{names.zone(r.zone)}</td>
                      <td>{names.group(r.group)}</td>
                      <GainCells g={r} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="panel">
              <h2>{t('staff.learning.byVisit')}</h2>
              <table className="table" data-testid="learning-visit">
                <thead>
                  <tr>
                    <th>{t('staff.learning.visit')}</th>
                    {head}
                  </tr>
                </thead>
                <tbody>
                  {report.byVisit.map((r) => (
                    <tr key={r.key} data-visit={r.key}>
                      <td>{visitName(r.key)}</td>
                      <GainCells g={r} />
                    </tr>
                  ))}
                </tbody>
              </table>
              <h2>{t('staff.learning.byDay')}</h2>
              <BarChart
                testid="chart-learning-days"
                label={t('staff.learning.byDay')}
                labels={report.byDay.map((r) => localTime(r.day).slice(5, 10))}
                series={[{ label: t('staff.learning.gain'), values: report.byDay.map((r) => Math.round(r.gain)) }]}
              />
              <table className="table" data-testid="learning-day">
                <thead>
                  <tr>
                    <th>{t('staff.learning.day')}</th>
                    {head}
                  </tr>
                </thead>
                <tbody>
                  {report.byDay.map((r) => (
                    <tr key={r.key}>
                      <td>{localTime(r.day).slice(0, 10)}</td>
                      <GainCells g={r} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div className="panel">
            <h2>{t('staff.learning.notRising')}</h2>
            {report.notRising.length === 0 ? (
              <p>{t('staff.learning.noneNotRising')}</p>
            ) : (
              <table className="table" data-testid="learning-not-rising">
                <thead>
                  <tr>
                    <th>{t('staff.learning.question')}</th>
                    <th>{t('staff.learning.zone')}</th>
                    <th>{t('staff.learning.n')}</th>
                    <th>{t('staff.learning.preRate')}</th>
                    <th>{t('staff.learning.postRate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.notRising.map((i) => (
                    <tr key={i.question} data-question={i.question}>
                      <td>{prompt(i.question, names.lang)}</td>
                      <td>{names.zone(i.zone)}</td>
                      <td>{i.n}</td>
                      <td>{Math.round(i.preRate * 100)}%</td>
                      <td>{Math.round(i.postRate * 100)}%</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
