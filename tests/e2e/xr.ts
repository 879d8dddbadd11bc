// Driving the emulated Quest 3 (iwer, installed by /?emulate) from a browser test.
import type { Page } from 'playwright-core';
import { mark } from './trail.ts';

/**
 * How long one frame may take before a frame wait gives up with what it saw. Software GL draws a
 * frame in well under a second here; a stall of this length means frames stopped coming, and a
 * wait without an end would only show up as the test's own timeout, saying nothing.
 */
const FRAME_STALL_MS = 15_000;

/** Resolves after n frames of the XR session (or of the page, outside XR). */
export async function xrFrames(page: Page, n: number): Promise<void> {
  const stalled = await page.evaluate(
    async ({ count, stallMs }) => {
      type Session = { visibilityState?: string; addEventListener(type: 'end', f: () => void, o: { once: boolean }): void };
      const h = (window as unknown as { __hall3d: { gl: { info: { render: { frame: number } }; getContext(): { isContextLost(): boolean } }; xrStore: { requestFrame(): Promise<unknown>; getState(): { session: Session | null } } } }).__hall3d;
      // A click on "exit VR" ends the session between two of these frames; the store's frame request
      // is then never answered (a CI run stalled here). Once the session has ended, the page's own
      // frames count instead.
      let ended = false;
      let wake: ((why: string) => void) | null = null;
      let watched: Session | null = null;
      for (let i = 0; i < count; i++) {
        const session = ended ? null : h.xrStore.getState().session;
        if (session && session !== watched) {
          watched = session;
          session.addEventListener('end', () => {
            ended = true;
            wake?.('ended');
          }, { once: true });
        }
        const next = session
          ? new Promise((r) => {
              wake = r;
              void h.xrStore.requestFrame().then(r);
            })
          : new Promise((r) => requestAnimationFrame(r));
        let timer = 0;
        const late = new Promise<'late'>((r) => (timer = window.setTimeout(() => r('late'), stallMs)));
        const got = await Promise.race([next, late]);
        window.clearTimeout(timer);
        if (got === 'late') {
          const now = h.xrStore.getState().session;
          const notices = [...document.querySelectorAll('.notice')].map((n) => n.textContent).join(' | ');
          return `frame ${i + 1} of ${count} did not come in ${stallMs / 1000} s (session ${session ? 'was' : 'was not'} active, ${now ? `is active, ${now.visibilityState ?? '?'}` : 'is not active'}; renderer frame ${h.gl.info.render.frame}${h.gl.getContext().isContextLost() ? '; WebGL context LOST' : ''}; ${location.hash}${notices ? `; notices: ${notices}` : ''})`;
        }
      }
      return null;
    },
    { count: n, stallMs: FRAME_STALL_MS },
  );
  if (stalled) {
    mark(`frames stalled: ${stalled}`);
    throw new Error(`xrFrames: ${stalled}`);
  }
}

export async function sessionInfo(page: Page) {
  return page.evaluate(() => {
    const h = (window as unknown as { __hall3d?: { gl: { info: { render: { frame: number } } }; xrStore: { getState(): { session?: { mode?: string; visibilityState?: string } | null; mode?: string | null } } } }).__hall3d;
    const s = h?.xrStore.getState();
    return { active: !!s?.session, mode: s?.mode ?? null, frame: h?.gl.info.render.frame ?? 0 };
  });
}

/**
 * Points an input (controller or hand) at a named scene object: places it 0.35 m below and in
 * front of the head, aimed (−Z) at the object's world position, expressed in the XR origin's space.
 */
export async function aimAt(page: Page, objectName: string | { x: number; y: number; z: number }, input: 'controller' | 'hand' = 'controller', hand: 'left' | 'right' = 'right') {
  await page.evaluate(
    ({ name, input, hand }) => {
      type V = { x: number; y: number; z: number; set(x: number, y: number, z: number): V; clone(): V; copy(v: V): V; applyMatrix4(m: unknown): V; sub(v: V): V; lengthSq(): number };
      type M = { clone(): M; invert(): M; lookAt(eye: V, target: V, up: V): M };
      type Q = { setFromRotationMatrix(m: M): Q; x: number; y: number; z: number; w: number };
      type O = { getWorldPosition(v: V): V; matrixWorld: M; quaternion: { constructor: new () => Q } };
      const w = window as unknown as {
        __hall3d: { scene: { getObjectByName(n: string): O | undefined; position: V }; camera: O & { getWorldPosition(v: V): V } };
        __xrDevice: { controllers: Record<string, { position: { set(x: number, y: number, z: number): void }; quaternion: { set(x: number, y: number, z: number, w: number): void } }>; hands: Record<string, { position: { set(x: number, y: number, z: number): void }; quaternion: { set(x: number, y: number, z: number, w: number): void } }> };
      };
      const h = w.__hall3d;
      const target = typeof name === 'string' ? h.scene.getObjectByName(name) : null;
      const origin = h.scene.getObjectByName('xr-origin');
      if ((typeof name === 'string' && !target) || !origin) throw new Error(`no object ${String(name)} (or no xr-origin) in the scene`);
      const p = h.scene.position.clone();
      if (target) target.getWorldPosition(p);
      else if (typeof name !== 'string') p.set(name.x, name.y, name.z);
      const eye = h.scene.position.clone();
      h.camera.getWorldPosition(eye);
      const inv = origin.matrixWorld.clone().invert();
      const localTarget = p.clone().applyMatrix4(inv);
      const localEye = eye.clone().applyMatrix4(inv);
      // hold the input a little below the eyes and towards the target
      const from = localEye.clone().set(localEye.x + (localTarget.x - localEye.x) * 0.1, localEye.y - 0.25, localEye.z + (localTarget.z - localEye.z) * 0.1);
      const up = h.scene.position.clone().set(0, 1, 0);
      const M = (origin.matrixWorld as unknown as { constructor: new () => M }).constructor;
      const m = new M().lookAt(from, localTarget, up);
      const q = new origin.quaternion.constructor().setFromRotationMatrix(m);
      const device = input === 'controller' ? w.__xrDevice.controllers[hand]! : w.__xrDevice.hands[hand]!;
      device.position.set(from.x, from.y, from.z);
      device.quaternion.set(q.x, q.y, q.z, q.w);
    },
    { name: objectName, input, hand },
  );
}

/** Aim, wait, press, wait, release, wait: a value change only takes effect at the next frame. */
export async function clickAt(page: Page, objectName: string | { x: number; y: number; z: number }, input: 'controller' | 'hand' = 'controller', hand: 'left' | 'right' = 'right') {
  await aimAt(page, objectName, input, hand);
  // pointers hover on one frame and take the press on a later one (the emulator turns a button
  // change into select events at a frame, the pointer acts on them at the next): two frames a step
  // for a controller; a hand's pinch closes and opens over several frames, so a hand gets more
  const [aim, down, up] = input === 'controller' ? [2, 2, 2] : [4, 3, 3];
  await xrFrames(page, aim);
  await setPress(page, input, hand, 1);
  await xrFrames(page, down);
  await setPress(page, input, hand, 0);
  await xrFrames(page, up);
}

export async function setPress(page: Page, input: 'controller' | 'hand', hand: 'left' | 'right', value: number) {
  await page.evaluate(
    ({ input, hand, value }) => {
      const d = (window as unknown as { __xrDevice: { controllers: Record<string, { updateButtonValue(id: string, v: number): void }>; hands: Record<string, { updatePinchValue(v: number): void }> } }).__xrDevice;
      if (input === 'controller') d.controllers[hand]!.updateButtonValue('trigger', value);
      else d.hands[hand]!.updatePinchValue(value);
    },
    { input, hand, value },
  );
}

export async function thumbstick(page: Page, hand: 'left' | 'right', x: number, y: number) {
  await page.evaluate(
    ({ hand, x, y }) => {
      const d = (window as unknown as { __xrDevice: { controllers: Record<string, { updateAxes(id: string, x: number, y: number): void }> } }).__xrDevice;
      d.controllers[hand]!.updateAxes('thumbstick', x, y);
    },
    { hand, x, y },
  );
}

/** World position and yaw of the visitor's XR origin. */
export async function originPose(page: Page) {
  return page.evaluate(() => {
    const h = (window as unknown as { __hall3d: { scene: { getObjectByName(n: string): { position: { x: number; y: number; z: number }; rotation: { y: number } } | undefined } } }).__hall3d;
    const o = h.scene.getObjectByName('xr-origin')!;
    return { x: o.position.x, y: o.position.y, z: o.position.z, yaw: o.rotation.y };
  });
}

/**
 * Clicks until `done` holds (at most `tries` clicks). Emulated VR in software runs at a few frames a
 * second and a frame can stall for seconds under load, so a single click is occasionally lost; what
 * the test asserts is the outcome of the visitor's intent, not that one frame timing.
 */
export async function clickUntil(page: Page, objectName: string, done: () => Promise<boolean>, opts: { input?: 'controller' | 'hand'; hand?: 'left' | 'right'; tries?: number } = {}) {
  const tries = opts.tries ?? 3;
  for (let i = 0; i < tries; i++) {
    mark(`3D click on ${objectName} (${opts.input ?? 'controller'}), try ${i + 1}`);
    await clickAt(page, objectName, opts.input ?? 'controller', opts.hand ?? 'right');
    for (let w = 0; w < 10; w++) {
      if (await done()) return;
      await xrFrames(page, 2);
    }
  }
  throw new Error(`clicking ${objectName} ${tries} times did not have its effect`);
}

/**
 * Press the page's "enter VR" button and wait for the emulated session. On this 2-core machine
 * under a full test run a press now and then starts no session (no error, no notice: the request
 * seems lost while software GL is busy); a visitor would press again, and so does this, at most
 * three times, reporting any notice the page showed.
 */
export async function enterVR(page: Page) {
  await page.getByTestId('enter-vr').waitFor({ timeout: 60_000 });
  const active = () => page.evaluate(() => (window as unknown as { __hall3d?: { xrStore: { getState(): { session: unknown } } } }).__hall3d?.xrStore.getState().session != null);
  for (let attempt = 1; attempt <= 3; attempt++) {
    mark(`enter VR, press ${attempt}`);
    if (!(await active())) await page.getByTestId('enter-vr').click();
    for (let i = 0; i < 40 && !(await active()); i++) await page.waitForTimeout(500);
    if (await active()) {
      mark('in VR');
      return;
    }
    const notices = await page.evaluate(() => [...document.querySelectorAll('.notice')].map((n) => n.textContent).join(' | '));
    console.warn(`enter VR: no session after press ${attempt}${notices ? `; notices: ${notices}` : ''}`);
  }
  throw new Error('enter VR: no immersive session after three presses');
}

/** Is an object of this name in the 3D scene (a panel, a button, the cockpit…)? */
export const hasObject = (page: Page, name: string): Promise<boolean> =>
  page.evaluate((n) => !!(window as unknown as { __hall3d: { scene: { getObjectByName(n: string): unknown } } }).__hall3d.scene.getObjectByName(n), name);

/**
 * Is the named object in front of the head (ahead along the view direction, within `reach` metres)?
 * Panels are anchored where the head looked when they were last re-centred.
 */
export async function inFrontOfHead(page: Page, name: string, reach = 3): Promise<boolean> {
  return page.evaluate(
    ({ name, reach }) => {
      type V = { x: number; y: number; z: number; clone(): V; sub(v: V): V; dot(v: V): number; length(): number };
      const h = (window as unknown as { __hall3d: { scene: { position: V; getObjectByName(n: string): { getWorldPosition(v: V): V } | undefined }; camera: { getWorldPosition(v: V): V; getWorldDirection(v: V): V } } }).__hall3d;
      const o = h.scene.getObjectByName(name);
      if (!o) return false;
      const p = o.getWorldPosition(h.scene.position.clone());
      const eye = h.camera.getWorldPosition(h.scene.position.clone());
      const dir = h.camera.getWorldDirection(h.scene.position.clone());
      const to = p.sub(eye);
      return to.dot(dir) > 0.5 && to.length() < reach;
    },
    { name, reach },
  );
}
