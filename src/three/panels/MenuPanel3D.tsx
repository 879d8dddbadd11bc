import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { LANGS, text } from '../../content/ids.ts';
import { effectiveComfort } from '../../xr/comfort.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { NameText3D } from '../ui/NameText3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';

/** Settings inside the headset: language, text size, comfort, re-centre, leave VR. */
export function MenuPanel3D({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation();
  const { session, hallUi } = useServices();
  const catalog = useCatalog();
  const { lang, textSize, visitor } = useSession((s) => ({ lang: s.lang, textSize: s.textSize, visitor: s.visitor }));
  const { actions } = session.getState();
  const group = catalog.groups.find((g) => g.id === visitor?.group);
  const comfort = effectiveComfort(group, visitor?.comfort);
  const groupName = group ? text(group.name, lang) : (visitor?.group ?? '');
  const who = visitor ? (visitor.anonymous ? t('hall.guest', { group: groupName }) : t('hall.visitor', { nickname: visitor.nickname, group: groupName })) : '';
  const row = (y: number, label: string) => (
    <Body3D position={[-0.36, y, 0]} width={0.22} anchorY="middle" scale={0.85}>
      {label}
    </Body3D>
  );
  const onOff = (v: boolean) => (v ? t('xr.on') : t('xr.off'));
  return (
    <Panel3D name="panel:menu" title={t('xr.menu')} width={0.96} height={1}>
      {/* who is playing: a typed nickname, drawn with the nickname font when it needs one */}
      {who && (
        <Suspense fallback={null}>
          <NameText3D name="menu-visitor" position={[0, 0.375, 0]} width={0.9} lang={lang}>
            {who}
          </NameText3D>
        </Suspense>
      )}
      {row(0.29, t('settings.language'))}
      {LANGS.map((l, i) => (
        <Button3D key={l} id={`lang-${l}`} label={t(`lang.${l}`)} width={0.2} position={[-0.12 + i * 0.215, 0.29, 0]} selected={l === lang} onClick={() => actions.setLang(l)} />
      ))}
      {row(0.18, t('settings.textSize'))}
      {(['normal', 'large'] as const).map((s, i) => (
        <Button3D key={s} id={`text-${s}`} label={t(s === 'normal' ? 'profile.textNormal' : 'profile.textLarge')} width={0.2} position={[-0.12 + i * 0.215, 0.18, 0]} selected={s === textSize} onClick={() => actions.setTextSize(s)} />
      ))}
      {row(0.07, t('xr.snap'))}
      {([30, 45, 90] as const).map((d, i) => (
        <Button3D key={d} id={`snap-${d}`} label={`${d}°`} width={0.2} position={[-0.12 + i * 0.215, 0.07, 0]} selected={comfort.snapDegrees === d} onClick={() => actions.setComfort({ snapDegrees: d })} />
      ))}
      {row(-0.04, t('xr.vignette'))}
      <Button3D id="vignette" label={onOff(comfort.vignette)} width={0.2} position={[-0.12, -0.04, 0]} selected={comfort.vignette} onClick={() => actions.setComfort({ vignette: !comfort.vignette })} />
      {row(-0.15, t('xr.seated'))}
      <Button3D id="seated" label={onOff(comfort.seated)} width={0.2} position={[-0.12, -0.15, 0]} selected={comfort.seated} onClick={() => actions.setComfort({ seated: !comfort.seated })} />
      <Body3D position={[0.2, -0.04, 0]} width={0.2} anchorY="middle" scale={0.85}>
        {t('xr.smoothMove')}
      </Body3D>
      <Button3D id="smooth" label={onOff(comfort.smoothMove)} width={0.14} position={[0.36, -0.04, 0]} selected={comfort.smoothMove} onClick={() => actions.setComfort({ smoothMove: !comfort.smoothMove })} />
      <Button3D id="recenter" label={t('xr.recenter')} width={0.3} position={[-0.2, -0.33, 0]} onClick={() => hallUi.getState().actions.recenter()} />
      <Button3D id="exit-vr" label={t('xr.exit')} width={0.3} position={[0.2, -0.33, 0]} onClick={onExit} />
    </Panel3D>
  );
}
