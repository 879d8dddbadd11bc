import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { BASE } from './browser.ts';
import { mark } from './trail.ts';

export const SHOTS = new URL('./__screenshots__/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

/**
 * A screenshot for people to look at (nothing is compared). Chromium now and then answers "Unable
 * to capture screenshot" when the page's compositor is busy with software GL (once in a CI run of
 * eighty tests, on a phone page that had just loaded); it is asked again after a short pause.
 */
export async function shot(page: Page, name: string) {
  mark(`screenshot ${name}`);
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot({ path: `${SHOTS}${name}.png` });
      return;
    } catch (e) {
      if (attempt >= 3 || !/Unable to capture screenshot/.test(String(e))) throw e;
      mark(`screenshot ${name}: Chromium could not capture it (try ${attempt}), asking again`);
      await page.waitForTimeout(1000);
    }
  }
}

export async function open(page: Page, hash: string, search = '') {
  mark(`open ${search}${hash}`);
  await page.goto(`${BASE}/${search}${hash}`);
}

/** Waits until the lobby's 3D view has drawn its portals (text included). */
export async function waitForHall3d(page: Page) {
  await page.waitForFunction(() => {
    const h = (window as unknown as { __hall3d?: { gl: { info: { render: { calls: number } } } } }).__hall3d;
    return !!h && h.gl.info.render.calls > 10;
  }, undefined, { timeout: 60_000 });
  await page.waitForTimeout(1500);
}

/** Screen position (CSS px, page coordinates) of a zone's portal pane in the lobby. */
export async function portalPoint(page: Page, zoneId: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    type V = { x: number; y: number; z: number; project(c: unknown): V };
    const h = (window as unknown as { __hall3d: { scene: { getObjectByName(n: string): { getWorldPosition(v: V): V } | undefined }; camera: unknown; gl: { domElement: HTMLCanvasElement } } }).__hall3d;
    const pane = h.scene.getObjectByName(`portal-pane-${id}`);
    if (!pane) throw new Error(`no portal for ${id}`);
    // borrow a Vector3 from the scene's own position to stay free of a second three copy
    const v = (h.scene as unknown as { position: { clone(): V } }).position.clone();
    pane.getWorldPosition(v);
    v.project(h.camera);
    const r = h.gl.domElement.getBoundingClientRect();
    return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height };
  }, zoneId);
}
