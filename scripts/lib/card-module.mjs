// The hover card's code as its own ES module, `content-scripts/card.js` in the built extension:
// the content script imports it (entrypoints/content/card-module.ts) only once a page has terms to
// explain, so the many pages without a DPI term never parse Preact, the card's components, its
// styles or the interface's English strings (issue 14: the content script's fixed cost).
// wxt.config.ts adds it to every build through the `build:publicAssets` hook.
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { build } from 'vite';
import { ROOT } from './root.mjs';

/** Where the module lands in the extension (also its web_accessible_resources entry). */
export const CARD_MODULE_PATH = 'content-scripts/card.js';

/** Builds entrypoints/content/page/card.tsx and its imports into one minified ES module. */
export async function buildCardModule() {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    // `wxt/browser` is the browser's own `browser` (Firefox) or `chrome` (Chromium): MV3's APIs
    // return promises in both, and the card only sends one message and reads i18n strings, so it
    // does not carry a second copy of the webextension-polyfill.
    resolve: { alias: { '@': ROOT } },
    plugins: [preact()],
    build: {
      write: false,
      minify: !process.env.DPI_LENS_UNMINIFIED,
      target: 'es2022',
      // Not library mode: Vite leaves an ES library's whitespace unminified.
      rollupOptions: {
        input: join(ROOT, 'entrypoints', 'content', 'page', 'card.tsx'),
        preserveEntrySignatures: 'strict',
        output: { format: 'es', entryFileNames: 'card.js' },
      },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const chunks = output.filter((item) => item.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`the card module must be one file; the build made ${chunks.length}`);
  return chunks[0].code;
}
