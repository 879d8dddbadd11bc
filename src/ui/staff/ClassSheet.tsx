// 小手拉大手 for a whole class: one practice-at-home code per pupil (a number, a QR and the code — no
// names) on one printable page. Each code differs only in its serial; all open the same zones.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useSession } from '../../app/context.tsx';
import { LANGS, text, type Lang, type ZoneId } from '../../content/ids.ts';
import { encodeHomeCode, homeLink, MAX_SERIAL } from '../../modes/homeCode.ts';
import { localDayStart } from '../../scoring/stats.ts';
import { appOrigin, QrSvg } from '../flat/TakeHome.tsx';

export function ClassSheet({ retestDays, visitName }: { retestDays: number; visitName: string | null }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const uiLang = useSession((s) => s.lang);
  const okZones = catalog.zones.filter((z) => z.ok).map((z) => z.id);
  const [group, setGroup] = useState(catalog.groups[0]?.id ?? 'child');
  const [lang, setLang] = useState<Lang>('zh-Hans');
  const [count, setCount] = useState('30');
  const [zones, setZones] = useState<ZoneId[]>(okZones);
  const [sheet, setSheet] = useState<{ code: string; link: string }[] | null>(null);
  const groupIds = catalog.groups.map((g) => g.id);
  const make = () => {
    const n = Math.min(MAX_SERIAL, Math.max(1, Math.round(Number(count)) || 1));
    const day = localDayStart(Date.now());
    setSheet(
      Array.from({ length: n }, (_, i) => {
        const code = encodeHomeCode({ day, zones, group, lang, retestDays, serial: i + 1 }, groupIds);
        return { code, link: homeLink(appOrigin(), code, { group, lang }) };
      }),
    );
  };
  const zoneTitle = (id: ZoneId) => {
    const z = catalog.zones.find((x) => x.id === id);
    return z?.ok ? text(z.zone.title, uiLang) : id;
  };
  return (
    <div className="panel" data-testid="class-sheet-panel">
      <h2>{t('staff.sheet.title')}</h2>
      <p className="hint">{t('staff.sheet.intro', { days: retestDays })}</p>
      <div className="row wrap">
        <label className="inline-field">
          <span>{t('staff.learning.group')}</span>
          <select value={group} data-testid="sheet-group" onChange={(e) => setGroup(e.target.value)}>
            {catalog.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {text(g.name, uiLang)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('staff.sheet.lang')}</span>
          <select value={lang} data-testid="sheet-lang" onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('staff.sheet.count', { max: MAX_SERIAL })}</span>
          <input type="number" min={1} max={MAX_SERIAL} value={count} data-testid="sheet-count" onChange={(e) => setCount(e.target.value)} />
        </label>
      </div>
      <fieldset className="row wrap">
        <legend>{t('home.zones')}</legend>
        {okZones.map((z) => (
          <label key={z} className="check">
            <input type="checkbox" checked={zones.includes(z)} onChange={(e) => setZones((zs) => (e.target.checked ? okZones.filter((x) => zs.includes(x) || x === z) : zs.filter((x) => x !== z)))} />
            <span>{zoneTitle(z)}</span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="button" className="primary" disabled={!zones.length} data-testid="sheet-make" onClick={make}>
          {t('staff.sheet.make')}
        </button>
        {sheet && (
          <button type="button" data-testid="sheet-print" onClick={() => window.print()}>
            {t('staff.sheet.print')}
          </button>
        )}
      </div>
      {sheet && (
        <div className="class-sheet" data-testid="class-sheet">
          <h2>
            {t('home.takeTitle')}
            {visitName ? ` · ${visitName}` : ''}
          </h2>
          <p>{t('staff.sheet.printed', { days: retestDays })}</p>
          <ol className="sheet-grid">
            {sheet.map((s, i) => (
              <li key={s.code} data-testid="sheet-item">
                <span className="sheet-no">{i + 1}</span>
                <QrSvg value={s.link} label={t('home.qrLabel')} />
                <span className="sheet-code">{s.code}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
