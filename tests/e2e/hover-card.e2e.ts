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

describe('hover card: compact, with the full entry a click away', () => {
  const suite = useExtensionBrowser();

  it('shows its main source without scrolling, and "More in DPI Lens" opens the full entry in a tab', async () => {
    const entry = readEntry('upi');
    const third = entry.significance[2];
    expect(third, 'upi needs a third "why it matters" point for this test').toBeTruthy();
    const { page } = await suite.openHighlighted('article.html');
    await page.setViewportSize({ width: 1280, height: 768 });
    const mark = page.locator('mark.dpi-lens-term[data-dpi-term="upi"]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await page.locator(CARD).getByText(entry.short).first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });

    // The source footer is inside the card's box and the viewport, whatever the body's scroll.
    const boxes = await page.locator(`${CARD} .dpi-card`).evaluate((card) => {
      const box = (el: Element | null) => el?.getBoundingClientRect().toJSON() as DOMRect | undefined;
      return { card: box(card), footer: box(card.querySelector('footer')), height: window.innerHeight };
    });
    expect(boxes.footer).toBeDefined();
    expect(boxes.footer!.bottom).toBeLessThanOrEqual(boxes.card!.bottom + 1);
    expect(boxes.footer!.top).toBeGreaterThanOrEqual(boxes.card!.top);
    expect(boxes.footer!.bottom).toBeLessThanOrEqual(boxes.height);
    expect(await page.locator(CARD).first().evaluate((host) => host.shadowRoot?.textContent ?? '')).not.toContain(third);

    const opened = page.context().waitForEvent('page', { timeout: CARD_TIMEOUT_MS });
    await page.locator(CARD).getByRole('button', { name: /More in DPI Lens/ }).click();
    const full = await opened;
    await full.waitForLoadState('domcontentloaded');
    expect(new URL(full.url()).pathname).toBe('/popup.html');
    expect(new URL(full.url()).searchParams.get('term')).toBe('upi');
    await full.getByText(third).first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
    await full.close();
    await page.close();
  });
});
