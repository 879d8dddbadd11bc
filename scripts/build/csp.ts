// The app's Content-Security-Policy, the offline guarantee enforced by the browser: nothing but this
// origin (and blob:/data:). The build puts it in index.html as a meta tag (so a static copy on any web
// server carries it); the hall server also sends it as a header, with what only a header can say.

export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  // troika's text worker is a blob: worker that importScripts() further blob: modules
  ['script-src', "'self' 'wasm-unsafe-eval' blob:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' blob: data:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self' blob: data:"],
  ['worker-src', "'self' blob:"],
  ['media-src', "'self' blob: data:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

export const CSP = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** Header-only directives (a meta tag cannot carry them): no page of another origin may frame the app. */
export const CSP_HEADER_ONLY: readonly (readonly [string, string])[] = [['frame-ancestors', "'none'"]];
