// Unit conversions, in one place so files can speak km/h and degrees while the engine runs in SI.
export const KMH_PER_MS = 3.6;
export const kmhToMs = (kmh: number): number => kmh / KMH_PER_MS;
export const msToKmh = (ms: number): number => ms * KMH_PER_MS;
export const degToRad = (deg: number): number => (deg * Math.PI) / 180;
export const radToDeg = (rad: number): number => (rad * 180) / Math.PI;
