import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { text } from '../../content/ids.ts';
import { PanelBatchScope } from '../ui/Label3D.tsx';
import { Portal } from './Portal.tsx';

/**
 * The six zone portals on an arc of 120° in front of the visitor, first zone on the left. Their
 * titles and summaries are drawn as one batch (two draw calls with the outlines, not 24).
 */
export function Lobby({ font, scale }: { font: string; scale: number }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const { hallUi } = useServices();
  const picked = useStore(hallUi, (s) => s.pickedZone);
  const lang = useSession((s) => s.lang);
  const radius = catalog.hall?.portalRadius ?? 6;
  const n = catalog.zones.length;
  return (
    <group name="lobby">
      <PanelBatchScope>
        {catalog.zones.map((z, i) => {
          const a = (-60 + (120 * i) / Math.max(1, n - 1)) * (Math.PI / 180);
          return (
            <Portal
              key={z.id}
              zoneId={z.id}
              position={[Math.sin(a) * radius, 0, -Math.cos(a) * radius]}
              rotationY={-a}
              color={z.ok ? z.zone.color : '#666666'}
              title={z.ok ? text(z.zone.title, lang) : z.id}
              summary={z.ok ? text(z.zone.summary, lang) : t('hall.zoneBroken')}
              font={font}
              scale={scale}
              broken={!z.ok}
              active={picked === z.id}
              onPick={() => z.ok && hallUi.getState().actions.pick(z.id)}
            />
          );
        })}
      </PanelBatchScope>
    </group>
  );
}
