// Stands in for @pmndrs/xr's bundled emulator module (≈ 5.8 MB with its dev UI and a second three).
// The store is created with `emulate: false`, so this is never called; tests and development use
// `?emulate`, which installs iwer before the store exists (src/xr/emulate.ts).
export function emulate(): never {
  throw new Error('the built-in XR emulator is not bundled: open the app with ?emulate');
}
