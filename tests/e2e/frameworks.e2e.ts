/**
 * Pages built the way real sites are built: the same scenario as a React 19, a Vue 3.5 and a
 * Svelte 5 app from their npm packages (scripts/lib/framework-pages.mjs), server-rendered and
 * hydrated after the content script has highlighted the markup, or rendered on the client; then
 * the app clears, rewrites, re-orders, removes and adds text with terms. With the extension, each
 * page must end exactly as it does in the same browser without it (markup, text, what the reader
 * typed before hydration), with no error and no hydration complaint, its new terms highlighted and
 * the card still opening. In Chromium and Firefox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type LocalServer } from '../../scripts/lib/browser.mjs';
import { buildFrameworkPages, FRAMEWORK_PAGES, FRAMEWORKS, MODES } from '../../scripts/lib/framework-pages.mjs';
import {
  BROWSERS,
  hoverTerm,
  launchPlain,
  markedIds,
  useExtension,
  waitForCard,
  waitForHighlightOf,
  type TestPage,
} from './support/suite';

/** Hydration (1.5 s) plus five steps of 250 ms, with room for a slow machine. */
const SCENARIO_TIMEOUT_MS = 20_000;
const TYPED = ' and more';

interface Outcome {
  html: string;
  text: string;
  errors: string[];
  field: string;
}

/** Types into the server's field before hydration (a reader may already be typing). */
async function typeBeforeHydration(page: TestPage): Promise<void> {
  await page.click('#field');
  await page.press('End');
  await page.type(TYPED);
}

/** Waits for the scenario's end and reads what the page ended with. */
async function outcome(page: TestPage): Promise<Outcome> {
  await page.waitFor(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, {
    timeout: SCENARIO_TIMEOUT_MS,
    message: 'the framework page never finished its scenario',
  });
  return page.evaluate(() => {
    const w = window as unknown as { __result: { html: string; text: string }; __errors: string[] };
    return { ...w.__result, errors: w.__errors, field: (document.getElementById('field') as HTMLInputElement).value };
  });
}

async function play(page: TestPage, ssr: boolean): Promise<Outcome> {
  if (ssr) await typeBeforeHydration(page);
  return outcome(page);
}

let pages: LocalServer;
beforeAll(async () => {
  await buildFrameworkPages();
  pages = await serveDirectory(FRAMEWORK_PAGES);
}, 60_000);
afterAll(async () => {
  await pages?.close();
});

describe.each(BROWSERS)('framework pages (React 19, Vue 3.5, Svelte 5) in %s', (browserName) => {
  const suite = useExtension(browserName);
  const baselines = new Map<string, Outcome>();

  /**
   * Every page once in a browser without the extension. The pages play side by side: each is
   * typed into while it is the front tab (before its hydration), then left to finish its scenario
   * while the next one opens; what a page ends with does not depend on its timing.
   */
  async function baseline(name: string): Promise<Outcome> {
    const known = baselines.get(name);
    if (known) return known;
    const plain = await launchPlain(browserName);
    try {
      const playing: Promise<void>[] = [];
      for (const other of cases) {
        const page = await plain.newPage(pages.url(other));
        if (other.endsWith('-ssr.html')) await typeBeforeHydration(page);
        playing.push(outcome(page).then(async (result) => {
          baselines.set(other, result);
          await page.close();
        }));
      }
      await Promise.all(playing);
    } finally {
      await plain.close();
    }
    return baselines.get(name)!;
  }

  const cases = FRAMEWORKS.flatMap((framework) => MODES.map((mode) => `${framework}-${mode}.html`));

  it.each(cases)('%s ends exactly as without the extension, its new terms highlighted and the card working', async (name) => {
    const expected = await baseline(name);
    expect(expected.errors).toEqual([]); // the page itself is sound
    expect(expected.text).toContain('UPI Lite grew');

    const page = await suite.driver.newPage(pages.url(name));
    await suite.driver.tabId(page); // found before any hover: finding it focuses the tab
    const actual = await play(page, name.endsWith('-ssr.html'));
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
  }, 90_000);
});
