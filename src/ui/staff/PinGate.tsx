// The staff console's door: set a PIN on first use, then ask for it every time the console opens
// (also after a reload). Wrong PINs are rate limited (staff/pin.ts); the limiter is saved with the
// settings, so reloading the page does not reset the wait. A numeric keypad for the touch kiosk.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import {
  attemptAllowed,
  checkPinRule,
  initialLimiter,
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

type Mode = { kind: 'loading' } | { kind: 'set' } | { kind: 'enter'; stored: unknown };

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

export function PinGate({ onUnlock }: { onUnlock: () => void }) {
  const { t } = useTranslation();
  const { storage } = useServices();
  const [mode, setMode] = useState<Mode>({ kind: 'loading' });
  const [limiter, setLimiter] = useState<PinLimiter>(initialLimiter());
  const [pin, setPinText] = useState('');
  const [confirm, setConfirm] = useState('');
  const [step, setStep] = useState<'first' | 'confirm'>('first');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [clock, setClock] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    void storage.getSettings().then((s) => {
      if (!live) return;
      const ok = storedPinSchema.safeParse(s.staffPin).success;
      setLimiter({ ...initialLimiter(), ...s.staffPinLimiter });
      setMode(ok ? { kind: 'enter', stored: s.staffPin } : { kind: 'set' });
    });
    return () => {
      live = false;
    };
  }, [storage]);

  const wait = attemptAllowed(limiter, clock);
  useEffect(() => {
    if (wait.allowed) return;
    const id = setInterval(() => setClock(Date.now()), 500);
    return () => clearInterval(id);
  }, [wait.allowed]);

  const submitNew = useCallback(async () => {
    if (busy) return;
    if (step === 'first') {
      if (checkPinRule(pin)) return setError(t('staff.pin.rule'));
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
      onUnlock();
    } catch {
      setError(t('staff.pin.noCrypto'));
    } finally {
      setBusy(false);
    }
  }, [busy, step, pin, confirm, storage, onUnlock, t]);

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
        if (parsed.success && needsRehash(parsed.data)) patch.staffPin = await setPin(pin);
        await storage.putSettings(patch);
        onUnlock();
        return;
      }
      const next = recordFailure(limiter, Date.now());
      setLimiter(next);
      setClock(Date.now());
      await storage.putSettings({ staffPinLimiter: next });
      const left = MAX_FREE_FAILURES + 1 - next.failures;
      setError(left > 0 ? t('staff.pin.wrongLeft', { n: left }) : t('staff.pin.wrong'));
      setPinText('');
    } catch {
      setError(t('staff.pin.noCrypto'));
    } finally {
      setBusy(false);
    }
  }, [busy, mode, limiter, pin, storage, onUnlock, t]);

  if (mode.kind === 'loading') return <p className="card">{t('app.loading')}</p>;

  const locked = !wait.allowed;
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
      <button type="button" className="link" onClick={() => navigate({ name: 'start' })}>
        {t('staff.backToVisitors')}
      </button>
    </section>
  );
}
