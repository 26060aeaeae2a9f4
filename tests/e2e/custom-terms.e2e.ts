import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { highlights, hoverTerm, markedIds, useExtensionBrowser, waitForCard, waitForHighlights } from './support/extension';
import { CARD_TIMEOUT_MS, POPUP_TIMEOUT_MS } from './support/timeouts';

/** CUSTOM_TERMS_KEY of components/custom-terms/storage.ts (not imported: it pulls in WXT's browser shim). */
const CUSTOM_TERMS_KEY = 'customTerms';
// tests/fixtures/pages/custom-terms.html mentions two made-up terms no bundled entry has.
const FIXTURE = 'custom-terms.html';
const ZORBLY = { name: 'Zorbly Ledger', id: 'custom-zorbly-ledger', definition: 'A made-up village land ledger, for tests.' };
const QUXTON = { name: 'Quxton Registry', id: 'custom-quxton-registry', definition: 'Another made-up register, for tests.' };

describe('readers’ own terms', () => {
  const suite = useExtensionBrowser();

  async function openOptions(): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.browser.extensionUrl('options.html'));
    await page.getByRole('heading', { name: 'Add a term' }).waitFor({ timeout: POPUP_TIMEOUT_MS });
    return page;
  }

  /** Saves `terms` as the reader's list straight into storage, so a test does not depend on another's edits. */
  async function seedTerms(terms: { name: string; definition: string }[]): Promise<void> {
    // Runs in the extension's service worker, where `chrome` is the extension API.
    type StorageArea = { set(items: Record<string, unknown>): Promise<void> };
    await suite.browser.worker.evaluate(
      ([key, value]) =>
        (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome.storage.local.set({ [key]: value }),
      [CUSTOM_TERMS_KEY, { format: 'dpi-lens-terms', version: 1, terms }] as const,
    );
  }

  async function addTerm(options: Page, term: { name: string; definition: string }): Promise<void> {
    await options.getByLabel('Name', { exact: true }).fill(term.name);
    await options.getByLabel('Short definition').fill(term.definition);
    await options.getByRole('button', { name: 'Add term' }).click();
    await options.getByRole('status').filter({ hasText: `Added “${term.name}”.` }).waitFor({ timeout: POPUP_TIMEOUT_MS });
  }

  it('highlights a term added in the options page, outside editing zones, with a "Your term" card', async () => {
    await seedTerms([]);
    const options = await openOptions();
    await addTerm(options, ZORBLY);

    const { page } = await suite.openHighlighted(FIXTURE);
    const ids = await markedIds(page);
    expect(ids).toContain(ZORBLY.id);
    expect(ids).toContain('upi'); // bundled terms are still highlighted beside it
    expect(await highlights(page, 'textarea')).toEqual([]);
    expect(await page.locator('#comment').inputValue()).toBe('Zorbly Ledger should be free to use');

    await page.waitForTimeout(300); // the card layer is created once the entries have arrived
    await hoverTerm(page, ZORBLY.id);
    const card = await waitForCard(suite, page, (c) => c.open && c.id === ZORBLY.id, CARD_TIMEOUT_MS);
    expect(card.text).toContain(ZORBLY.definition);
    expect(card.text).toContain('Your term · no source given');

    // Adding another term while the page is open highlights it without a reload.
    expect(ids).not.toContain(QUXTON.id);
    await addTerm(options, QUXTON);
    await waitForHighlights(page, (found) => found.some((h) => h.id === QUXTON.id));

    // Deleting one removes its highlights, again live.
    await options.getByRole('button', { name: `Delete ${QUXTON.name}` }).click();
    await waitForHighlights(page, (found) => !found.some((h) => h.id === QUXTON.id));
    expect(await markedIds(page)).toContain(ZORBLY.id);

    await page.close();
    await options.close();
  });

  it('finds a custom term in the popup’s search and shows it as the reader’s', async () => {
    await seedTerms([ZORBLY].map(({ name, definition }) => ({ name, definition })));
    const popup = await suite.browser.context.newPage();
    await popup.goto(suite.browser.extensionUrl('popup.html'));
    const search = popup.getByRole('combobox', { name: /search/i });
    await search.waitFor({ timeout: POPUP_TIMEOUT_MS });
    await search.fill('zorbly');
    await popup.getByRole('option', { name: new RegExp(ZORBLY.name) }).first().click();
    await popup.getByRole('heading', { name: ZORBLY.name }).waitFor({ timeout: POPUP_TIMEOUT_MS });
    expect(await popup.getByText('Your term', { exact: true }).count()).toBe(1);
    expect(await popup.getByText(ZORBLY.definition).count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('"Look up in DPI Lens" on a reader’s term opens its entry, a Devanagari name too', async () => {
    const HINDI = { name: 'ज़ोर्बली बही', definition: 'एक गढ़ा हुआ बही-खाता, परीक्षण के लिए।' };
    await seedTerms([ZORBLY, HINDI].map(({ name, definition }) => ({ name, definition })));
    // The handler the context menu calls, run in the service worker (native menus cannot be clicked from a test).
    type Handlers = { dpiLens: { lookUpSelection(text: string): Promise<string | undefined> } };
    const lookUp = async (selection: string) => {
      const opened = suite.browser.context.waitForEvent('page', { timeout: POPUP_TIMEOUT_MS });
      const url = await suite.browser.worker.evaluate(
        (text) => (globalThis as unknown as Handlers).dpiLens.lookUpSelection(text),
        selection,
      );
      const popup = await opened;
      return { url, popup };
    };

    const latin = await lookUp('the zorbly ledger entries');
    expect(latin.url).toContain(`popup.html?term=${ZORBLY.id}`);
    await latin.popup.getByRole('heading', { name: ZORBLY.name }).waitFor({ timeout: POPUP_TIMEOUT_MS });
    await latin.popup.close();

    const hindi = await lookUp(HINDI.name);
    expect(hindi.url).toContain('popup.html?term=custom-');
    await hindi.popup.getByRole('heading', { name: HINDI.name }).waitFor({ timeout: POPUP_TIMEOUT_MS });
    expect(await hindi.popup.getByText(HINDI.definition).count()).toBeGreaterThan(0);
    await hindi.popup.close();
  });

  it('rejects an invalid import with the problem shown, and keeps the saved terms', async () => {
    await seedTerms([ZORBLY].map(({ name, definition }) => ({ name, definition })));
    const options = await openOptions();
    const saved = options.getByRole('list', { name: 'Your saved terms' });
    await saved.getByText(ZORBLY.name).waitFor({ timeout: POPUP_TIMEOUT_MS });

    const bad = {
      format: 'dpi-lens-terms',
      version: 1,
      terms: [
        { name: 'Fine Term', definition: 'Nothing wrong here.' },
        { name: 'Zorbly Ledger', definition: 'x'.repeat(312) },
      ],
    };
    await options.getByLabel('Import terms from a file').setInputFiles({
      name: 'bad-terms.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });

    const alert = options.getByRole('alert');
    await alert.getByText('terms[1].definition: 312 characters, at most 280').waitFor({ timeout: POPUP_TIMEOUT_MS });
    expect(await alert.textContent()).toContain('Nothing was imported: bad-terms.json has 1 problem.');
    expect(await options.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    // The list, and what the page is highlighted with, are as they were.
    expect(await saved.getByRole('listitem').count()).toBe(1);
    expect(await saved.getByText('Fine Term').count()).toBe(0);
    expect(await saved.getByText(ZORBLY.definition).count()).toBe(1);

    await options.reload();
    await options.getByRole('list', { name: 'Your saved terms' }).getByText(ZORBLY.definition).waitFor({ timeout: POPUP_TIMEOUT_MS });
    await options.close();
  });
});
