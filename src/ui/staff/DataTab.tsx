// Results out (CSV for spreadsheets, JSON for another kiosk), in (a JSON export merged without
// duplicates) and away (purge everything or what is older than N days, after a confirmation).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSession } from '../../app/context.tsx';
import { purge, purgeVisitors, toCsv, toJson } from '../../scoring/exchange.ts';
import { startImport, type ImportJob, type ImportStage } from '../../scoring/importJob.ts';
import { MAX_IMPORT_BYTES, sizeProblem } from '../../scoring/importPlan.ts';
import { ProgressBar } from '../flat/ProgressBar.tsx';
import { inPeriod } from '../../scoring/stats.ts';
import type { CompetitionRecord } from '../../storage/types.ts';
import { download, fileDate, PeriodPicker, periodOf, useDataVersion, useDialogKeys, useHallData, type PeriodId } from './common.tsx';
import { HallServerPanel } from './HallServerPanel.tsx';
import { useHallStaff } from './useHall.ts';
import { HealthPanel } from './HealthPanel.tsx';

const DAY_MS = 86_400_000;

type Notice = { tone: 'ok' | 'error'; text: string; details?: string[] };

function ExportPanel() {
  const { t } = useTranslation();
  const data = useHallData();
  const [period, setPeriod] = useState<PeriodId>('all');
  const chosen = useMemo(() => (data ? data.allAttempts.filter((a) => inPeriod(a, periodOf(period))) : []), [data, period]);
  // signed in to the hall server: the files come from it, with every device's results
  const hall = useHallStaff();
  const [serverCount, setServerCount] = useState<number | null>(null);
  useEffect(() => {
    if (!hall) return setServerCount(null);
    let live = true;
    void hall
      .flush()
      .then(() => hall.staff.stats({ period }))
      .then((s) => live && setServerCount(s.stats.overall.attempts))
      .catch(() => live && hall.state.setState({ staff: 'signedOut' }));
    return () => {
      live = false;
    };
  }, [hall, period]);
  return (
    <div className="panel" data-testid="export" data-source={hall ? 'hall' : 'device'}>
      <h2>{t('staff.data.export')}</h2>
      <PeriodPicker value={period} onChange={setPeriod} testid="export-period" />
      <p data-testid="export-count">
        {t('staff.data.exportCount', { n: hall ? (serverCount ?? '…') : chosen.length })}
        {' · '}
        {hall ? t('hallServer.sourceHall') : t('hallServer.sourceDevice')}
      </p>
      {hall ? (
        <div className="actions">
          <a className="button primary" href={hall.staff.exportUrl('csv', { period })} download data-testid="export-csv">
            {t('staff.data.exportCsv')}
          </a>
          <a className="button" href={hall.staff.exportUrl('json', { period })} download data-testid="export-json">
            {t('staff.data.exportJson')}
          </a>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="primary"
            data-testid="export-csv"
            disabled={!data}
            onClick={() => data && download(`hall-results-${fileDate()}.csv`, toCsv(chosen, data.visitors), 'text/csv;charset=utf-8')}
          >
            {t('staff.data.exportCsv')}
          </button>
          <button
            type="button"
            data-testid="export-json"
            disabled={!data}
            onClick={() => data && download(`hall-results-${fileDate()}.json`, toJson(chosen, data.visitors, Date.now()), 'application/json')}
          >
            {t('staff.data.exportJson')}
          </button>
        </div>
      )}
      <p className="hint">{t('staff.data.exportHint')}</p>
    </div>
  );
}

/** Purge on the hall server (privacy: the same duty as on a device, for what the devices uploaded). */
function HallPurgePanel() {
  const { t } = useTranslation();
  const hall = useHallStaff();
  const [days, setDays] = useState(30);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<Notice | null>(null);
  if (!hall) return null;
  async function run() {
    setConfirming(false);
    try {
      const r = await hall!.staff.purge(days);
      setNote({ tone: 'ok', text: t('hallServer.purged', r) });
    } catch (e) {
      setNote({ tone: 'error', text: t('hallServer.failed', { problem: e instanceof Error ? e.message : String(e) }) });
    }
  }
  return (
    <div className="panel" data-testid="hall-purge">
      <h2>{t('hallServer.purgeTitle')}</h2>
      <p className="hint">{t('hallServer.purgeHint')}</p>
      <label className="inline-field">
        <span>{t('hallServer.purgeDays')}</span>
        <input type="number" min={0} max={3650} value={days} data-testid="hall-purge-days" onChange={(e) => setDays(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
      </label>
      <button type="button" className="danger" data-testid="hall-purge-start" onClick={() => setConfirming(true)}>
        {t('hallServer.purgeButton')}
      </button>
      {note && (
        <p className={note.tone === 'ok' ? 'ok-note' : 'error'} role="status" data-testid="hall-purge-done">
          {note.text}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('hallServer.purgeConfirmTitle')}
          body={t('hallServer.purgeConfirm', { days })}
          confirm={t('hallServer.purgeDo')}
          onConfirm={() => void run()}
          onCancel={() => setConfirming(false)}
          testid="hall-purge-dialog"
        />
      )}
    </div>
  );
}

function ImportPanel() {
  const { t } = useTranslation();
  const { storage } = useServices();
  const { changed } = useDataVersion();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [running, setRunning] = useState<{ job: ImportJob; stage: ImportStage; done: number; total: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function importFile(file: File) {
    if (input.current) input.current.value = '';
    const tooBig = sizeProblem(file.size);
    if (tooBig) {
      setNotice({ tone: 'error', text: t('staff.data.importTooBig', { mb: (file.size / 1048576).toFixed(1), max: MAX_IMPORT_BYTES / 1048576 }) });
      return;
    }
    setNotice(null);
    // parsing, checking, merging and writing run in a worker: the kiosk stays responsive, and Cancel works
    const job = startImport(file, (stage, done, total) => setRunning((r) => (r ? { ...r, stage, done, total } : r)));
    setRunning({ job, stage: 'read', done: 0, total: 1 });
    const r = await job.result;
    setRunning(null);
    if (r.type === 'done') {
      // the worker wrote these rows itself: results purged earlier in this session show again
      await storage.restored({ attempts: r.attemptIds, visitors: r.visitorIds });
      const text = t('staff.data.importDone', { added: r.added, skipped: r.skipped, conflicts: r.conflicts });
      setNotice({ tone: 'ok', text: r.nicknamesCleared ? `${text} ${t('staff.data.importNicknames', { n: r.nicknamesCleared })}` : text });
      changed();
    } else if (r.type === 'cancelled') setNotice({ tone: 'ok', text: t('staff.data.importCancelled') });
    else setNotice({ tone: 'error', text: t('staff.data.importFailed'), details: r.errors });
  }

  const percent = running ? Math.round((100 * running.done) / Math.max(1, running.total)) : 0;
  return (
    <div className="panel" data-testid="import">
      <h2>{t('staff.data.import')}</h2>
      <p className="hint">{t('staff.data.importHint', { max: MAX_IMPORT_BYTES / 1048576 })}</p>
      <label className="button file-button">
        {t('staff.data.chooseFile')}
        <input ref={input} type="file" accept="application/json,.json" data-testid="import-file" disabled={!!running} onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
      </label>
      {running && (
        <div className="import-progress" data-testid="import-progress" data-stage={running.stage}>
          <div className="progress-inline">
            <ProgressBar label={t(`staff.data.importStage.${running.stage}`, { done: running.done, total: running.total })} value={percent} />
          </div>
          <button type="button" data-testid="import-cancel" onClick={() => running.job.cancel()}>
            {t('staff.cancel')}
          </button>
        </div>
      )}
      {notice && (
        <div className={notice.tone === 'ok' ? 'ok-note' : 'error'} role="status" data-testid="import-result">
          <p>{notice.text}</p>
          {notice.details && (
            <ul className="problems">
              {notice.details.map((d, i) => (
                <li key={i}>
                  <code>{d}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function PurgePanel() {
  const { t } = useTranslation();
  const { storage } = useServices();
  const { changed } = useDataVersion();
  const data = useHallData();
  const visitorId = useSession((s) => s.visitor?.id);
  const [scope, setScope] = useState<'all' | 'older'>('older');
  const [days, setDays] = useState(30);
  const [competitions, setCompetitions] = useState<CompetitionRecord[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { version } = useDataVersion();

  useEffect(() => {
    let live = true;
    void storage.listCompetitions().then((c) => live && setCompetitions(c));
    return () => {
      live = false;
    };
  }, [storage, version]);

  const plan = useMemo(() => {
    if (!data) return null;
    const now = Date.now();
    const opts = { now, olderThanDays: scope === 'all' ? undefined : Math.max(0, days) };
    const a = purge(data.allAttempts, opts);
    const v = purgeVisitors(data.visitors, a.kept, { ...opts, keep: visitorId ? [visitorId] : [] });
    const cutoff = scope === 'all' ? Infinity : now - Math.max(0, days) * DAY_MS;
    // a running competition is never purged under the host's feet
    const c = competitions.filter((x) => x.finished && x.updatedAt < cutoff);
    return { attempts: a.removed, visitors: v.removed, competitions: c };
  }, [data, scope, days, visitorId, competitions]);

  async function run() {
    if (!plan) return;
    await storage.deleteAttempts(plan.attempts.map((a) => a.id));
    await storage.deleteVisitors(plan.visitors.map((v) => v.id));
    await storage.deleteCompetitions(plan.competitions.map((c) => c.id));
    setConfirming(false);
    setDone(t('staff.data.purged', { attempts: plan.attempts.length, visitors: plan.visitors.length }));
    changed();
  }

  const nothing = !plan || plan.attempts.length + plan.visitors.length + plan.competitions.length === 0;
  return (
    <div className="panel" data-testid="purge">
      <h2>{t('staff.data.purge')}</h2>
      <p className="hint">{t('staff.data.purgeHint')}</p>
      <div className="segmented" role="radiogroup" aria-label={t('staff.data.purge')}>
        <button type="button" role="radio" aria-checked={scope === 'older'} data-testid="purge-older" onClick={() => setScope('older')}>
          {t('staff.data.purgeOlder')}
        </button>
        <button type="button" role="radio" aria-checked={scope === 'all'} data-testid="purge-all" onClick={() => setScope('all')}>
          {t('staff.data.purgeAll')}
        </button>
      </div>
      {scope === 'older' && (
        <label className="inline-field">
          <span>{t('staff.data.olderThan')}</span>
          <input type="number" min={0} max={3650} value={days} data-testid="purge-days" onChange={(e) => setDays(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
        </label>
      )}
      {plan && (
        <p data-testid="purge-preview">
          {t('staff.data.purgePreview', { attempts: plan.attempts.length, visitors: plan.visitors.length, competitions: plan.competitions.length })}
        </p>
      )}
      <button type="button" className="danger" data-testid="purge-start" disabled={nothing} onClick={() => setConfirming(true)}>
        {t('staff.data.purgeButton')}
      </button>
      {done && (
        <p className="ok-note" role="status" data-testid="purge-done">
          {done}
        </p>
      )}
      {confirming && plan && (
        <ConfirmDialog
          title={t('staff.data.purgeConfirmTitle')}
          body={t('staff.data.purgeConfirm', { attempts: plan.attempts.length, visitors: plan.visitors.length, competitions: plan.competitions.length })}
          confirm={t('staff.data.purgeDo')}
          onConfirm={() => void run()}
          onCancel={() => setConfirming(false)}
          testid="purge-dialog"
        />
      )}
    </div>
  );
}

/** A modal yes/no; Escape or the backdrop cancels, the safe choice has the focus. */
export function ConfirmDialog({ title, body, confirm, onConfirm, onCancel, testid }: { title: string; body: string; confirm: string; onConfirm: () => void; onCancel: () => void; testid: string }) {
  const { t } = useTranslation();
  const cancelRef = useDialogKeys<HTMLButtonElement>(onCancel);
  return (
    <div className="backdrop" onClick={onCancel}>
      <div className="card dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${testid}-title`} data-testid={testid} onClick={(e) => e.stopPropagation()}>
        <h2 id={`${testid}-title`}>{title}</h2>
        <p>{body}</p>
        <div className="actions">
          <button ref={cancelRef} type="button" data-testid={`${testid}-cancel`} onClick={onCancel}>
            {t('staff.cancel')}
          </button>
          <button type="button" className="danger" data-testid={`${testid}-confirm`} onClick={onConfirm}>
            {confirm}
          </button>
        </div>
      </div>
    </div>
  );
}

export default function DataTab() {
  return (
    <section className="staff-tab data" data-testid="data">
      <HallServerPanel />
      <div className="stats-grid">
        <ExportPanel />
        <ImportPanel />
      </div>
      <PurgePanel />
      <HallPurgePanel />
      <HealthPanel />
    </section>
  );
}
