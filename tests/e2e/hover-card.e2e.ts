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

    // The host element may be a zero-size anchor; what the reader sees is the text inside it.
    await page.locator(CARD).getByText(entry.short).first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
    const cardText = await page.locator(CARD).first().evaluate((host) => host.shadowRoot?.textContent ?? '');
    expect(cardText).toContain(entry.name);
    expect(cardText).toContain(entry.short);
    await page.close();
  });

  it('Esc closes the open card', async () => {
    const entry = readEntry('mosip');
    const { page } = await suite.openHighlighted('article.html');
    const mark = page.locator('mark.dpi-lens-term[data-dpi-term="mosip"]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const definition = page.locator(CARD).getByText(entry.short).first();
    await definition.waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });

    await page.keyboard.press('Escape');
    await definition.waitFor({ state: 'hidden', timeout: CARD_TIMEOUT_MS });
    // The page's text is still there: closing the card removed only the card.
    expect(await page.locator('mark.dpi-lens-term[data-dpi-term="mosip"]').count()).toBeGreaterThan(0);
    await page.close();
  });
});
