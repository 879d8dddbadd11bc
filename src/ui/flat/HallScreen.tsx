import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import type { ZoneSlot } from '../../content/catalog.ts';
import type { ZoneId } from '../../content/ids.ts';
import { LanguageSwitch, TextSizeSwitch } from './LanguageSwitch.tsx';
import { ModePicker } from './ModePicker.tsx';

const HallLeaderboard = lazy(() => import('./HallLeaderboard.tsx'));

export function VisitorChip() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const { visitor, lang } = useSession((s) => ({ visitor: s.visitor, lang: s.lang }));
  if (!visitor) return null;
  const g = catalog.groups.find((x) => x.id === visitor.group);
  const group = g ? text(g.name, lang) : visitor.group;
  return (
    <span className="chip" data-testid="visitor">
      {visitor.anonymous ? t('hall.guest', { group }) : t('hall.visitor', { nickname: visitor.nickname, group })}
    </span>
  );
}

/** The lobby: six portals in 3D, and the same six as buttons for keyboard, touch and no-WebGL. */
export function HallScreen({ keep }: { keep: Record<string, string> }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const lang = useSession((s) => s.lang);
  const { hallUi } = useServices();
  const picked = useStore(hallUi, (s) => s.pickedZone);
  const pick = useCallback((id: ZoneId) => {
    const slot = catalog.zones.find((z) => z.id === id);
    if (slot?.ok) hallUi.getState().actions.pick(id);
  }, [catalog, hallUi]);
  const pickedZone = catalog.zones.find((z): z is Extract<ZoneSlot, { ok: true }> => z.ok && z.id === picked);

  return (
    <>
      <header className="bar">
        <h1>{catalog.hall ? text(catalog.hall.title, lang) : t('app.name')}</h1>
        <VisitorChip />
        <LanguageSwitch />
        <TextSizeSwitch />
        <a href="#/" className="button" data-testid="edit-profile">
          {t('hall.editProfile')}
        </a>
      </header>
      <nav aria-label={t('hall.pickZone')} className="zones">
        <p className="hint">{t('hall.keyboardHint')}</p>
        <ul>
          {catalog.zones.map((z) => (
            <li key={z.id}>
              {z.ok ? (
                <button type="button" className="zone-card" style={{ borderColor: z.zone.color }} data-testid={`portal-${z.id}`} onClick={() => pick(z.id)}>
                  <strong>{text(z.zone.title, lang)}</strong>
                  <small>
                    {t('hall.learn')}: {text(z.zone.summary, lang)}
                  </small>
                </button>
              ) : (
                <div className="zone-card broken" data-testid={`portal-${z.id}`} role="group" aria-label={z.id}>
                  <strong>{z.id}</strong>
                  <small>{t('hall.zoneBroken')}</small>
                  <code>{z.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n')}</code>
                </div>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={null}>
        <HallLeaderboard />
      </Suspense>
      {pickedZone && <ModePicker zone={pickedZone.zone} keep={keep} onClose={() => hallUi.getState().actions.close()} />}
    </>
  );
}

export const goHall = () => navigate({ name: 'hall' });
