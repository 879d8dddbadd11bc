import { readFileSync, readdirSync } from 'node:fs';
import { zhHans } from './src/i18n/zh-Hans.ts';
import { collectStrings } from './scripts/build/content.ts';
const strs: string[] = [];
function walk(v: unknown) { if (Array.isArray(v)) v.forEach(walk); else if (v && typeof v === 'object') { for (const [k, x] of Object.entries(v)) { if (k === 'zh-Hans' && typeof x === 'string') strs.push(x); else walk(x); } } }
for (const d of ['scenes', 'quizzes']) for (const f of readdirSync(d).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(`${d}/${f}`, 'utf8')));
strs.push(...collectStrings(zhHans));
const amb = process.argv[2]!;
const counts = new Map<string, number>(); const ctx = new Map<string, Set<string>>();
for (const s of strs) { const a = [...s]; a.forEach((c, i) => { if (amb.includes(c)) { counts.set(c, (counts.get(c) ?? 0) + 1); const k = (a[i - 1] ?? '^') + c + (a[i + 1] ?? '$'); (ctx.get(c) ?? ctx.set(c, new Set()).get(c)!).add(k); } }); }
console.log(strs.length, [...counts].map(([c, n]) => `${c}:${n}/${ctx.get(c)!.size}`).join(' '));
if (process.argv[3]) console.log([...(ctx.get(process.argv[3]) ?? [])].join(' '));
