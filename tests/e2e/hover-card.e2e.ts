/**
 * The hover card: found by hit-testing (no element marks the term), opened by a resting pointer,
 * by the keyboard command and by a tap; closed by Esc with focus given back. Its content lives in a
 * closed shadow root: the tests read it through the extension (cardSnapshot).
 */
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  byText,
  hoverTerm,
  moveToTerm,
  readEntry,
  termPoint,
  useExtension,
  waitForCard,
  waitForHighlightOf,
} from './support/suite';
import { CARD_TIMEOUT_MS } from './support/timeouts';

describe.each(BROWSERS)('hover card in %s', (browserName) => {
  const suite = useExtension(browserName);

  it.each(['mosip', 'upi'])('resting the pointer on the %s highlight shows its name and short definition', async (id) => {
    const entry = readEntry(id);
    const { page } = await suite.openHighlighted('article.html');
    await page.sleep(300); // the card layer is created once the entries have arrived
    await hoverTerm(suite, page, id);
    const card = await waitForCard(suite, page, (c) => c.open);
    expect(card).toMatchObject({ id, role: 'dialog', label: expect.stringContaining(entry.name) });
    expect(card.text).toContain(entry.short);
    // The host exists only while the card is open, on <html>, and the page cannot read it.
    expect(await page.evaluate(() => [...document.querySelectorAll('dpi-lens-card')].map((h) => [h.parentElement?.localName, h.shadowRoot]))).toEqual([['html', null]]);
    await page.close();
  });

  it('passing over a term opens nothing; the pointer in the margin beside it opens nothing', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.sleep(300);
    const point = await termPoint(page, 'mosip');
    await page.mouseMove(point.x - 200, point.y);
    await page.mouseMove(point.x + 200, point.y, 4); // sweeps across in well under the delay
    await page.sleep(CARD_TIMEOUT_MS / 5);
    expect((await suite.driver.cardSnapshot(page)).open).toBe(false);
    await page.mouseMove(5, point.y); // the page margin on the same line
    await page.sleep(800);
    expect((await suite.driver.cardSnapshot(page)).open).toBe(false);
    await page.close();
  });

  it("page CSS aimed at the card's host or at every element neither hides nor restyles the card", async () => {
    const { page } = await suite.openHighlighted('hostile-css.html');
    await page.sleep(300);
    await hoverTerm(suite, page, 'upi');
    const card = await waitForCard(suite, page, (c) => c.open && c.id === 'upi');
    expect(card.rect!.width).toBeGreaterThan(100);
    expect(card.rect!.height).toBeGreaterThan(50);
    expect(card.colors!.text).not.toBe('rgb(238, 0, 0)');
    await page.close();
  });

  it('Esc closes the open card and takes its host out of the page', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.sleep(300);
    await hoverTerm(suite, page, 'mosip');
    await waitForCard(suite, page, (c) => c.open);
    await page.press('Escape');
    await waitForCard(suite, page, (c) => !c.open);
    expect(await page.evaluate(() => document.querySelectorAll('dpi-lens-card').length)).toBe(0);
    await page.close();
  });

  it('the keyboard command moves from term to term in reading order with focus in the card; Esc gives focus back', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.focus('#comment');
    const tabStops = () => page.evaluate(() => document.querySelectorAll('[tabindex]').length);
    const tabStopsBefore = await tabStops();
    // The command's handler, as Alt+J calls it (synthesized keys never reach extension shortcuts).
    const first = await moveToTerm(suite, page, 1);
    expect(first).toBeTruthy();
    const card = await waitForCard(suite, page, (c) => c.open && c.id === first);
    expect(card.focused).toBe(true);
    const second = await moveToTerm(suite, page, 1);
    expect(second).not.toBe(first);
    await waitForCard(suite, page, (c) => c.open && c.id === second && c.focused === true);
    const back = await moveToTerm(suite, page, -1);
    expect(back).toBe(first);
    await page.press('Escape');
    await waitForCard(suite, page, (c) => !c.open);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment');
    // No tab stop was added to the page.
    expect(await tabStops()).toBe(tabStopsBefore);
    await page.close();
  });

  it('registers the keyboard commands with their shortcuts (Alt+J, Alt+Shift+J, Alt+Shift+D)', async () => {
    // What a test can check of the shortcut itself: the browser cannot be sent one by a test.
    const commands = await suite.driver.background(async ({ ext }) => (await ext.commands.getAll()).map((c) => [c.name, c.shortcut]));
    expect(Object.fromEntries(commands)).toMatchObject({
      'next-term': 'Alt+J',
      'previous-term': 'Alt+Shift+J',
      'toggle-highlights': 'Alt+Shift+D',
    });
  });

  it('runs its background as the browser does (a service worker in Chromium, an event page in Firefox), with the handlers there', async () => {
    const background = await suite.driver.background(({ dpiLens, kind }) => ({ kind, handlers: Object.keys(dpiLens ?? {}).sort() }));
    expect(background).toEqual({
      kind: browserName === 'firefox' ? 'event-page' : 'service-worker',
      handlers: ['lookUpSelection', 'moveToTerm', 'toggleHighlights'],
    });
  });

  it('a tap on a term opens its card; a tap on a term inside a link follows the link instead', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.sleep(300);
    const point = await termPoint(page, 'mosip');
    await page.tap(point.x, point.y);
    const card = await waitForCard(suite, page, (c) => c.open && c.id === 'mosip');
    expect(card.focused).toBe(false); // a tap shows the card; it does not move focus
    await page.press('Escape');
    await waitForCard(suite, page, (c) => !c.open);

    // FASTag appears nowhere else on the article: its first mention is the one in the link.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'linked';
      p.innerHTML = 'Tolls are paid with <a href="#tolls">FASTag</a> on most highways.';
      document.querySelector('main')!.append(p);
    });
    await waitForHighlightOf(page, 'fastag', '#linked');
    const linked = await termPoint(page, 'fastag');
    await page.tap(linked.x, linked.y);
    await page.waitFor(() => location.hash === '#tolls', undefined, { message: 'the link was not followed' });
    await page.sleep(800);
    expect((await suite.driver.cardSnapshot(page)).open).toBe(false);
    await page.close();
  });

  it('a page script cannot open the card with made-up events', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.sleep(300);
    const point = await termPoint(page, 'mosip');
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      for (let i = 0; i < 5; i += 1) {
        target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: x, clientY: y, pointerType: 'mouse' }));
      }
      target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: x, clientY: y, pointerType: 'touch' }));
      target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, clientX: x, clientY: y, pointerType: 'touch' }));
    }, point);
    await page.sleep(1_000);
    expect((await suite.driver.cardSnapshot(page)).open).toBe(false);
    await page.close();
  });

  it('shows its main source inside the viewport; "More" expands it in place and "Full entry in DPI Lens" opens the entry in a tab', async () => {
    const entry = readEntry('upi');
    const third = entry.significance[2];
    expect(third, 'upi needs a third "why it matters" point for this test').toBeTruthy();
    const { page } = await suite.openHighlighted('article.html');
    await page.setViewport(1280, 768);
    await page.sleep(300);
    await hoverTerm(suite, page, 'upi');
    const card = await waitForCard(suite, page, (c) => c.open && c.id === 'upi');
    expect(card.text).not.toContain(third);
    expect(card.rect!.top).toBeGreaterThanOrEqual(0);
    expect(card.rect!.top + card.rect!.height).toBeLessThanOrEqual(768);
    expect(card.text).toContain(entry.sources[0]!.publisher);

    // Real (trusted) clicks on the buttons' boxes: the pointer travels from the term into the card.
    const press = async (button: { left: number; top: number; width: number; height: number }) => {
      await page.mouseMove(button.left + button.width / 2, button.top + button.height / 2, 8);
      await page.mouseClick(button.left + button.width / 2, button.top + button.height / 2);
    };
    const more = card.buttons!.find((b) => b.name === 'More');
    expect(more, `buttons: ${JSON.stringify(card.buttons?.map((b) => b.name))}`).toBeDefined();
    await press(more!);
    const expanded = await waitForCard(suite, page, (c) => c.open && (c.buttons ?? []).some((b) => /Full entry in DPI Lens/.test(b.name)));
    const fullEntry = expanded.buttons!.find((b) => /Full entry in DPI Lens/.test(b.name))!;
    const full = await suite.driver.waitForNewPage(() => press(fullEntry), (url) => url.pathname === '/popup.html', CARD_TIMEOUT_MS);
    expect(new URL(await full.url()).searchParams.get('term')).toBe('upi');
    await full.waitForElement(byText(third!), CARD_TIMEOUT_MS);
    await full.close();
    await page.close();
  });
});
