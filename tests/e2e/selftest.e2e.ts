// Self-test mode on the built app: group-appropriate questions, feedback with the rule and source,
// resume after reload, result with mastery by topic, the attempt saved; and the same test in VR.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './suite.ts';
import { open, shot } from './helpers.ts';
import { clickAt, clickUntil, enterVR, xrFrames } from './xr.ts';

type Q = { id: string; groups: string[]; answer: string[]; kind: string; choices: { id: string }[] };
const bank = (zone: string): Q[] => JSON.parse(readFileSync(`quizzes/${zone}.json`, 'utf8')).questions;

const suite = browserSuite();

async function currentQuestion(page: Page): Promise<string> {
  await page.getByTestId('test-question').waitFor();
  return (await page.getByTestId('test-question').getAttribute('data-question'))!;
}

/** Answers the current question right or wrong through the choice buttons. */
async function answer(page: Page, q: Q, right: boolean) {
  const ids = right ? q.answer : [q.choices.find((c) => !q.answer.includes(c.id))!.id];
  for (const id of ids) await page.getByTestId(`choice-${id}`).click();
  if (q.kind === 'multiple') await page.getByTestId('test-submit').click();
  await page.getByTestId('test-feedback').waitFor();
}

async function savedAttempts(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ zone: string; mode: string; group: string; score: number; answers: unknown[] }[]>((resolve, reject) => {
        const req = indexedDB.open('traffic-safety-hall');
        req.onsuccess = () => {
          const tx = req.result.transaction('attempts', 'readonly');
          const all = tx.objectStore('attempts').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

describe('self-test (flat skin)', () => {
  it('a child gets child questions, feedback with the rule, resumes after reload, and sees the result saved', async () => {
    const g = await suite.page();
    const { page } = g;
    const crossing = bank('crossing');
    await open(page, '#/');
    await page.getByTestId('begin').click();
    await page.getByTestId('nickname').fill('小红');
    await page.getByTestId('group-child').click();
    await page.getByTestId('profile-save').click();
    await page.waitForURL(/#\/hall$/);
    await open(page, '#/zone/crossing?mode=test');

    const seen: string[] = [];
    const first = await currentQuestion(page);
    expect(await page.getByTestId('test-progress').textContent()).toBe('第 1 / 8 题');
    await shot(page, 'test-zh-01-question');
    const q1 = crossing.find((q) => q.id === first)!;
    expect(q1.groups).toContain('child');
    await answer(page, q1, false);
    expect(await page.getByTestId('test-feedback').textContent()).toContain('回答错误');
    expect(await page.getByTestId('test-feedback').textContent()).toContain('依据：');
    await shot(page, 'test-zh-02-feedback');
    await page.getByTestId('test-next').click();
    seen.push(first);

    const second = await currentQuestion(page);
    const q2 = crossing.find((q) => q.id === second)!;
    await answer(page, q2, true);
    expect(await page.getByTestId('test-feedback').textContent()).toContain('回答正确');

    // reload mid-test: the same test, at the same place, feedback still showing
    await page.reload();
    expect(await currentQuestion(page)).toBe(second);
    expect(await page.getByTestId('test-progress').textContent()).toBe('第 2 / 8 题');
    await page.getByTestId('test-feedback').waitFor();
    await page.getByTestId('test-next').click();
    seen.push(second);

    for (let i = 2; i < 8; i++) {
      const id = await currentQuestion(page);
      expect(seen).not.toContain(id);
      const q = crossing.find((x) => x.id === id)!;
      expect(q.groups).toContain('child');
      await answer(page, q, true);
      seen.push(id);
      await page.getByTestId('test-next').click();
    }
    await page.getByTestId('test-result').waitFor();
    expect(await page.getByTestId('test-score').textContent()).toContain('得分：88'); // 7 of 8
    expect(await page.getByTestId('test-passed').textContent()).toContain('通过');
    expect(await page.getByTestId('test-mastery').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('test-review').locator('li').count()).toBe(1);
    await shot(page, 'test-zh-03-result');

    const attempts = await savedAttempts(page);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ zone: 'crossing', mode: 'test', group: 'child', score: 88 });
    expect(attempts[0]!.answers).toHaveLength(8);
  });

  it('a driver gets driver questions in English, and multiple-choice questions need every right answer', async () => {
    const g = await suite.page();
    const { page } = g;
    const seatbelt = bank('seatbelt');
    await open(page, '#/zone/seatbelt?mode=test&group=driver&lang=en');
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const id = await currentQuestion(page);
      const q = seatbelt.find((x) => x.id === id)!;
      expect(q.groups).toContain('driver');
      ids.push(id);
      if (i === 0) await shot(page, 'test-en-01-question');
      await answer(page, q, true);
      expect(await page.getByTestId('test-feedback').textContent()).toContain('Correct!');
      await page.getByTestId('test-next').click();
    }
    await page.getByTestId('test-result').waitFor();
    expect(await page.getByTestId('test-score').textContent()).toContain('Score: 100');
    await shot(page, 'test-en-02-result');
    // the child's test of the same zone is a different one
    const childIds = seatbelt.filter((q) => q.groups.includes('child')).map((q) => q.id);
    expect(ids.every((id) => childIds.includes(id))).toBe(false);
  });
});

describe('self-test (emulated VR)', () => {
  it('answers questions with the controller on the 3D panel and reaches the result', async () => {
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    const { page } = g;
    const drunk = bank('drunk');
    await open(page, '#/hall?group=pro&lang=zh-Hans', '?emulate');
    await enterVR(page);
    await xrFrames(page, 10);
    await page.evaluate(() => (window.location.hash = '#/zone/drunk?mode=test&group=pro&lang=zh-Hans'));
    for (let i = 0; i < 10; i++) {
      const id = await currentQuestion(page);
      const q = drunk.find((x) => x.id === id)!;
      expect(q.groups).toContain('pro');
      await xrFrames(page, 4);
      if (i === 0) await shot(page, 'test-xr-01-question');
      const feedbackShown = async () => (await page.getByTestId('test-feedback').count()) > 0;
      if (q.kind === 'multiple') {
        for (const c of q.answer) await clickAt(page, `button:choice-${c}`);
        await clickUntil(page, 'button:test-submit', feedbackShown);
      } else await clickUntil(page, `button:choice-${q.answer[0]}`, feedbackShown);
      await xrFrames(page, 3);
      const moved = async () => (await page.getByTestId('test-result').count()) > 0 || (await page.getByTestId('test-question').getAttribute('data-question').catch(() => null)) !== id;
      await clickUntil(page, 'button:test-next', moved);
    }
    await page.getByTestId('test-result').waitFor();
    await xrFrames(page, 6);
    await shot(page, 'test-xr-02-result');
    const attempts = await savedAttempts(page);
    expect(attempts[0]).toMatchObject({ zone: 'drunk', mode: 'test', group: 'pro', score: 100, device: 'vr' });
    // ten questions of three presses each, at the emulated headset's few frames a second
  }, 240_000);
});
