import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { BASE } from './browser.ts';

export const SHOTS = new URL('./__screenshots__/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}${name}.png` });
}

export async function open(page: Page, hash: string, search = '') {
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
