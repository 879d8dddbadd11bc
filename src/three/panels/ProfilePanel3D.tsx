import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { LANGS, text } from '../../content/ids.ts';
import { randomNickname } from '../../modes/profile.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';

/**
 * The profile inside the headset, where there is no keyboard: a random nickname (re-rollable), the
 * audience group and the language; the same createProfile action as the flat form.
 */
export function ProfilePanel3D() {
  const { t } = useTranslation();
  const { session } = useServices();
  const catalog = useCatalog();
  const { lang, textSize } = useSession((s) => ({ lang: s.lang, textSize: s.textSize }));
  const [nickname, setNickname] = useState(() => randomNickname(lang));
  const [group, setGroup] = useState<string | null>(null);
  const { actions } = session.getState();
  return (
    <Panel3D name="panel:profile" title={t('profile.title')} width={1.1} height={0.92}>
      <Body3D position={[-0.12, 0.3, 0]} width={0.7} anchorY="middle">
        {t('xr.nickname', { nickname })}
      </Body3D>
      <Button3D id="reroll" label={t('xr.another')} width={0.2} position={[0.4, 0.3, 0]} onClick={() => setNickname(randomNickname(lang))} />
      {catalog.groups.map((g, i) => (
        <Button3D key={g.id} id={`group-${g.id}`} label={text(g.name, lang)} width={0.24} height={0.09} position={[-0.39 + (i % 4) * 0.26, 0.18 - Math.floor(i / 4) * 0.11, 0]} selected={group === g.id} onClick={() => setGroup(g.id)} />
      ))}
      {LANGS.map((l, i) => (
        <Button3D key={l} id={`lang-${l}`} label={t(`lang.${l}`)} width={0.22} position={[-0.24 + i * 0.24, -0.1, 0]} selected={l === lang} onClick={() => actions.setLang(l)} />
      ))}
      <Button3D
        id="profile-save"
        label={t('profile.save')}
        width={0.4}
        height={0.1}
        disabled={!group}
        position={[0, -0.3, 0]}
        onClick={async () => {
          if (!group) return;
          await actions.createProfile({ nickname, group, lang, textSize });
          navigate({ name: 'hall' });
        }}
      />
    </Panel3D>
  );
}
