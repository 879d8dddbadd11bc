// zh-Hant from zh-Hans: OpenCC's character conversion plus reviewed phrase rules, and the check that
// keeps it right. Pure (no OpenCC import): the build hands in OpenCC's cn→tw converter
// (scripts/build/hant.ts), the staff console hands in the same converter loaded lazily.
//
// Why phrase rules and a review list: some simplified characters stand for several traditional ones
// (系 → 係 or 繫, 干 → 乾 or 幹, 里 → 裡 or 里, 钟 → 鐘 or 鍾 …). OpenCC picks by its phrase dictionary
// and falls back to one default, which is wrong in phrases it does not know (未系安全带 → 未系, should
// be 未繫). So every occurrence of such a character in generated text must sit inside a phrase someone
// has looked at: a *rule* (the phrase and its correct Traditional text, applied after OpenCC) or a
// *confirmed* phrase (OpenCC already gets it right; the expected text is checked on every build).
// Some words are right character by character but mean something else in Taiwan (安全帽 is a
// motorcycle helmet there, 质量 reads as "mass"): they are on the review list as terms.

/** zh-Hans phrase → [correct zh-Hant text, why] */
export type PhraseTable = Record<string, readonly [string, string]>;

export interface HantOverrides {
  /** characters (one-to-many in OpenCC) whose every occurrence needs a rule or a confirmed phrase */
  reviewChars: string;
  /** words with a different meaning in Taiwan usage, checked like the characters */
  reviewTerms: readonly string[];
  /** applied after OpenCC: the phrase's text is replaced by the given zh-Hant */
  rules: PhraseTable;
  /** OpenCC's output for the phrase is right; checked on every build */
  confirmed: PhraseTable;
  /** zh-Hant text that must never appear in the app (known wrong outputs) → why */
  wrong: Record<string, string>;
}

export type Convert = (s: string) => string;

interface Match {
  start: number;
  end: number;
  key: string;
}

/** Code points, so offsets agree for characters outside the BMP. */
const cps = (s: string): string[] => Array.from(s);

/** Every occurrence (overlapping) of every key in the text, by code-point offsets. */
function occurrences(chars: readonly string[], keys: Iterable<string>): Match[] {
  const text = chars.join('');
  const out: Match[] = [];
  for (const key of keys) {
    let at = text.indexOf(key);
    while (at >= 0) {
      const start = cps(text.slice(0, at)).length;
      out.push({ start, end: start + cps(key).length, key });
      at = text.indexOf(key, at + 1);
    }
  }
  return out;
}

/** Leftmost-longest, non-overlapping rule matches (how the rules are applied). */
function ruleSegments(chars: readonly string[], rules: PhraseTable): Match[] {
  const all = occurrences(chars, Object.keys(rules)).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  let pos = 0;
  for (const m of all) {
    if (m.start < pos) continue;
    out.push(m);
    pos = m.end;
  }
  return out;
}

export interface Converted {
  text: string;
  /** output offset of each source code point, when OpenCC kept the length (it does for phrases it knows) */
  mapped: boolean;
  rules: Match[];
  /** output code points, and for each rule match its output range */
  out: string[];
  outRanges: Map<Match, [number, number]>;
}

function convertDetailed(src: string, base: Convert, rules: PhraseTable): Converted {
  const chars = cps(src);
  const segs = ruleSegments(chars, rules);
  const whole = cps(base(src));
  // OpenCC cn→tw converts character for character in every phrase of this app's content; when a
  // conversion changes the length, each stretch between rules is converted on its own instead
  const mapped = whole.length === chars.length;
  const out: string[] = [];
  const outRanges = new Map<Match, [number, number]>();
  let pos = 0;
  const plain = (from: number, to: number) => {
    if (from >= to) return;
    out.push(...(mapped ? whole.slice(from, to) : cps(base(chars.slice(from, to).join('')))));
  };
  for (const m of segs) {
    plain(pos, m.start);
    const begin = out.length;
    out.push(...cps(rules[m.key]![0]));
    outRanges.set(m, [begin, out.length]);
    pos = m.end;
  }
  plain(pos, chars.length);
  return { text: out.join(''), mapped, rules: segs, out, outRanges };
}

/** The converter the app's zh-Hant comes from: OpenCC, then the rules. */
export function makeConverter(base: Convert, overrides: Pick<HantOverrides, 'rules'>): Convert {
  return (s) => (s ? convertDetailed(s, base, overrides.rules).text : s);
}

export interface HantFinding {
  kind: 'unreviewed' | 'confirmed-differs' | 'wrong';
  /** the character, term, phrase or wrong text at fault */
  item: string;
  /** a few characters around it in the zh-Hans source (or the zh-Hant text for 'wrong') */
  context: string;
  /** the zh-Hant text the build produces for the context */
  hant: string;
  /** for 'unreviewed': a phrase to add, with what the conversion gives for it now */
  suggestion?: { phrase: string; hant: string };
  message: string;
}

const OVERRIDES_FILE = 'src/i18n/zh-Hant-overrides.json';

/** Text around [start, end) (a few characters each side, cut at sentence punctuation). */
function around(chars: readonly string[], start: number, end: number, width = 6): string {
  let a = start;
  let b = end;
  const stop = /[，。；：！？,.;:!?\n"“”「」（）()]/;
  while (a > 0 && start - a < width && !stop.test(chars[a - 1]!)) a--;
  while (b < chars.length && b - end < width && !stop.test(chars[b]!)) b++;
  return chars.slice(a, b).join('');
}

/** The phrase to suggest for an unreviewed character: a two-character word with it when the
 * dictionary knows one, else the character with its neighbours inside the clause. */
function suggestPhrase(chars: readonly string[], start: number, end: number, isWord?: (s: string) => boolean): [number, number] {
  const han = /[\p{Script=Han}]/u;
  const left = start > 0 && han.test(chars[start - 1]!);
  const right = end < chars.length && han.test(chars[end]!);
  if (isWord) {
    if (right && isWord(chars.slice(start, end + 1).join(''))) return [start, end + 1];
    if (left && isWord(chars.slice(start - 1, end).join(''))) return [start - 1, end];
  }
  return [left ? start - 1 : start, right ? end + 1 : end];
}

/**
 * What is wrong with the zh-Hant of one zh-Hans string: review characters and terms outside every
 * rule and confirmed phrase, confirmed phrases whose conversion changed, and known-wrong output.
 * `handHant` is a zh-Hant text written by hand for the string (it is checked for wrong output only).
 */
export function checkHant(src: string, base: Convert, o: HantOverrides, handHant?: string, isWord?: (s: string) => boolean): HantFinding[] {
  const findings: HantFinding[] = [];
  const chars = cps(src);
  const conv = convertDetailed(src, base, o.rules);
  if (handHant === undefined) {
    const reviewed = [...occurrences(chars, Object.keys(o.rules)), ...occurrences(chars, Object.keys(o.confirmed))];
    const covered = (s: number, e: number) => reviewed.some((m) => m.start <= s && m.end >= e);
    const items: Match[] = [...occurrences(chars, o.reviewTerms)];
    chars.forEach((c, i) => {
      if (o.reviewChars.includes(c)) items.push({ start: i, end: i + 1, key: c });
    });
    // a character inside an unreviewed term is reported with the term only
    const reported: Match[] = [];
    for (const m of items.sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (covered(m.start, m.end) || reported.some((r) => r.start <= m.start && r.end >= m.end)) continue;
      reported.push(m);
      const [a, b] = m.end - m.start > 1 ? [m.start, m.end] : suggestPhrase(chars, m.start, m.end, isWord);
      const phrase = chars.slice(a, b).join('');
      const phraseHant = makeConverter(base, o)(phrase);
      const context = around(chars, m.start, m.end);
      findings.push({
        kind: 'unreviewed',
        item: m.key,
        context,
        hant: makeConverter(base, o)(context),
        suggestion: { phrase, hant: phraseHant },
        message:
          `${m.key} in "${context}" (zh-Hant: "${makeConverter(base, o)(context)}") has no rule or confirmed phrase: ` +
          `add "${phrase}": ["${phraseHant}", "<why>"] to "confirmed" in ${OVERRIDES_FILE} if that is right, or to "rules" with the right text`,
      });
    }
    // a confirmed phrase must still come out as confirmed (a dictionary or rule change would show here)
    if (conv.mapped)
      for (const m of occurrences(chars, Object.keys(o.confirmed))) {
        if (conv.rules.some((r) => r.start < m.end && r.end > m.start)) continue;
        const got = conv.out.slice(m.start, m.end).join('');
        const want = o.confirmed[m.key]![0];
        if (got !== want)
          findings.push({
            kind: 'confirmed-differs',
            item: m.key,
            context: around(chars, m.start, m.end),
            hant: got,
            message: `confirmed phrase "${m.key}" should read "${want}" but comes out as "${got}" in "${around(chars, m.start, m.end)}": fix the entry in ${OVERRIDES_FILE} or add a rule`,
          });
      }
  }
  const hant = handHant ?? conv.text;
  for (const [bad, why] of Object.entries(o.wrong)) {
    let at = hant.indexOf(bad);
    while (at >= 0) {
      const hc = cps(hant);
      const start = cps(hant.slice(0, at)).length;
      const context = around(hc, start, start + cps(bad).length);
      findings.push({
        kind: 'wrong',
        item: bad,
        context,
        hant: context,
        message: `zh-Hant "${context}" contains "${bad}", a known wrong conversion (${why})${handHant === undefined ? `: add a rule in ${OVERRIDES_FILE}` : ': fix the hand-written zh-Hant'}`,
      });
      at = hant.indexOf(bad, at + bad.length);
    }
  }
  return findings;
}

/** Problems of the overrides file itself: rules and confirmed phrases must be consistent. */
export function overridesProblems(o: HantOverrides, base: Convert): string[] {
  const out: string[] = [];
  const convert = makeConverter(base, o);
  for (const [table, name] of [
    [o.rules, 'rules'],
    [o.confirmed, 'confirmed'],
  ] as const)
    for (const [k, v] of Object.entries(table)) {
      if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string' || !v[1].trim())
        out.push(`${name}."${k}": must be ["zh-Hant text", "why"]`);
      else for (const bad of Object.keys(o.wrong)) if (v[0].includes(bad)) out.push(`${name}."${k}": "${v[0]}" contains the known wrong "${bad}"`);
    }
  for (const [k, v] of Object.entries(o.confirmed)) {
    if (k in o.rules) out.push(`"${k}" is both a rule and confirmed`);
    else if (Array.isArray(v) && convert(k) !== v[0]) out.push(`confirmed."${k}": reads "${convert(k)}", not "${v[0]}" (make it a rule, or fix it)`);
  }
  return out;
}
