import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from './ProgressBar.tsx';

const SelfTestScreen = lazy(() => import('./SelfTestScreen.tsx'));
/** the zone game's HUD: its own chunk (with the zone-game store), loaded with the zone's module */
const ZoneGameHud = lazy(() => import('./ZoneGameHud.tsx').then((m) => ({ default: m.ZoneGameHud })));
const PracticeScreen = lazy(() => import('./PracticeScreen.tsx'));
import { useCatalog, useSession } from '../../app/context.tsx';
import type { ZoneDef } from '../../content/schema.ts';
import { hasGame } from '../../modes/offers.ts';
import { isMode } from '../../app/routes.ts';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import { ZONE_IDS } from '../../content/ids.ts';
import { VisitorChip } from './HallScreen.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PrePostGate } from './PrePostGate.tsx';

export function MessageScreen({ title, children }: { title: string; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="card message" role="alert" data-testid="message">
      <h1>{title}</h1>
      {children}
      <button type="button" className="primary" onClick={() => navigate({ name: 'hall' })}>
        {t('zone.backToHall')}
      </button>
    </section>
  );
}

/**
 * Game mode in a zone whose game does not exist yet (a deep link, an old bookmark): not a dead end but
 * the ways on: this zone's self-test and competition practice, the zones that have a game, and what
 * the zone teaches.
 */
function NoGame({ zone, keep }: { zone: ZoneDef; keep: Record<string, string> }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const lang = useSession((s) => s.lang);
  const games = catalog.zones.filter((z) => z.ok && hasGame(z.id));
  return (
    <section className="card" data-testid="no-game">
      <h2>{t('zone.noGameTitle')}</h2>
      <p>{t('zone.noGameBody')}</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="no-game-test" onClick={() => navigate({ name: 'zone', zoneId: zone.id, mode: 'test' }, keep)}>
          {t('modes.test')}
        </button>
        <button type="button" data-testid="no-game-competition" onClick={() => navigate({ name: 'zone', zoneId: zone.id, mode: 'competition' }, keep)}>
          {t('modes.competition')}
        </button>
        {games.map((z) => (
          <button key={z.id} type="button" data-testid={`no-game-play-${z.id}`} onClick={() => navigate({ name: 'zone', zoneId: z.id, mode: 'game' }, keep)}>
            {z.ok ? t('zone.playIn', { zone: text(z.zone.title, lang) }) : z.id}
          </button>
        ))}
      </div>
      <h2>{t('zone.learningPoints')}</h2>
      <ol className="points" data-testid="learning-points">
        {zone.learningPoints.map((p, i) => (
          <li key={i}>{text(p, lang)}</li>
        ))}
      </ol>
    </section>
  );
}

/** A zone's page: its game, self-test or competition practice. */
export function ZoneScreen({ zoneId, mode, keep }: { zoneId: string; mode: string; keep: Record<string, string> }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const lang = useSession((s) => s.lang);
  const slot = catalog.zones.find((z) => z.id === zoneId);
  if (!slot) return <MessageScreen title={t('errors.unknownZone', { id: zoneId, list: ZONE_IDS.join(', ') })} />;
  if (!isMode(mode)) return <MessageScreen title={t('errors.unknownMode', { id: mode })} />;
  if (!slot.ok)
    return (
      <MessageScreen title={t('hall.zoneBroken')}>
        <p>{t('errors.contentFile', { file: slot.problems[0]?.file ?? zoneId })}</p>
        <ul className="problems" data-testid="problems">
          {slot.problems.map((p, i) => (
            <li key={i}>
              <code>{`${p.file}: ${p.path || '(file)'}: ${p.message}`}</code>
            </li>
          ))}
        </ul>
      </MessageScreen>
    );
  const zone = slot.zone;
  if (mode === 'game' && hasGame(zone.id))
    // a fragment: the app puts the 3D stage between this header and the HUD (CSS order)
    return (
      <>
        <header className="bar" style={{ borderColor: zone.color }}>
          <button type="button" data-testid="back" onClick={() => navigate({ name: 'hall' }, keep)}>
            ← {t('zone.backToHall')}
          </button>
          <h1 data-testid="zone-title">{text(zone.title, lang)}</h1>
          <span className="chip" data-testid="zone-mode">
            {t('zone.mode', { mode: t(`modes.${mode}`) })}
          </span>
          <VisitorChip />
        </header>
        {/* keyed: going straight from one zone to another starts the next one fresh (its intro, no old summary) */}
        <PrePostGate key={zone.id} zone={zone.id}>
          <Suspense fallback={<ProgressBar label={t('app.loading')} />}>
            <ZoneGameHud key={zone.id} zone={zone} />
          </Suspense>
        </PrePostGate>
      </>
    );
  return (
    <div className="zone-page">
      <header className="bar" style={{ borderColor: zone.color }}>
        <button type="button" data-testid="back" onClick={() => navigate({ name: 'hall' }, keep)}>
          ← {t('zone.backToHall')}
        </button>
        <h1 data-testid="zone-title">{text(zone.title, lang)}</h1>
        <VisitorChip />
        <LanguageSwitch />
      </header>
      <p className="mode-line" data-testid="zone-mode">
        {t('zone.mode', { mode: t(`modes.${mode}`) })}
      </p>
      {mode === 'test' ? (
        <PrePostGate key={zone.id} zone={zone.id}>
          <Suspense fallback={<ProgressBar label={t('test.loadingBank')} />}>
            <SelfTestScreen zone={zone.id} />
          </Suspense>
        </PrePostGate>
      ) : mode === 'competition' ? (
        <Suspense fallback={<ProgressBar label={t('app.loading')} />}>
          <PracticeScreen zone={zone.id} />
        </Suspense>
      ) : (
        <NoGame zone={zone} keep={keep} />
      )}
    </div>
  );
}
