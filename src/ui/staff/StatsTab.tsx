// Hall statistics over a chosen period: per audience group or per zone — attempts, average, pass
// rate, score distribution, most-missed questions (with their prompts), most frequent unsafe events.
// Charts and tables show the same figures (the tables are what a screen reader reads).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../app/context.tsx';
import { MODE_IDS, ZONE_IDS, type ModeId } from '../../content/ids.ts';
import { DEVICE_KINDS, type DeviceKind } from '../../hall/protocol.ts';
import type { ServerStats } from '../../hall/staffApi.ts';
import { hallStats, type HallStats, type Summary } from '../../scoring/stats.ts';
import { BarChart } from './charts.tsx';
import { num1, pct, PeriodPicker, periodOf, Segmented, useDataVersion, useHallData, useNames, useQuestionPrompts, useUnsafeRule, type PeriodId } from './common.tsx';
import { HallServerPanel } from './HallServerPanel.tsx';
import { useHallStaff } from './useHall.ts';

type By = 'group' | 'zone';

export default function StatsTab() {
  const { t } = useTranslation();
  const data = useHallData();
  const catalog = useCatalog();
  const names = useNames();
  const unsafe = useUnsafeRule();
  const prompt = useQuestionPrompts();
  const [period, setPeriod] = useState<PeriodId>('week');
  const [mode, setMode] = useState<ModeId | 'any'>('any');
  const [by, setBy] = useState<By>('group');
  const [focus, setFocus] = useState<string>('');
  const [kind, setKind] = useState<DeviceKind | 'any'>('any');
  // signed in to the hall server: the whole hall's figures, computed there by the same functions
  const hall = useHallStaff();
  const { version } = useDataVersion();
  const [server, setServer] = useState<ServerStats | null>(null);
  useEffect(() => {
    if (!hall) return setServer(null);
    let live = true;
    setServer(null);
    void hall
      .flush()
      .then(() => hall.staff.stats({ period, mode: mode === 'any' ? undefined : mode, kind: kind === 'any' ? undefined : kind }))
      .then((s) => live && setServer(s))
      .catch(() => live && hall.state.setState({ staff: 'signedOut' }));
    return () => {
      live = false;
    };
  }, [hall, period, mode, kind, version]);

  const local = useMemo(
    () => (data && !hall ? hallStats(data.attempts, { period: periodOf(period), mode: mode === 'any' ? undefined : mode, unsafe, top: 10 }) : null),
    [data, hall, period, mode, unsafe],
  );
  const stats: HallStats | null = hall ? (server?.stats ?? null) : local;
  if (!stats)
    return (
      <section className="staff-tab stats" data-testid="stats">
        <HallServerPanel />
        <p className="card">{t('staff.stats.loading')}</p>
      </section>
    );

  // in the hall's own order (groups.json, zone ids), unknown ids last
  const order: readonly string[] = by === 'group' ? catalog.groups.map((g) => g.id) : ZONE_IDS;
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const rows = Object.entries(by === 'group' ? stats.byGroup : stats.byZone).sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1));
  const nameOf = (id: string) => (by === 'group' ? names.group(id) : names.zone(id));
  const focused: Summary = (focus && (by === 'group' ? stats.byGroup[focus] : stats.byZone[focus])) || stats.overall;
  const o = stats.overall;

  return (
    <section className="staff-tab stats" data-testid="stats" data-source={hall ? 'hall' : 'device'}>
      <HallServerPanel />
      <p className="hint" data-testid="stats-source">
        {hall ? t('hallServer.sourceHall') : t('hallServer.sourceDevice')}
        {server && ` · ${t('hallServer.byKind', { list: DEVICE_KINDS.filter((k) => server.byDeviceKind[k]).map((k) => `${t(`hallServer.kinds.${k}`)} ${server.byDeviceKind[k]}`).join('、') || '—' })}`}
      </p>
      {!hall && data && data.implausible.length > 0 && (
        <details className="notice notice-warning" data-testid="stats-implausible">
          <summary>{t('staff.stats.implausible', { n: data.implausible.length })}</summary>
          <ul className="problems">
            {data.implausible.slice(0, 10).map(({ attempt, why }) => (
              <li key={attempt.id}>
                <code>{`${attempt.id}: ${why}`}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="toolbar">
        <PeriodPicker value={period} onChange={setPeriod} />
        <label className="inline-field">
          <span>{t('staff.mode.label')}</span>
          <select value={mode} data-testid="stats-mode" onChange={(e) => setMode(e.target.value as ModeId | 'any')}>
            <option value="any">{t('staff.mode.all')}</option>
            {MODE_IDS.map((m) => (
              <option key={m} value={m}>
                {t(`modes.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {hall && (
          <label className="inline-field">
            <span>{t('hallServer.kindFilter')}</span>
            <select value={kind} data-testid="stats-kind" onChange={(e) => setKind(e.target.value as DeviceKind | 'any')}>
              <option value="any">{t('hallServer.allKinds')}</option>
              {DEVICE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`hallServer.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <Segmented
          value={by}
          onChange={(v) => {
            setBy(v);
            setFocus('');
          }}
          label={t('staff.stats.by')}
          testid="stats-by"
          options={[
            { id: 'group', label: t('staff.stats.byGroup') },
            { id: 'zone', label: t('staff.stats.byZone') },
          ]}
        />
      </div>

      <dl className="kpis" data-testid="stats-kpis">
        <div>
          <dt>{t('staff.stats.attempts')}</dt>
          <dd data-testid="kpi-attempts">{o.attempts}</dd>
        </div>
        <div>
          <dt>{t('staff.stats.visitors')}</dt>
          <dd>{o.visitors}</dd>
        </div>
        <div>
          <dt>{t('staff.stats.average')}</dt>
          <dd>{num1(o.averageScore)}</dd>
        </div>
        <div>
          <dt>{t('staff.stats.passRate')}</dt>
          <dd>{pct(o.passRate)}</dd>
        </div>
      </dl>

      {o.attempts === 0 ? (
        <p className="card" data-testid="stats-empty">
          {t('staff.stats.none')}
        </p>
      ) : (
        <>
          <div className="stats-grid">
            <div className="panel">
              <h2>{t('staff.stats.chartAverage')}</h2>
              <BarChart
                testid="chart-by"
                label={t('staff.stats.chartAverage')}
                labels={rows.map(([id]) => nameOf(id))}
                max={100}
                series={[
                  { label: t('staff.stats.average'), values: rows.map(([, s]) => s.averageScore) },
                  { label: `${t('staff.stats.passRate')} (%)`, values: rows.map(([, s]) => (s.passRate === null ? null : Math.round(s.passRate * 100))) },
                ]}
              />
            </div>
            <div className="panel">
              <table className="table" data-testid="stats-table">
                <thead>
                  <tr>
                    <th scope="col">{by === 'group' ? t('staff.stats.group') : t('staff.stats.zone')}</th>
                    <th scope="col">{t('staff.stats.attempts')}</th>
                    <th scope="col">{t('staff.stats.visitors')}</th>
                    <th scope="col">{t('staff.stats.average')}</th>
                    <th scope="col">{t('staff.stats.passRate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(([id, s]) => (
                    <tr key={id} data-testid={`stats-row-${id}`}>
                      <th scope="row">{nameOf(id)}</th>
                      <td data-col="attempts">{s.attempts}</td>
                      <td>{s.visitors}</td>
                      <td data-col="average">{num1(s.averageScore)}</td>
                      <td>{pct(s.passRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>

          <div className="toolbar">
            <label className="inline-field">
              <span>{t('staff.stats.focus')}</span>
              <select value={focus} data-testid="stats-focus" onChange={(e) => setFocus(e.target.value)}>
                <option value="">{t('staff.stats.everything')}</option>
                {rows.map(([id]) => (
                  <option key={id} value={id}>
                    {nameOf(id)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="stats-grid">
            <div className="panel">
              <h2>{t('staff.stats.distribution')}</h2>
              <BarChart
                testid="chart-distribution"
                label={t('staff.stats.distribution')}
                labels={focused.distribution.map((_, i) => (i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`))}
                series={[{ label: t('staff.stats.attempts'), values: focused.distribution }]}
              />
            </div>
            <div className="panel">
              <h2>{t('staff.stats.unsafe')}</h2>
              {focused.unsafeEvents.length === 0 ? (
                <p className="hint">{t('staff.stats.noUnsafe')}</p>
              ) : (
                <table className="table" data-testid="stats-unsafe">
                  <thead>
                    <tr>
                      <th scope="col">{t('staff.stats.event')}</th>
                      <th scope="col">{t('staff.stats.count')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {focused.unsafeEvents.map((e) => (
                      <tr key={e.kind}>
                        <th scope="row">{names.event(e.kind)}</th>
                        <td>{e.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
          <div className="panel">
            <h2>{t('staff.stats.mostMissed')}</h2>
            {focused.mostMissed.length === 0 ? (
              <p className="hint">{t('staff.stats.noMissed')}</p>
            ) : (
              <>
                <BarChart
                  testid="chart-missed"
                  horizontal
                  unit="%"
                  max={100}
                  label={t('staff.stats.mostMissed')}
                  labels={focused.mostMissed.map((m) => clip(prompt(m.question, names.lang), 28))}
                  series={[{ label: t('staff.stats.rate'), values: focused.mostMissed.map((m) => Math.round(m.rate * 100)) }]}
                />
                <table className="table" data-testid="stats-missed">
                  <thead>
                    <tr>
                      <th scope="col">{t('staff.stats.question')}</th>
                      <th scope="col">{t('staff.stats.missed')}</th>
                      <th scope="col">{t('staff.stats.asked')}</th>
                      <th scope="col">{t('staff.stats.rate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {focused.mostMissed.map((m) => (
                      <tr key={m.question} data-question={m.question}>
                        <th scope="row">{prompt(m.question, names.lang)}</th>
                        <td>{m.missed}</td>
                        <td>{m.asked}</td>
                        <td>{pct(m.rate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
