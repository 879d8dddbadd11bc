// The hall server in the staff console (only when the page came from one): the connection and this
// device's uploads, and signing in with the hall's staff PIN — or, on first use, setting that PIN with
// the setup code the server printed when it started.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallConnection } from '../../hall/connect.ts';
import { SendError } from '../../hall/uploader.ts';
import { useHallConnection, useHallState } from './useHall.ts';

const PIN_RULE = /^\d{6,12}$/;

function digits(v: string) {
  return v.replace(/\D/g, '').slice(0, 12);
}

function SignIn({ hall }: { hall: HallConnection }) {
  const { t } = useTranslation();
  const pinSet = useHallState(hall, (s) => s.info?.pinSet ?? true);
  const [pin, setPin] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const explain = (e: unknown) => {
    const status = e instanceof SendError ? e.status : 0;
    if (status === 401) return t('hallServer.wrongPin');
    if (status === 403) return t('hallServer.wrongCode');
    if (status === 429) return t('hallServer.tooMany');
    return t('hallServer.failed', { problem: e instanceof Error ? e.message : String(e) });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!pinSet && !PIN_RULE.test(pin)) return setError(t('hallServer.pinRule'));
    setBusy(true);
    setError(null);
    try {
      if (pinSet) await hall.staff.login(pin);
      else {
        await hall.staff.setup(code, pin);
        const info = hall.state.getState().info;
        if (info) hall.state.setState({ info: { ...info, pinSet: true } });
      }
      setPin('');
      setCode('');
      hall.state.setState({ staff: 'signedIn' });
    } catch (err) {
      setError(explain(err));
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="hall-sign-in" onSubmit={(e) => void submit(e)} data-testid="hall-sign-in">
      {!pinSet && (
        <>
          <h3>{t('hallServer.setupTitle')}</h3>
          <p className="hint">{t('hallServer.setupHint')}</p>
          <label className="inline-field">
            <span>{t('hallServer.setupCode')}</span>
            <input value={code} autoComplete="off" autoCapitalize="characters" maxLength={12} data-testid="hall-setup-code" onChange={(e) => setCode(e.target.value)} />
          </label>
        </>
      )}
      {pinSet && <p className="hint">{t('hallServer.signInHint')}</p>}
      <div className="row wrap">
        <label className="inline-field">
          <span>{pinSet ? t('hallServer.pin') : t('hallServer.newPin')}</span>
          <input type="password" inputMode="numeric" autoComplete="off" maxLength={12} value={pin} data-testid="hall-pin" onChange={(e) => setPin(digits(e.target.value))} />
        </label>
        <button type="submit" className="primary" disabled={busy || !pin || (!pinSet && !code)} data-testid="hall-sign-in-submit">
          {pinSet ? t('hallServer.signIn') : t('hallServer.setup')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="hall-sign-in-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function HallServerPanel() {
  const { t } = useTranslation();
  const hall = useHallConnection();
  const info = useHallState(hall, (s) => s.info);
  const reachable = useHallState(hall, (s) => s.reachable);
  const device = useHallState(hall, (s) => s.device);
  const outbox = useHallState(hall, (s) => s.outbox);
  const durable = useHallState(hall, (s) => s.durable);
  const staff = useHallState(hall, (s) => s.staff);

  // is this console already signed in (a session cookie from earlier in the day)?
  useEffect(() => {
    if (!hall || hall.state.getState().staff !== 'unknown') return;
    void hall.staff
      .session()
      .then((s) => hall.state.setState({ staff: s.signedIn ? 'signedIn' : 'signedOut' }))
      .catch(() => hall.state.setState({ staff: 'signedOut' }));
  }, [hall]);

  if (!hall) return null;
  return (
    <section className="panel hall-server" aria-labelledby="hall-server-title" data-testid="hall-server" data-staff={staff}>
      <h2 id="hall-server-title">{t('hallServer.title')}</h2>
      <p data-testid="hall-server-status">
        {reachable === false ? t('hallServer.unreachable') : info ? t('hallServer.connected', { name: info.name }) : t('hallServer.connecting')}
      </p>
      <p className="hint">
        {device && t('hallServer.device', { kind: t(`hallServer.kinds.${device.kind}`) })}
        {' · '}
        <span data-testid="hall-outbox">{t('hallServer.outbox', { sent: outbox.sent, queued: outbox.queued })}</span>
      </p>
      {outbox.rejected > 0 && <p className="error">{t('hallServer.rejected', { n: outbox.rejected, problem: outbox.lastError ?? '' })}</p>}
      {!durable && <p className="error">{t('hallServer.notDurable')}</p>}
      {staff === 'signedIn' ? (
        <div className="row wrap">
          <p className="ok-note" data-testid="hall-signed-in">
            {t('hallServer.signedIn')}
          </p>
          <button
            type="button"
            data-testid="hall-sign-out"
            onClick={() => void hall.staff.logout().finally(() => hall.state.setState({ staff: 'signedOut' }))}
          >
            {t('hallServer.signOut')}
          </button>
        </div>
      ) : staff === 'signedOut' && info ? (
        <SignIn hall={hall} />
      ) : null}
    </section>
  );
}
