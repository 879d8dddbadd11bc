// The preview of a chosen sheet: how it was read (format, encoding, delimiter), what will happen
// (new / updated / unchanged / rows with problems), problems of the file or header, and a table of the
// sheet's rows with each problem in the cell it belongs to. "添加 N 道题" saves the good rows.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowProblem } from '../../../content/import/problems.ts';
import type { StaffImportPreview } from '../../../content/import/staffImport.ts';
import { problemText } from './problemText.ts';

const DELIMITER_NAME: Record<string, 'comma' | 'tab' | 'semicolon'> = { ',': 'comma', '\t': 'tab', ';': 'semicolon' };

/** The columns worth showing in a narrow table: the ones staff fill most, then any with a problem. */
const SHOWN = ['zone', 'groups', 'kind', 'prompt_zh', 'answer', 'source', 'source_facts'];

export function ImportPreview({ preview, busy, onAdd, onCancel }: { preview: StaffImportPreview; busy: boolean; onAdd: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const p = preview;
  const how =
    p.format === 'xlsx'
      ? t('staff.questions.readXlsx')
      : t('staff.questions.readCsv', {
          encoding: t(`staff.questions.encoding.${p.encoding ?? 'utf-8'}`),
          delimiter: t(`staff.questions.delimiter.${DELIMITER_NAME[p.delimiter ?? ','] ?? 'comma'}`),
        });
  const sheetWide = p.problems.filter((x) => x.row === 0 || x.row <= p.headerRow);
  const byRow = new Map<number, RowProblem[]>();
  for (const x of p.problems) if (x.row > p.headerRow) byRow.set(x.row, [...(byRow.get(x.row) ?? []), x]);
  const problemColumns = new Set(p.problems.map((x) => x.column));
  const columns = p.columns.filter((c) => SHOWN.includes(c.name) || problemColumns.has(c.name));
  const n = p.records.length;
  // problems whose column is not shown (rare: a column outside the table) get a last column
  const anyOther = p.problems.some((x) => x.row > p.headerRow && !columns.some((c) => c.name === x.column));
  const panel = useRef<HTMLDivElement>(null);
  // the preview appears below the import panel: bring it into view (a phone shows one panel at a time)
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'start' });
  }, [preview]);

  return (
    <div ref={panel} className="panel import-preview" data-testid="q-preview">
      <h2>{t('staff.questions.preview', { file: p.file })}</h2>
      <p data-testid="q-read-as">{t('staff.questions.readAs', { how })}</p>
      <p data-testid="q-counts">{t('staff.questions.counts', p.counts)}</p>
      {p.counts.untranslated > 0 && (
        <p className="hint" data-testid="q-untranslated-note">
          {t('staff.questions.untranslatedNote', { n: p.counts.untranslated })}
        </p>
      )}
      {sheetWide.length > 0 && (
        <ul className="problems" data-testid="q-sheet-problems">
          {sheetWide.map((x, i) => (
            <li key={i} className="error">
              {x.row > 0 && `${t('staff.questions.headerProblems')} · `}
              {x.header ? `${x.header}：` : ''}
              {problemText(t, x)}
            </li>
          ))}
        </ul>
      )}
      {p.warnings.length > 0 && (
        <ul className="warnings" data-testid="q-warnings">
          {p.warnings.map((x, i) => (
            <li key={i}>
              {t('staff.questions.rowNote', { row: x.row })}
              {problemText(t, x)}
            </li>
          ))}
        </ul>
      )}
      <div className="table-scroll">
        <table className="table preview-table" data-testid="q-preview-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.questions.row')}</th>
              <th scope="col">{t('staff.questions.status')}</th>
              {columns.map((c) => (
                <th key={c.name} scope="col">
                  {c.header}
                </th>
              ))}
              {anyOther && <th scope="col">{t('staff.questions.problems')}</th>}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => {
              const problems = byRow.get(r.row) ?? [];
              const other = problems.filter((x) => !columns.some((c) => c.name === x.column));
              return (
                <tr key={r.row} className={`status-${r.status}`} data-testid={`q-row-${r.row}`} data-status={r.status}>
                  <th scope="row">{r.row}</th>
                  <td>{t(`staff.questions.status_${r.status}`)}</td>
                  {columns.map((c) => {
                    const here = problems.filter((x) => x.column === c.name);
                    return (
                      <td key={c.name} className={here.length ? 'bad-cell' : undefined} data-column={c.name}>
                        <span className="cell-text">{r.cells[c.name]}</span>
                        {here.map((x, i) => (
                          <span key={i} className="cell-problem" role="note" data-testid={`q-problem-${r.row}-${c.name}`}>
                            {problemText(t, x)}
                          </span>
                        ))}
                      </td>
                    );
                  })}
                  {anyOther && (
                    <td className={other.length ? 'bad-cell' : undefined}>
                      {other.map((x, i) => (
                        <span key={i} className="cell-problem" role="note" data-testid={`q-problem-${r.row}-${x.column || 'row'}`}>
                          {x.header ? `${x.header}：` : ''}
                          {problemText(t, x)}
                        </span>
                      ))}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="primary" data-testid="q-add" disabled={!n || busy} onClick={onAdd}>
          {busy ? t('staff.questions.saving') : n ? t('staff.questions.add', { n }) : t('staff.questions.nothingToAdd')}
        </button>
        <button type="button" data-testid="q-cancel" disabled={busy} onClick={onCancel}>
          {t('staff.cancel')}
        </button>
      </div>
    </div>
  );
}
