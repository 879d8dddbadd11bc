import { createContext, useContext } from 'react';

/** Font and size factor for every 3D text under a panel tree (language and large-text setting). */
export const PanelTextContext = createContext<{ font: string; size: number }>({ font: '/fonts/hall-sc.woff', size: 1 });

export function usePanelText() {
  return useContext(PanelTextContext);
}
