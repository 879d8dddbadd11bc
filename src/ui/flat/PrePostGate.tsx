// The pre/post hook into every zone, at the route layer (ZoneScreen): a pre-check before the zone's
// own screen, a post-check over its result. Zones know nothing of it. The check's code (and zod,
// through the self-test rules) is a lazy chunk.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneId } from '../../content/ids.ts';
import { ProgressBar } from './ProgressBar.tsx';

const PrePostZone = lazy(() => import('./PrePostZone.tsx'));

export function PrePostGate({ zone, children }: { zone: ZoneId; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<ProgressBar label={t('app.loading')} />}>
      <PrePostZone zone={zone}>{children}</PrePostZone>
    </Suspense>
  );
}
