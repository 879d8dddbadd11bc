// The hall's controllers: @react-three/xr's default pointers, with the controller's model loaded once
// per model file for the life of the page.
//
// Why not the library's own model: it caches the loaded model under the layout *object*. In the
// first session both controllers ask for the profile at the same moment, each gets its own copy of
// the profile, and the loader keeps the later copy; so in the second session one controller's layout
// is a new object, its model is loaded and uploaded again, and the first copy stays in the cache for
// good (+6 geometries, +2 textures on every kiosk; the soak found it). Keyed by the model file's
// address, which both copies share, each model is loaded once.
import { configureXRControllerModel, createUpdateXRControllerVisuals, loadXRControllerModel } from '@pmndrs/xr';
import { useFrame } from '@react-three/fiber';
import { DefaultXRController, XRSpace, useXRInputSourceStateContext, type DefaultXRControllerOptions } from '@react-three/xr';
import { Suspense, use, useMemo, type ComponentType } from 'react';
import type { Group } from 'three';

const models = new Map<string, Promise<Group>>();

/** The model of a layout, one per model file; a failed load is forgotten so the next session tries again. */
export function controllerModel<Layout extends { assetPath: string }>(layout: Layout, load: (layout: Layout) => Promise<Group>): Promise<Group> {
  let model = models.get(layout.assetPath);
  if (!model) {
    model = load(layout);
    model.catch(() => models.delete(layout.assetPath));
    models.set(layout.assetPath, model);
  }
  return model;
}

function ControllerModel() {
  const state = useXRInputSourceStateContext('controller');
  const model = use(controllerModel(state.layout, loadXRControllerModel));
  configureXRControllerModel(model);
  state.object = model;
  const update = useMemo(() => createUpdateXRControllerVisuals(model, state.layout, state.gamepad), [model, state.layout, state.gamepad]);
  useFrame(update);
  return (
    <XRSpace space="grip-space">
      <primitive object={model} />
    </XRSpace>
  );
}

/** A controller with the given pointers and the once-loaded model. */
export function hallController(options: Omit<DefaultXRControllerOptions, 'model'>): ComponentType {
  function HallController() {
    return (
      <>
        <Suspense fallback={null}>
          <ControllerModel />
        </Suspense>
        <DefaultXRController {...options} model={false} />
      </>
    );
  }
  return HallController;
}
