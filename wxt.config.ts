import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'DPI Lens',
    description:
      "Explains India's Digital Public Infrastructure terms (UPI, Aadhaar, ONDC, DPDP Act...) while you read. Offline; sends nothing anywhere.",
    // No permissions: the content script's page access comes from its `matches`, and the
    // popup talks to the active tab's content script through messaging, which needs none.
    permissions: [],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'dpi-lens@dpi-lens.invalid',
          // Firefox's built-in data-consent declaration: DPI Lens collects and transmits nothing.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
