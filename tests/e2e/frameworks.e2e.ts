/**
 * Pages built the way real sites are built: the same scenario as a React 19, a Vue 3.5 and a
 * Svelte 5 app from their npm packages (scripts/lib/framework-pages.mjs), server-rendered and
 * hydrated after the content script has highlighted the markup, or rendered on the client; then
 * the app clears, rewrites, re-orders, removes and adds text with terms. With the extension, each
 * page must end exactly as it does in a browser without it (markup, text, what the reader typed
 * before hydration), with no error and no hydration complaint, its new terms highlighted and the
 * card still opening.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChromium, serveDirectory, type LocalServer } from '../../scripts/lib/browser.mjs';
import { buildFrameworkPages, FRAMEWORK_PAGES, FRAMEWORKS, MODES } from '../../scripts/lib/framework-pages.mjs';
import { hoverTerm, knownTabId, markedIds, useExtensionBrowser, waitForCard, waitForHighlightOf } from './support/extension';

/** Hydration (1.5 s) plus five steps of 250 ms, with room for a slow machine. */
const SCENARIO_TIMEOUT_MS = 20_000;
const TYPED = ' and more';

interface Outcome {
  html: string;
  text: string;
  errors: string[];
  field: string;
}

/** Loads a framework page, types into its field before hydration, and waits for the scenario's end. */
async function play(page: Page, url: string): Promise<Outcome> {
  await page.goto(url, { waitUntil: 'load' });
  if (url.endsWith('-ssr.html')) {
    // The server's field is there before hydration: a reader may already be typing.
    await page.locator('#field').click();
    await page.keyboard.press('End');
    await page.keyboard.type(TYPED);
  }
  await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, null, {
    timeout: SCENARIO_TIMEOUT_MS,
  });
  return page.evaluate(() => {
    const w = window as unknown as { __result: { html: string; text: string }; __errors: string[] };
    return { ...w.__result, errors: w.__errors, field: (document.getElementById('field') as HTMLInputElement).value };
  });
}

describe('framework pages (React 19, Vue 3.5, Svelte 5)', () => {
  const suite = useExtensionBrowser();
  let pages: LocalServer;
  let plain: Browser;
  const baselines = new Map<string, Outcome>();

  beforeAll(async () => {
    await buildFrameworkPages();
    pages = await serveDirectory(FRAMEWORK_PAGES);
    plain = await chromium.launch({
      executablePath: requireChromium(),
      headless: true,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await plain?.close();
    await pages?.close();
  });

  async function baseline(name: string): Promise<Outcome> {
    const known = baselines.get(name);
    if (known) return known;
    const page = await plain.newPage();
    const outcome = await play(page, pages.url(name));
    await page.close();
    baselines.set(name, outcome);
    return outcome;
  }

  const cases = FRAMEWORKS.flatMap((framework) => MODES.map((mode) => `${framework}-${mode}.html`));

  it.each(cases)('%s ends exactly as without the extension, its new terms highlighted and the card working', async (name) => {
    const expected = await baseline(name);
    expect(expected.errors).toEqual([]); // the page itself is sound
    expect(expected.text).toContain('UPI Lite grew');

    const page = await suite.browser.context.newPage();
    await knownTabId(suite.browser.worker, page); // found before any hover: finding it focuses the tab
    const actual = await play(page, pages.url(name));
    expect(actual.errors).toEqual([]);
    expect(actual.html).toBe(expected.html);
    expect(actual.text).toBe(expected.text);
    // What the reader typed is the framework's to keep or reset; it must fare as without us.
    expect(actual.field).toBe(expected.field);

    // The item the app added last is highlighted, and its card opens.
    await waitForHighlightOf(page, 'upi-lite', '#root');
    expect(await markedIds(page, '#root')).toContain('upi-lite');
    await hoverTerm(suite, page, 'upi-lite');
    await waitForCard(suite, page, (card) => card.open && card.id === 'upi-lite');
    await page.close();
  }, 60_000);

  it('sends nothing anywhere from these pages', () => {
    const offenders = suite.guard.offenders().filter((r) => new URL(r.url).origin !== pages.origin);
    expect(suite.guard.requests.some((r) => r.url.startsWith(pages.origin))).toBe(true);
    expect(offenders).toEqual([]);
  });
});
