// The XR store: immersive-vr only, a fixed frame rate (the default would take the headset's
// highest, 120 Hz on a Quest 3), controller and hand models from this origin, never the built-in
// emulator (tests install iwer themselves through ?emulate).
import { createXRStore } from '@react-three/xr';
import { hallController } from './Controller.tsx';

/** Copied from @webxr-input-profiles/assets at build time (scripts/build/xrAssets.ts). Absolute:
 * the loader resolves files with `new URL(file, base)`. */
export function xrAssetPath(): string {
  return new URL('/xr-assets/profiles/', window.location.href).href;
}

/** The supported rate closest to the target, preferring one at or above it. */
export function pickFrameRate(target: number) {
  return (supported: ArrayLike<number>): number | false => {
    const rates = Array.from(supported);
    if (!rates.length) return false;
    const atLeast = rates.filter((r) => r >= target).sort((a, b) => a - b);
    return atLeast[0] ?? rates.sort((a, b) => b - a)[0]!;
  };
}

export interface HallXROptions {
  frameRate?: number;
  /** pointer click threshold (ms): tests raise it because software rendering runs at a few fps */
  clickThresholdMs?: number;
}

export function createHallXRStore({ frameRate = 72, clickThresholdMs = 300 }: HallXROptions = {}) {
  const ray = { clickThresholdMs };
  return createXRStore({
    emulate: false,
    offerSession: false,
    frameRate: pickFrameRate(frameRate),
    foveation: 1,
    baseAssetPath: xrAssetPath(),
    defaultControllerProfileId: 'generic-trigger',
    handTracking: true,
    // teleport on the left controller only: with a ray and a teleport pointer on one controller the
    // nearest hit wins, which makes pointing at panels unreliable
    controller: {
      left: hallController({ teleportPointer: true, rayPointer: ray, grabPointer: false }),
      right: hallController({ teleportPointer: false, rayPointer: ray, grabPointer: false }),
    },
    hand: { rayPointer: ray, touchPointer: { clickThresholdMs }, grabPointer: false, teleportPointer: false },
    gaze: false,
    screenInput: false,
    transientPointer: false,
  });
}

export type HallXRStore = ReturnType<typeof createHallXRStore>;
