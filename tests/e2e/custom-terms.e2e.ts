import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  byLabel,
  byRole,
  byText,
  highlights,
  hoverTerm,
  lookUpSelection,
  markedIds,
  useExtension,
  waitForCard,
  waitForHighlights,
  within,
  type TestPage,
} from './support/suite';
import { CARD_TIMEOUT_MS, POPUP_TIMEOUT_MS } from './support/timeouts';

/** CUSTOM_TERMS_KEY of utils/custom-terms/storage.ts (not imported: it pulls in WXT's browser shim). */
const CUSTOM_TERMS_KEY = 'customTerms';
// tests/fixtures/pages/custom-terms.html mentions two made-up terms no bundled entry has.
const FIXTURE = 'custom-terms.html';
const ZORBLY = { name: 'Zorbly Ledger', id: 'custom-zorbly-ledger', definition: 'A made-up village land ledger, for tests.' };
const QUXTON = { name: 'Quxton Registry', id: 'custom-quxton-registry', definition: 'Another made-up register, for tests.' };

describe.each(BROWSERS)('readers’ own terms in %s', (browserName) => {
  const suite = useExtension(browserName);

  async function openOptions(): Promise<TestPage> {
    const page = await suite.driver.extensionPage('options.html');
    await page.waitForElement(byRole('heading', 'Add a term'));
    return page;
  }

  /** Saves `terms` as the reader's list straight into storage, so a test does not depend on another's edits. */
  async function seedTerms(terms: { name: string; definition: string }[]): Promise<void> {
    await suite.driver.background(({ ext }, { key, value }) => ext.storage.local.set({ [key]: value }), {
      key: CUSTOM_TERMS_KEY,
      value: { format: 'dpi-lens-terms', version: 1, terms },
    });
  }

  async function addTerm(options: TestPage, term: { name: string; definition: string }): Promise<void> {
    await options.fill(byLabel('Name', { exact: true }), term.name);
    await options.fill(byLabel('Short definition'), term.definition);
    await options.clickElement(byRole('button', 'Add term'));
    await options.waitForElement({ role: 'status', hasText: `Added “${term.name}”.` });
  }

  it('highlights a term added in the options page, outside editing zones, with a "Your term" card', async () => {
    await seedTerms([]);
    const options = await openOptions();
    // The saved list loads after the form: its "none yet" line moves the form down. Filling and
    // clicking before it arrives clicked where "Add term" had been (flaky in Firefox).
    await options.waitForElement(byText('You have not added any terms yet.'));
    await addTerm(options, ZORBLY);

    const { page } = await suite.openHighlighted(FIXTURE);
    const ids = await markedIds(page);
    expect(ids).toContain(ZORBLY.id);
    expect(ids).toContain('upi'); // bundled terms are still highlighted beside it
    expect(await highlights(page, 'textarea')).toEqual([]);
    expect(await page.evaluate(() => (document.getElementById('comment') as HTMLTextAreaElement).value)).toBe('Zorbly Ledger should be free to use');

    await page.sleep(300); // the card layer is created once the entries have arrived
    await hoverTerm(suite, page, ZORBLY.id);
    const card = await waitForCard(suite, page, (c) => c.open && c.id === ZORBLY.id, CARD_TIMEOUT_MS);
    expect(card.text).toContain(ZORBLY.definition);
    expect(card.text).toContain('Your term · no source given');

    // Adding another term while the page is open highlights it without a reload.
    expect(ids).not.toContain(QUXTON.id);
    await addTerm(options, QUXTON);
    await waitForHighlights(page, (found) => found.some((h) => h.id === QUXTON.id));

    // Deleting one removes its highlights, again live.
    await options.clickElement(byRole('button', `Delete ${QUXTON.name}`));
    await waitForHighlights(page, (found) => !found.some((h) => h.id === QUXTON.id));
    expect(await markedIds(page)).toContain(ZORBLY.id);

    await page.close();
    await options.close();
  });

  it('finds a custom term in the popup’s search and shows it as the reader’s', async () => {
    await seedTerms([ZORBLY].map(({ name, definition }) => ({ name, definition })));
    const popup = await suite.driver.extensionPage('popup.html');
    await popup.fill(byRole('combobox', /search/i), 'zorbly');
    await popup.clickElement(byRole('option', new RegExp(ZORBLY.name)));
    await popup.waitForElement(byRole('heading', ZORBLY.name));
    expect(await popup.count(byText('Your term', { exact: true }))).toBe(1);
    expect(await popup.count(byText(ZORBLY.definition))).toBeGreaterThan(0);
    await popup.close();
  });

  it('"Look up in DPI Lens" on a reader’s term opens its entry, a Devanagari name too', async () => {
    const HINDI = { name: 'ज़ोर्बली बही', definition: 'एक गढ़ा हुआ बही-खाता, परीक्षण के लिए।' };
    await seedTerms([ZORBLY, HINDI].map(({ name, definition }) => ({ name, definition })));
    // The handler the context menu calls (native menus cannot be clicked from a test).
    const lookUp = async (selection: string) => {
      let url: string | undefined;
      const popup = await suite.driver.waitForNewPage(
        async () => (url = await lookUpSelection(suite, selection)),
        (opened) => opened.pathname === '/popup.html',
        POPUP_TIMEOUT_MS,
      );
      return { url, popup };
    };

    const latin = await lookUp('the zorbly ledger entries');
    expect(latin.url).toContain(`popup.html?term=${ZORBLY.id}`);
    await latin.popup.waitForElement(byRole('heading', ZORBLY.name));
    await latin.popup.close();

    const hindi = await lookUp(HINDI.name);
    expect(hindi.url).toContain('popup.html?term=custom-');
    await hindi.popup.waitForElement(byRole('heading', HINDI.name));
    expect(await hindi.popup.count(byText(HINDI.definition))).toBeGreaterThan(0);
    await hindi.popup.close();
  });

  it('rejects an invalid import with the problem shown, and keeps the saved terms', async () => {
    await seedTerms([ZORBLY].map(({ name, definition }) => ({ name, definition })));
    const options = await openOptions();
    const saved = byRole('list', 'Your saved terms');
    await options.waitForElement(within(saved, byText(ZORBLY.name)));

    const bad = {
      format: 'dpi-lens-terms',
      version: 1,
      terms: [
        { name: 'Fine Term', definition: 'Nothing wrong here.' },
        { name: 'Zorbly Ledger', definition: 'x'.repeat(312) },
      ],
    };
    // What the file picker does: the chosen file on the input, and its change event.
    await options.chooseFile(byLabel('Import terms from a file'), {
      name: 'bad-terms.json',
      mimeType: 'application/json',
      text: JSON.stringify(bad),
    });

    // In words, naming the term; beside the Import control (scrolled into view with it).
    const alert = byRole('alert');
    await options.waitForElement(within(alert, byText('Term 2, “Zorbly Ledger”: the definition has 312 characters, at most 280')));
    const beside = await options.evaluate(() => {
      const input = document.getElementById('custom-terms-import')!;
      const box = document.querySelector('[role="alert"]')!.getBoundingClientRect();
      return input.nextElementSibling?.getAttribute('role') === 'alert' && Math.abs(box.top - input.getBoundingClientRect().bottom) < 100;
    });
    expect(beside).toBe(true);
    expect(await options.textOf(alert)).toContain('Nothing was imported: bad-terms.json has 1 problem.');
    expect(await options.count(byRole('button', 'Import', { exact: true }))).toBe(0);
    // The list, and what the page is highlighted with, are as they were.
    expect(await options.count(within(saved, byRole('listitem')))).toBe(1);
    expect(await options.count(within(saved, byText('Fine Term')))).toBe(0);
    expect(await options.count(within(saved, byText(ZORBLY.definition)))).toBe(1);

    await options.reload();
    await options.waitForElement(within(byRole('list', 'Your saved terms'), byText(ZORBLY.definition)));
    await options.close();
  });
});
