import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium and Firefox with the built extension (.output/chrome-mv3,
// .output/firefox-mv3). Run after `npm run build`; DPI_LENS_BROWSERS=chromium|firefox picks one
// (tests/e2e/support/driver.ts). Shorter waits: tests/e2e/support/timeouts.ts.

/**
 * Chromium's cold start with the extension took 1-3 s here, Firefox's launch plus add-on install
 * 4-5 s (12 s under load); a loaded CI box can be several times slower.
 */
const BROWSER_LAUNCH_TIMEOUT_MS = 30_000;

/** One test: a page load, a highlighting pass and a few interactions, each with its own ceiling. */
const TEST_TIMEOUT_MS = 30_000;

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    // Two files at a time (each runs its Chromium blocks, then its Firefox blocks): a browser test
    // mostly waits (page loads, hover delays, the card's animation; one file at a time kept the two
    // cores 0.6 busy on average), so two at a time shortens the run. Figures: README "Browser tests".
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: BROWSER_LAUNCH_TIMEOUT_MS,
  },
});
