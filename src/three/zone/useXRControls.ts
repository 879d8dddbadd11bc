// The headset half of the input layer: every frame, the controllers' sticks, triggers and buttons
// and the bare hands' gestures bound in the zone's action map are written into the zone-game
// store's controls (under their own source names, so keys and touch keep theirs).
import { useXRInputSourceState } from '@react-three/xr';
import { useMemo } from 'react';
import { deviceValue, handlebarSteer, sourceOf, type ActionMap, type ControllerInput, type ControlState } from '../../zones/common/controls.ts';
import { useHandGrip, useHandWalk } from './hands.ts';

type Gamepad = NonNullable<ReturnType<typeof useXRInputSourceState<'controller'>>>['gamepad'];

function readInput(g: Gamepad | undefined, input: ControllerInput): number {
  if (!g) return 0;
  switch (input) {
    case 'thumbstick-x':
      return g['xr-standard-thumbstick']?.xAxis ?? 0;
    case 'thumbstick-y':
      return g['xr-standard-thumbstick']?.yAxis ?? 0;
    case 'trigger':
      return g['xr-standard-trigger']?.button ?? 0;
    case 'squeeze':
      return g['xr-standard-squeeze']?.button ?? 0;
    default:
      return g[input]?.state === 'pressed' ? 1 : 0;
  }
}

/** Returns the frame's reader: call it in the frame loop before the game steps. */
export function useXRControls(map: ActionMap<string>, inXR: boolean): (controls: ControlState) => void {
  const left = useXRInputSourceState('controller', 'left');
  const right = useXRInputSourceState('controller', 'right');
  const pinches = useHandWalk(inXR);
  const grip = useHandGrip(inXR);
  const sources = useMemo(
    () => ({
      controller: map.controller.map((c) => sourceOf.controller(c.hand, c.input)),
      hands: map.hands.map((h) => sourceOf.hand(h.gesture)),
    }),
    [map],
  );
  return (controls) => {
    if (!inXR) return;
    for (let i = 0; i < map.controller.length; i++) {
      const c = map.controller[i]!;
      const pad = (c.hand === 'left' ? left : right)?.gamepad;
      controls.set(c.action, sources.controller[i]!, deviceValue(c, readInput(pad, c.input)));
    }
    const g = grip.current;
    for (let i = 0; i < map.hands.length; i++) {
      const h = map.hands[i]!;
      const raw = h.gesture === 'handlebar' ? (g.tracked ? handlebarSteer(g.left, g.right) : 0) : (h.gesture === 'pinch-left' ? pinches.current.left : pinches.current.right) ? 1 : 0;
      controls.set(h.action, sources.hands[i]!, deviceValue(h, raw));
    }
  };
}
