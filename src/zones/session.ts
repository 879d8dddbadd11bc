// Kept for screens that import the playable-zone list from here; the registry is its home.
export { hasGame, PLAYABLE_ZONES } from './registry.ts';
