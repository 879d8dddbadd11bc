import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Color, Fog } from 'three';

const SKY = '#b9d3e8';

/**
 * Street views are outdoors: a hazy sky and far fog instead of the hall's night, restored when the
 * view unmounts (the hall and the street share the one canvas).
 */
export function Daylight({ near = 70, far = 190 }: { near?: number; far?: number }) {
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    const fog = scene.fog instanceof Fog ? scene.fog : null;
    const bg = scene.background instanceof Color ? scene.background : null;
    const saved = { fog: fog && { near: fog.near, far: fog.far, color: fog.color.clone() }, bg: bg?.clone() };
    if (fog) {
      fog.near = near;
      fog.far = far;
      fog.color.set(SKY);
    }
    bg?.set(SKY);
    return () => {
      if (fog && saved.fog) {
        fog.near = saved.fog.near;
        fog.far = saved.fog.far;
        fog.color.copy(saved.fog.color);
      }
      if (bg && saved.bg) bg.copy(saved.bg);
    };
  }, [scene, near, far]);
  return null;
}
