import { describe, expect, it } from 'vitest';
import { readEntry, tabIdFor, useExtensionBrowser } from './support/extension';
import { POPUP_TIMEOUT_MS } from './support/timeouts';

describe('popup', () => {
  const suite = useExtensionBrowser();

  it('finds MOSIP from the misspelt query "mosp" and opens its entry', async () => {
    const entry = readEntry('mosip');
    const page = await suite.browser.context.newPage();
    await page.goto(suite.browser.extensionUrl('popup.html'));

    // Found by its label, as a screen reader user finds it: this fails if the box has none.
    const search = page.getByLabel(/search/i).first();
    await search.waitFor({ timeout: POPUP_TIMEOUT_MS });
    await search.fill('mosp');

    // A result is a button, a link, or an option of the search box's listbox (combobox pattern).
    const result = page
      .getByRole('option', { name: entry.name })
      .or(page.getByRole('button', { name: entry.name }))
      .or(page.getByRole('link', { name: entry.name }))
      .first();
    await result.waitFor({ timeout: POPUP_TIMEOUT_MS });
    await result.click();

    await page.getByRole('heading', { name: 'Why it matters' }).waitFor({ timeout: POPUP_TIMEOUT_MS });
    expect(await page.getByRole('heading', { name: 'Challenges' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: new RegExp(entry.name) }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('lists the terms of the tab it is asked about under "On this page"', async () => {
    const { page: article } = await suite.openHighlighted('article.html');
    const tabId = await tabIdFor(suite.browser.worker, article);

    const popup = await suite.browser.context.newPage();
    await popup.goto(suite.browser.extensionUrl(`popup.html?tab=${tabId}`));
    const section = popup.getByRole('region', { name: /on this page/i });
    await section.waitFor({ timeout: POPUP_TIMEOUT_MS });

    for (const id of ['upi', 'aadhaar', 'mosip']) {
      const { name } = readEntry(id);
      await section.getByText(name, { exact: true }).first().waitFor({ timeout: POPUP_TIMEOUT_MS });
    }
    // A term the article does not mention is not listed.
    expect(await section.getByText(readEntry('cowin').name, { exact: true }).count()).toBe(0);
    await popup.close();
    await article.close();
  });
});
