import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  byLabel,
  byRole,
  byText,
  readEntry,
  toggleHighlights,
  useExtension,
  waitForCard,
  waitForHighlightOf,
  within,
} from './support/suite';
import { POPUP_TIMEOUT_MS } from './support/timeouts';

describe.each(BROWSERS)('popup in %s', (browserName) => {
  const suite = useExtension(browserName);

  it('finds MOSIP from the misspelt query "mosp" and opens its entry', async () => {
    const entry = readEntry('mosip');
    const page = await suite.driver.extensionPage('popup.html');

    // Found by its label, as a screen reader user finds it: this fails if the box has none.
    await page.fill(byLabel(/search/i), 'mosp');

    // A result is an option of the search box's listbox (combobox pattern), a button or a link.
    const result = await (async () => {
      const end = Date.now() + POPUP_TIMEOUT_MS;
      for (;;) {
        for (const role of ['option', 'button', 'link']) {
          if ((await page.count(byRole(role, entry.name))) > 0) return byRole(role, entry.name);
        }
        if (Date.now() > end) throw new Error(`no result named ${entry.name}`);
        await page.sleep(50);
      }
    })();
    await page.clickElement(result);

    await page.waitForElement(byRole('heading', 'Why it matters'));
    expect(await page.count(byRole('heading', 'Challenges'))).toBe(1);
    expect(await page.count(byRole('heading', new RegExp(entry.name)))).toBeGreaterThan(0);
    await page.close();
  });

  it('lists the terms of the tab it is asked about under "On this page"', async () => {
    const { page: article } = await suite.openHighlighted('article.html');
    const tabId = await suite.driver.tabId(article);

    const popup = await suite.driver.extensionPage(`popup.html?tab=${tabId}`);
    const section = byRole('region', /on this page/i);
    await popup.waitForElement(section);

    for (const id of ['upi', 'aadhaar', 'mosip']) {
      await popup.waitForElement(within(section, byText(readEntry(id).name, { exact: true })));
    }
    // A term the article does not mention is not listed.
    expect(await popup.count(within(section, byText(readEntry('cowin').name, { exact: true })))).toBe(0);
    await popup.close();
    await article.close();
  });

  it('"On this page" counts every mention, and choosing a term takes the tab to it with its card open', async () => {
    const { page: article } = await suite.openHighlighted('article.html');
    const tabId = await suite.driver.tabId(article);
    await article.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const popup = await suite.driver.extensionPage(`popup.html?tab=${tabId}`);
    const section = byRole('region', /on this page/i);
    const upi = within(section, byRole('button', /^UPI\s*\d+ mentions?$/));
    await popup.waitForElement(upi, POPUP_TIMEOUT_MS);
    // The default marks only the first mention; the count is still every mention in the article.
    const count = Number(/(\d+) mention/.exec(await popup.textOf(upi))![1]);
    const mentions = await article.evaluate(() => (document.querySelector('article')?.textContent?.match(/\bUPI\b/g) ?? []).length);
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThanOrEqual(mentions);

    await popup.clickElement(upi);
    const card = await waitForCard(suite, article, (c) => c.open && c.id === 'upi');
    expect(card.rect!.top).toBeGreaterThanOrEqual(0);
    const inView = await article.evaluate(() => {
      const stored = [...(CSS.highlights.get('dpi-lens-upi') ?? [])][0]!;
      const range = document.createRange(); // the highlights are StaticRanges: geometry needs a live Range
      range.setStart(stored.startContainer, stored.startOffset);
      range.setEnd(stored.endContainer, stored.endOffset);
      const box = range.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await popup.close();
    await article.close();
  });

  it('after the toggle shortcut says highlighting is off on this page, offers it back on, and means it', async () => {
    const { page: article } = await suite.openHighlighted('article.html');
    const tabId = await suite.driver.tabId(article);
    expect(await toggleHighlights(suite, article)).toBe(false);
    const popup = await suite.driver.extensionPage(`popup.html?tab=${tabId}`);
    const section = byRole('region', /on this page/i);
    await popup.waitForElement(within(section, byText('Highlighting is off on this page.')), POPUP_TIMEOUT_MS);
    expect(await popup.count(byText('No glossary terms found on this page.'))).toBe(0);
    expect(await popup.count(byRole('button', 'Off on this site'))).toBe(0);
    await popup.clickElement(within(section, byRole('button', 'On on this page')));
    await waitForHighlightOf(article, 'upi');
    await popup.waitForElement(within(section, byRole('button', /^UPI/)), POPUP_TIMEOUT_MS);
    await popup.close();
    await article.close();
  });

  it('after "Off on this site" says highlighting is off here, with "On on this site" as the way back', async () => {
    const { page: article } = await suite.openHighlighted('article.html');
    const tabId = await suite.driver.tabId(article);
    const popup = await suite.driver.extensionPage(`popup.html?tab=${tabId}`);
    await popup.clickElement(byRole('button', 'Off on this site'), POPUP_TIMEOUT_MS);
    const section = byRole('region', /on this page/i);
    await popup.waitForElement(within(section, byText(/Highlighting is off here, on 127\.0\.0\.1/)), POPUP_TIMEOUT_MS);
    expect(await popup.count(byText('No glossary terms found on this page.'))).toBe(0);
    await popup.clickElement(within(section, byRole('button', 'On on this site')));
    await popup.waitForElement(within(section, byRole('button', /^UPI/)), POPUP_TIMEOUT_MS);
    await popup.close();
    await article.close();
  });
});
