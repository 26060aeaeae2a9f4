import { describe, expect, it } from 'vitest';
import { BROWSERS, byLabel, byRole, byText, readEntry, useExtension, within } from './support/suite';
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
});
