import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser.mjs';
import {
  BROWSERS,
  byRole,
  byText,
  lookUpSelection,
  markedIds,
  openCardByKeyboard,
  readEntry,
  toggleHighlights,
  useExtension,
  waitForHighlights,
  type Suite,
  type TestPage,
} from './support/suite';
import { MUTATION_SETTLE_MS, POPUP_TIMEOUT_MS } from './support/timeouts';

const CARD_CSS = readFileSync(join(ROOT, 'components', 'hover-card', 'hover-card.css'), 'utf8');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on `page` (or inside `selector`), as "rule: target" lines. */
async function seriousViolations(page: TestPage, selector?: string): Promise<string[]> {
  // Run through the driver: extension pages' CSP forbids inline <script> tags.
  await page.runScript(AXE);
  return page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const context = within ? { include: [[within]] } : document;
    const { violations } = await axe.run(context);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  }, selector ?? null);
}

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

function settle(page: TestPage): Promise<void> {
  return page.sleep(MUTATION_SETTLE_MS);
}

/** Runs the look-up handler and returns the address it reports and the tab it opened. */
async function lookUp(suite: Suite, selection: string): Promise<{ url: string | undefined; page: TestPage }> {
  let url: string | undefined;
  const page = await suite.driver.waitForNewPage(
    async () => (url = await lookUpSelection(suite, selection)),
    (opened) => opened.pathname === '/popup.html',
    POPUP_TIMEOUT_MS,
  );
  return { url, page };
}

describe.each(BROWSERS)('reader settings in %s', (browserName) => {
  const suite = useExtension(browserName);

  it('highlights only the first mention of each term by default, and adds no tab stop', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await settle(page);
    const ids = await markedIds(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await page.evaluate(() => document.querySelectorAll('[tabindex]').length)).toBe(0); // the article itself has none
    await page.close();
  });

  it('"Off on this site" in the popup removes the highlights, keeps them off on reload, and "On" brings them back', async () => {
    const { page } = await suite.openHighlighted('article.html');
    const tabId = await suite.driver.tabId(page);
    const popup = await suite.driver.extensionPage(`popup.html?tab=${tabId}`);

    await popup.clickElement(byRole('button', 'Off on this site'));
    await popup.waitForElement(byText('Highlighting is off for 127.0.0.1'));
    await waitForHighlights(page, (found) => found.length === 0);

    await page.reload();
    await settle(page);
    expect(await markedIds(page)).toEqual([]);

    await popup.reload();
    await popup.clickElement(byRole('button', 'On on this site'));
    await page.reload();
    await waitForHighlights(page, (found) => found.length > 0);
    await popup.close();
    await page.close();
  });

  it('the toggle command turns highlighting off on the page and on again', async () => {
    const { page } = await suite.openHighlighted('article.html');
    // The command's handler, as Alt+Shift+D calls it (synthesized keys never reach extension shortcuts).
    expect(await toggleHighlights(suite, page)).toBe(false);
    expect(await markedIds(page)).toEqual([]);
    expect(await toggleHighlights(suite, page)).toBe(true);
    await waitForHighlights(page, (found) => found.length > 0);
    await page.close();
  });

  it('"Look up in DPI Lens" on a selection opens that entry, or a search when no term matches', async () => {
    const entry = readEntry('aadhaar');
    // The handler the context menu calls (native menus cannot be clicked from a test).
    const found = await lookUp(suite, 'Aadhar');
    expect(found.url).toContain('popup.html?term=aadhaar');
    await found.page.waitForElement(byRole('heading', new RegExp(entry.name)));
    await found.page.close();

    const searched = await lookUp(suite, 'monsoon session');
    expect(searched.url).toContain('q=monsoon+session');
    await searched.page.waitFor(() => (document.querySelector('[role="combobox"]') as HTMLInputElement | null)?.value, undefined, {
      timeout: POPUP_TIMEOUT_MS,
    });
    expect(await searched.page.valueOf(byRole('combobox'))).toBe('monsoon session');
    await searched.page.close();
  });

  it('axe-core finds no serious or critical problems in the popup, the options page and an open card', async () => {
    const popup = await suite.driver.extensionPage('popup.html');
    await popup.waitForElement(byRole('combobox'));
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();

    const options = await suite.driver.extensionPage('options.html');
    await options.waitForElement(byRole('radio', /first mention/i));
    expect(await seriousViolations(options)).toEqual([]);
    mkdirSync(join(ROOT, '.output', 'demo'), { recursive: true });
    await options.screenshot(join(ROOT, '.output', 'demo', browserName === 'chromium' ? 'options.png' : `options-${browserName}.png`));
    await options.close();

    // The card's closed shadow root is out of axe's reach: its markup and style, as the extension
    // rendered them, are checked on a page of their own.
    const { page } = await suite.openHighlighted('article.html');
    const card = await openCardByKeyboard(suite, page);
    await page.close();
    const sheet = await suite.driver.newPage(suite.server.url('plain.html'));
    await sheet.evaluate(
      ([html, css]) => {
        document.title = 'Card';
        const style = new CSSStyleSheet();
        style.replaceSync(css);
        document.adoptedStyleSheets = [style];
        document.body.innerHTML = html;
        document.querySelector<HTMLElement>('.dpi-card')!.style.position = 'static';
      },
      [card.html!, CARD_CSS] as const,
    );
    expect(await seriousViolations(sheet, '.dpi-card')).toEqual([]);
    await sheet.close();
  });
});

// The system's dark mode is a launch setting in Firefox (a profile pref), so these get a browser of their own.
describe.each(BROWSERS)('a dark system theme in %s', (browserName) => {
  const suite = useExtension(browserName, { colorScheme: 'dark' });

  it('is followed by the card and the popup', async () => {
    const { page } = await suite.openHighlighted('article.html');
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    const card = await openCardByKeyboard(suite, page);
    expect(luminance(card.colors!.background)).toBeLessThan(0.25);

    const popup = await suite.driver.extensionPage('popup.html');
    await popup.waitForElement(byRole('combobox'));
    const popupBackground = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(popupBackground)).toBeLessThan(0.25);
    await popup.close();
    await page.close();
  });
});
