import { describe, expect, it } from 'vitest';
import { readEntry, useExtensionBrowser } from './support/extension';
import { CARD_TIMEOUT_MS } from './support/timeouts';

// The card lives in an open shadow root under <dpi-lens-card>; Playwright's CSS engine pierces it.
const CARD = 'dpi-lens-card';

describe('hover card', () => {
  const suite = useExtensionBrowser();

  it.each(['mosip', 'upi'])('hovering a %s highlight shows its name and short definition', async (id) => {
    const entry = readEntry(id);
    const { page } = await suite.openHighlighted('article.html');
    const mark = page.locator(`mark.dpi-lens-term[data-dpi-term="${id}"]`).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();

    const card = page.locator(CARD).filter({ hasText: entry.short });
    await card.first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
    const text = await card.first().innerText();
    expect(text).toContain(entry.name);
    expect(text).toContain(entry.short);
    await page.close();
  });

  it('Esc closes the open card', async () => {
    const entry = readEntry('mosip');
    const { page } = await suite.openHighlighted('article.html');
    const mark = page.locator('mark.dpi-lens-term[data-dpi-term="mosip"]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const card = page.locator(CARD).filter({ hasText: entry.short }).first();
    await card.waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });

    await page.keyboard.press('Escape');
    await page.getByText(entry.short).waitFor({ state: 'hidden', timeout: CARD_TIMEOUT_MS });
    // The page's text is still there: closing the card removed only the card.
    expect(await page.locator('mark.dpi-lens-term[data-dpi-term="mosip"]').count()).toBeGreaterThan(0);
    await page.close();
  });
});
