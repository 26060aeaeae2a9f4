import { describe, expect, it } from 'vitest';
import { BROWSERS, byLabel, byText, hoverTerm, readEntry, useExtension, waitForCard } from './support/suite';
import { CARD_TIMEOUT_MS } from './support/timeouts';

describe.each(BROWSERS)('privacy in %s', (browserName) => {
  const suite = useExtension(browserName);

  it('makes no network request: everything seen goes to the local page server or the extension', async () => {
    // A full tour: highlight a page, open a card, open the popup for that tab and search it.
    const { page } = await suite.openHighlighted('article.html');
    // Every step must succeed: a tour that silently skipped the card or the search would prove nothing.
    await page.sleep(300);
    await hoverTerm(suite, page, 'upi');
    await waitForCard(suite, page, (c) => c.open, CARD_TIMEOUT_MS);
    const tabId = await suite.driver.tabId(page);
    const popup = await suite.driver.extensionPage(`popup.html?tab=${tabId}`);
    await popup.fill(byLabel(/search/i), 'aadhaar');
    await popup.waitForElement(byText(readEntry('aadhaar').name));

    // The guard saw traffic (so it works), and none of it left the machine.
    const { network } = suite.driver;
    expect(network.requests.some((r) => r.url.startsWith(suite.server.origin))).toBe(true);
    expect(network.offenders(), network.covers).toEqual([]);

    // And it would have seen requests that did: the page and the extension's background each ask a
    // host that does not exist (in Firefox only the proxy sees the background's).
    const probes = ['background-probe.dpi-lens.invalid', 'page-probe.dpi-lens.invalid'];
    for (const host of probes) suite.probeHosts.add(host); // the block's own network check lets these two pass
    await page.evaluate(() => fetch('http://page-probe.dpi-lens.invalid/').then(() => 'answered', () => 'failed'));
    await suite.driver.background(({ global }) => global.fetch('https://background-probe.dpi-lens.invalid/').then(() => 'answered', () => 'failed'));
    const offendingHosts = () => [...new Set(network.offenders().map((r) => new URL(r.url).hostname))].sort();
    const end = Date.now() + CARD_TIMEOUT_MS;
    while (offendingHosts().length < probes.length && Date.now() < end) await page.sleep(50);
    expect(offendingHosts()).toEqual(probes);
  });
});
