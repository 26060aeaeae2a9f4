import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser.mjs';
import { markedIds, openCardByKeyboard, readEntry, tabIdFor, useExtensionBrowser, waitForHighlights } from './support/extension';
import { MUTATION_SETTLE_MS, POPUP_TIMEOUT_MS } from './support/timeouts';

const CARD_CSS = readFileSync(join(ROOT, 'components', 'hover-card', 'hover-card.css'), 'utf8');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The service worker's own handlers (entrypoints/background.ts puts them on its global). */
interface Handlers {
  lookUpSelection(text: string): Promise<string | undefined>;
  toggleHighlights(tabId: number | undefined): Promise<boolean | undefined>;
}
declare const dpiLens: Handlers;

/** axe-core's serious and critical violations on `page` (or inside `selector`), as "rule: target" lines. */
async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  // Evaluated through the debugger protocol: extension pages' CSP forbids inline <script> tags.
  await page.evaluate(AXE);
  return page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const context = within ? { include: [[within]] } : document;
    const { violations } = await axe.run(context);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  }, selector);
}

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

async function openPopupFor(suite: ReturnType<typeof useExtensionBrowser>, tabId: number): Promise<Page> {
  const popup = await suite.browser.context.newPage();
  await popup.goto(suite.browser.extensionUrl(`popup.html?tab=${tabId}`));
  return popup;
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(MUTATION_SETTLE_MS);
}

describe('reader settings', () => {
  const suite = useExtensionBrowser();
  const worker = (): Worker => suite.browser.worker;

  it('highlights only the first mention of each term by default, and adds no tab stop', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await settle(page);
    const ids = await markedIds(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await page.locator('[tabindex]').count()).toBe(0); // the article itself has none
    await page.close();
  });

  it('"Off on this site" in the popup removes the highlights, keeps them off on reload, and "On" brings them back', async () => {
    const { page } = await suite.openHighlighted('article.html');
    const tabId = await tabIdFor(worker(), page);
    const popup = await openPopupFor(suite, tabId);

    await popup.getByRole('button', { name: 'Off on this site' }).click({ timeout: POPUP_TIMEOUT_MS });
    await popup.getByText('Highlighting is off for 127.0.0.1').waitFor({ timeout: POPUP_TIMEOUT_MS });
    await waitForHighlights(page, (found) => found.length === 0);

    await page.reload();
    await settle(page);
    expect(await markedIds(page)).toEqual([]);

    await popup.reload();
    await popup.getByRole('button', { name: 'On on this site' }).click({ timeout: POPUP_TIMEOUT_MS });
    await page.reload();
    await waitForHighlights(page, (found) => found.length > 0);
    await popup.close();
    await page.close();
  });

  it('the toggle command turns highlighting off on the page and on again', async () => {
    const { page } = await suite.openHighlighted('article.html');
    const tabId = await tabIdFor(worker(), page);
    const toggle = () => worker().evaluate((id) => dpiLens.toggleHighlights(id), tabId);

    expect(await toggle()).toBe(false);
    expect(await markedIds(page)).toEqual([]);
    expect(await toggle()).toBe(true);
    await waitForHighlights(page, (found) => found.length > 0);
    await page.close();
  });

  it('"Look up in DPI Lens" on a selection opens that entry, or a search when no term matches', async () => {
    const entry = readEntry('aadhaar');
    const opened = suite.browser.context.waitForEvent('page', { timeout: POPUP_TIMEOUT_MS });
    const url = await worker().evaluate(() => dpiLens.lookUpSelection('Aadhar'));
    expect(url).toContain('popup.html?term=aadhaar');
    const lookup = await opened;
    await lookup.getByRole('heading', { name: new RegExp(entry.name) }).first().waitFor({ timeout: POPUP_TIMEOUT_MS });
    await lookup.close();

    const searched = suite.browser.context.waitForEvent('page', { timeout: POPUP_TIMEOUT_MS });
    expect(await worker().evaluate(() => dpiLens.lookUpSelection('monsoon session'))).toContain('q=monsoon+session');
    const search = await searched;
    await search.waitForLoadState();
    expect(await search.getByRole('combobox').inputValue()).toBe('monsoon session');
    await search.close();
  });

  it('follows a dark system theme in the card and the popup', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.emulateMedia({ colorScheme: 'dark' });
    const card = await openCardByKeyboard(suite, page);
    expect(luminance(card.colors!.background)).toBeLessThan(0.25);

    const popup = await suite.browser.context.newPage();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.goto(suite.browser.extensionUrl('popup.html'));
    await popup.getByRole('combobox').waitFor({ timeout: POPUP_TIMEOUT_MS });
    const popupBackground = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(popupBackground)).toBeLessThan(0.25);
    await popup.close();
    await page.close();
  });

  it('axe-core finds no serious or critical problems in the popup, the options page and an open card', async () => {
    const popup = await suite.browser.context.newPage();
    await popup.goto(suite.browser.extensionUrl('popup.html'));
    await popup.getByRole('combobox').waitFor({ timeout: POPUP_TIMEOUT_MS });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();

    const options = await suite.browser.context.newPage();
    await options.goto(suite.browser.extensionUrl('options.html'));
    await options.getByRole('radio', { name: /first mention/i }).waitFor({ timeout: POPUP_TIMEOUT_MS });
    expect(await seriousViolations(options)).toEqual([]);
    await options.screenshot({ path: join(ROOT, '.output', 'demo', 'options.png'), fullPage: true });
    await options.close();

    // The card's closed shadow root is out of axe's reach: its markup and style, as the extension
    // rendered them, are checked on a page of their own.
    const { page } = await suite.openHighlighted('article.html');
    const card = await openCardByKeyboard(suite, page);
    await page.close();
    const sheet = await suite.browser.context.newPage();
    await sheet.goto(suite.server.url('plain.html'));
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
