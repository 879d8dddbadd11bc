// 项目: the programmes staff assign. The violator service programme (participants staff register with
// a case number or code, their items, service hours, the certificate) and the one-page report of a
// visiting group (a school class, a company's safety post) as PDF and CSV. The rules live in
// modes/programme.ts, modes/certificate.ts and scoring/visitReport.ts; the wording in
// scenes/programmes.json; the PDF writer (pdf-lib) loads only when a document is made.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { onAttemptSaved } from '../../app/attemptSaved.ts';
import { loadGlyphCoverage } from '../../app/glyphs.ts';
import { navigate } from '../../app/useRoute.ts';
import { text, ZONE_IDS, type Lang } from '../../content/ids.ts';
import { programmesSchema, type Question } from '../../content/schema.ts';
import { certificateDoc } from '../../modes/certificate.ts';
import { undrawableChars } from '../../modes/nicknameGlyphs.ts';
import type { PrintDoc } from '../../modes/printDoc.ts';
import { newId } from '../../modes/prePost.ts';
import {
  checkCaseCode,
  checkServiceEntry,
  DEFAULT_PASS_MARK,
  DEFAULT_SERVICE_HOURS,
  ITEM_ROUTE,
  PARTICIPANT_GROUP,
  PROGRAMME_ITEM_IDS,
  newParticipant,
  programmeStatus,
  type Participant,
  type ProgrammeItemId,
} from '../../modes/programme.ts';
import type { LearningRecord } from '../../scoring/learning.ts';
import { attemptsOfVisit, visitReport, visitReportCsv, visitReportDoc, type MissedItem, type ReportLabels, type ReportNames } from '../../scoring/visitReport.ts';
import { unsafeKindsFromScoring } from '../../scoring/stats.ts';
import { learningRepo } from '../../storage/learning.ts';
import { participantRepo } from '../../storage/participants.ts';
import type { LearningSettings, VisitingGroup } from '../../storage/types.ts';
import programmesJson from '../../../scenes/programmes.json';
import { download, fileDate, useDataVersion, useHallData, useNames } from './common.tsx';

// the file is checked by content:check and its schema; parsing here keeps a broken edit from printing
const wording = programmesSchema.parse(programmesJson).violatorService;

/** Writes the document as a PDF and downloads it (pdf-lib is a lazy chunk). */
async function downloadPdf(name: string, doc: PrintDoc) {
  const { writePdf } = await import('./pdf.ts');
  const bytes = await writePdf(doc);
  download(name, new Blob([bytes as BlobPart], { type: 'application/pdf' }));
}

const today = () => fileDate();
const hoursText = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1));

function useParticipants(): [Participant[] | null, (p: Participant) => Promise<void>, (id: string) => Promise<void>, string | null] {
  const [list, setList] = useState<Participant[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => participantRepo().list().then(setList, (e: Error) => (setError(e.message), setList([]))), []);
  useEffect(() => void reload(), [reload]);
  const put = async (p: Participant) => {
    await participantRepo().put(p);
    await reload();
  };
  const remove = async (id: string) => {
    await participantRepo().delete(id);
    await reload();
  };
  return [list, put, remove, error];
}

function NewParticipant({ existing, onSave }: { existing: Participant[]; onSave: (p: Participant) => Promise<void> }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [pass, setPass] = useState(String(DEFAULT_PASS_MARK));
  const [hours, setHours] = useState(String(DEFAULT_SERVICE_HOURS));
  const [items, setItems] = useState<ProgrammeItemId[]>([...PROGRAMME_ITEM_IDS]);
  const [error, setError] = useState<string | null>(null);
  const lang = useLangOf();
  const create = async () => {
    const c = checkCaseCode(code);
    if (!c.ok) return setError(t(`staff.programmes.errors.${c.problem}`));
    const undrawable = undrawableChars(c.code, await loadGlyphCoverage());
    if (undrawable.length) return setError(t('staff.programmes.errors.glyphs', { chars: undrawable.join(' ') }));
    if (existing.some((p) => p.code === c.code)) return setError(t('staff.programmes.errors.duplicate'));
    if (!items.length) return setError(t('staff.programmes.errors.noItems'));
    const passMark = Number(pass);
    const serviceHours = Number(hours);
    const p = newParticipant({
      id: newId('pp'),
      visitorId: newId('pv'),
      code: c.code,
      passMark: Number.isFinite(passMark) ? passMark : DEFAULT_PASS_MARK,
      serviceHours: Number.isFinite(serviceHours) ? serviceHours : DEFAULT_SERVICE_HOURS,
      items: PROGRAMME_ITEM_IDS.filter((i) => items.includes(i)),
      now: Date.now(),
    });
    try {
      await onSave(p);
      setCode('');
      setError(null);
    } catch (e) {
      setError(t('staff.programmes.errors.save', { message: (e as Error).message }));
    }
  };
  return (
    <div className="programme-new" data-testid="participant-new">
      <div className="row wrap">
        <label className="inline-field">
          <span>{t('staff.programmes.code')}</span>
          <input
            value={code}
            maxLength={60}
            placeholder={t('staff.programmes.codeHint')}
            data-testid="participant-code"
            aria-invalid={!!error}
            aria-describedby="participant-error"
            onChange={(e) => (setCode(e.target.value), setError(null))}
            onKeyDown={(e) => e.key === 'Enter' && void create()}
          />
        </label>
        <label className="inline-field">
          <span>{t('staff.programmes.passMark')}</span>
          <input type="number" min={0} max={100} value={pass} data-testid="participant-pass" onChange={(e) => setPass(e.target.value)} />
        </label>
        <label className="inline-field">
          <span>{t('staff.programmes.hoursRequired')}</span>
          <input type="number" min={0} max={500} step={0.5} value={hours} data-testid="participant-hours" onChange={(e) => setHours(e.target.value)} />
        </label>
      </div>
      <fieldset className="programme-items">
        <legend>{t('staff.programmes.items')}</legend>
        {PROGRAMME_ITEM_IDS.map((id) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={items.includes(id)}
              data-testid={`participant-item-${id}`}
              onChange={(e) => setItems(e.target.checked ? [...items, id] : items.filter((x) => x !== id))}
            />
            <span>{text(wording.items[id], lang)}</span>
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('staff.programmes.privacy')}</p>
      {error && (
        <p className="notice notice-error" role="alert" id="participant-error" data-testid="participant-error">
          {error}
        </p>
      )}
      <button type="button" className="primary" data-testid="participant-create" onClick={() => void create()}>
        {t('staff.programmes.create')}
      </button>
    </div>
  );
}

function useLangOf(): Lang {
  return useSession((s) => s.lang);
}

function ServiceLog({ p, onSave }: { p: Participant; onSave: (p: Participant) => Promise<void> }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today());
  const [hours, setHours] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const c = checkServiceEntry(date, hours, today());
    if (!c.ok) return setError(t(`staff.programmes.errors.${c.problem}`));
    try {
      await onSave({ ...p, service: [...p.service, { id: newId('sv'), date: c.date, hours: c.hours, createdAt: Date.now() }], updatedAt: Date.now() });
      setHours('');
      setError(null);
    } catch (e) {
      setError(t('staff.programmes.errors.save', { message: (e as Error).message }));
    }
  };
  const total = p.service.reduce((s, e) => s + e.hours, 0);
  return (
    <div className="programme-service" data-testid="service-log">
      <h4>{t('staff.programmes.service')}</h4>
      <p data-testid="service-total">{t('staff.programmes.serviceTotal', { hours: hoursText(total), required: hoursText(p.serviceHours) })}</p>
      {p.service.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('staff.programmes.serviceDate')}</th>
              <th>{t('staff.programmes.serviceHours')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...p.service]
              .sort((a, b) => (a.date < b.date ? -1 : 1))
              .map((e) => (
                <tr key={e.id} data-testid="service-entry">
                  <td>{e.date}</td>
                  <td>{hoursText(e.hours)}</td>
                  <td>
                    <button type="button" onClick={() => void onSave({ ...p, service: p.service.filter((x) => x.id !== e.id), updatedAt: Date.now() })}>
                      {t('staff.programmes.remove')}
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">{t('staff.programmes.serviceNone')}</p>
      )}
      <div className="row wrap">
        <label className="inline-field">
          <span>{t('staff.programmes.serviceDate')}</span>
          <input type="date" value={date} max={today()} data-testid="service-date" onChange={(e) => (setDate(e.target.value), setError(null))} />
        </label>
        <label className="inline-field">
          <span>{t('staff.programmes.serviceHours')}</span>
          <input inputMode="decimal" value={hours} data-testid="service-hours" onChange={(e) => (setHours(e.target.value), setError(null))} onKeyDown={(e) => e.key === 'Enter' && void add()} />
        </label>
        <button type="button" data-testid="service-add" onClick={() => void add()}>
          {t('staff.programmes.serviceAdd')}
        </button>
      </div>
      {error && (
        <p className="notice notice-error" role="alert" data-testid="service-error">
          {error}
        </p>
      )}
    </div>
  );
}

function ParticipantDetail({ p, onSave, onDelete }: { p: Participant; onSave: (p: Participant) => Promise<void>; onDelete: () => void }) {
  const { t } = useTranslation();
  const { session } = useServices();
  const catalog = useCatalog();
  const data = useHallData();
  const lang = useLangOf();
  const names = useNames();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const status = useMemo(() => (data ? programmeStatus(p, data.attempts) : null), [p, data]);
  if (!status) return null;
  const start = (id: Exclude<ProgrammeItemId, 'service'>) => {
    session.getState().actions.startParticipant(p.visitorId, PARTICIPANT_GROUP);
    navigate({ name: 'zone', zoneId: ITEM_ROUTE[id].zone, mode: ITEM_ROUTE[id].mode });
  };
  const certificate = async () => {
    setBusy(true);
    setError(null);
    try {
      const hall = catalog.hall ? text(catalog.hall.title, lang) : '';
      await downloadPdf(`certificate-${p.code.replace(/[^\p{L}\p{N}-]+/gu, '_')}-${fileDate()}.pdf`, certificateDoc(wording, p, status, { lang, hall, issuedAt: Date.now() }));
    } catch (e) {
      setError(t('staff.programmes.errors.pdf', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="programme-detail" data-testid="participant-detail" data-code={p.code}>
      <table className="table" data-testid="participant-items">
        <thead>
          <tr>
            <th>{t('staff.programmes.item')}</th>
            <th>{t('staff.programmes.status')}</th>
            <th>{t('staff.programmes.score')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {status.items.map((i) => (
            <tr key={i.id} data-item={i.id} data-done={i.done}>
              <td>{text(wording.items[i.id], lang)}</td>
              <td>{i.done ? `✓ ${t('staff.programmes.done')}` : t('staff.programmes.notDone')}</td>
              <td data-testid="item-score">
                {i.id === 'service'
                  ? t('staff.programmes.serviceTotal', { hours: hoursText(i.score ?? 0), required: hoursText(p.serviceHours) })
                  : i.score === null
                    ? '—'
                    : `${t(i.done || ITEM_ROUTE[i.id].mode === 'game' ? 'staff.programmes.points' : 'staff.programmes.belowPass', { score: Math.round(i.score) })} · ${t('staff.programmes.tries', { n: i.attempts })}`}
              </td>
              <td>
                {i.id !== 'service' && (
                  <button type="button" data-testid={`start-${i.id}`} onClick={() => start(i.id as Exclude<ProgrammeItemId, 'service'>)}>
                    {t('staff.programmes.start')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('staff.programmes.startHint')}</p>
      {data && data.implausible.some((x) => x.attempt.visitorId === p.visitorId) && (
        <ul className="notice notice-warning" data-testid="participant-left-out">
          {data.implausible
            .filter((x) => x.attempt.visitorId === p.visitorId)
            .map((x) => (
              <li key={x.attempt.id}>{t('staff.programmes.leftOut', { zone: names.zone(x.attempt.zone), why: x.why })}</li>
            ))}
        </ul>
      )}
      {p.items.includes('service') && <ServiceLog p={p} onSave={onSave} />}
      <ul className="programme-notes" data-testid="programme-notes">
        {wording.notes.map((n, k) => (
          <li key={k}>{text(n, lang)}</li>
        ))}
      </ul>
      <div className="row wrap">
        <button type="button" className="primary" disabled={!status.complete || busy} data-testid="certificate" onClick={() => void certificate()}>
          {busy ? t('staff.programmes.making') : t('staff.programmes.certificate')}
        </button>
        {!status.complete && <span className="hint">{t('staff.programmes.certificateNotYet')}</span>}
        <button
          type="button"
          data-testid="participant-delete"
          onClick={() => {
            if (window.confirm(t('staff.programmes.confirmDelete', { code: p.code }))) onDelete();
          }}
        >
          {t('staff.programmes.delete')}
        </button>
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Violator() {
  const { t } = useTranslation();
  const { session } = useServices();
  const visitor = useSession((s) => s.visitor);
  const data = useHallData();
  const [list, put, remove, loadError] = useParticipants();
  const [open, setOpen] = useState<string | null>(null);
  if (!list) return null;
  const running = visitor && list.find((p) => p.visitorId === visitor.id);
  return (
    <section className="panel" data-testid="violator-programme">
      <h2>{t('staff.programmes.violator')}</h2>
      <p className="hint">{t('staff.programmes.violatorIntro')}</p>
      {loadError && <p className="notice notice-error">{t('staff.programmes.errors.save', { message: loadError })}</p>}
      {running && (
        <p className="notice notice-info" role="status" data-testid="participant-running">
          <span>{t('staff.programmes.running', { code: running.code })}</span>
          <button type="button" data-testid="participant-end" onClick={() => void session.getState().actions.endVisit()}>
            {t('staff.programmes.endRunning')}
          </button>
        </p>
      )}
      <NewParticipant existing={list} onSave={async (p) => (await put(p), setOpen(p.id))} />
      <h3>{t('staff.programmes.participants')}</h3>
      {list.length === 0 ? (
        <p className="hint">{t('staff.programmes.none')}</p>
      ) : (
        <table className="table" data-testid="participant-list">
          <tbody>
            {list.map((p) => {
              const s = data ? programmeStatus(p, data.attempts) : null;
              return (
                <tr key={p.id} data-code={p.code}>
                  <td>{p.code}</td>
                  <td data-testid="participant-progress">
                    {s && (s.complete ? `✓ ${t('staff.programmes.complete')}` : t('staff.programmes.progress', { done: s.items.filter((i) => i.done).length, total: s.items.length }))}
                  </td>
                  <td>
                    <button type="button" aria-expanded={open === p.id} data-testid="participant-open" onClick={() => setOpen(open === p.id ? null : p.id)}>
                      {open === p.id ? t('staff.programmes.close') : t('staff.programmes.open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list
        .filter((p) => p.id === open)
        .map((p) => (
          <ParticipantDetail key={p.id} p={p} onSave={put} onDelete={() => void remove(p.id).then(() => setOpen(null))} />
        ))}
    </section>
  );
}

// ---------------------------------------------------------------- visiting group reports

/** Every zone's questions (prompt, explanation, source), for the report's most-missed list. */
function useQuestions(): Map<string, Question> | null {
  const { loadBank } = useServices();
  const [m, setM] = useState<Map<string, Question> | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all(ZONE_IDS.map((z) => loadBank(z).catch(() => null))).then((banks) => {
      if (!live) return;
      const out = new Map<string, Question>();
      for (const b of banks) if (b?.ok) for (const q of b.questions) out.set(q.id, q);
      setM(out);
    });
    return () => {
      live = false;
    };
  }, [loadBank]);
  return m;
}

function Reports() {
  const { t } = useTranslation();
  const { storage } = useServices();
  const catalog = useCatalog();
  const names = useNames();
  const data = useHallData();
  const questions = useQuestions();
  const [learning, setLearning] = useState<LearningSettings | null>(null);
  const [records, setRecords] = useState<LearningRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    void storage.getSettings().then((s) => setLearning(s.learning ?? null));
    void learningRepo()
      .list()
      .then(setRecords, () => setRecords([]));
  }, [storage]);
  const unsafe = useMemo(() => {
    const kinds = new Set<string>();
    for (const z of catalog.zones) if (z.ok && z.zone.scoring) unsafeKindsFromScoring(z.zone.scoring).forEach((k) => kinds.add(k));
    return [...kinds];
  }, [catalog]);
  if (!data || !records || !questions) return null;
  const visits = learning?.visits ?? [];
  const lang = names.lang;

  const reportOf = (v: VisitingGroup) =>
    visitReport(v, attemptsOfVisit(v, visits, data.attempts), records, { groupOrder: catalog.groups.map((g) => g.id), unsafe });
  const feedbackOf = (m: MissedItem) => {
    for (const z of catalog.zones) if (z.ok && z.id === m.zone) return z.zone.feedback?.[m.id] ?? null;
    return null;
  };
  const reportNames: ReportNames = {
    zone: names.zone,
    group: names.group,
    kind: (k) => t(`staff.learning.kinds.${k}`),
    item: (m) => {
      if (m.kind === 'question') {
        const q = questions.get(m.id);
        return q ? text(q.prompt, lang) : m.id;
      }
      const f = feedbackOf(m);
      return f ? text(f.message, lang) : m.id;
    },
    rule: (m) => {
      if (m.kind === 'question') {
        const q = questions.get(m.id);
        return q ? text(q.explanation, lang) : '';
      }
      const f = feedbackOf(m);
      return f ? text(f.instead ?? f.rule, lang) : '';
    },
    source: (m) => {
      const src = m.kind === 'question' ? questions.get(m.id)?.source : feedbackOf(m)?.source;
      if (!src) return '';
      const law = src.law ? text(src.law, lang) : '';
      return `[${[law, `${t('staff.programmes.report.facts')} ${src.facts.join(', ')}`].filter(Boolean).join(' · ')}]`;
    },
  };
  const L = t('staff.programmes.report', { returnObjects: true }) as unknown as ReportLabels;
  const hall = catalog.hall ? text(catalog.hall.title, lang) : '';
  const safeName = (v: VisitingGroup) => v.name.replace(/[^\p{L}\p{N}-]+/gu, '_');

  const pdf = async (v: VisitingGroup) => {
    setBusy(v.id);
    setError(null);
    try {
      await downloadPdf(`report-${safeName(v)}-${fileDate()}.pdf`, visitReportDoc(reportOf(v), reportNames, L, { lang, hall }));
    } catch (e) {
      setError(t('staff.programmes.errors.pdf', { message: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="panel" data-testid="visit-reports">
      <h2>{t('staff.programmes.reports')}</h2>
      <p className="hint">{t('staff.programmes.reportsIntro')}</p>
      {visits.length === 0 ? (
        <p className="hint">{t('staff.programmes.reportsNone')}</p>
      ) : (
        <table className="table" data-testid="visit-report-list">
          <thead>
            <tr>
              <th>{t('staff.programmes.visit')}</th>
              <th>{t('staff.programmes.kind')}</th>
              <th>{t('staff.programmes.visitors')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => {
              const r = reportOf(v);
              return (
                <tr key={v.id} data-visit={v.id}>
                  <td>{v.name}</td>
                  <td>{t(`staff.learning.kinds.${v.kind}`)}</td>
                  <td data-testid="visit-visitors">{r.total.visitors}</td>
                  <td className="row">
                    <button type="button" disabled={busy === v.id} data-testid={`report-pdf-${v.id}`} onClick={() => void pdf(v)}>
                      {busy === v.id ? t('staff.programmes.making') : t('staff.programmes.reportPdf')}
                    </button>
                    <button
                      type="button"
                      data-testid={`report-csv-${v.id}`}
                      onClick={() => download(`report-${safeName(v)}-${fileDate()}.csv`, visitReportCsv(r, reportNames), 'text/csv;charset=utf-8')}
                    >
                      {t('staff.programmes.reportCsv')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

export default function ProgrammesTab() {
  // a participant's result saved a moment ago (the write finishing after staff came back) still counts
  const { changed } = useDataVersion();
  useEffect(() => onAttemptSaved(() => changed()), [changed]);
  return (
    <section className="staff-tab programmes" data-testid="programmes-tab">
      <Violator />
      <Reports />
    </section>
  );
}
