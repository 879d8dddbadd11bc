// Vehicle geometry for zone 4: blind zones from sight lines, inner-wheel difference, box tests.
export * from './blindZone.ts';
export * from './innerWheel.ts';
export * from './obb.ts';
