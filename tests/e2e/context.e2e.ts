import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/extension';

/** "id:text" of every mark on the page, in document order. */
function marks(page: import('playwright-core').Page): Promise<string[]> {
  return page.$$eval('mark.dpi-lens-term', (list) =>
    list.map((m) => `${m.getAttribute('data-dpi-term')}:${m.textContent}`),
  );
}

describe('context-aware highlighting in Chromium', () => {
  const suite = useExtensionBrowser();

  it('highlights nothing on a page of confounders (printers, packets, traffic, Ruby, therapy, names, ratings)', async () => {
    const { page } = await suite.openHighlighted('confounders.html');
    expect(await marks(page)).toEqual([]);
  });

  it('highlights the ambiguous terms of a DPI article, and nothing in its navigation, link list or footer', async () => {
    const { page } = await suite.openHighlighted('dpi-context.html');
    // The reader's default settings mark a term's first mention: one mark per id is expected.
    const ids = new Set((await marks(page)).map((m) => m.split(':')[0]));
    const ambiguous = ['jam-trinity', 'dpi', 'dbt', 'bhim', 'abha', 'diksha', 'account-aggregator'];
    expect([...ids]).toEqual(expect.arrayContaining(ambiguous));
    const outside = await page.$$eval('nav mark, footer mark, ul mark', (m) => m.length);
    expect(outside).toBe(0);
  });
});
