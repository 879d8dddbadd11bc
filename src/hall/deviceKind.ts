// What kind of device this is, for the hall's statistics (filter by headsets, desktops, kiosks,
// phones): a kiosk's start URL can say it (?device=kiosk, remembered), otherwise it is guessed from
// what the browser offers. Pure; the browser facts are passed in.
import { DEVICE_KINDS, type DeviceKind } from './protocol.ts';

export interface DeviceFacts {
  /** ?device=… in the page's query, or the kind remembered from it */
  declared?: string | null;
  /** navigator.xr offers immersive-vr (a headset's browser, or the emulated Quest) */
  immersiveVr: boolean;
  /** a touch screen */
  touch: boolean;
  /** a mouse or trackpad is present */
  finePointer: boolean;
  /** the screen's shorter side in CSS pixels */
  shortSide: number;
  /** staff turned the attract loop on: this device stands in the hall as a kiosk */
  attractLoop: boolean;
}

export const isDeviceKind = (s: unknown): s is DeviceKind => typeof s === 'string' && (DEVICE_KINDS as readonly string[]).includes(s);

export function classifyDevice(f: DeviceFacts): DeviceKind {
  if (isDeviceKind(f.declared)) return f.declared;
  if (f.immersiveVr) return 'vr';
  if (f.attractLoop) return 'kiosk';
  if (f.touch && f.shortSide < 600) return 'phone';
  if (f.touch && !f.finePointer) return 'kiosk';
  return 'desktop';
}
