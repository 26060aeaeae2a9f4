/**
 * One Chromium with the built extension and one local page server per test file, shared by the
 * file's tests (a launch costs seconds on a slow machine), plus a network guard that records
 * every request from the first page load to the last.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  guardNetwork,
  launchWithExtension,
  ROOT,
  serveDirectory,
  waitForHighlight,
  type ExtensionBrowser,
  type HighlightDetail,
  type LocalServer,
  type NetworkGuard,
} from '../../../scripts/lib/browser.mjs';
import type { GlossaryEntry } from '../../../glossary/types';
import { HIGHLIGHT_TIMEOUT_MS } from './timeouts';

export { tabIdFor, HIGHLIGHT_MEASURE } from '../../../scripts/lib/browser.mjs';

export interface ExtensionSuite {
  browser: ExtensionBrowser;
  server: LocalServer;
  guard: NetworkGuard;
  /** Opens a fixture page (in the first tab if it is still blank) and waits for highlighting. */
  openHighlighted(fixture: string): Promise<{ page: Page; detail: HighlightDetail }>;
}

/** Registers beforeAll/afterAll hooks; the returned object is filled in before the first test. */
export function useExtensionBrowser(): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  beforeAll(async () => {
    suite.server = await serveDirectory();
    suite.browser = await launchWithExtension({ headless: true });
    suite.guard = guardNetwork(suite.browser.context, [suite.server.origin]);
    suite.openHighlighted = async (fixture) => {
      const { context } = suite.browser;
      const blank = context.pages().find((p) => p.url() === 'about:blank');
      const page = blank ?? (await context.newPage());
      await page.goto(suite.server.url(fixture));
      const detail = await waitForHighlight(page, HIGHLIGHT_TIMEOUT_MS);
      return { page, detail };
    };
  }); // hookTimeout (vitest.e2e.config.ts) covers Chromium's launch
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** A glossary entry read from its JSON file, so expectations follow the data, not a copy of it. */
export function readEntry(id: string): GlossaryEntry {
  return JSON.parse(readFileSync(join(ROOT, 'glossary', 'entries', `${id}.json`), 'utf8')) as GlossaryEntry;
}

/** The glossary ids of the page's highlights, in document order (repeats included). */
export function markedIds(page: Page): Promise<string[]> {
  return page.$$eval('mark.dpi-lens-term', (marks) =>
    marks.map((mark) => (mark as HTMLElement).dataset.dpiTerm ?? ''),
  );
}
