// The drunk zone's module (the registry lists it): its rules module and the UI parts it owns — the
// level choice (flat and in the headset), the drive and speed while driving, the pause before the
// second drive, the summary with the two drives and the law (flat and in the headset), and the
// cockpit, the view after drinking and the stop marks in its scene.
import { lazy } from 'react';
import { defineZoneModule } from '../module.ts';
import { drunkRules } from './module.ts';
import { DriveStatus, drunkLines, Interlude, LevelChoice } from './Parts.tsx';
import { DrunkSummary } from './Summary.tsx';

export default defineZoneModule(drunkRules, {
  parts: {
    Setup: LevelChoice,
    Status: DriveStatus,
    Notices: Interlude,
    lines: (hud, _t, lang) => drunkLines(hud, lang),
    Summary: DrunkSummary,
  },
  Setup3D: lazy(() => import('./LevelChoice3D.tsx')),
  Summary3D: lazy(() => import('./Summary3D.tsx')),
  Scene: lazy(() => import('./Scene.tsx')),
});
