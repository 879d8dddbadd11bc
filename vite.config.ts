import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP } from './scripts/build/csp.ts';
import { hallContent, hallContentJson } from './scripts/build/vitePlugin.ts';
import { copyXrAssets } from './scripts/build/xrAssets.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export { CSP };

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
    hallContentJson(),
    hallContent(root),
    xrAssets(),
    contentSecurityPolicy(),
    // offline: the hall's network is unreliable; once loaded, every chunk, font and model is cached.
    // A new version waits (no skipWaiting) until no visit runs or staff accept it: src/app/updates.ts
    // registers the worker and applies it.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // fonts/ and xr-assets/ are regenerated in public/ at build start, after this list is read: listed
      // here they came twice into the precache, the stale copy with an old revision whenever the font
      // subsets changed, and Workbox then refused the whole list (no offline). The glob below finds them.
      includeAssets: ['icon.svg'],
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
        skipWaiting: false,
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
    rolldownOptions: {
      output: {
        // Named shared chunks. The first screen's libraries (React, i18n, zustand) come first, so the
        // 3D core — which depends on React — cannot pull them in with it; the 3D core (three, R3F,
        // drei, XR, troika) is one chunk that the hall, question scenes and zones share, and the
        // benchmark holds it to its budget by name.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              priority: 2,
              // Vite's dynamic-import preload helper belongs here too, or it lands in the 3D core
              test: /node_modules[\\/](react|react-dom|scheduler|zustand|i18next|react-i18next|use-sync-external-store|html-parse-stringify|void-elements)[\\/]|vite[\\/]preload-helper/,
            },
            {
              name: 'core3d',
              priority: 1,
              test: /node_modules[\\/](three|three-stdlib|@react-three|@pmndrs|troika-[^\\/]+|bidi-js|webgl-sdf-generator|its-fine|suspend-react|react-use-measure|meshline|tunnel-rat|@monogrid|@use-gesture|detect-gpu|hls\.js|maath|camera-controls|stats-gl|stats\.js|zustand)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
