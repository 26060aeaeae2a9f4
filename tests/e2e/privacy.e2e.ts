import { describe, expect, it } from 'vitest';
import { readEntry, tabIdFor, useExtensionBrowser } from './support/extension';
import { CARD_TIMEOUT_MS, POPUP_TIMEOUT_MS } from './support/timeouts';

describe('privacy', () => {
  const suite = useExtensionBrowser();

  it('makes no network request: everything seen goes to the local page server or the extension', async () => {
    // A full tour: highlight a page, open a card, open the popup for that tab and search it.
    const { page } = await suite.openHighlighted('article.html');
    const mark = page.locator('mark.dpi-lens-term').first();
    await mark.hover();
    await page.locator('dpi-lens-card').first().waitFor({ state: 'attached', timeout: CARD_TIMEOUT_MS }).catch(() => {});
    const tabId = await tabIdFor(suite.browser.worker, page);
    const popup = await suite.browser.context.newPage();
    await popup.goto(suite.browser.extensionUrl(`popup.html?tab=${tabId}`));
    const search = popup.getByLabel(/search/i).first();
    await search.fill('aadhaar', { timeout: POPUP_TIMEOUT_MS }).catch(() => {});
    await popup.getByText(readEntry('aadhaar').name).first().waitFor({ timeout: POPUP_TIMEOUT_MS }).catch(() => {});

    // The guard saw traffic (so it works), and none of it left the machine.
    expect(suite.guard.requests.some((r) => r.url.startsWith(suite.server.origin))).toBe(true);
    expect(suite.guard.offenders()).toEqual([]);
  });
});
