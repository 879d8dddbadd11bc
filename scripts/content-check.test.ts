import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(...paths: string[]): { code: number; out: string } {
  try {
    const out = execFileSync('npx', ['tsx', 'scripts/content-check.ts', ...paths], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

// each run starts tsx and builds OpenCC's dictionaries for the zh-Hant check (≈ 1–2 s on a busy machine)
describe('npm run content:check', { timeout: 30_000 }, () => {
  it('passes the shipped groups and zones', () => {
    const r = run('quizzes/groups.json', 'scenes');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid/);
  });

  it('names file, field and problem for each fault of a broken quiz, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quiz-'));
    const bank = JSON.parse(readFileSync('quizzes/crossing.json', 'utf8'));
    const q = bank.questions[0];
    delete q.prompt.en;
    bank.questions[1].difficulty = 7;
    const file = join(dir, 'crossing.json');
    writeFileSync(file, JSON.stringify(bank));
    const r = run(file);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toContain(`${file}: questions[0].prompt.en: Invalid input: expected string, received undefined`);
    expect(lines.some((l) => l.startsWith(`${file}: questions[1].difficulty: `))).toBe(true);

    // cross-field rules: the answer must be one of the choices
    const fixed = JSON.parse(readFileSync('quizzes/crossing.json', 'utf8'));
    fixed.questions[0].answer = ['maybe'];
    writeFileSync(file, JSON.stringify(fixed));
    expect(run(file).out).toContain(`${file}: questions[0].answer[0]: "maybe" is not one of the choices`);
    // every line has the `file: field.path: problem` shape
    for (const l of lines) expect(l).toMatch(/^.+\.json: [^:]+: .+$/);
  });

  it('refuses citations of missing or UNCONFIRMED facts and unknown groups', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quiz-'));
    const bank = JSON.parse(readFileSync('quizzes/crossing.json', 'utf8'));
    bank.questions = [bank.questions[0]];
    bank.questions[0].source.facts = ['2.18', '9.99'];
    bank.questions[0].groups = ['martian'];
    const file = join(dir, 'crossing.json');
    writeFileSync(file, JSON.stringify(bank));
    const r = run(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}: questions[0].source.facts[0]: facts item 2.18 is UNCONFIRMED and cannot back an answer`);
    expect(r.out).toContain(`${file}: questions[0].source.facts[1]: facts item 9.99 does not exist`);
    expect(r.out).toContain(`${file}: questions[0].groups[0]: unknown audience group "martian"`);
  });

  it('reports a file that is not JSON, and one the fonts cannot draw', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quiz-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "zone": "crossing", ');
    const r = run(broken);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${broken}: (file): not valid JSON`);

    const bank = JSON.parse(readFileSync('quizzes/crossing.json', 'utf8'));
    bank.questions = [bank.questions[0]];
    bank.questions[0].prompt.en = 'Speed ≥ 80?';
    const glyphs = join(dir, 'crossing.json');
    writeFileSync(glyphs, JSON.stringify(bank));
    expect(run(glyphs).out).toContain(`${glyphs}: questions[0].prompt.en: the bundled fonts cannot draw "≥"`);
  });

  it('names a new question whose zh-Hant would need a reviewed phrase (file, field, phrase, the fix)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quiz-'));
    const bank = JSON.parse(readFileSync('quizzes/seatbelt.json', 'utf8'));
    bank.questions = [bank.questions[0]];
    bank.questions[0].prompt['zh-Hans'] = '坐车前先把头发扎好，再把座椅擦干吗？';
    const file = join(dir, 'seatbelt.json');
    writeFileSync(file, JSON.stringify(bank));
    const r = run(file);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n').filter((l) => l.startsWith(`${file}: questions[0].prompt.zh-Hans: `));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('发 in "坐车前先把头发扎好"');
    expect(lines[0]).toContain('"头发": ["頭髮", "<why>"]');
    expect(lines[1]).toContain('干 in "再把座椅擦干吗"');
  });
});
