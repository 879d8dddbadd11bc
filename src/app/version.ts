// The app's version, stamped on every saved attempt and error log entry.
export const APP_VERSION = '0.1.0';
