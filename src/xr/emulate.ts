// `/?emulate`: an emulated Meta Quest 3 (iwer) for tests and development. Installed before the XR
// store exists, with forceInstall because headless Chromium already has a navigator.xr of its own.
export async function installEmulator(): Promise<void> {
  const { XRDevice, metaQuest3 } = await import('iwer');
  const device = new XRDevice(metaQuest3);
  device.installRuntime({ forceInstall: true });
  // tests drive the emulated controllers and hands through this handle
  (window as unknown as { __xrDevice: unknown }).__xrDevice = device;
}
