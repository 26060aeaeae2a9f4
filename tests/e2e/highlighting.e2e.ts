import { describe, expect, it } from 'vitest';
import { BROWSERS, highlights, markedIds, useExtension, withSettings } from './support/suite';

/** Terms the article mentions (see tests/fixtures/pages/article.html), by glossary id. */
const ARTICLE_TERMS = [
  'upi', 'aadhaar', 'mosip', 'jam-trinity', 'dpdp-act', 'ondc', 'aeps', 'gem',
  'account-aggregator', 'india-stack', 'upi-lite', 'e-rupi', 'digilocker',
];

describe.each(BROWSERS)('highlighting on a news article in %s', (browserName) => {
  const suite = useExtension(browserName);

  it('highlights every DPI term the article mentions, registered as dpi-lens-<id>', async () => {
    const { page, detail } = await suite.openHighlighted('article.html');

    const ids = new Set(await markedIds(page));
    expect([...ids].sort()).toEqual(expect.arrayContaining([...ARTICLE_TERMS].sort()));
    expect(ids.has(''), 'a highlight without an id').toBe(false);
    // Painted by the browser: the page has no element of ours.
    expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
    // The measure's detail reports the same pass the page shows.
    expect(detail.marks).toBe((await markedIds(page)).length);
    expect(detail.terms).toBe(ids.size);
    await page.close();
  });

  it('recognises the misspelling "Aadhar" as Aadhaar', async () => {
    // Every mention: with the default (first mention only) the misspelling, a later mention, is not marked.
    const aadhaarTexts = await withSettings(suite, { density: 'every' }, async () => {
      const { page } = await suite.openHighlighted('article.html');
      const texts = (await highlights(page)).filter((h) => h.id === 'aadhaar').map((h) => h.text);
      await page.close();
      return texts;
    });
    // The article spells it "Aadhar" once ("Lakshmamma's Aadhar card").
    expect(aadhaarTexts.some((text) => /^Aadhar(?!a)/.test(text))).toBe(true);
  });

  it('leaves confounders unmarked: a traffic jam, groupie, a URL, a code block', async () => {
    const { page } = await suite.openHighlighted('article.html');
    expect(await highlights(page, '[data-e2e="unmarked"]')).toEqual([]);
    const texts = (await highlights(page)).map((h) => h.text);
    expect(texts.filter((t) => /^(jam|gem|upi)$/.test(t))).toEqual([]);
    await page.close();
  });

  it('does not change the article text while highlighting it', async () => {
    const { page } = await suite.openHighlighted('article.html');
    const served = await (await fetch(suite.server.url('article.html'))).text();
    const servedText = served
      .slice(served.indexOf('<article>'), served.indexOf('</article>'))
      .replace(/<[^>]+>/g, '')
      .replace(/&middot;/g, '·')
      .replace(/\s+/g, ' ')
      .trim();
    const shownText = (await page.evaluate(() => document.querySelector('article')!.textContent ?? '')).replace(/\s+/g, ' ').trim();
    expect(shownText).toBe(servedText);
    await page.close();
  });

  it('marks nothing on a page without DPI terms', async () => {
    const { page, detail } = await suite.openHighlighted('plain.html');
    expect(await markedIds(page)).toEqual([]);
    expect(detail.marks ?? 0).toBe(0);
    await page.close();
  });
});
