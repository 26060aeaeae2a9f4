import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { glossaryData } from './scripts/lib/glossary-plugin.mjs';

export default defineConfig({
  plugins: [WxtVitest(), glossaryData()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    setupFiles: ['tests/unit/support/english-messages.ts'],
  },
});
