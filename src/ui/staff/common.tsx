// Pieces the staff console's tabs share: saved data (reloaded when a tab changes it), the period
// picker, names of groups, zones, questions and events in the current language, and downloads.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { text, ZONE_IDS, type Lang, type LocalizedText, type ZoneId } from '../../content/ids.ts';
import { CHALLENGE_LIST } from '../../modes/competition/challenges.ts';
import { lastDays, unsafeKindsFromScoring, windowPeriod, type Period, type UnsafeRule } from '../../scoring/stats.ts';
import { plausibleOnly, scoringLookup } from '../../scoring/plausible.ts';
import type { Attempt, Visitor } from '../../storage/types.ts';

// ---------------------------------------------------------------- saved data

export const DataVersion = createContext<{ version: number; changed: () => void }>({ version: 0, changed: () => undefined });

export function useDataVersion() {
  return useContext(DataVersion);
}

export interface HallData {
  /** what statistics and leaderboards count: the attempts that pass the plausibility check */
  attempts: Attempt[];
  /** every saved attempt (exports and purges see them all) */
  allAttempts: Attempt[];
  /** attempts the plausibility check kept out of statistics and leaderboards, with why */
  implausible: { attempt: Attempt; why: string }[];
  visitors: Visitor[];
}

/** Attempts and visitors as saved; reloaded whenever a tab reports a change. */
export function useHallData(): HallData | null {
  const { storage } = useServices();
  const catalog = useCatalog();
  const { version } = useDataVersion();
  const [data, setData] = useState<HallData | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([storage.listAttempts(), storage.listVisitors()]).then(([attempts, visitors]) => {
      const checked = plausibleOnly(attempts, scoringLookup(catalog.zones));
      if (live) setData({ attempts: checked.kept, allAttempts: attempts, implausible: checked.rejected, visitors });
    });
    return () => {
      live = false;
    };
  }, [storage, version, catalog]);
  return data;
}

// ---------------------------------------------------------------- periods

export const PERIODS = ['today', 'week', 'days30', 'all'] as const;
export type PeriodId = (typeof PERIODS)[number];

export function periodOf(id: PeriodId, now = Date.now()): Period {
  return id === 'days30' ? lastDays(30, now) : windowPeriod(id, now);
}

export function Segmented<T extends string>({
  value,
  options,
  onChange,
  label,
  testid,
}: {
  value: T;
  options: readonly { id: T; label: string }[];
  onChange: (v: T) => void;
  label: string;
  testid: string;
}) {
  return (
    <div className="segmented" role="group" aria-label={label} data-testid={testid}>
      {options.map((o) => (
        <button key={o.id} type="button" aria-pressed={o.id === value} data-testid={`${testid}-${o.id}`} onClick={() => onChange(o.id)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function PeriodPicker({ value, onChange, testid = 'period' }: { value: PeriodId; onChange: (p: PeriodId) => void; testid?: string }) {
  const { t } = useTranslation();
  return (
    <Segmented
      value={value}
      onChange={onChange}
      label={t('staff.period.label')}
      testid={testid}
      options={PERIODS.map((p) => ({ id: p, label: t(`staff.period.${p}`) }))}
    />
  );
}

// ---------------------------------------------------------------- names

export function useNames() {
  const catalog = useCatalog();
  const lang = useSession((s) => s.lang);
  return useMemo(() => {
    const groups = new Map(catalog.groups.map((g) => [g.id, g]));
    const zones = new Map(catalog.zones.flatMap((z) => (z.ok ? [[z.id, z.zone] as const] : [])));
    return {
      lang,
      group: (id: string) => {
        const g = groups.get(id);
        return g ? text(g.name, lang) : id;
      },
      zone: (id: string) => {
        const z = zones.get(id as ZoneId);
        return z ? text(z.title, lang) : id;
      },
      /** a zone's scored event kind in words (its feedback message), or the kind itself */
      event: (kind: string) => {
        for (const z of zones.values()) {
          const f = z.feedback?.[kind];
          if (f) return text(f.message, lang);
        }
        return kind;
      },
    };
  }, [catalog, lang]);
}

/** Unsafe event kinds: those that cost points in some zone's scoring table. */
export function useUnsafeRule(): UnsafeRule {
  const catalog = useCatalog();
  return useMemo(() => {
    const kinds = new Set<string>();
    for (const z of catalog.zones) if (z.ok && z.zone.scoring) unsafeKindsFromScoring(z.zone.scoring).forEach((k) => kinds.add(k));
    return { unsafe: [...kinds].sort() };
  }, [catalog]);
}

/** Question prompts of every zone's bank (loaded once), and challenge items named by their challenge. */
export function useQuestionPrompts(): (id: string, lang: Lang) => string {
  const { loadBank } = useServices();
  const [prompts, setPrompts] = useState<Map<string, LocalizedText>>(new Map());
  useEffect(() => {
    let live = true;
    void Promise.all(ZONE_IDS.map((z) => loadBank(z).catch(() => null))).then((banks) => {
      if (!live) return;
      const m = new Map<string, LocalizedText>();
      for (const b of banks) if (b?.ok) for (const q of b.questions) m.set(q.id, q.prompt);
      setPrompts(m);
    });
    return () => {
      live = false;
    };
  }, [loadBank]);
  return (id, lang) => {
    const p = prompts.get(id);
    if (p) return text(p, lang);
    const ch = CHALLENGE_LIST.find((c) => id.startsWith(`${c.id}-`));
    return ch ? `${text(ch.title, lang)} (${id.slice(ch.id.length + 1)})` : id;
  };
}

// ---------------------------------------------------------------- dialogs

/** A dialog's keyboard: Escape cancels (before anything under the dialog sees it); `focus` gets the
 * focus when the dialog opens (the safe choice). */
export function useDialogKeys<T extends HTMLElement>(onCancel: () => void): RefObject<T | null> {
  const focus = useRef<T>(null);
  useEffect(() => {
    focus.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onCancel();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onCancel]);
  return focus;
}

// ---------------------------------------------------------------- formatting and downloads

export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
export const num1 = (x: number | null) => (x === null ? '—' : x.toFixed(1));

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Saves text (or a file's bytes) as a file through a blob link (works offline, no server round trip). */
export function download(filename: string, content: string | Blob, type = ''): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "2026-05-01" in the hall's local time, for file names. */
export function fileDate(t = Date.now()): string {
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}
