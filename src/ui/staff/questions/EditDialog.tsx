// Editing one staff question: the form is a one-row sheet with the import's columns, and saving runs
// it through the same pipeline as an import, so the same checks give the same messages under the
// fields. zh-Hant is made again from the edited Chinese.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../../app/context.tsx';
import type { RowProblem } from '../../../content/import/problems.ts';
import type { StaffImportContext } from '../../../content/import/staffImport.ts';
import type { Question } from '../../../content/schema.ts';
import type { StaffQuestionRecord } from '../../../storage/staffQuestions.ts';
import { staffRowCells } from '../../../content/import/exportSheet.ts';
import { useDialogKeys } from '../common.tsx';
import { loadPipeline } from './importer.ts';
import { problemText } from './problemText.ts';

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
const KIND_NAME: Record<string, string> = { single: '单选', multiple: '多选', truefalse: '判断' };

export function EditDialog({
  record,
  context,
  onSave,
  onCancel,
}: {
  record: StaffQuestionRecord;
  /** the import's context (names, topics, converter), made when the dialog opened */
  context: () => Promise<StaffImportContext>;
  onSave: (records: StaffQuestionRecord[]) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const q = record.question as Question;
  const initial = useMemo(
    () =>
      staffRowCells(q, {
        // the zone stays as it is (its id), a topic by its id; groups by the names staff know
        zone: (id) => id,
        group: (id) => catalog.groups.find((g) => g.id === id)?.name['zh-Hans'] ?? id,
        topic: (_zone, id) => id,
      }),
    [q, catalog],
  );
  const [cells, setCells] = useState<Record<string, string>>(initial);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useDialogKeys<HTMLTextAreaElement>(onCancel);
  const choiceCount = Math.min(6, Math.max(4, q.choices.length));

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const [pipeline, ctx] = await Promise.all([loadPipeline(), context()]);
      const header = Object.keys(cells);
      const preview = pipeline.previewRows(record.from ?? 'edit', { format: 'csv', rows: [header, header.map((h) => cells[h] ?? '')], problems: [] }, ctx);
      if (preview.problems.length) {
        setProblems(preview.problems);
        return;
      }
      await onSave(preview.records.map((r) => ({ ...r, createdAt: record.createdAt, from: record.from })));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, long = false) => {
    const here = problems.filter((p) => p.column === name);
    const props = {
      id: `q-edit-${name}`,
      value: cells[name] ?? '',
      'data-testid': `q-edit-${name}`,
      'aria-invalid': here.length > 0,
      onChange: (e: { target: { value: string } }) => setCells((c) => ({ ...c, [name]: e.target.value })),
    };
    return (
      <label key={name} className={`edit-field${long ? ' long' : ''}`} htmlFor={props.id}>
        <span>{label}</span>
        {long ? <textarea rows={2} ref={name === 'prompt_zh' ? first : undefined} {...props} /> : <input {...props} />}
        {here.map((p, i) => (
          <span key={i} className="error" data-testid={`q-edit-problem-${name}`}>
            {problemText(t, p)}
          </span>
        ))}
      </label>
    );
  };
  const rowWide = problems.filter((p) => !p.column || !(p.column in cells));

  return (
    <div className="backdrop" onClick={onCancel}>
      <div className="card dialog edit-dialog" role="dialog" aria-modal="true" aria-labelledby="q-edit-title" data-testid="q-edit" onClick={(e) => e.stopPropagation()}>
        <h2 id="q-edit-title">{t('staff.questions.editTitle')}</h2>
        <div className="edit-grid">
          {field('groups', t('staff.questions.fields.groups'))}
          <label className="edit-field" htmlFor="q-edit-kind">
            <span>{t('staff.questions.kind')}</span>
            <select id="q-edit-kind" data-testid="q-edit-kind" value={cells.kind} onChange={(e) => setCells((c) => ({ ...c, kind: e.target.value }))}>
              {Object.entries(KIND_NAME).map(([id, zh]) => (
                <option key={id} value={zh}>
                  {t(`staff.questions.kinds.${id}`)}
                </option>
              ))}
            </select>
          </label>
          {field('difficulty', t('staff.questions.fields.difficulty'))}
          {field('prompt_zh', t('staff.questions.fields.prompt_zh'), true)}
          {field('prompt_en', t('staff.questions.fields.prompt_en'), true)}
          {LETTERS.slice(0, choiceCount).flatMap((l) => [
            field(`choice_${l}_zh`, t('staff.questions.fields.choice_zh', { letter: l.toUpperCase() })),
            field(`choice_${l}_en`, t('staff.questions.fields.choice_en', { letter: l.toUpperCase() })),
          ])}
          {field('answer', t('staff.questions.fields.answer'))}
          {field('source_facts', t('staff.questions.fields.source_facts'))}
          {field('explanation_zh', t('staff.questions.fields.explanation_zh'), true)}
          {field('explanation_en', t('staff.questions.fields.explanation_en'), true)}
          {field('law_zh', t('staff.questions.fields.law_zh'))}
          {field('law_en', t('staff.questions.fields.law_en'))}
        </div>
        {rowWide.map((p, i) => (
          <p key={i} className="error">
            {p.header ? `${p.header}：` : ''}
            {problemText(t, p)}
          </p>
        ))}
        {error && <p className="error">{t('staff.questions.saveFailed', { why: error })}</p>}
        <div className="actions">
          <button type="button" data-testid="q-edit-cancel" onClick={onCancel}>
            {t('staff.cancel')}
          </button>
          <button type="button" className="primary" data-testid="q-edit-save" disabled={busy} onClick={() => void save()}>
            {busy ? t('staff.questions.saving') : t('staff.questions.save')}
          </button>
        </div>
      </div>
    </div>
  );
}
