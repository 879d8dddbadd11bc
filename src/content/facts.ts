// The facts.md item index: which item ids exist and how sure each one is.
export type FactStatus = 'primary' | 'secondary' | 'calc' | 'unconfirmed';
export interface FactsIndex {
  items: Record<string, { status: FactStatus; audience: string }>;
}

/** Items are headed `**1.5** [原文 PRIMARY] · P, C`; mixed labels such as `[二手 + 计算]` count as the
 * weakest claim they make (a calculation is approximate, an unconfirmed part is unconfirmed). */
export function parseFactsIndex(markdown: string): FactsIndex {
  const items: FactsIndex['items'] = {};
  const head = /^\*\*(\d+\.\d+)\*\*\s*(\[[^·]*\])\s*(?:·\s*(.*))?$/;
  for (const line of markdown.split(/\r?\n/)) {
    const m = head.exec(line.trim());
    if (!m) continue;
    const [, id, label = '', audience = ''] = m;
    const status: FactStatus = /UNCONFIRMED|未证实/.test(label)
      ? 'unconfirmed'
      : /CALC|计算/.test(label)
        ? 'calc'
        : /PRIMARY|原文/.test(label)
          ? 'primary'
          : 'secondary';
    items[id!] = { status, audience: audience.trim() };
  }
  return { items };
}

/** Why a citation of `id` cannot stand, or null when it can. */
export function citationProblem(index: FactsIndex, id: string): string | null {
  const item = index.items[id];
  if (!item) return `facts item ${id} does not exist`;
  if (item.status === 'unconfirmed') return `facts item ${id} is UNCONFIRMED and cannot back an answer`;
  return null;
}
