import { Group } from 'three';
import { describe, expect, it } from 'vitest';
import { controllerModel } from './Controller.tsx';

// The soak found the library's cache loading one controller's model again in every later session,
// because it keys the model by the layout object and the two controllers' layouts are separate
// copies. Ours keys it by the model file.
describe('controllerModel', () => {
  it('loads a model file once, whichever copy of the layout asks', async () => {
    const loads: string[] = [];
    const load = async (layout: { assetPath: string }) => {
      loads.push(layout.assetPath);
      return new Group();
    };
    const first = await controllerModel({ assetPath: '/test/left-once.glb' }, load);
    // a second session: the same file behind a new layout object
    const again = await controllerModel({ assetPath: '/test/left-once.glb' }, load);
    const right = await controllerModel({ assetPath: '/test/right-once.glb' }, load);
    expect(again).toBe(first);
    expect(right).not.toBe(first);
    expect(loads).toEqual(['/test/left-once.glb', '/test/right-once.glb']);
  });

  it('forgets a failed load, so the next session tries the file again', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 1) throw new Error('offline for a moment');
      return new Group();
    };
    await expect(controllerModel({ assetPath: '/test/flaky.glb' }, flaky)).rejects.toThrow('offline');
    const model = await controllerModel({ assetPath: '/test/flaky.glb' }, flaky);
    expect(model).toBeInstanceOf(Group);
    expect(calls).toBe(2);
  });
});
