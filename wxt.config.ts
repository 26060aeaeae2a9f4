import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildCardModule, CARD_MODULE_PATH } from './scripts/lib/card-module.mjs';
import { glossaryData } from './scripts/lib/glossary-plugin.mjs';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // glossaryData: the pattern and entry heads computed at build time (glossary/heads.ts).
  // DPI_LENS_UNMINIFIED=1: readable function names in CPU profiles (scripts/profile-content.mjs).
  vite: () => ({ plugins: [preact(), glossaryData()], ...(process.env.DPI_LENS_UNMINIFIED && { build: { minify: false } }) }),
  ...(process.env.DPI_LENS_UNMINIFIED && { outDir: '.cache/unminified' }),
  hooks: {
    // The card's code is its own module, loaded by the content script once a page has terms
    // (scripts/lib/card-module.mjs): pages without a DPI term never parse it.
    'build:publicAssets': async (_wxt, files) => {
      files.push({ contents: await buildCardModule(), relativeDest: CARD_MODULE_PATH });
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(CARD_MODULE_PATH);
    },
  },
  manifest: ({ browser }) => ({
    name: 'DPI Lens',
    // The interface's words are in public/_locales/{en,hi}; the browser picks by its language.
    default_locale: 'en',
    description: '__MSG_extDescription__',
    // Each permission is explained in README.md ("Settings and privacy"). The content script's
    // page access comes from its `matches`; messaging and the toolbar badge need no permission.
    permissions: [
      // The reader's settings (storage.sync, falling back to storage.local) and their own terms
      // (storage.local: sync's 8 KB per item is too small for a list of terms).
      'storage',
      'contextMenus', // "Look up in DPI Lens" on selected text
      'activeTab', // the popup's "Off on this site" reads the current tab's address, only when the reader opens it
    ],
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_commandToggle__',
      },
      // Keyboard access without tab stops in the page: the next highlighted term, its card open
      // with focus in it; Shift goes back (Esc returns focus where it was).
      'next-term': {
        suggested_key: { default: 'Alt+J' },
        description: '__MSG_commandNextTerm__',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandPreviousTerm__',
      },
    },
    // The content script imports the card module. Chromium lets a content script import() only a
    // web-accessible file; use_dynamic_url serves it at a per-session address only, so a page
    // cannot probe for the extension by fetching it. Firefox's addresses are per-install already.
    web_accessible_resources: [
      {
        resources: [CARD_MODULE_PATH],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser !== 'firefox' && { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'dpi-lens@dpi-lens.invalid',
          // Firefox's built-in data-consent declaration: DPI Lens collects and transmits nothing.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android runs extensions: readers in India read news mostly on phones. The
        // card opens as a bottom sheet there (no hover); 142 is the first version that reads
        // data_collection_permissions on Android too.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
