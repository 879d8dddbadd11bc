// The seat-belt station in a headset: the same story, choices, Start/Skip/Next and result lines as
// the flat panel (StationPanel.tsx), on a 3D panel in front of the visitor. While a drive is on it
// is gone (the road and the brake are it); the belt itself is reached for in the scene (Scene.tsx).
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { text } from '../../content/ids.ts';
import type { ZoneGameStore } from '../../stores/zoneGame.ts';
import { Button3D } from '../../three/ui/Button3D.tsx';
import { Body3D, Panel3D } from '../../three/ui/Panel3D.tsx';
import type { SeatbeltActions, SeatbeltHud } from './module.ts';
import { stationText } from './stationText.tsx';

const W = 1.3;

export default function Station3D({ store }: { store: ZoneGameStore }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const status = useStore(store, (s) => s.status);
  const consequence = useStore(store, (s) => s.consequence !== null);
  const hud = useStore(store, (s) => s.hud) as SeatbeltHud;
  const actions = store.getState().actions.zone as SeatbeltActions;
  const v = hud.station;
  if (status !== 'playing' || consequence || !v) return null;
  if ((v.kind === 'phone-drive' || v.kind === 'stopping') && v.stage === 'drive') return null;
  const txt = stationText(v, t, lang);
  const buttons: { id: string; label: string; selected?: boolean; disabled?: boolean; onClick: () => void; w?: number }[][] = [];
  const speedRow = (list: readonly number[], chosen: number | null) =>
    list.map((s) => ({ id: `sb-speed-${s}`, label: t('seatbelt.kmh', { v: s }), selected: chosen === s, onClick: () => actions.choose('speed', String(s)) }));
  let body = v.stage === 'result' ? [...txt.lines, ...txt.figures] : [txt.lead];
  if (v.kind === 'crash-test' && v.stage === 'setup') {
    body = [txt.lead, `${v.buckled ? t('seatbelt.buckled') : t('seatbelt.unbuckled')} — ${t('seatbelt.beltReach')}`];
    buttons.push(speedRow(v.speeds, v.speedKmh));
    buttons.push([{ id: 'sb-go', label: t('seatbelt.startCrash'), disabled: v.speedKmh === null, onClick: () => actions.go(), w: 0.4 }]);
  } else if (v.kind === 'child-seat' && v.stage === 'setup') {
    for (const it of v.items)
      buttons.push(it.options.map((o) => ({ id: `sb-${it.id}-${o.id}`, label: text(o.label, lang), selected: it.chosen === o.id, onClick: () => actions.choose(it.id, o.id) })));
    buttons.push([{ id: 'sb-go', label: t('seatbelt.startCrash'), disabled: v.items.some((i) => i.chosen === null), onClick: () => actions.go(), w: 0.4 }]);
  } else if (v.kind === 'phone-drive' && v.stage === 'ready') {
    buttons.push([{ id: 'sb-go', label: t('seatbelt.drive'), onClick: () => actions.go(), w: 0.4 }]);
  } else if (v.kind === 'stopping' && v.stage === 'setup') {
    const chosen = v.runs[v.run]!.speedKmh;
    buttons.push(speedRow(v.speeds, chosen));
    buttons.push([{ id: 'sb-go', label: t('seatbelt.drive'), disabled: chosen === null, onClick: () => actions.go(), w: 0.4 }]);
  } else if (v.stage === 'crash') {
    body = [];
    buttons.push([{ id: 'sb-skip', label: t('seatbelt.skip'), onClick: () => actions.skip(), w: 0.5 }]);
  } else if (v.stage === 'result') {
    const row = [{ id: 'sb-next', label: t('seatbelt.next'), onClick: () => actions.next(), w: 0.36 }];
    if (v.kind === 'crash-test') row.unshift({ id: 'sb-again', label: t('seatbelt.again'), onClick: () => actions.again(), w: 0.4 });
    buttons.push(row);
  }
  const bodyText = body.join('\n');
  // room for the text (about 40 characters a line at this width), then a row per button group
  const textH = body.length ? Math.min(0.75, 0.07 + Math.ceil(bodyText.length / 42) * 0.045 + body.length * 0.02) : 0;
  const height = 0.12 + textH + buttons.length * 0.1;
  // during the slow-motion crash only a small Skip button, low in view
  if (v.stage === 'crash')
    return (
      <group position={[0, -0.45, 0.1]}>
        <Button3D id="sb-skip" label={t('seatbelt.skip')} width={0.5} height={0.08} onClick={() => actions.skip()} />
      </group>
    );
  // a crash's result beside the picture, turned towards the visitor: the two cars stay in view
  const aside = v.stage === 'result' && (v.kind === 'crash-test' || v.kind === 'child-seat');
  return (
    <group position={aside ? [0.8, -0.1, 0.3] : [0, 0, 0]} rotation={[0, aside ? -0.6 : 0, 0]}>
      <Panel3D name="panel:sb-station" title={text(v.title, lang)} width={W} height={height}>
        {body.length > 0 && (
          <Body3D position={[0, height / 2 - 0.11, 0]} width={W - 0.1} scale={0.9}>
            {bodyText}
          </Body3D>
        )}
        {buttons.map((row, r) => {
          const y = -height / 2 + 0.07 + (buttons.length - 1 - r) * 0.1;
          const gap = 0.02;
          const widths = row.map((b) => b.w ?? Math.min(0.4, (W - 0.1 - gap * (row.length - 1)) / row.length));
          const total = widths.reduce((a, b) => a + b, 0) + gap * (row.length - 1);
          let x = -total / 2;
          return row.map((b, i) => {
            const cx = x + widths[i]! / 2;
            x += widths[i]! + gap;
            return <Button3D key={b.id} id={b.id} label={b.label} width={widths[i]!} height={0.08} position={[cx, y, 0.001]} selected={b.selected} disabled={b.disabled} onClick={b.onClick} />;
          });
        })}
      </Panel3D>
    </group>
  );
}
