// The staff console's door. It asks for the PIN every time the console opens (also after a reload).
// On a device without a PIN (first run, or staff forgot it) a PIN is set only with the device's setup
// code (staff/setupCode.ts: printed by the hall server or `npm run setup-code`), so a visitor who taps
// "Staff" cannot take the console. While the saved settings cannot be read (IndexedDB away) nothing is
// known about the PIN: the console stays locked and says why — it never assumes "no PIN yet".
// Wrong PINs and setup codes are rate limited (staff/pin.ts); the limiter is saved with the settings,
// so reloading the page does not reset the wait. A numeric keypad for the touch kiosk.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import {
  attemptAllowed,
  checkPinRule,
  initialLimiter,
  isShortPin,
  LEGACY_PIN_MIN_DIGITS,
  MAX_FREE_FAILURES,
  needsRehash,
  PIN_MAX_DIGITS,
  recordFailure,
  recordSuccess,
  setPin,
  storedPinSchema,
  verifyPin,
  type PinLimiter,
} from '../../staff/pin.ts';
import { checkSetupCode, probeSetupCode, type SetupCodeSource } from '../../staff/setupCode.ts';
import { hallServerHint } from '../../hall/hint.ts';

type Mode =
  | { kind: 'loading' }
  /** the settings could not be read: the PIN is unknown */
  | { kind: 'unknown'; problem: string }
  /** no PIN (or a forgotten one): the setup code first, then a new PIN twice */
  | { kind: 'set'; source: SetupCodeSource | null; reset: boolean; stored: unknown }
  | { kind: 'enter'; stored: unknown };

const setupFetch = (input: string, init?: RequestInit) => fetch(input, init);

function Keypad({ value, onChange, onSubmit, disabled, testid }: { value: string; onChange: (v: string) => void; onSubmit: () => void; disabled?: boolean; testid: string }) {
  const { t } = useTranslation();
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];
  return (
    <div className="keypad" role="group" aria-label={t('staff.pin.keypad')} data-testid={`${testid}-keypad`}>
      {keys.map((k) => (
        <button
          key={k}
          type="button"
          disabled={disabled}
          data-testid={`${testid}-key-${k}`}
          aria-label={k === 'clear' ? t('staff.pin.clear') : k === 'back' ? t('staff.pin.backspace') : k}
          onClick={() => {
            if (k === 'clear') onChange('');
            else if (k === 'back') onChange(value.slice(0, -1));
            else if (value.length < PIN_MAX_DIGITS) onChange(value + k);
          }}
        >
          {k === 'clear' ? (
            t('staff.pin.clear')
          ) : k === 'back' ? (
            <svg viewBox="0 0 24 24" width="1.3em" height="1.3em" aria-hidden="true">
              <path d="M9 5h11v14H9l-6-7z M12 9l6 6 M18 9l-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
            </svg>
          ) : (
            k
          )}
        </button>
      ))}
      <button type="button" className="primary keypad-ok" disabled={disabled} data-testid={`${testid}-ok`} onClick={onSubmit}>
        {t('staff.pin.ok')}
      </button>
    </div>
  );
}

function PinField({ id, label, value, onChange, onSubmit, disabled, testid }: { id: string; label: string; value: string; onChange: (v: string) => void; onSubmit: () => void; disabled?: boolean; testid: string }) {
  return (
    <label className="field pin-field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={PIN_MAX_DIGITS}
        value={value}
        disabled={disabled}
        data-testid={testid}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, PIN_MAX_DIGITS))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSubmit();
        }}
      />
    </label>
  );
}

export function PinGate({ onUnlock }: { onUnlock: (o: { shortPin: boolean }) => void }) {
  const { t } = useTranslation();
  const { storage } = useServices();
  const [mode, setMode] = useState<Mode>({ kind: 'loading' });
  const [loads, setLoads] = useState(0);
  const [code, setCode] = useState('');
  const [codeOk, setCodeOk] = useState(false);
  const [limiter, setLimiter] = useState<PinLimiter>(initialLimiter());
  const [pin, setPinText] = useState('');
  const [confirm, setConfirm] = useState('');
  const [step, setStep] = useState<'first' | 'confirm'>('first');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [clock, setClock] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    void (async () => {
      // a retry (the button below) asks IndexedDB again before reading
      if (loads > 0) await storage.retry();
      const s = await storage.getSettings();
      if (!live) return;
      if (!storage.settingsKnown) {
        setMode({ kind: 'unknown', problem: storage.problem ?? '' });
        return;
      }
      const ok = storedPinSchema.safeParse(s.staffPin).success;
      setLimiter({ ...initialLimiter(), ...s.staffPinLimiter });
      if (ok) {
        setMode({ kind: 'enter', stored: s.staffPin });
        return;
      }
      setMode({ kind: 'set', source: null, reset: false, stored: null });
    })();
    return () => {
      live = false;
    };
  }, [storage, loads]);

  // which setup code this device can check (none: the gate says how to get one)
  const needsProbe = mode.kind === 'set' && mode.source === null;
  useEffect(() => {
    if (!needsProbe) return;
    let live = true;
    void probeSetupCode(setupFetch, document.baseURI, hallServerHint()).then((source) => live && setMode((m) => (m.kind === 'set' ? { ...m, source } : m)));
    return () => {
      live = false;
    };
  }, [needsProbe]);

  const wait = attemptAllowed(limiter, clock);
  useEffect(() => {
    if (wait.allowed) return;
    const id = setInterval(() => setClock(Date.now()), 500);
    return () => clearInterval(id);
  }, [wait.allowed]);

  /** a wrong PIN or setup code: counted, saved (a reload keeps the wait), told */
  const wrong = useCallback(
    async (what: 'pin' | 'code') => {
      const next = recordFailure(limiter, Date.now());
      setLimiter(next);
      setClock(Date.now());
      await storage.putSettings({ staffPinLimiter: next });
      const left = MAX_FREE_FAILURES + 1 - next.failures;
      if (what === 'pin') setError(left > 0 ? t('staff.pin.wrongLeft', { n: left }) : t('staff.pin.wrong'));
      else setError(left > 0 ? t('staff.pin.codeWrongLeft', { n: left }) : t('staff.pin.codeWrong'));
    },
    [limiter, storage, t],
  );

  const submitCode = useCallback(async () => {
    if (busy || mode.kind !== 'set') return;
    const now = Date.now();
    setClock(now);
    if (!attemptAllowed(limiter, now).allowed || !code.trim()) return;
    setBusy(true);
    try {
      const r = await checkSetupCode(code, setupFetch, document.baseURI, hallServerHint());
      if (r === 'ok') {
        setError(null);
        setCodeOk(true);
        setCode('');
      } else if (r === 'unavailable') setError(t('staff.pin.codeUnavailable'));
      else if (r === 'limited') setError(t('staff.pin.codeLimited'));
      else {
        setCode('');
        await wrong('code');
      }
    } catch {
      setError(t('staff.pin.noCrypto'));
    } finally {
      setBusy(false);
    }
  }, [busy, mode, limiter, code, wrong, t]);

  const submitNew = useCallback(async () => {
    if (busy || !codeOk) return;
    if (step === 'first') {
      if (checkPinRule(pin)) {
        setPinText('');
        return setError(t('staff.pin.rule'));
      }
      setError(null);
      setStep('confirm');
      return;
    }
    if (confirm !== pin) {
      setError(t('staff.pin.mismatch'));
      setConfirm('');
      setPinText('');
      setStep('first');
      return;
    }
    setBusy(true);
    try {
      const stored = await setPin(pin);
      await storage.putSettings({ staffPin: stored, staffPinLimiter: recordSuccess() });
      onUnlock({ shortPin: false });
    } catch {
      setError(t('staff.pin.noCrypto'));
    } finally {
      setBusy(false);
    }
  }, [busy, codeOk, step, pin, confirm, storage, onUnlock, t]);

  const submitEnter = useCallback(async () => {
    if (busy || mode.kind !== 'enter') return;
    const now = Date.now();
    setClock(now);
    if (!attemptAllowed(limiter, now).allowed) return;
    if (!pin) return;
    setBusy(true);
    try {
      if (await verifyPin(pin, mode.stored)) {
        const patch: Parameters<typeof storage.putSettings>[0] = { staffPinLimiter: recordSuccess() };
        const parsed = storedPinSchema.safeParse(mode.stored);
        // an older, cheaper hash is re-made at today's iterations (the PIN itself stays what staff know)
        if (parsed.success && needsRehash(parsed.data)) patch.staffPin = await setPin(pin, { minDigits: LEGACY_PIN_MIN_DIGITS });
        await storage.putSettings(patch);
        onUnlock({ shortPin: isShortPin(pin) });
        return;
      }
      setPinText('');
      await wrong('pin');
    } catch {
      setError(t('staff.pin.noCrypto'));
    } finally {
      setBusy(false);
    }
  }, [busy, mode, limiter, pin, storage, onUnlock, wrong, t]);

  if (mode.kind === 'loading') return <p className="card">{t('app.loading')}</p>;

  const locked = !wait.allowed;
  const back = (
    <button type="button" className="link" onClick={() => navigate({ name: 'start' })}>
      {t('staff.backToVisitors')}
    </button>
  );
  const lockNote = locked ? (
    <p className="error" role="alert" data-testid="pin-locked">
      {t('staff.pin.locked', { s: Math.ceil(wait.waitMs / 1000) })}
    </p>
  ) : (
    error && (
      <p className="error" role="alert" data-testid="pin-error">
        {error}
      </p>
    )
  );

  if (mode.kind === 'unknown')
    return (
      <section className="card pin-gate" data-testid="pin-unknown" aria-labelledby="pin-title">
        <h1 id="pin-title">{t('staff.pin.unknownTitle')}</h1>
        <p>{t('staff.pin.unknown')}</p>
        {mode.problem && (
          <p className="hint" data-testid="pin-unknown-problem">
            {mode.problem}
          </p>
        )}
        <button type="button" className="primary" data-testid="pin-unknown-retry" onClick={() => setLoads((n) => n + 1)}>
          {t('app.retry')}
        </button>
        {back}
      </section>
    );

  if (mode.kind === 'set' && !codeOk) {
    return (
      <section className="card pin-gate" data-testid="pin-setup" data-source={mode.source ?? 'probing'} aria-labelledby="pin-title">
        <h1 id="pin-title">{mode.reset ? t('staff.pin.resetTitle') : t('staff.pin.setTitle')}</h1>
        {mode.source === null ? (
          <p className="hint">{t('app.loading')}</p>
        ) : mode.source === 'none' ? (
          <p className="error" role="alert" data-testid="pin-no-code">
            {t('staff.pin.noSetupCode')}
          </p>
        ) : (
          <>
            <p className="hint">{t('staff.pin.codeHint')}</p>
            <label className="field pin-field" htmlFor="setup-code">
              <span>{t('staff.pin.code')}</span>
              <input
                id="setup-code"
                type="text"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={20}
                value={code}
                disabled={busy || locked}
                data-testid="setup-code"
                onChange={(e) => setCode(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') void submitCode();
                }}
              />
            </label>
            {lockNote}
            {busy && <p className="hint">{t('staff.pin.checking')}</p>}
            <button type="button" className="primary" data-testid="setup-code-ok" disabled={busy || locked || !code.trim()} onClick={() => void submitCode()}>
              {t('staff.pin.ok')}
            </button>
          </>
        )}
        {mode.reset && (
          <button type="button" className="link" data-testid="pin-reset-cancel" onClick={() => setMode({ kind: 'enter', stored: mode.stored })}>
            {t('staff.cancel')}
          </button>
        )}
        {back}
      </section>
    );
  }

  if (mode.kind === 'set') {
    const value = step === 'first' ? pin : confirm;
    const change = step === 'first' ? setPinText : setConfirm;
    return (
      <section className="card pin-gate" data-testid="pin-set" aria-labelledby="pin-title">
        <h1 id="pin-title">{t('staff.pin.setTitle')}</h1>
        <p className="hint">{t('staff.pin.setHint')}</p>
        <PinField
          id="pin-new"
          label={step === 'first' ? t('staff.pin.newPin') : t('staff.pin.confirm')}
          value={value}
          onChange={change}
          onSubmit={() => void submitNew()}
          disabled={busy}
          testid={step === 'first' ? 'pin-new' : 'pin-confirm'}
        />
        {error && (
          <p className="error" role="alert" data-testid="pin-error">
            {error}
          </p>
        )}
        <Keypad testid="pin" value={value} onChange={change} onSubmit={() => void submitNew()} disabled={busy} />
        <button type="button" className="link" onClick={() => navigate({ name: 'start' })}>
          {t('staff.backToVisitors')}
        </button>
      </section>
    );
  }
  return (
    <section className="card pin-gate" data-testid="pin-enter" aria-labelledby="pin-title">
      <h1 id="pin-title">{t('staff.pin.enterTitle')}</h1>
      <PinField id="pin" label={t('staff.pin.pin')} value={pin} onChange={setPinText} onSubmit={() => void submitEnter()} disabled={busy || locked} testid="pin-input" />
      {locked ? (
        <p className="error" role="alert" data-testid="pin-locked">
          {t('staff.pin.locked', { s: Math.ceil(wait.waitMs / 1000) })}
        </p>
      ) : (
        error && (
          <p className="error" role="alert" data-testid="pin-error">
            {error}
          </p>
        )
      )}
      {busy && <p className="hint">{t('staff.pin.checking')}</p>}
      <Keypad testid="pin" value={pin} onChange={setPinText} onSubmit={() => void submitEnter()} disabled={busy || locked} />
      <button
        type="button"
        className="link"
        data-testid="pin-forgot"
        onClick={() => {
          setError(null);
          setPinText('');
          setMode({ kind: 'set', source: null, reset: true, stored: mode.stored });
        }}
      >
        {t('staff.pin.forgot')}
      </button>
      {back}
    </section>
  );
}
