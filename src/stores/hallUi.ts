// Hall screen state both skins render: which portal was picked (the mode choice is open).
import { createStore } from 'zustand/vanilla';
import type { ZoneId } from '../content/ids.ts';

export interface HallUiState {
  pickedZone: ZoneId | null;
  /** bumps when the visitor asks to re-centre the 3D panels in front of them */
  recenterCount: number;
  actions: { pick(id: ZoneId): void; close(): void; recenter(): void };
}

export function createHallUiStore() {
  return createStore<HallUiState>()((set, get) => ({
    pickedZone: null,
    recenterCount: 0,
    actions: {
      pick: (id) => set({ pickedZone: id }),
      close: () => set({ pickedZone: null }),
      recenter: () => set({ recenterCount: get().recenterCount + 1 }),
    },
  }));
}
export type HallUiStore = ReturnType<typeof createHallUiStore>;
