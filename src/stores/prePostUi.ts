// Whether a pre-check covers the zone's page (the 3D stage stays hidden and idle meanwhile). Tiny and
// free of content code: App (first chunk) reads it.
import { createStore } from 'zustand/vanilla';

export const prePostUi = createStore<{ coversZone: boolean }>()(() => ({ coversZone: false }));
