/**
 * The hover card in real Chromium: found by hit-testing (no element marks the term), opened by a
 * resting pointer, by the keyboard command and by a tap; closed by Esc with focus given back. Its
 * content lives in a closed shadow root: the tests read it through the extension (cardSnapshot).
 */
import { describe, expect, it } from 'vitest';
import { cardSnapshot, hoverTerm, readEntry, tabIdFor, termPoint, useExtensionBrowser, waitForCard } from './support/extension';
import { CARD_TIMEOUT_MS } from './support/timeouts';

/** The service worker's own handlers (entrypoints/background.ts puts them on its global). */
declare const dpiLens: { moveToTerm(tabId: number | undefined, direction: 1 | -1): Promise<string | undefined> };

describe('hover card', () => {
  const suite = useExtensionBrowser();

  it.each(['mosip', 'upi'])('resting the pointer on the %s highlight shows its name and short definition', async (id) => {
    const entry = readEntry(id);
    const { page } = await suite.openHighlighted('article.html');
    await page.waitForTimeout(300); // the card layer is created once the entries have arrived
    await hoverTerm(page, id);
    const card = await waitForCard(suite, page, (c) => c.open);
    expect(card).toMatchObject({ id, role: 'dialog', label: expect.stringContaining(entry.name) });
    expect(card.text).toContain(entry.short);
    // The host exists only while the card is open, on <html>, and the page cannot read it.
    expect(await page.evaluate(() => [...document.querySelectorAll('dpi-lens-card')].map((h) => [h.parentElement?.localName, h.shadowRoot]))).toEqual([['html', null]]);
    await page.close();
  });

  it('passing over a term opens nothing; the pointer in the margin beside it opens nothing', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.waitForTimeout(300);
    const point = await termPoint(page, 'mosip');
    await page.mouse.move(point.x - 200, point.y);
    await page.mouse.move(point.x + 200, point.y, { steps: 4 }); // sweeps across in well under the delay
    await page.waitForTimeout(CARD_TIMEOUT_MS / 5);
    expect((await cardSnapshot(suite, page)).open).toBe(false);
    await page.mouse.move(5, point.y); // the page margin on the same line
    await page.waitForTimeout(800);
    expect((await cardSnapshot(suite, page)).open).toBe(false);
    await page.close();
  });

  it('Esc closes the open card and takes its host out of the page', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.waitForTimeout(300);
    await hoverTerm(page, 'mosip');
    await waitForCard(suite, page, (c) => c.open);
    await page.keyboard.press('Escape');
    await waitForCard(suite, page, (c) => !c.open);
    expect(await page.locator('dpi-lens-card').count()).toBe(0);
    await page.close();
  });

  it('the keyboard command moves from term to term in reading order with focus in the card; Esc gives focus back', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.locator('#comment').focus();
    const tabStops = () => page.evaluate(() => document.querySelectorAll('[tabindex]').length);
    const tabStopsBefore = await tabStops();
    const tabId = await tabIdFor(suite.browser.worker, page);
    const first = await suite.browser.worker.evaluate((id) => dpiLens.moveToTerm(id, 1), tabId);
    expect(first).toBeTruthy();
    const card = await waitForCard(suite, page, (c) => c.open && c.id === first);
    expect(card.focused).toBe(true);
    const second = await suite.browser.worker.evaluate((id) => dpiLens.moveToTerm(id, 1), tabId);
    expect(second).not.toBe(first);
    await waitForCard(suite, page, (c) => c.open && c.id === second && c.focused === true);
    const back = await suite.browser.worker.evaluate((id) => dpiLens.moveToTerm(id, -1), tabId);
    expect(back).toBe(first);
    await page.keyboard.press('Escape');
    await waitForCard(suite, page, (c) => !c.open);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment');
    // No tab stop was added to the page.
    expect(await tabStops()).toBe(tabStopsBefore);
    await page.close();
  });

  it('a page script cannot open the card with made-up events', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.waitForTimeout(300);
    const point = await termPoint(page, 'mosip');
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      for (let i = 0; i < 5; i += 1) {
        target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: x, clientY: y, pointerType: 'mouse' }));
      }
      target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: x, clientY: y, pointerType: 'touch' }));
      target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, clientX: x, clientY: y, pointerType: 'touch' }));
    }, point);
    await page.waitForTimeout(1_000);
    expect((await cardSnapshot(suite, page)).open).toBe(false);
    await page.close();
  });
});

describe('hover card: compact, with the full entry a click away', () => {
  const suite = useExtensionBrowser();

  it('shows its main source inside the viewport, and "More in DPI Lens" opens the full entry in a tab', async () => {
    const entry = readEntry('upi');
    const third = entry.significance[2];
    expect(third, 'upi needs a third "why it matters" point for this test').toBeTruthy();
    const { page } = await suite.openHighlighted('article.html');
    await page.setViewportSize({ width: 1280, height: 768 });
    await page.waitForTimeout(300);
    await hoverTerm(page, 'upi');
    const card = await waitForCard(suite, page, (c) => c.open && c.id === 'upi');
    expect(card.text).not.toContain(third);
    expect(card.rect!.top).toBeGreaterThanOrEqual(0);
    expect(card.rect!.top + card.rect!.height).toBeLessThanOrEqual(768);
    expect(card.text).toContain(entry.sources[0]!.publisher);

    const more = card.buttons!.find((b) => /More in DPI Lens/.test(b.name))!;
    expect(more).toBeDefined();
    const opened = page.context().waitForEvent('page', { timeout: CARD_TIMEOUT_MS });
    // A real click (trusted) on the button's box: the pointer travels from the term into the card.
    await page.mouse.move(more.left + more.width / 2, more.top + more.height / 2, { steps: 8 });
    await page.mouse.click(more.left + more.width / 2, more.top + more.height / 2);
    const full = await opened;
    await full.waitForLoadState('domcontentloaded');
    expect(new URL(full.url()).pathname).toBe('/popup.html');
    expect(new URL(full.url()).searchParams.get('term')).toBe('upi');
    await full.getByText(third!).first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
    await full.close();
    await page.close();
  });
});
