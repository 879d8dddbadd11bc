// Hall screen state both skins render: which portal was picked (the mode choice is open).
import { createStore } from 'zustand/vanilla';
import type { ZoneId } from '../content/ids.ts';

export interface HallUiState {
  pickedZone: ZoneId | null;
  /** bumps when the visitor asks to re-centre the 3D panels in front of them */
  recenterCount: number;
  /** an immersive session is running (attempts record the device) */
  inXR: boolean;
  actions: { pick(id: ZoneId): void; close(): void; recenter(): void; setInXR(v: boolean): void };
}

export function createHallUiStore() {
  return createStore<HallUiState>()((set, get) => ({
    pickedZone: null,
    recenterCount: 0,
    inXR: false,
    actions: {
      setInXR: (inXR) => set({ inXR }),
      pick: (id) => set({ pickedZone: id }),
      close: () => set({ pickedZone: null }),
      recenter: () => set({ recenterCount: get().recenterCount + 1 }),
    },
  }));
}
export type HallUiStore = ReturnType<typeof createHallUiStore>;
