import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_MEASURE, highlights, useExtensionBrowser } from './support/extension';
import { MUTATION_SETTLE_MS } from './support/timeouts';

interface ZoneSnapshot {
  id: string;
  html: string;
  value: string | null;
}

/**
 * Runs in the page before any script: records the editable zones as the server sent them, at
 * DOMContentLoaded, which is before a document_idle content script can touch them.
 */
function recordZonesBeforeHighlighting() {
  document.addEventListener('DOMContentLoaded', () => {
    (window as unknown as { zonesBefore: ZoneSnapshot[] }).zonesBefore = [
      ...document.querySelectorAll<HTMLElement>('[data-e2e="editable"]'),
    ].map((el) => ({ id: el.id, html: el.innerHTML, value: 'value' in el ? String(el.value) : null }));
  });
}

function snapshotZones(page: Page): Promise<ZoneSnapshot[]> {
  return page.$$eval('[data-e2e="editable"]', (els) =>
    els.map((el) => ({
      id: el.id,
      html: el.innerHTML,
      value: 'value' in el ? String((el as HTMLInputElement).value) : null,
    })),
  );
}

/** Resolves when another highlighting pass is recorded, or after MUTATION_SETTLE_MS without one. */
async function settle(page: Page, passesBefore: number): Promise<void> {
  await page
    .waitForFunction(
      ([name, count]) => performance.getEntriesByName(name as string).length > (count as number),
      [HIGHLIGHT_MEASURE, passesBefore] as const,
      { timeout: MUTATION_SETTLE_MS },
    )
    .catch(() => {}); // no new pass: the edit was (rightly) ignored
}

describe('form fields and editors on a highlighted page', () => {
  const suite = useExtensionBrowser();

  it('keeps textarea, input and contenteditable content byte-identical', async () => {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(recordZonesBeforeHighlighting);
    await page.goto(suite.server.url('article.html'));
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, HIGHLIGHT_MEASURE);

    const before = await page.evaluate(() => (window as unknown as { zonesBefore: ZoneSnapshot[] }).zonesBefore);
    expect(before.map((z) => z.id)).toEqual(['comment', 'comment-title', 'draft']);
    expect(await snapshotZones(page)).toEqual(before);
    await page.close();
  });

  it('does not disturb typing "UPI" into the comment box or the editable draft', async () => {
    const { page } = await suite.openHighlighted('article.html');
    const passes = await page.evaluate((name) => performance.getEntriesByName(name).length, HIGHLIGHT_MEASURE);
    const comment = page.locator('#comment');
    const original = await comment.inputValue();

    await comment.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Also UPI Lite and Aadhaar.');
    const draft = page.locator('#draft');
    await draft.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' UPI');
    await settle(page, passes);

    expect(await comment.inputValue()).toBe(`${original} Also UPI Lite and Aadhaar.`);
    expect(await highlights(page, '#draft, #comment, #comment-title')).toEqual([]);
    expect(await draft.textContent()).toContain('UPI');
    // Focus and caret stay where the reader left them.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('draft');
  });
});
