// Colours shared by the props (sRGB hex; the builder converts them to linear vertex colours).
export const C = {
  tyre: '#1d1f22',
  hub: '#8a9099',
  glass: '#22343f',
  glassLight: '#3d5a6b',
  chassis: '#2b2d30',
  bumper: '#3a3d42',
  headlight: '#fff4c2',
  taillight: '#c0392b',
  indicator: '#f39c12',
  plate: '#1e5bb8',
  white: '#f2f2f0',
  black: '#17181a',
  grey: '#7c838b',
  lightGrey: '#b8bec4',
  darkGrey: '#4a4f55',
  steel: '#9aa3ab',
  reflective: '#d9dde0',
  skin: ['#f1c9a5', '#d9a77c', '#b98360'] as const,
  hair: ['#1c1a19', '#3b2a20', '#5a4030'] as const,
  greyHair: '#cfd2d4',
  orange: '#f26b1d',
  red: '#d7263d',
  yellow: '#f7c600',
  green: '#2f9e44',
  blue: '#1f5fbf',
  police: '#1b2a4a',
  policeShirt: '#a9c8ea',
  vest: '#c8f03c',
  trunk: '#6b4a2f',
  leaves: ['#3f8f3a', '#4f9d45', '#2f7a34'] as const,
  concrete: '#c9c4b8',
  facade: ['#d8cdb8', '#c7d0d6', '#e0d6c8'] as const,
} as const;

/** Body paint for cars and vans; `variant` picks one (marks get successive variants). */
export const PAINT = ['#d7263d', '#f2f2f0', '#2e6fd0', '#3a3d42', '#e8a317', '#4caf7d'] as const;
/** Shirts and trousers for people. */
export const SHIRTS = ['#2e6fd0', '#d7263d', '#4caf7d', '#8e5bd6', '#e8a317', '#e0e0e0'] as const;
export const TROUSERS = ['#2b3a55', '#3a3d42', '#5a4a3a', '#1f2c3d'] as const;

export function pick<T>(list: readonly T[], variant: number): T {
  return list[((variant % list.length) + list.length) % list.length]!;
}
