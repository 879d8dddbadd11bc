// Controller and hand models served from this origin (the XR library's default is a CDN). Only the
// profiles a hall's Quests use, plus the generic fallbacks; profilesList.json lists just those, so
// any other controller falls back to a generic profile instead of requesting a missing file.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const XR_PROFILES = ['meta-quest-touch-plus', 'meta-quest-touch-pro', 'oculus-touch-v3', 'oculus-touch-v2', 'generic-trigger', 'generic-hand'];

export function copyXrAssets(root: string): number {
  const require = createRequire(import.meta.url);
  const src = join(dirname(require.resolve('@webxr-input-profiles/assets/package.json')), 'dist', 'profiles');
  const out = join(root, 'public', 'xr-assets', 'profiles');
  mkdirSync(out, { recursive: true });
  const list = JSON.parse(readFileSync(join(src, 'profilesList.json'), 'utf8')) as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const id of XR_PROFILES) {
    if (!list[id] || !existsSync(join(src, id))) throw new Error(`controller profile ${id} is missing from @webxr-input-profiles/assets`);
    kept[id] = list[id];
    cpSync(join(src, id), join(out, id), { recursive: true });
  }
  writeFileSync(join(out, 'profilesList.json'), JSON.stringify(kept, null, 2));
  return XR_PROFILES.length;
}
