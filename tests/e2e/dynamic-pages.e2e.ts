import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/extension';

/** The promise: content the page adds is highlighted within this long. */
const NEW_CONTENT_DEADLINE_MS = 200;

/** Runs `change` in the page and resolves with the ms until `selector` matches (or -1 after 3 s). */
function timeUntil(page: Page, change: string, selector: string): Promise<number> {
  return page.evaluate(
    ([code, sel]) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        new Function(code!)();
        const check = () => {
          if (document.querySelector(sel!)) resolve(performance.now() - t0);
          else if (performance.now() - t0 > 3_000) resolve(-1);
          else requestAnimationFrame(check);
        };
        check();
      }),
    [change, selector] as const,
  );
}

describe('pages that change after load', () => {
  const suite = useExtensionBrowser();

  async function open() {
    const { page } = await suite.openHighlighted('dynamic.html');
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    return { page, errors };
  }

  it('highlights a "load more" item within 200 ms of its arrival', async () => {
    const { page } = await open();
    const ms = await timeUntil(
      page,
      `const p = document.createElement('p'); p.id = 'more'; p.textContent = 'Update, 10:42: sellers on UPI Lite say payments doubled this week.'; document.getElementById('main').append(p);`,
      '#more mark.dpi-lens-term[data-dpi-term="upi-lite"]',
    );
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(NEW_CONTENT_DEADLINE_MS);
  });

  it('survives a framework rewriting a highlighted text node: no error, no duplicated text', async () => {
    const { page, errors } = await open();
    await page.waitForSelector('#rendered mark.dpi-lens-term');
    // React keeps the text node it created and sets its nodeValue on re-render.
    await page.evaluate(() => {
      const p = document.getElementById('rendered')!;
      const first = p.firstChild as Text;
      first.nodeValue = 'Payments by card fell slightly.';
    });
    await page.waitForFunction(() => document.querySelectorAll('#rendered mark').length === 0);
    expect(await page.textContent('#rendered')).toBe('Payments by card fell slightly.');
    // Vue-style: the framework removes the node it owns.
    await page.evaluate(() => {
      const li = document.querySelector('#feed li')!;
      li.removeChild(li.firstChild!);
      li.append('Replaced entry about UPI Lite.');
    });
    await page.waitForSelector('#feed li mark[data-dpi-term="upi-lite"]');
    expect(await page.textContent('#feed li')).toBe('Replaced entry about UPI Lite.');
    expect(errors).toEqual([]);
  });

  it('scans the new view after a single-page-app navigation', async () => {
    const { page } = await open();
    await page.evaluate(() => {
      history.pushState({}, '', '/dynamic.html?story=2');
      document.getElementById('main')!.innerHTML = '<h1>Story two</h1><p id="story2">The DPDP Act rules apply.</p>';
    });
    await page.waitForSelector('#story2 mark[data-dpi-term="dpdp-act"]', { timeout: 2_000 });
  });

  it('highlights text in an open shadow root and in a same-origin frame, styled as on the page', async () => {
    const { page } = await open();
    const shadowMark = page.locator('#widget-host').locator('mark.dpi-lens-term[data-dpi-term="digilocker"]');
    await shadowMark.waitFor({ timeout: 3_000 });
    expect(await shadowMark.evaluate((m) => getComputedStyle(m).textDecorationStyle)).toBe('dotted');
    const frameMark = page.frameLocator('#frame').locator('mark.dpi-lens-term[data-dpi-term="ondc"]');
    await frameMark.waitFor({ timeout: 3_000 });
    expect(await frameMark.evaluate((m) => getComputedStyle(m).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  });

  it('leaves an editor that appears after load alone while the reader types a term', async () => {
    const { page } = await open();
    await page.evaluate(() => {
      const editor = document.createElement('div');
      editor.id = 'late-editor';
      editor.contentEditable = 'true';
      editor.textContent = 'Draft about Aadhaar';
      document.body.append(editor);
    });
    await page.click('#late-editor');
    await page.keyboard.press('End');
    await page.keyboard.type(' and UPI');
    await page.waitForTimeout(300); // more than a frame plus a slice: any pass would have run
    expect(await page.locator('#late-editor mark').count()).toBe(0);
    expect(await page.textContent('#late-editor')).toBe('Draft about Aadhaar and UPI');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('late-editor');
    const caret = await page.evaluate(() => getSelection()?.focusOffset);
    expect(caret).toBe('Draft about Aadhaar and UPI'.length);
  });
});
