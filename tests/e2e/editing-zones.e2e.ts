import { describe, expect, it } from 'vitest';
import { BROWSERS, HIGHLIGHT_MEASURE, highlights, useExtension, waitForHighlight, type TestPage } from './support/suite';
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

function snapshotZones(page: TestPage): Promise<ZoneSnapshot[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-e2e="editable"]')].map((el) => ({
      id: el.id,
      html: el.innerHTML,
      value: 'value' in el ? String((el as HTMLInputElement).value) : null,
    })),
  );
}

/** Resolves when another highlighting pass is recorded, or after MUTATION_SETTLE_MS without one. */
async function settle(page: TestPage, passesBefore: number): Promise<void> {
  await page
    .waitFor(({ name, count }) => performance.getEntriesByName(name).length > count, { name: HIGHLIGHT_MEASURE, count: passesBefore }, {
      timeout: MUTATION_SETTLE_MS,
    })
    .catch(() => {}); // no new pass: the edit was (rightly) ignored
}

const valueOf = (page: TestPage, id: string) => page.evaluate((el) => (document.getElementById(el) as HTMLInputElement).value, id);

describe.each(BROWSERS)('form fields and editors on a highlighted page in %s', (browserName) => {
  const suite = useExtension(browserName);

  it('keeps textarea, input and contenteditable content byte-identical', async () => {
    const page = await suite.driver.newPage(suite.server.url('article.html'), { initScript: recordZonesBeforeHighlighting });
    await waitForHighlight(page);

    const before = await page.evaluate(() => (window as unknown as { zonesBefore: ZoneSnapshot[] }).zonesBefore);
    expect(before.map((z) => z.id)).toEqual(['comment', 'comment-title', 'draft']);
    expect(await snapshotZones(page)).toEqual(before);
    await page.close();
  });

  it('does not disturb typing "UPI" into the comment box or the editable draft', async () => {
    const { page } = await suite.openHighlighted('article.html');
    const passes = await page.evaluate((name) => performance.getEntriesByName(name).length, HIGHLIGHT_MEASURE);
    const original = await valueOf(page, 'comment');

    await page.click('#comment');
    await page.press('End');
    await page.type(' Also UPI Lite and Aadhaar.');
    await page.click('#draft');
    await page.press('End');
    await page.type(' UPI');
    await settle(page, passes);

    expect(await valueOf(page, 'comment')).toBe(`${original} Also UPI Lite and Aadhaar.`);
    expect(await highlights(page, '#draft, #comment, #comment-title')).toEqual([]);
    expect(await page.evaluate(() => document.getElementById('draft')!.textContent)).toContain('UPI');
    // Focus and caret stay where the reader left them.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('draft');
    await page.close();
  });
});
