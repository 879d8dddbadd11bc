// 小手拉大手 at home: the visit's link (#/hall?group=…&lang=…&home=<code>) opens the visit's zones in
// self-test mode for an anonymous visitor of the visit's group, in its language; after the days staff
// chose it offers a retest; the family challenge lets the child answer and then a parent take the
// grown-up's version of the same zone, both results on one screen. Works offline once opened (the app
// is precached); nothing leaves the phone.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { applyDeepLink } from '../../app/deepLink.ts';
import { navigate } from '../../app/useRoute.ts';
import { text, type ZoneId } from '../../content/ids.ts';
import { adultGroupFor, decodeHomeCode, retestDue, retestFrom, type HomeVisit } from '../../modes/homeCode.ts';
import { localTime } from '../../scoring/exchange.ts';
import { createSelfTestStore, type SelfTestStore } from '../../stores/selfTest.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SelfTest } from './SelfTestScreen.tsx';

type Family = { zone: ZoneId; step: 'child' | 'handover' | 'parent' | 'both' };

function useFamilyStores(visit: HomeVisit, zone: ZoneId | null, code: string) {
  const services = useServices();
  const catalog = useCatalog();
  return useMemo(() => {
    if (!zone) return null;
    const slot = catalog.zones.find((z) => z.id === zone);
    const groupIds = catalog.groups.map((g) => g.id);
    const adult = adultGroupFor(slot?.ok ? slot.zone.audience : [], groupIds);
    const make = (role: 'child' | 'parent', groupId: string): SelfTestStore =>
      createSelfTestStore({
        storage: services.storage,
        loadBank: services.loadBank,
        zone,
        group: catalog.groups.find((g) => g.id === groupId)!,
        // the family's two players are nobody in particular: one id per code and role
        visitorId: `family-${role}-${code}-${Date.now().toString(36)}`,
        device: () => 'desktop',
        lang: () => services.session.getState().lang,
      });
    return { child: make('child', visit.group), parent: make('parent', adult), adult };
  }, [zone, catalog, services, visit.group, code]);
}

function FamilyChallenge({ visit, family, code, onStep, onClose }: { visit: HomeVisit; family: Family; code: string; onStep: (f: Family) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const lang = useSession((s) => s.lang);
  const stores = useFamilyStores(visit, family.zone, code)!;
  const childResult = useStore(stores.child, (s) => s.result);
  const parentResult = useStore(stores.parent, (s) => s.result);
  useEffect(() => {
    void stores.child.getState().actions.start();
    void stores.parent.getState().actions.start();
  }, [stores]);
  useEffect(() => {
    if (family.step === 'child' && childResult) onStep({ ...family, step: 'handover' });
    if (family.step === 'parent' && parentResult) onStep({ ...family, step: 'both' });
  }, [family, childResult, parentResult, onStep]);
  const groupName = (id: string) => {
    const g = catalog.groups.find((x) => x.id === id);
    return g ? text(g.name, lang) : id;
  };
  return (
    <div data-testid="family" data-step={family.step}>
      {family.step === 'child' && (
        <>
          <p className="notice notice-info">{t('home.familyChild', { group: groupName(visit.group) })}</p>
          <SelfTest store={stores.child} zone={family.zone} />
        </>
      )}
      {family.step === 'handover' && (
        <section className="card" data-testid="family-handover">
          <h2>{t('home.handoverTitle')}</h2>
          <p>{t('home.handoverBody', { group: groupName(stores.adult) })}</p>
          <button type="button" className="primary" autoFocus data-testid="family-parent-start" onClick={() => onStep({ ...family, step: 'parent' })}>
            {t('home.parentStart')}
          </button>
        </section>
      )}
      {family.step === 'parent' && (
        <>
          <p className="notice notice-info">{t('home.familyParent', { group: groupName(stores.adult) })}</p>
          <SelfTest store={stores.parent} zone={family.zone} />
        </>
      )}
      {family.step === 'both' && childResult && parentResult && (
        <section className="card" data-testid="family-both">
          <h2>{t('home.bothTitle')}</h2>
          <div className="family-results">
            <div data-testid="family-child-score">
              <p className="hint">{t('home.child', { group: groupName(visit.group) })}</p>
              <p className="score">{childResult.score}</p>
            </div>
            <div data-testid="family-parent-score">
              <p className="hint">{t('home.parent', { group: groupName(stores.adult) })}</p>
              <p className="score">{parentResult.score}</p>
            </div>
          </div>
          <p>{childResult.score > parentResult.score ? t('home.childWins') : childResult.score < parentResult.score ? t('home.parentWins') : t('home.tie')}</p>
          <button type="button" className="primary" data-testid="family-done" onClick={onClose}>
            {t('home.backToPractice')}
          </button>
        </section>
      )}
    </div>
  );
}

export default function HomePractice({ code, keep }: { code: string; keep: Record<string, string> }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const { session } = useServices();
  const { lang, visitor } = useSession((s) => ({ lang: s.lang, visitor: s.visitor }));
  const groupIds = catalog.groups.map((g) => g.id);
  const decoded = decodeHomeCode(code, groupIds);
  const [family, setFamily] = useState<Family | null>(null);
  // a typed short link (#/hall?home=…) carries no group or language: the code has them
  useEffect(() => {
    if (!decoded.ok) return;
    const v = decoded.visit;
    if (!visitor || visitor.group !== v.group) applyDeepLink(session, { group: v.group, ...(keep.lang ? {} : { lang: v.lang }) }, groupIds);
  }, [decoded.ok, visitor, session]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!decoded.ok)
    return (
      <section className="card message" role="alert" data-testid="home-bad-code">
        <h1>{t('home.badCode')}</h1>
        <p>{t(`home.problem.${decoded.problem}`)}</p>
      </section>
    );
  const v = decoded.visit;
  const now = Date.now();
  const due = retestDue(v, now);
  const links = { ...keep, group: v.group, home: code.replace('-', '') };
  const title = (id: ZoneId) => {
    const z = catalog.zones.find((x) => x.id === id);
    return z?.ok ? text(z.zone.title, lang) : id;
  };
  return (
    <div className="home-practice" data-testid="home-practice">
      <header className="bar">
        <h1>{t('home.title')}</h1>
        <LanguageSwitch />
      </header>
      {family ? (
        <FamilyChallenge visit={v} family={family} code={code} onStep={setFamily} onClose={() => setFamily(null)} />
      ) : (
        <>
          <section className="card">
            <p data-testid="home-visit-day">{t('home.visitDay', { day: localTime(v.day).slice(0, 10) })}</p>
            {due ? (
              <div className="notice notice-info home-retest" data-testid="home-retest">
                <strong>{t('home.retestTitle')}</strong> {t('home.retestBody', { days: v.retestDays })}
              </div>
            ) : (
              <p className="hint" data-testid="home-retest-later">
                {t('home.retestLater', { day: localTime(retestFrom(v)).slice(0, 10) })}
              </p>
            )}
          </section>
          <ul className="home-zones">
            {v.zones.map((z) => (
              <li key={z} className="card">
                <h2>{title(z)}</h2>
                <div className="actions">
                  <button type="button" className="primary" data-testid={`home-test-${z}`} onClick={() => navigate({ name: 'zone', zoneId: z, mode: 'test' }, links)}>
                    {due ? t('home.retest') : t('home.practise')}
                  </button>
                  <button type="button" data-testid={`home-family-${z}`} onClick={() => setFamily({ zone: z, step: 'child' })}>
                    {t('home.family')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <p className="hint">{t('home.privacy')}</p>
        </>
      )}
    </div>
  );
}
