/**
 * One Chromium with the built extension and one local page server per test file, shared by the
 * file's tests (a launch costs seconds on a slow machine), plus a network guard that records
 * every request from the first page load to the last.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  guardNetwork,
  launchWithExtension,
  ROOT,
  serveDirectory,
  cardSnapshot as snapshotCard,
  knownTabId,
  tabIdFor,
  termBox,
  waitForHighlight,
  type CardSnapshot,
  type ExtensionBrowser,
  type HighlightDetail,
  type LocalServer,
  type NetworkGuard,
} from '../../../scripts/lib/browser.mjs';
import type { GlossaryEntry } from '../../../glossary/types';
import { CARD_TIMEOUT_MS, HIGHLIGHT_TIMEOUT_MS } from './timeouts';

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

export interface Highlighted {
  id: string;
  text: string;
}

/**
 * Runs in the page: every range the extension registered as `dpi-lens-<id>` in CSS.highlights (the
 * page layer's contract, README "Page layer"), in document order; with `selector`, only those
 * inside the matching elements or their open shadow roots.
 */
function readHighlights(selector: string | null): Highlighted[] {
  const scopes = selector ? [...document.querySelectorAll(selector)] : null;
  const inside = (node: Node) =>
    !scopes || scopes.some((el) => el.contains(node) || (el.shadowRoot?.contains(node) ?? false));
  const found: { id: string; range: AbstractRange }[] = [];
  for (const [name, ranges] of CSS.highlights) {
    if (!name.startsWith('dpi-lens-') || name.startsWith('dpi-lens--')) continue;
    for (const range of ranges) if (inside(range.startContainer)) found.push({ id: name.slice('dpi-lens-'.length), range });
  }
  found.sort((a, b) =>
    a.range.startContainer === b.range.startContainer
      ? a.range.startOffset - b.range.startOffset
      : a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
  // StaticRanges over one text node each: their text is the node's text between the offsets.
  return found.map(({ id, range }) => ({ id, text: (range.startContainer as Text).data.slice(range.startOffset, range.endOffset) }));
}

/** The page's highlights (or those inside `selector`), in document order. */
export function highlights(page: Page | Frame, selector: string | null = null): Promise<Highlighted[]> {
  return page.evaluate(readHighlights, selector);
}

/** The glossary ids of the page's highlights, in document order (repeats included). */
export async function markedIds(page: Page | Frame, selector: string | null = null): Promise<string[]> {
  return (await highlights(page, selector)).map((h) => h.id);
}

/** Waits until a highlight of `id` (inside `selector`, if given) is registered. */
export async function waitForHighlightOf(page: Page | Frame, id: string, selector: string | null = null): Promise<void> {
  const end = Date.now() + HIGHLIGHT_TIMEOUT_MS;
  while (!(await markedIds(page, selector)).includes(id)) {
    if (Date.now() > end) throw new Error(`no highlight of ${id}${selector ? ` in ${selector}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `check` holds for the highlights (inside `selector`, if given). */
export async function waitForHighlights(
  page: Page | Frame,
  check: (found: Highlighted[]) => boolean,
  selector: string | null = null,
): Promise<Highlighted[]> {
  const end = Date.now() + HIGHLIGHT_TIMEOUT_MS;
  for (;;) {
    const found = await highlights(page, selector);
    if (check(found)) return found;
    if (Date.now() > end) throw new Error(`highlights never as expected; last: ${JSON.stringify(found).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Scrolls the `nth` highlight of `id` into view; returns the middle of its first line box. */
export async function termPoint(page: Page, id: string, nth = 0): Promise<{ x: number; y: number }> {
  const box = await termBox(page, id, nth);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Moves the mouse onto the highlight of `id` the way a reader does: from nearby, in steps. The
 * tab's id is asked first: asking brings the tab to the front, which would end the hover.
 */
export async function hoverTerm(suite: ExtensionSuite, page: Page, id: string, nth = 0): Promise<{ x: number; y: number }> {
  await knownTabId(suite.browser.worker, page);
  const point = await termPoint(page, id, nth);
  await page.mouse.move(point.x, point.y - 60);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  return point;
}

export type { CardSnapshot };

/** What the card shows (page/card.tsx), asked through the extension: its closed shadow root is out of Playwright's reach. */
export { knownTabId };

export function cardSnapshot(suite: ExtensionSuite, page: Page): Promise<CardSnapshot> {
  return snapshotCard(suite.browser.worker, page);
}

/** Polls the card until `check` holds; returns the snapshot that satisfied it. */
export async function waitForCard(
  suite: ExtensionSuite,
  page: Page,
  check: (card: CardSnapshot) => boolean,
  timeout = CARD_TIMEOUT_MS,
): Promise<CardSnapshot> {
  const end = Date.now() + timeout;
  let last: CardSnapshot = { open: false };
  while (Date.now() < end) {
    last = await cardSnapshot(suite, page);
    if (check(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`the card never reached the expected state; last: ${JSON.stringify(last).slice(0, 300)}`);
}

/** The service worker's own handlers (entrypoints/background.ts puts them on its global). */
declare const dpiLens: { moveToTerm(tabId: number | undefined, direction: 1 | -1): Promise<string | undefined> };

/** Opens the next term's card from the keyboard command, as a reader without a mouse does; returns its snapshot. */
export async function openCardByKeyboard(suite: ExtensionSuite, page: Page): Promise<CardSnapshot> {
  const tabId = await tabIdFor(suite.browser.worker, page);
  const id = await suite.browser.worker.evaluate((tab) => dpiLens.moveToTerm(tab, 1), tabId);
  if (!id) throw new Error('the keyboard command found no term');
  return waitForCard(suite, page, (c) => c.open && c.id === id);
}
