import ReactThreeTestRenderer from '@react-three/test-renderer';
import { describe, expect, it, vi } from 'vitest';
import { buildSceneGround, ellipseRing, labelSize, markState, QuestionScene, type SceneSpec } from './QuestionScene.tsx';

const spec: SceneSpec = {
  camera: { position: [0, 1.6, -10], target: [0, 0.5, 0] },
  marks: [
    { choice: 'a', position: [-3, 0, 0], prop: 'truck', rotationY: 0 },
    { choice: 'b', position: [0, 0, 0], prop: 'child' },
    { choice: 'c', position: [3, 0, 0], prop: 'sign:stop', rotationY: -Math.PI / 2 },
    { choice: 'd', position: [6, 0.9, 0], prop: 'phone' },
  ],
};

describe('mark state', () => {
  it('is chosen before the reveal, then correct or wrong', () => {
    expect(markState('a')).toBe('neutral');
    expect(markState('a', ['a'])).toBe('chosen');
    expect(markState('a', ['a'], { answer: ['a'] })).toBe('correct');
    expect(markState('b', ['b'], { answer: ['a'] })).toBe('wrong');
    expect(markState('a', ['b'], { answer: ['a'] })).toBe('correct');
    expect(markState('c', ['b'], { answer: ['a'] })).toBe('neutral');
  });
});

describe('geometry helpers', () => {
  it('rings face up', () => {
    const g = ellipseRing(1, 0.5, 0.1, 16);
    const n = g.getAttribute('normal');
    for (let i = 0; i < n.count; i++) expect(n.getY(i)).toBeCloseTo(1);
  });

  it('the ground reaches well behind the camera and carries a plinth under floating marks', () => {
    const g = buildSceneGround(spec);
    const box = g.boundingBox!;
    expect(box.min.z).toBeLessThan(spec.camera.position[2] - 10);
    expect(box.max.y).toBeGreaterThanOrEqual(0.9 - 1e-6);
  });

  it('labels grow with distance within bounds', () => {
    expect(labelSize(spec, spec.marks[0]!)).toBeGreaterThan(0.2);
    expect(labelSize({ ...spec, camera: { position: [0, 1, 500], target: [0, 0, 0] } }, spec.marks[0]!)).toBe(1);
  });
});

describe('<QuestionScene>', () => {
  it('names one hit volume per mark and picks its choice on click', async () => {
    const onPick = vi.fn();
    const r = await ReactThreeTestRenderer.create(<QuestionScene scene={spec} onPick={onPick} chosen={['b']} />);
    const names = r.scene.findAll((n) => typeof n.props.name === 'string' && String(n.props.name).startsWith('mark:')).map((n) => n.props.name);
    expect(names.sort()).toEqual(['mark:a', 'mark:b', 'mark:c', 'mark:d']);
    await r.fireEvent(r.scene.find((n) => n.props.name === 'mark:c'), 'onClick', { stopPropagation() {} });
    expect(onPick).toHaveBeenCalledWith('c');
    await r.unmount();
  });

  it('does not pick once the answer is revealed', async () => {
    const onPick = vi.fn();
    const r = await ReactThreeTestRenderer.create(<QuestionScene scene={spec} onPick={onPick} reveal={{ answer: ['a'] }} />);
    await r.fireEvent(r.scene.find((n) => n.props.name === 'mark:a'), 'onClick', { stopPropagation() {} });
    expect(onPick).not.toHaveBeenCalled();
    await r.unmount();
  });
});
