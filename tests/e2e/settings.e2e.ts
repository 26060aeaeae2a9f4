import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser.mjs';
import { markedIds, readEntry, tabIdFor, useExtensionBrowser } from './support/extension';
import { CARD_TIMEOUT_MS, HIGHLIGHT_TIMEOUT_MS, MUTATION_SETTLE_MS, POPUP_TIMEOUT_MS } from './support/timeouts';

const CARD = 'dpi-lens-card';
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

async function openCardByKeyboard(page: Page): Promise<void> {
  // The first mention of each term is a tab stop; keyboard focus opens its card at once.
  await page.locator('mark.dpi-lens-term[tabindex="0"]').first().waitFor({ timeout: HIGHLIGHT_TIMEOUT_MS });
  await page.keyboard.press('Tab');
  for (let i = 0; i < 40; i += 1) {
    if (await page.evaluate(() => document.activeElement?.matches('mark.dpi-lens-term') ?? false)) break;
    await page.keyboard.press('Tab');
  }
  await page.locator(CARD).locator('.dpi-card').waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
}

describe('reader settings', () => {
  const suite = useExtensionBrowser();
  const worker = (): Worker => suite.browser.worker;

  it('marks only the first mention of each term by default, each one a tab stop', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await settle(page);
    const ids = await markedIds(page);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await page.locator('mark.dpi-lens-term[tabindex="0"]').count()).toBe(ids.length);
    await page.close();
  });

  it('"Off on this site" in the popup removes the highlights, keeps them off on reload, and "On" brings them back', async () => {
    const { page } = await suite.openHighlighted('article.html');
    const tabId = await tabIdFor(worker(), page);
    const popup = await openPopupFor(suite, tabId);

    await popup.getByRole('button', { name: 'Off on this site' }).click({ timeout: POPUP_TIMEOUT_MS });
    await popup.getByText('Highlighting is off for 127.0.0.1').waitFor({ timeout: POPUP_TIMEOUT_MS });
    await page.waitForFunction(() => document.querySelectorAll('mark.dpi-lens-term').length === 0, null, {
      timeout: HIGHLIGHT_TIMEOUT_MS,
    });

    await page.reload();
    await settle(page);
    expect(await page.locator('mark.dpi-lens-term').count()).toBe(0);

    await popup.reload();
    await popup.getByRole('button', { name: 'On on this site' }).click({ timeout: POPUP_TIMEOUT_MS });
    await page.reload();
    await page.locator('mark.dpi-lens-term').first().waitFor({ timeout: HIGHLIGHT_TIMEOUT_MS });
    await popup.close();
    await page.close();
  });

  it('the toggle command turns highlighting off on the page and on again', async () => {
    const { page } = await suite.openHighlighted('article.html');
    const tabId = await tabIdFor(worker(), page);
    const toggle = () => worker().evaluate((id) => dpiLens.toggleHighlights(id), tabId);

    expect(await toggle()).toBe(false);
    expect(await page.locator('mark.dpi-lens-term').count()).toBe(0);
    expect(await toggle()).toBe(true);
    await page.locator('mark.dpi-lens-term').first().waitFor({ timeout: HIGHLIGHT_TIMEOUT_MS });
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
    await openCardByKeyboard(page);
    const cardBackground = await page
      .locator(CARD)
      .locator('.dpi-card')
      .evaluate((card) => getComputedStyle(card).backgroundColor);
    expect(luminance(cardBackground)).toBeLessThan(0.25);

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

    const { page } = await suite.openHighlighted('article.html');
    await openCardByKeyboard(page);
    expect(await seriousViolations(page, CARD)).toEqual([]);
    await page.close();
  });
});
