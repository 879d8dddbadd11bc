// 题目: questions hall staff add themselves. Import a sheet (xlsx or CSV, written the way staff write
// one) → preview with each problem at its row and column → "添加 N 道题" saves the good rows on this
// device in one go (a failure changes nothing). Listed, editable, removable, exportable to xlsx; they
// join the banks at once (loadBank), so self-tests and competitions use them without a rebuild.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { text, type ZoneId } from '../../content/ids.ts';
import { LIMITS } from '../../content/import/limits.ts';
import type { RowProblem } from '../../content/import/problems.ts';
import type { StaffImportPreview } from '../../content/import/staffImport.ts';
import type { Localized, Question } from '../../content/schema.ts';
import type { StaffQuestionRecord } from '../../storage/staffQuestions.ts';
import { download, fileDate, useNames } from './common.tsx';
import { ConfirmDialog } from './DataTab.tsx';
import { EditDialog } from './questions/EditDialog.tsx';
import { importContext, loadPipeline, staffQuestionsXlsx } from './questions/importer.ts';
import { ImportPreview } from './questions/ImportPreview.tsx';
import { problemText } from './questions/problemText.ts';

type Notice = { tone: 'ok' | 'error'; text: string };

/** Staff questions on the device, reloaded whenever the repository changes. */
function useStaffQuestions(): { records: StaffQuestionRecord[] | null; error: string | null } {
  const { staffQuestions } = useServices();
  const [state, setState] = useState<{ records: StaffQuestionRecord[] | null; error: string | null }>({ records: null, error: null });
  useEffect(() => {
    let live = true;
    const load = () =>
      staffQuestions.list().then(
        (records) => live && setState({ records, error: null }),
        (e: unknown) => live && setState({ records: [], error: (e as Error).message }),
      );
    void load();
    const off = staffQuestions.subscribe(() => void load());
    return () => {
      live = false;
      off();
    };
  }, [staffQuestions]);
  return state;
}

export default function QuestionsTab() {
  const { t } = useTranslation();
  const services = useServices();
  const catalog = useCatalog();
  const names = useNames();
  const lang = useSession((s) => s.lang);
  const { records, error: storageError } = useStaffQuestions();
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<StaffImportPreview | null>(null);
  const [fileProblem, setFileProblem] = useState<RowProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<StaffQuestionRecord | null>(null);
  const [deleting, setDeleting] = useState<StaffQuestionRecord | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const context = useCallback(
    async () => importContext(services, catalog, records ?? [], new Set(await import('virtual:font-glyphs').then((m) => m.default))),
    [services, catalog, records],
  );
  const untranslated = useMemo(() => (records ?? []).filter((r) => !r.question.prompt.en).length, [records]);

  async function choose(file: File) {
    setReading(true);
    setPreview(null);
    setFileProblem(null);
    setNotice(null);
    try {
      const pipeline = await loadPipeline();
      // a huge file is refused before its bytes are read into memory
      const tooBig = pipeline.fileSizeProblem(file.size, LIMITS);
      if (tooBig) {
        setFileProblem(tooBig);
        return;
      }
      const r = await pipeline.previewStaffImport(file.name, new Uint8Array(await file.arrayBuffer()), await context());
      if (r.ok) setPreview(r.preview);
      else setFileProblem(r.problem);
    } catch (e) {
      setNotice({ tone: 'error', text: `${t('staff.questions.fileProblem')} ${(e as Error).message}` });
    } finally {
      setReading(false);
      if (input.current) input.current.value = '';
    }
  }

  async function add() {
    if (!preview) return;
    setSaving(true);
    try {
      await services.staffQuestions.put(preview.records);
      setNotice({ tone: 'ok', text: t('staff.questions.added', preview.counts) });
      setPreview(null);
    } catch (e) {
      setNotice({ tone: 'error', text: t('staff.questions.saveFailed', { why: (e as Error).message }) });
    } finally {
      setSaving(false);
    }
  }

  async function exportXlsx(questions: readonly Question[], name: string) {
    try {
      const ctx = await context();
      download(name, await staffQuestionsXlsx(questions, catalog, ctx.topics as Partial<Record<string, Record<string, Localized>>>));
    } catch (e) {
      setNotice({ tone: 'error', text: (e as Error).message });
    }
  }

  return (
    <section className="staff-tab questions" data-testid="questions">
      <div className="stats-grid">
        <div className="panel" data-testid="q-import">
          <h2>{t('staff.questions.import')}</h2>
          <p className="hint">{t('staff.questions.importHint')}</p>
          <div className="actions">
            <label className={`button file-button${reading ? ' busy' : ''}`}>
              {reading ? t('staff.questions.reading') : t('staff.questions.chooseFile')}
              <input
                ref={input}
                type="file"
                accept=".xlsx,.csv,.txt,.tsv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                data-testid="q-file"
                disabled={reading || saving}
                onChange={(e) => e.target.files?.[0] && void choose(e.target.files[0])}
              />
            </label>
            <button type="button" data-testid="q-template" onClick={() => void exportXlsx([], 'hall-questions-template.xlsx')}>
              {t('staff.questions.template')}
            </button>
          </div>
          {fileProblem && (
            <p className="error" role="alert" data-testid="q-file-problem">
              {t('staff.questions.fileProblem')} {problemText(t, fileProblem)}
            </p>
          )}
          {notice && (
            <p className={notice.tone === 'ok' ? 'ok-note' : 'error'} role="status" data-testid="q-notice">
              {notice.text}
            </p>
          )}
        </div>
        <div className="panel" data-testid="q-summary">
          <h2>{t('staff.questions.list', { n: records?.length ?? 0 })}</h2>
          <p className="hint">{t('staff.questions.listHint')}</p>
          {storageError && (
            <p className="error" role="alert" data-testid="q-storage-error">
              {storageError}
            </p>
          )}
          <p data-testid="q-untranslated">{records?.length ? (untranslated ? t('staff.questions.untranslated', { n: untranslated }) : t('staff.questions.allTranslated')) : t('staff.questions.empty')}</p>
          <div className="actions">
            <button
              type="button"
              data-testid="q-export"
              disabled={!records?.length}
              onClick={() => void exportXlsx((records ?? []).map((r) => r.question as Question), `hall-questions-${fileDate()}.xlsx`)}
            >
              {t('staff.questions.export')}
            </button>
          </div>
        </div>
      </div>

      {preview && <ImportPreview preview={preview} busy={saving} onAdd={() => void add()} onCancel={() => setPreview(null)} />}

      {!!records?.length && (
        <div className="panel" data-testid="q-list">
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('staff.questions.zone')}</th>
                  <th scope="col">{t('staff.questions.prompt')}</th>
                  <th scope="col">{t('staff.questions.kind')}</th>
                  <th scope="col">{t('staff.questions.groups')}</th>
                  <th scope="col">{t('staff.questions.english')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('staff.questions.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {records.map((r) => (
                  <tr key={r.id} data-testid={`q-item-${r.id}`}>
                    <td>{names.zone(r.zone as ZoneId)}</td>
                    <th scope="row">{text(r.question.prompt, lang)}</th>
                    <td>{t(`staff.questions.kinds.${r.question.kind}`)}</td>
                    <td>{r.question.groups.map(names.group).join('、')}</td>
                    <td>{r.question.prompt.en ? t('staff.questions.hasEnglish') : t('staff.questions.noEnglish')}</td>
                    <td className="row-actions">
                      <button type="button" data-testid={`q-edit-open-${r.id}`} onClick={() => setEditing(r)}>
                        {t('staff.questions.edit')}
                      </button>
                      <button type="button" className="danger" data-testid={`q-delete-${r.id}`} onClick={() => setDeleting(r)}>
                        {t('staff.questions.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {editing && (
        <EditDialog
          record={editing}
          context={context}
          onCancel={() => setEditing(null)}
          onSave={async (recs) => {
            if (recs.length) await services.staffQuestions.put(recs);
            setEditing(null);
            setNotice({ tone: 'ok', text: t('staff.questions.saved') });
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('staff.questions.deleteTitle')}
          body={t('staff.questions.deleteBody', { prompt: deleting.question.prompt['zh-Hans'] })}
          confirm={t('staff.questions.delete')}
          testid="q-delete-dialog"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            services.staffQuestions.delete([id]).then(
              () => setNotice({ tone: 'ok', text: t('staff.questions.deleted') }),
              (e: unknown) => setNotice({ tone: 'error', text: t('staff.questions.saveFailed', { why: (e as Error).message }) }),
            );
          }}
        />
      )}
    </section>
  );
}
