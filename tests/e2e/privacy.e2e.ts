import { describe, expect, it } from 'vitest';
import { hoverTerm, readEntry, tabIdFor, useExtensionBrowser, waitForCard } from './support/extension';
import { CARD_TIMEOUT_MS, POPUP_TIMEOUT_MS } from './support/timeouts';

describe('privacy', () => {
  const suite = useExtensionBrowser();

  it('makes no network request: everything seen goes to the local page server or the extension', async () => {
    // A full tour: highlight a page, open a card, open the popup for that tab and search it.
    const { page } = await suite.openHighlighted('article.html');
    // Every step must succeed: a tour that silently skipped the card or the search would prove nothing.
    await page.waitForTimeout(300);
    await hoverTerm(page, 'upi');
    await waitForCard(suite, page, (c) => c.open, CARD_TIMEOUT_MS);
    const tabId = await tabIdFor(suite.browser.worker, page);
    const popup = await suite.browser.context.newPage();
    await popup.goto(suite.browser.extensionUrl(`popup.html?tab=${tabId}`));
    const search = popup.getByLabel(/search/i).first();
    await search.fill('aadhaar', { timeout: POPUP_TIMEOUT_MS });
    await popup.getByText(readEntry('aadhaar').name).first().waitFor({ timeout: POPUP_TIMEOUT_MS });

    // The guard saw traffic (so it works), and none of it left the machine.
    expect(suite.guard.requests.some((r) => r.url.startsWith(suite.server.origin))).toBe(true);
    expect(suite.guard.offenders()).toEqual([]);
  });
});
