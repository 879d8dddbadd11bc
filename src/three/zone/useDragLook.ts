// Drag to look around (mouse or a finger on the canvas) on a desktop or kiosk: accumulates the yaw
// dragged since the frame loop last took it (+ = turning right); the zone's reader applies it.
import { useThree } from '@react-three/fiber';
import { useEffect, useRef, type RefObject } from 'react';

/** radians per pixel dragged */
const DRAG_YAW = 0.006;

export function useDragLook(enabled: boolean): RefObject<number> {
  const gl = useThree((s) => s.gl);
  const dragged = useRef(0);
  const dragging = useRef<{ x: number } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const el = gl.domElement;
    const down = (e: PointerEvent) => (dragging.current = { x: e.clientX });
    const move = (e: PointerEvent) => {
      if (!dragging.current) return;
      dragged.current += (e.clientX - dragging.current.x) * DRAG_YAW;
      dragging.current.x = e.clientX;
    };
    const up = () => (dragging.current = null);
    el.addEventListener('pointerdown', down);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      el.removeEventListener('pointerdown', down);
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [gl, enabled]);
  return dragged;
}
