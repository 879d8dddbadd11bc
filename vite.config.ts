import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { hallContent } from './scripts/build/vitePlugin.ts';
import { copyXrAssets } from './scripts/build/xrAssets.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The offline guarantee, enforced by the browser: nothing but this origin (and blob:/data:). */
export const CSP = [
  "default-src 'self'",
  // troika's text worker is a blob: worker that importScripts() further blob: modules
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "media-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Self-hosted controller models, and @pmndrs/xr's emulator module replaced by a stub. */
function xrAssets(): Plugin {
  const stub = fileURLToPath(new URL('./src/xr/noEmulator.ts', import.meta.url));
  return {
    name: 'hall-xr',
    enforce: 'pre',
    buildStart() {
      copyXrAssets(root);
    },
    resolveId(id, importer) {
      if (id === './emulate.js' && importer && /@pmndrs[\\/]xr[\\/]dist[\\/]/.test(importer)) return stub;
      return null;
    },
  };
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'hall-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<!--csp-->', `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    hallContent(root),
    xrAssets(),
    contentSecurityPolicy(),
    // offline: the hall's network is unreliable; once loaded, every chunk, font and model is cached
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['icon.svg', 'fonts/*.woff', 'xr-assets/**/*'],
      manifest: {
        name: '交通安全体验馆 Traffic-Safety Hall',
        short_name: '交通安全馆',
        lang: 'zh-Hans',
        display: 'fullscreen',
        background_color: '#0f2233',
        theme_color: '#14324a',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff,svg,png,json,glb,gltf}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
