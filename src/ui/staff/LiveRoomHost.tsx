// A live competition hosted from the staff console on a hall server: staff create a room, the big
// screen shows its join code large with a QR of #/join?code=… on this server, and the roster fills as
// visitors join (nickname, group, device); staff set up the rounds and the teams on site (this kiosk's
// buzzers) and start; then the usual host view runs on stores/liveCompetition.ts, the kiosk store's
// shape backed by the room. The hosting outlives a visit to another tab (one room per console page).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useShallow } from 'zustand/shallow';
import type { HallConnection } from '../../hall/connect.ts';
import type { RoomInfo } from '../../hall/live.ts';
import { connectLiveRoom, type LiveRoomClient } from '../../hall/liveRoom.ts';
import type { CompetitionStore } from '../../stores/competition.ts';
import { createLiveCompetitionStore } from '../../stores/liveCompetition.ts';
import { appOrigin, QrSvg } from '../flat/TakeHome.tsx';
import { HostView } from './HostView.tsx';
import { useNames } from './common.tsx';
import { SetupForm, type LiveEntrants } from './SetupForm.tsx';

export interface LiveHosting {
  room: RoomInfo;
  client: LiveRoomClient;
  store: CompetitionStore;
}

/** The room this console hosts, if any (kept while the console's page lives). */
export const liveHosting = createStore<{ host: LiveHosting | null }>()(() => ({ host: null }));

function host(room: RoomInfo): void {
  liveHosting.getState().host?.client.close();
  const client = connectLiveRoom({ kind: 'host', room: room.id });
  const store = createLiveCompetitionStore(client);
  // "new competition" on the podium closes the room: the console offers the kiosk setup again
  store.subscribe((s, before) => {
    if (before.status === 'ready' && s.status === 'idle' && liveHosting.getState().host?.store === store) liveHosting.setState({ host: null });
  });
  liveHosting.setState({ host: { room, client, store } });
}

/** Next to the kiosk's own competition: create a live room, or host again one left open. */
export function LiveRoomOffer({ hall }: { hall: HallConnection }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<RoomInfo[]>([]);
  useEffect(() => {
    let live = true;
    void hall.staff
      .rooms()
      .then((r) => live && setOpen(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [hall]);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      host(await hall.staff.createRoom(t('competition.setup.defaultTitle')));
    } catch (e) {
      setError(t('live.host.failed', { problem: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel live-offer" data-testid="live-offer">
      <h2>{t('live.host.title')}</h2>
      <p className="hint">{t('live.host.hint')}</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="live-create" disabled={busy} onClick={() => void create()}>
          {busy ? t('live.host.creating') : t('live.host.create')}
        </button>
        {open.map((r) => (
          <button key={r.id} type="button" data-testid={`live-resume-${r.code}`} onClick={() => host(r)}>
            {t('live.host.resume', { title: r.title, code: r.code })}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The big screen before the start: the code and QR, who joined, and the setup. */
function Lobby({ hosting }: { hosting: LiveHosting }) {
  const { t } = useTranslation();
  const names = useNames();
  const roster = useStore(hosting.client.store, useShallow((s) => s.roster));
  const status = useStore(hosting.client.store, (s) => s.status);
  const visitors = roster.filter((r) => r.kind !== 'local');
  const live: LiveEntrants = useMemo(() => ({ visitors: visitors.map((v) => ({ id: v.id, name: v.name, group: v.group })) }), [visitors]);
  const url = `${appOrigin()}/#/join?code=${hosting.room.code}`;
  return (
    <section className="staff-tab live-host" data-testid="live-lobby" data-code={hosting.room.code}>
      <h2>{hosting.room.title}</h2>
      {status !== 'open' && (
        <p className="notice notice-warning" role="status">
          {t('live.host.connection')}
        </p>
      )}
      <div className="live-lobby">
        <div className="live-code-box">
          <span className="hint">{t('live.host.code')}</span>
          <strong className="live-code" data-testid="live-code">
            {hosting.room.code}
          </strong>
          <QrSvg value={url} label={t('live.host.joinAt', { url })} testid="live-qr" />
          <small className="hint link-text">{t('live.host.joinAt', { url: `${appOrigin()}/#/join` })}</small>
        </div>
        <div>
          <h3>{t('live.host.roster', { n: visitors.length })}</h3>
          {visitors.length === 0 ? (
            <p className="hint">{t('live.host.rosterEmpty')}</p>
          ) : (
            <ul className="live-roster" data-testid="live-roster">
              {visitors.map((v) => (
                <li key={v.id} className={v.online ? '' : 'offline'} data-testid={`roster-${v.id}`} data-group={v.group} data-kind={v.kind}>
                  <strong>{v.name}</strong>
                  <small>
                    {names.group(v.group)} · {t(`live.host.kinds.${v.kind}`)}
                    {v.online ? '' : ` · ${t('live.host.offline')}`}
                  </small>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <SetupForm store={hosting.store} live={live} />
    </section>
  );
}

export function LiveRoomHost({ hosting }: { hosting: LiveHosting }) {
  const { t } = useTranslation();
  const status = useStore(hosting.store, (s) => s.status);
  const connection = useStore(hosting.client.store, (s) => s.status);
  const roster = useStore(hosting.client.store, (s) => s.roster);
  const remote = useMemo(() => new Set(roster.filter((r) => r.kind !== 'local').map((r) => r.id)), [roster]);
  if (status !== 'ready') return <Lobby hosting={hosting} />;
  return (
    <>
      {connection !== 'open' && (
        <p className="notice notice-warning" role="status" data-testid="live-host-reconnecting">
          {t('live.host.connection')}
        </p>
      )}
      <HostView store={hosting.store} remote={remote} />
    </>
  );
}
