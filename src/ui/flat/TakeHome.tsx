// 小手拉大手: the end of a visit — a QR and a short code that open this visitor's zones in self-test
// mode on any phone (group and language in the link, nobody's name), with a retest after the days
// staff chose. qrcode draws the QR as SVG in the page (no network).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { text, ZONE_IDS, type ZoneId } from '../../content/ids.ts';
import { encodeHomeCode, homeLink } from '../../modes/homeCode.ts';
import { DEFAULT_LEARNING } from '../../modes/prePost.ts';
import { localDayStart } from '../../scoring/stats.ts';

/** Where this copy of the app lives (a hall server or a static copy), for links to it. */
export function appOrigin(): string {
  return window.location.origin + window.location.pathname.replace(/index\.html$/, '').replace(/\/$/, '');
}

export function QrSvg({ value, label, testid }: { value: string; label: string; testid?: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    void QRCode.toString(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [value]);
  // the SVG is generated here from our own link text, never from outside input
  return <div className="qr" role="img" aria-label={label} data-testid={testid} data-value={value} dangerouslySetInnerHTML={{ __html: svg }} />;
}

export default function TakeHome({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { storage } = useServices();
  const catalog = useCatalog();
  const { visitor, lang } = useSession((s) => ({ visitor: s.visitor, lang: s.lang }));
  const [zones, setZones] = useState<ZoneId[] | null>(null);
  const [retestDays, setRetestDays] = useState(DEFAULT_LEARNING.retestDays);
  useEffect(() => {
    void Promise.all([storage.listAttempts(), storage.getSettings()]).then(([attempts, settings]) => {
      const mine = new Set(attempts.filter((a) => a.visitorId === visitor?.id).map((a) => a.zone));
      // zones played or tested today; none yet: every zone (the whole hall to practise)
      setZones(mine.size ? ZONE_IDS.filter((z) => mine.has(z)) : catalog.zones.filter((z) => z.ok).map((z) => z.id));
      setRetestDays(settings.learning?.retestDays ?? DEFAULT_LEARNING.retestDays);
    });
  }, [storage, visitor?.id, catalog]);
  if (!visitor || !zones) return null;
  const code = encodeHomeCode({ day: localDayStart(Date.now()), zones, group: visitor.group, lang, retestDays, serial: 0 }, catalog.groups.map((g) => g.id));
  const link = homeLink(appOrigin(), code, { group: visitor.group, lang });
  const title = (id: ZoneId) => {
    const z = catalog.zones.find((x) => x.id === id);
    return z?.ok ? text(z.zone.title, lang) : id;
  };
  return (
    <div className="prepost-overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <section className="card take-home" role="dialog" aria-labelledby="take-home-title" data-testid="take-home">
        <h2 id="take-home-title">{t('home.takeTitle')}</h2>
        <p>{t('home.takeBody', { days: retestDays })}</p>
        <div className="take-home-code">
          <QrSvg value={link} label={t('home.qrLabel')} testid="take-home-qr" />
          <div>
            <p className="hint">{t('home.code')}</p>
            <p className="home-code" data-testid="take-home-code">
              {code}
            </p>
            <p className="hint">{t('home.zones')}</p>
            <ul data-testid="take-home-zones">
              {zones.map((z) => (
                <li key={z}>{title(z)}</li>
              ))}
            </ul>
          </div>
        </div>
        <p className="hint link-text" data-testid="take-home-link">
          {link}
        </p>
        <div className="actions">
          <button type="button" className="primary" autoFocus data-testid="take-home-close" onClick={onClose}>
            {t('app.close')}
          </button>
        </div>
      </section>
    </div>
  );
}
