// The quiz banks' scene marks against the props' facing convention (front along +x at rotationY 0,
// src/three/props/index.ts): faces look at the viewer, vehicles do not overlap, marks are in view.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { propGeometry } from '../props/catalog.ts';
import type { SceneMark, SceneSpec } from './QuestionScene.tsx';

const dir = new URL('../../../quizzes/', import.meta.url);
const scenes: { id: string; scene: SceneSpec }[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'groups.json')
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { questions: { id: string; scene?: SceneSpec }[] }).questions)
  .filter((q): q is { id: string; scene: SceneSpec } => !!q.scene)
  .map((q) => ({ id: q.id, scene: q.scene }));

/** Where a mark's front looks (x, z): three's rotation.y turns +x into (cos r, −sin r). */
export function facing(m: SceneMark): [number, number] {
  const r = m.rotationY ?? 0;
  return [Math.cos(r), -Math.sin(r)];
}

function towardsCamera(scene: SceneSpec, m: SceneMark): number {
  const [fx, fz] = facing(m);
  const dx = scene.camera.position[0] - m.position[0];
  const dz = scene.camera.position[2] - m.position[2];
  return (fx * dx + fz * dz) / Math.hypot(dx, dz);
}

/** The mark's footprint rectangle corners in the scene (x, z). */
function corners(m: SceneMark): [number, number][] {
  const b = propGeometry(m.prop)!.boundingBox!;
  const [fx, fz] = facing(m);
  const rx = -fz; // right-hand side of the facing direction
  const rz = fx;
  return [
    [b.min.x, b.min.z],
    [b.max.x, b.min.z],
    [b.max.x, b.max.z],
    [b.min.x, b.max.z],
  ].map(([u, w]) => [m.position[0] + fx * u! + rx * w!, m.position[2] + fz * u! + rz * w!]);
}

function overlap(a: [number, number][], b: [number, number][]): boolean {
  for (const poly of [a, b])
    for (let i = 0; i < 4; i++) {
      const [x1, z1] = poly[i]!;
      const [x2, z2] = poly[(i + 1) % 4]!;
      const nx = z1 - z2;
      const nz = x2 - x1;
      const pa = a.map(([x, z]) => x * nx + z * nz);
      const pb = b.map(([x, z]) => x * nx + z * nz);
      if (Math.max(...pa) <= Math.min(...pb) + 1e-6 || Math.max(...pb) <= Math.min(...pa) + 1e-6) return false;
    }
  return true;
}

const FACES_VIEWER = /^(sign:|signal-|police-officer$|helmet$|phone$|child-seat$|warning-triangle$)/;

describe('scene marks follow the facing convention', () => {
  it('finds the scene questions', () => expect(scenes.length).toBeGreaterThan(10));

  it.each(scenes)('$id: signs, signals, the officer and items face the viewer', ({ scene }) => {
    for (const m of scene.marks) if (FACES_VIEWER.test(m.prop)) expect(towardsCamera(scene, m), m.choice).toBeGreaterThan(0.5);
  });

  it.each(scenes)('$id: no two props stand in each other (zebra paint excepted)', ({ scene }) => {
    const solid = scene.marks.filter((m) => m.prop !== 'zebra');
    for (let i = 0; i < solid.length; i++)
      for (let j = i + 1; j < solid.length; j++) expect(overlap(corners(solid[i]!), corners(solid[j]!)), `${solid[i]!.choice} / ${solid[j]!.choice}`).toBe(false);
  });

  it.each(scenes)('$id: every mark is in front of the camera, within 45° of its line of sight', ({ scene }) => {
    const [cx, , cz] = scene.camera.position;
    const [tx, , tz] = scene.camera.target;
    const ahead = Math.atan2(tz - cz, tx - cx);
    for (const m of scene.marks) {
      let d = Math.atan2(m.position[2] - cz, m.position[0] - cx) - ahead;
      d = Math.atan2(Math.sin(d), Math.cos(d));
      expect(Math.abs(d) * (180 / Math.PI), m.choice).toBeLessThan(45);
    }
  });

  it('ebike lane scene: exactly one rider rides the other way', () => {
    const s = scenes.find((x) => x.id === 'ebike-scene-lane-and-direction')!.scene;
    const riders = s.marks.filter((m) => m.prop === 'ebike-rider').map(facing);
    const against = riders.filter(([x, z]) => riders.filter(([x2, z2]) => x * x2 + z * z2 < -0.5).length === riders.length - 1);
    expect(against).toHaveLength(1);
    // and the road runs along x: every rider rides along it, none across
    for (const [x] of riders) expect(Math.abs(x)).toBeCloseTo(1, 3);
  });
});
