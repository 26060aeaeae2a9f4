/**
 * One browser with the built extension and one local page server per describe block, shared by its
 * tests (a launch costs seconds on a slow machine), for each browser in BROWSERS:
 *
 *   describe.each(BROWSERS)('hover card in %s', (browserName) => {
 *     const suite = useExtension(browserName);
 *     it('...', async () => { const { page } = await suite.openHighlighted('article.html'); ... });
 *   });
 *
 * After the block, the browser's log must hold no error of the extension (extensionErrors), and
 * nothing may have left the machine: the network guard's offenders, apart from this machine's own
 * servers (the fixture, CSP and framework-page servers all listen on 127.0.0.1) and a test's
 * deliberate probes, must be none. A check per block, so each test file (and each test run
 * alone) is covered, not a last test that depends on the ones before it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { HIGHLIGHT_MEASURE, ROOT, serveDirectory, type HighlightDetail, type LocalServer } from '../../../scripts/lib/browser.mjs';
import type { GlossaryEntry } from '../../../glossary/types';
import { launchChromium, launchPlainChromium } from './chromium';
import { sleep, type BrowserName, type CardSnapshot, type Evaluator, type ExtensionDriver, type LaunchOptions, type PlainBrowser, type TestPage } from './driver';
import { launchFirefoxDriver, launchPlainFirefoxBrowser } from './firefox';
import { CARD_TIMEOUT_MS, HIGHLIGHT_TIMEOUT_MS } from './timeouts';

export { BROWSERS, byLabel, byRole, byText, within, type BrowserName, type TestPage, type Evaluator, type CardSnapshot } from './driver';
export { HIGHLIGHT_MEASURE, type HighlightDetail };

export interface Suite {
  browserName: BrowserName;
  /**
   * Hosts a test asks on purpose to show that the network guard sees what leaves the machine
   * (privacy.e2e.ts); every other request beyond this machine fails the block (useExtension).
   */
  probeHosts: Set<string>;
  driver: ExtensionDriver;
  server: LocalServer;
  /** Opens a fixture page in a tab and waits for the first highlighting pass. */
  openHighlighted(fixture: string): Promise<{ page: TestPage; detail: HighlightDetail }>;
}

export function launchDriver(browserName: BrowserName, allowedOrigins: string[], options?: LaunchOptions): Promise<ExtensionDriver> {
  return browserName === 'firefox' ? launchFirefoxDriver(allowedOrigins, options) : launchChromium(allowedOrigins, options);
}

export function launchPlain(browserName: BrowserName): Promise<PlainBrowser> {
  return browserName === 'firefox' ? launchPlainFirefoxBrowser() : launchPlainChromium();
}

/** Registers beforeAll/afterAll hooks; the returned object is filled in before the first test. */
export function useExtension(browserName: BrowserName, options?: LaunchOptions): Suite {
  const suite = { browserName, probeHosts: new Set<string>() } as Suite;
  beforeAll(async () => {
    suite.server = await serveDirectory();
    suite.driver = await launchDriver(browserName, [suite.server.origin], options);
    suite.openHighlighted = async (fixture) => {
      const page = await suite.driver.newPage(suite.server.url(fixture));
      return { page, detail: await waitForHighlight(page) };
    };
  }); // hookTimeout (vitest.e2e.config.ts) covers the launch
  afterAll(async () => {
    await suite.driver?.close();
    await suite.server?.close();
    // After closing, so that the browser's log is complete.
    if (!suite.driver) return;
    expect(suite.driver.extensionErrors(), `errors of the extension in ${browserName}'s log`).toEqual([]);
    const { network } = suite.driver;
    const left = network.offenders().filter((r) => !isThisMachine(r.url) && !suite.probeHosts.has(new URL(r.url).hostname));
    expect(left, `requests beyond this machine in ${browserName} (${network.covers})`).toEqual([]);
  });
  return suite;
}

function isThisMachine(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** Waits for the content script's first highlighting pass on the page; returns its detail. */
export function waitForHighlight(page: TestPage, timeout = HIGHLIGHT_TIMEOUT_MS): Promise<HighlightDetail> {
  return page.waitFor(
    (name) => {
      const entries = performance.getEntriesByName(name);
      return entries.length > 0 ? ((entries[entries.length - 1] as PerformanceMeasure).detail ?? {}) : false;
    },
    HIGHLIGHT_MEASURE,
    { timeout, message: `no ${HIGHLIGHT_MEASURE} measure in ${timeout} ms` },
  ) as Promise<HighlightDetail>;
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
export function highlights(page: Evaluator, selector: string | null = null): Promise<Highlighted[]> {
  return page.evaluate(readHighlights, selector);
}

/** The glossary ids of the page's highlights, in document order (repeats included). */
export async function markedIds(page: Evaluator, selector: string | null = null): Promise<string[]> {
  return (await highlights(page, selector)).map((h) => h.id);
}

/** Waits until `check` holds for the highlights (inside `selector`, if given). */
export async function waitForHighlights(
  page: Evaluator,
  check: (found: Highlighted[]) => boolean,
  selector: string | null = null,
): Promise<Highlighted[]> {
  const end = Date.now() + HIGHLIGHT_TIMEOUT_MS;
  for (;;) {
    const found = await highlights(page, selector);
    if (check(found)) return found;
    if (Date.now() > end) throw new Error(`highlights never as expected; last: ${JSON.stringify(found).slice(0, 300)}`);
    await sleep(50);
  }
}

/** Waits until a highlight of `id` (inside `selector`, if given) is registered. */
export async function waitForHighlightOf(page: Evaluator, id: string, selector: string | null = null): Promise<void> {
  await waitForHighlights(page, (found) => found.some((h) => h.id === id), selector).catch(() => {
    throw new Error(`no highlight of ${id}${selector ? ` in ${selector}` : ''}`);
  });
}

/** Scrolls the `nth` highlight of `id` into view; returns the middle of its first line box. */
export async function termPoint(page: Evaluator, id: string, nth = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ term, index }) => {
      const stored = [...(CSS.highlights.get(`dpi-lens-${term}`) ?? [])][index];
      if (!stored) throw new Error(`no highlight of ${term}`);
      stored.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange(); // the highlights are StaticRanges: geometry needs a live Range
      range.setStart(stored.startContainer, stored.startOffset);
      range.setEnd(stored.endContainer, stored.endOffset);
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    { term: id, index: nth },
  );
}

/**
 * Moves the mouse onto the highlight of `id` the way a reader does: from nearby, in steps. The
 * tab's id is asked first: finding it may bring the tab to the front, which would end the hover.
 */
export async function hoverTerm(suite: Suite, page: TestPage, id: string, nth = 0): Promise<{ x: number; y: number }> {
  await suite.driver.tabId(page);
  const point = await termPoint(page, id, nth);
  // From above, or from below when the term is at the top of a page too short to scroll
  // (Firefox refuses pointer moves outside the viewport).
  await page.mouseMove(point.x, point.y >= 61 ? point.y - 60 : point.y + 60);
  await page.mouseMove(point.x, point.y, 5);
  return point;
}

/** Polls the card (read through the extension: its shadow root is closed) until `check` holds. */
export async function waitForCard(
  suite: Suite,
  page: TestPage,
  check: (card: CardSnapshot) => boolean,
  timeout = CARD_TIMEOUT_MS,
): Promise<CardSnapshot> {
  const end = Date.now() + timeout;
  let last: CardSnapshot = { open: false };
  while (Date.now() < end) {
    last = await suite.driver.cardSnapshot(page);
    if (check(last)) return last;
    await sleep(100);
  }
  throw new Error(`the card never reached the expected state; last: ${JSON.stringify(last).slice(0, 300)}`);
}

/**
 * Runs the next-term (direction 1) or previous-term (-1) command's handler for `page`'s tab, as the
 * Alt+J / Alt+Shift+J shortcut does: synthesized keys never reach a browser's extension shortcuts,
 * in Chromium or Firefox, so the tests call the handler the shortcut calls (and check the shortcut's
 * registration separately, hover-card.e2e.ts).
 */
export async function moveToTerm(suite: Suite, page: TestPage, direction: 1 | -1): Promise<string | undefined> {
  const tabId = await suite.driver.tabId(page);
  return suite.driver.background(({ dpiLens }, arg) => dpiLens.moveToTerm(arg.tabId, arg.direction), { tabId, direction });
}

/** Opens the next term's card from the keyboard command, as a reader without a mouse does; returns its snapshot. */
export async function openCardByKeyboard(suite: Suite, page: TestPage): Promise<CardSnapshot> {
  const id = await moveToTerm(suite, page, 1);
  if (!id) throw new Error('the keyboard command found no term');
  return waitForCard(suite, page, (c) => c.open && c.id === id);
}

/** The toggle command's handler (Alt+Shift+D) for `page`'s tab: false when it turned highlighting off. */
export async function toggleHighlights(suite: Suite, page: TestPage): Promise<boolean | undefined> {
  const tabId = await suite.driver.tabId(page);
  return suite.driver.background(({ dpiLens }, id) => dpiLens.toggleHighlights(id), tabId);
}

/** The context menu's "Look up in DPI Lens" handler (native menus cannot be clicked from a test). */
export function lookUpSelection(suite: Suite, text: string): Promise<string | undefined> {
  return suite.driver.background(({ dpiLens }, selection) => dpiLens.lookUpSelection(selection), text);
}

/**
 * Reader settings, written where the extension keeps them (storage.sync, key "settings";
 * utils/settings/settings-storage.ts): content scripts pick them up live. Only the changed
 * fields are written: the extension fills in the defaults for the rest, as it would for a partial
 * value from an older release.
 */
export async function storeSettings(suite: Suite, change: Record<string, unknown>): Promise<void> {
  await suite.driver.background(({ ext }, value) => ext.storage.sync.set({ settings: value }), { version: 1, ...change });
}

/** Runs `body` with `change` applied, then puts the defaults back (tests in a block share one browser). */
export async function withSettings<T>(suite: Suite, change: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  await storeSettings(suite, change);
  try {
    return await body();
  } finally {
    await storeSettings(suite, {});
  }
}
