import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useContent, useServices, useSession } from '../../app/context.tsx';
import { text } from '../../content/ids.ts';
import { NICKNAME_MAX, nicknameProblem, randomNickname } from '../../modes/profile.ts';
import { loadGlyphCoverage } from '../../app/glyphs.ts';
import { undrawableChars } from '../../modes/nicknameGlyphs.ts';
import { LanguageSwitch, TextSizeSwitch } from './LanguageSwitch.tsx';

/** Nickname + audience group (+ language and text size): all a visitor ever tells us. */
export function ProfileForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { session } = useServices();
  const catalog = useContent();
  const { lang, textSize } = useSession((s) => ({ lang: s.lang, textSize: s.textSize }));
  const [nickname, setNickname] = useState('');
  const [group, setGroup] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = nicknameProblem(nickname);
    if (problem) return setError(t(`profile.errors.${problem}`, { max: NICKNAME_MAX }));
    // every screen and the headset draw names with the bundled fonts only: refuse what none can draw
    const undrawable = undrawableChars(nickname, await loadGlyphCoverage());
    if (undrawable.length) return setError(t('profile.errors.nicknameGlyphs', { chars: undrawable.join('') }));
    if (!group) return setError(t('profile.errors.groupMissing'));
    setBusy(true);
    await session.getState().actions.createProfile({ nickname, group, lang, textSize });
    onDone();
  }

  return (
    <form className="card profile" onSubmit={submit} noValidate aria-labelledby="profile-title">
      <h1 id="profile-title">{t('profile.title')}</h1>
      <label className="field">
        <span>{t('profile.nickname')}</span>
        <span className="row">
          <input
            name="nickname"
            data-testid="nickname"
            value={nickname}
            maxLength={NICKNAME_MAX * 2}
            autoComplete="off"
            aria-describedby="nickname-hint"
            onChange={(e) => setNickname(e.target.value)}
          />
          <button type="button" data-testid="random-nickname" onClick={() => setNickname(randomNickname(lang))}>
            {t('profile.randomNickname')}
          </button>
        </span>
        <small id="nickname-hint">{t('profile.nicknameHint')}</small>
      </label>
      <fieldset className="field">
        <legend>{t('profile.group')}</legend>
        <div className="groups">
          {catalog.groups.map((g) => (
            <label key={g.id} className={`group-card${group === g.id ? ' selected' : ''}`} data-testid={`group-${g.id}`}>
              <input type="radio" name="group" value={g.id} checked={group === g.id} onChange={() => setGroup(g.id)} />
              <strong>{text(g.name, lang)}</strong>
              <small>{text(g.description, lang)}</small>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <span>{t('profile.language')}</span>
        <LanguageSwitch />
      </div>
      <div className="field">
        <span>{t('profile.textSize')}</span>
        <TextSizeSwitch />
      </div>
      {error && (
        <p className="error" role="alert" data-testid="profile-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" data-testid="profile-save" disabled={busy}>
        {t('profile.save')}
      </button>
    </form>
  );
}
