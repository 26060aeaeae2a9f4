/**
 * A reader on a phone: touch, a 360 x 740 CSS px screen at device scale 3, no hover. The card opens
 * as a bottom sheet that leaves the tapped term visible; a tap outside, Back or a drag down closes
 * it; the popup fits the screen and takes the reader to a term.
 *
 * Chromium only for now: the phone is emulated through the DevTools protocol (device metrics and
 * touch emulation, touches as Input.dispatchTouchEvent). Firefox's port needs its own emulation
 * (Responsive Design Mode's touch and DPR over BiDi) in tests/e2e/support.
 */
import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ChromiumPage } from './support/chromium';
import { BROWSERS, byRole, hoverTerm, readEntry, within, type CardSnapshot, type TestPage, useExtension, waitForCard } from './support/suite';
import { POPUP_TIMEOUT_MS } from './support/timeouts';

const PHONE = { width: 360, height: 740, deviceScaleFactor: 3, mobile: true } as const;

/** What page/card.tsx adds to the snapshot for these checks. */
type PhoneCard = CardSnapshot & { sheet?: boolean; minFontPx?: number; anchor?: { top: number; height: number; left: number; width: number } };

/** Turns the tab into a phone; the returned session keeps the emulation alive and sends touches. */
async function emulatePhone(page: TestPage): Promise<CDPSession> {
  if (!(page instanceof ChromiumPage)) throw new Error('phone emulation is implemented for Chromium only');
  const cdp = await page.page.context().newCDPSession(page.page);
  await cdp.send('Emulation.setDeviceMetricsOverride', PHONE);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  return cdp;
}

async function touch(cdp: CDPSession, points: { x: number; y: number }[]): Promise<void> {
  const [first, ...rest] = points;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
  for (const point of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const tap = (cdp: CDPSession, x: number, y: number) => touch(cdp, [{ x, y }]);

/** Longer than the sheet's 160 ms slide-in (hover-card.css). */
const SHEET_SETTLE_MS = 400;

/** Puts the first highlight of `id` at `y` (CSS px from the top of the phone's screen); returns its middle. */
function placeTerm(page: TestPage, id: string, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ term, at }) => {
      const stored = [...(CSS.highlights.get(`dpi-lens-${term}`) ?? [])][0];
      if (!stored) throw new Error(`no highlight of ${term}`);
      const range = document.createRange(); // the highlights are StaticRanges: geometry needs a live Range
      range.setStart(stored.startContainer, stored.startOffset);
      range.setEnd(stored.endContainer, stored.endOffset);
      const first = range.getClientRects()[0]!;
      window.scrollBy({ top: first.top - at, behavior: 'instant' });
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    { term: id, at: y },
  );
}

// Phone emulation (touch, device scale) is CDP's: Chromium only. Declared always, skipped when
// Chromium is not among the browsers, so a Firefox-only run does not fail on an empty file.
const PHONE_BROWSERS = BROWSERS.includes('chromium') ? (['chromium'] as const) : [];

describe.skipIf(PHONE_BROWSERS.length === 0)('phone emulation', () => {
describe.each(PHONE_BROWSERS)('on a phone in %s', (browserName) => {
  const suite = useExtension(browserName);

  /** The phone's layout viewport: the screen's 360 x 740, or a little wider where the article's widest line asks for it. */
  async function openOnPhone(): Promise<{ page: TestPage; cdp: CDPSession; viewport: { width: number; height: number } }> {
    const { page } = await suite.openHighlighted('article.html');
    const cdp = await emulatePhone(page);
    expect(await page.evaluate(() => [screen.width, devicePixelRatio, matchMedia('(hover: none)').matches])).toEqual([360, 3, true]);
    const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    await page.sleep(300); // the card layer is created once the entries have arrived
    return { page, cdp, viewport };
  }

  it('a tap on a term low on the screen opens a bottom sheet that leaves the term visible, in readable text', async () => {
    const { page, cdp, viewport } = await openOnPhone();
    const point = await placeTerm(page, 'upi', viewport.height - 100);
    await tap(cdp, point.x, point.y);
    // Polled until the sheet has slid in (its entrance moves it by a transform).
    const atBottom = (c: CardSnapshot) => c.open && c.id === 'upi' && Math.round(c.rect!.top + c.rect!.height) === viewport.height;
    const card = (await waitForCard(suite, page, atBottom)) as PhoneCard;
    expect(card.sheet).toBe(true);
    // Along the bottom edge, the full width of the screen.
    expect(card.rect!.left).toBe(0);
    expect(Math.round(card.rect!.width)).toBe(viewport.width);
    // The page made room: the tapped term is above the sheet and still on screen.
    expect(card.anchor!.top).toBeGreaterThanOrEqual(0);
    expect(card.anchor!.top + card.anchor!.height).toBeLessThanOrEqual(card.rect!.top);
    const bodyPx = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('article p') ?? document.body).fontSize));
    expect(card.minFontPx).toBeGreaterThanOrEqual(Math.min(bodyPx, 15));
    expect(card.text).toContain(readEntry('upi').name);
    await page.close();
  });

  it('a tap outside the sheet closes it; so does Back, which leaves the page where it was', async () => {
    const { page, cdp } = await openOnPhone();
    let point = await placeTerm(page, 'mosip', 200);
    await tap(cdp, point.x, point.y);
    await waitForCard(suite, page, (c) => c.open && c.id === 'mosip');
    await tap(cdp, 8, 120); // the page's margin, above the sheet, on no term
    await waitForCard(suite, page, (c) => !c.open);
    expect(await page.evaluate(() => document.querySelectorAll('dpi-lens-card').length)).toBe(0);

    const before = await page.evaluate(() => [location.href, history.length]);
    point = await placeTerm(page, 'mosip', 200);
    await tap(cdp, point.x, point.y);
    await waitForCard(suite, page, (c) => c.open && c.id === 'mosip');
    await page.evaluate(() => history.back()); // what Android's Back does to the page's history
    await waitForCard(suite, page, (c) => !c.open);
    await page.sleep(300);
    expect(await page.evaluate(() => location.href)).toBe(before[0]);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1); // no reload, no navigation
    await page.close();
  });

  it('dragging the sheet down by its handle closes it; a short drag does not', async () => {
    const { page, cdp } = await openOnPhone();
    const point = await placeTerm(page, 'mosip', 200);
    await tap(cdp, point.x, point.y);
    await waitForCard(suite, page, (c) => c.open && c.id === 'mosip');
    // The sheet slides in (160 ms): read where its handle is once it has arrived, as a finger would.
    await page.sleep(SHEET_SETTLE_MS);
    const card = await suite.driver.cardSnapshot(page);
    const handle = { x: card.rect!.width / 2, y: card.rect!.top + 10 };
    await touch(cdp, [handle, { x: handle.x, y: handle.y + 20 }, { x: handle.x, y: handle.y + 30 }]);
    await page.sleep(400);
    expect((await suite.driver.cardSnapshot(page)).open).toBe(true);
    const steps = Array.from({ length: 6 }, (_, i) => ({ x: handle.x, y: handle.y + 30 * (i + 1) }));
    await touch(cdp, [handle, ...steps]);
    await waitForCard(suite, page, (c) => !c.open);
    await page.close();
  });

  it('the popup fits a 360 px screen and takes the reader to a term', async () => {
    const { page: article } = await suite.openHighlighted('article.html');
    const tabId = await suite.driver.tabId(article);
    const popup = await suite.driver.extensionPage(`popup.html?tab=${tabId}`);
    await emulatePhone(popup);
    const section = byRole('region', /on this page/i);
    const upi = within(section, byRole('button', /^UPI\s*\d+ mentions?$/));
    await popup.waitForElement(upi, POPUP_TIMEOUT_MS);
    const layout = await popup.evaluate(() => ({
      width: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      smallestTarget: Math.min(
        ...[...document.querySelectorAll('.page-terms button')].map((b) => b.getBoundingClientRect().height),
      ),
    }));
    expect(layout.width).toBe(PHONE.width);
    expect(layout.scrollWidth).toBeLessThanOrEqual(PHONE.width); // no sideways scrolling
    expect(layout.smallestTarget).toBeGreaterThanOrEqual(44); // finger-sized
    await popup.clickElement(upi);
    await waitForCard(suite, article, (c) => c.open && c.id === 'upi');
    await popup.close();
    await article.close();
  });
});

describe.each(PHONE_BROWSERS)('in a narrow desktop window in %s', (browserName) => {
  const suite = useExtension(browserName);

  it('a resting mouse opens the sheet, which stays while the pointer crosses the page to its "More"', async () => {
    const { page } = await suite.openHighlighted('article.html');
    await page.setViewport(520, 800);
    await page.sleep(300);
    await hoverTerm(suite, page, 'upi');
    const card = await waitForCard(suite, page, (c) => c.open && c.id === 'upi' && (c as PhoneCard).sheet === true);
    const more = card.buttons!.find((b) => b.name === 'More')!;
    await page.mouseMove(more.left + more.width / 2, more.top + more.height / 2, 12);
    await page.sleep(800); // longer than the hover card's close grace
    expect((await suite.driver.cardSnapshot(page)).open).toBe(true);
    const moved = (await suite.driver.cardSnapshot(page)).buttons!.find((b) => b.name === 'More')!;
    await page.mouseClick(moved.left + moved.width / 2, moved.top + moved.height / 2);
    await waitForCard(suite, page, (c) => c.open && (c as { expanded?: boolean }).expanded === true);
    await page.press('Escape');
    await waitForCard(suite, page, (c) => !c.open);
    await page.close();
  });
});
});
