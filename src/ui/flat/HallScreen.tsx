import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import type { ZoneSlot } from '../../content/catalog.ts';
import type { ZoneId } from '../../content/ids.ts';
import { LanguageSwitch, TextSizeSwitch } from './LanguageSwitch.tsx';
import { ModePicker } from './ModePicker.tsx';
import { hasGame } from '../../modes/offers.ts';

/**
 * The arrow keys move between the zone cards (the hint above the cards says so): left/right to the
 * previous/next card, up/down to the card above/below in the grid, Home/End to the first/last.
 */
function moveBetweenCards(e: React.KeyboardEvent<HTMLUListElement>) {
  const cards = [...e.currentTarget.querySelectorAll<HTMLElement>('.zone-card')];
  const at = cards.findIndex((c) => c === document.activeElement || c.contains(document.activeElement));
  if (at < 0) return;
  const columns = Math.max(1, cards.filter((c) => c.offsetTop === cards[0]!.offsetTop).length);
  const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns, Home: -at, End: cards.length - 1 - at };
  const d = step[e.key];
  if (d === undefined) return;
  e.preventDefault();
  const to = Math.min(cards.length - 1, Math.max(0, at + d));
  cards[to]!.focus();
}

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
        <TakeHomeButton />
        <a href="#/" className="button" data-testid="edit-profile">
          {t('hall.editProfile')}
        </a>
      </header>
      <nav aria-label={t('hall.pickZone')} className="zones">
        <p className="hint">{t('hall.keyboardHint')}</p>
        <ul onKeyDown={moveBetweenCards}>
          {catalog.zones.map((z) => (
            <li key={z.id}>
              {z.ok ? (
                <button type="button" className="zone-card" style={{ borderColor: z.zone.color }} data-testid={`portal-${z.id}`} onClick={() => pick(z.id)}>
                  <strong>
                    {text(z.zone.title, lang)}
                    {!hasGame(z.id) && (
                      <span className="badge" data-testid={`no-game-${z.id}`}>
                        {t('hall.noGame')}
                      </span>
                    )}
                  </strong>
                  <small>{t('hall.learnLine', { summary: text(z.zone.summary, lang) })}</small>
                </button>
              ) : (
                <div className="zone-card broken" data-testid={`portal-${z.id}`} role="group" aria-label={z.id} tabIndex={0}>
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

const TakeHome = lazy(() => import('./TakeHome.tsx'));

/** 小手拉大手: the visit's QR and code to practise at home (its own lazy chunk with the QR encoder). */
function TakeHomeButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="take-home-open" onClick={() => setOpen(true)}>
        {t('home.takeButton')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <TakeHome onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
