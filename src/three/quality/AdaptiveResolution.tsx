import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import { exposeForTests, testHooksEnabled } from '../../app/testHooks.ts';
import { ResolutionGovernor } from './resolution.ts';

/**
 * Applies the resolution governor (resolution.ts) to the flat view: fewer pixels while frames are
 * slow. In a headset it stands aside (the XR layer sizes its own framebuffer) and the canvas keeps
 * the ratio it had.
 */
export function AdaptiveResolution({ running, inXR, max }: { running: boolean; inXR: boolean; max: number }) {
  const setDpr = useThree((s) => s.setDpr);
  const [governor] = useState(() => new ResolutionGovernor(max));
  useEffect(() => {
    governor.restart();
  }, [governor, running, inXR]);
  useEffect(() => {
    if (!testHooksEnabled) return;
    return exposeForTests('__hallResolution', governor);
  }, [governor]);
  useFrame(() => {
    if (inXR) return;
    const next = governor.frame(performance.now());
    if (next !== null) setDpr(next);
  });
  return null;
}
