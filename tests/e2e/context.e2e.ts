import { describe, expect, it } from 'vitest';
import { BROWSERS, highlights, useExtension, type TestPage } from './support/suite';

/** "id:text" of every highlight on the page, in document order. */
async function marks(page: TestPage, selector: string | null = null): Promise<string[]> {
  return (await highlights(page, selector)).map((h) => `${h.id}:${h.text}`);
}

describe.each(BROWSERS)('context-aware highlighting in %s', (browserName) => {
  const suite = useExtension(browserName);

  it('highlights nothing on a page of confounders (printers, packets, traffic, Ruby, therapy, names, ratings)', async () => {
    const { page } = await suite.openHighlighted('confounders.html');
    expect(await marks(page)).toEqual([]);
    await page.close();
  });

  it('highlights the ambiguous terms of a DPI article, and nothing in its navigation, link list or footer', async () => {
    const { page } = await suite.openHighlighted('dpi-context.html');
    // The reader's default settings mark a term's first mention: one mark per id is expected.
    const ids = new Set((await marks(page)).map((m) => m.split(':')[0]));
    const ambiguous = ['jam-trinity', 'dpi', 'dbt', 'bhim', 'abha', 'diksha', 'account-aggregator'];
    expect([...ids]).toEqual(expect.arrayContaining(ambiguous));
    expect(await marks(page, 'nav, footer, ul')).toEqual([]);
    await page.close();
  });
});
