// Entry: optional XR emulation (before anything XR exists), then storage, content and the app.
import { createRoot } from 'react-dom/client';
import { groups, scenes } from 'virtual:content';
import { App } from './app/App.tsx';
import { buildCatalog } from './content/catalog.ts';
import { createI18n } from './i18n/index.ts';
import { createHallStorage } from './storage/storage.ts';
import { createSessionStore, restoreSession } from './stores/session.ts';
import './ui/flat/styles.css';

async function boot() {
  if (new URLSearchParams(window.location.search).has('emulate')) {
    const { installEmulator } = await import('./xr/emulate.ts');
    await installEmulator();
  }
  const storage = createHallStorage();
  const catalog = buildCatalog(scenes, groups);
  for (const p of catalog.problems) console.warn(`[content] ${p.file}: ${p.path}: ${p.message}`);
  const session = createSessionStore(storage);
  const onStorage = () => {
    if (storage.status === 'memory') session.getState().actions.notify({ key: 'errors.storageDown', tone: 'warning' });
  };
  storage.subscribe(onStorage);
  await restoreSession(session, storage);
  onStorage();
  const i18n = createI18n(session.getState().lang);
  const root = document.getElementById('root')!;
  root.removeAttribute('aria-busy');
  createRoot(root).render(<App services={{ session, storage, catalog }} i18n={i18n} />);
}

void boot();
