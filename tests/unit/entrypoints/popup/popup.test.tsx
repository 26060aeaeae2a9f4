import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getEntry, glossary } from '@/glossary';
import { formatLongDate } from '@/utils/i18n/dates';
import { loadPageTerms, type PageTermsLoader } from '@/utils/popup/page-requests';
import type { GlossaryEntry } from '@/glossary/types';
import { App, PAGE_STATE_RECHECK_MS } from '@/entrypoints/popup/App';
import type { PageActions } from '@/utils/popup/page-requests';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { entry } from '@/tests/unit/support/entries';
import { textOf } from '@/tests/unit/support/text';

const ENTRIES: GlossaryEntry[] = [
  entry({
    id: 'upi',
    name: 'UPI',
    nameHi: 'यूपीआई',
    expansion: 'Unified Payments Interface',
    category: 'payments',
    significance: ['Most retail digital payments in India run on it.'],
    challenges: ['Concentration in two apps.'],
    misconception: 'UPI is not run by the RBI itself.',
    history: [{ date: '2016-08', text: 'Launched.' }],
    related: [
      { id: 'npci', relation: 'operated-by' },
      { id: 'aadhaar', relation: 'see-also' },
      { id: 'not-written-yet', relation: 'see-also' },
    ],
  }),
  entry({ id: 'npci', name: 'NPCI', expansion: 'National Payments Corporation of India', category: 'payments' }),
  entry({ id: 'aadhaar', name: 'Aadhaar', nameHi: 'आधार', aliases: ['Aadhar'], category: 'identity' }),
];

const noPageTerms: PageTermsLoader = () => Promise.resolve({ status: 'terms', terms: [] });

beforeEach(() => fakeBrowser.reset());

/** Page actions whose every call is recorded; showing a term succeeds unless told otherwise. */
function actions() {
  return {
    showTerm: vi.fn<PageActions['showTerm']>().mockResolvedValue(true),
    togglePage: vi.fn<PageActions['togglePage']>().mockResolvedValue(undefined),
  };
}
afterEach(cleanup);

describe('popup search', () => {
  it('focuses the labelled search box when it opens', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} />);
    expect(screen.getByRole('combobox', { name: 'Search the glossary' })).toBe(document.activeElement);
  });

  it('answers as you type: "mosp" shows MOSIP, and clicking it opens the entry with its sections', () => {
    render(<App entries={glossary} loadPageTerms={noPageTerms} />);
    fireEvent.input(screen.getByRole('combobox', { name: 'Search the glossary' }), {
      target: { value: 'mosp' },
    });
    const first = screen.getAllByRole('option')[0]!;
    expect(textOf(first)).toMatch('MOSIP');
    fireEvent.click(first);

    expect(screen.getByRole('heading', { level: 2, name: /MOSIP/ })).toBeDefined();
    expect(screen.getByRole('heading', { name: 'Why it matters' })).toBeDefined();
    const sources = screen.getByRole('heading', { name: 'Sources' }).parentElement!;
    // The entry's text is still being edited by others: check its main source as it stands.
    const main = getEntry('mosip')!.sources[0]!;
    const link = within(sources).getByRole('link', { name: main.title });
    expect(link.getAttribute('href')).toBe(main.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(textOf(link.closest('li')!)).toContain(`${main.publisher}, as of ${formatLongDate(main.asOf)}`);
  });

  it('says so when nothing matches', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} />);
    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'zzzz' } });
    expect(screen.getByText(/No glossary term matches “zzzz”/)).toBeDefined();
  });

  it('moves through results with the arrow keys and opens the highlighted one with Enter', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} />);
    const box = screen.getByRole('combobox');
    // "pay" is a word prefix in both UPI's and NPCI's expansions.
    fireEvent.input(box, { target: { value: 'payments' } });
    const options = screen.getAllByRole('option');
    expect(options.length).toBe(2);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const second = screen.getAllByRole('option')[1]!;
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(second.id);
    const secondName = second.querySelector('.result-name')!.textContent!;

    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByRole('heading', { level: 2, name: new RegExp(secondName) })).toBeDefined();
  });

  it('prefills the search from the q parameter', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} params={{ query: 'aadhar' }} />);
    expect(screen.getByRole('combobox')).toHaveProperty('value', 'aadhar');
    expect(textOf(screen.getAllByRole('option')[0])).toMatch('Aadhaar');
  });
});

describe('popup entry view', () => {
  it('shows every section the entry has, in words', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} params={{ termId: 'upi' }} />);
    const article = screen.getByRole('article');
    expect(textOf(within(article).getByRole('heading', { level: 2 }))).toMatch('UPI यूपीआई');
    expect(textOf(article)).toMatch('Unified Payments Interface');
    expect(textOf(article)).toMatch('Payments');
    for (const heading of ['Why it matters', 'Challenges', 'Common misconception', 'Changed since', 'Related terms', 'Sources']) {
      expect(within(article).getByRole('heading', { name: heading })).toBeDefined();
    }
    expect(textOf(article)).toMatch('August 2016: Launched.');
    expect(within(article).getByRole('heading', { name: 'Operated by' })).toBeDefined();
    expect(within(article).getByRole('heading', { name: 'See also' })).toBeDefined();
    // A related id without an entry is not offered as a dead button.
    expect(within(article).queryByRole('button', { name: 'not-written-yet' })).toBeNull();
  });

  it('leaves out sections the entry does not have', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} params={{ termId: 'npci' }} />);
    expect(screen.queryByRole('heading', { name: 'Common misconception' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Changed since' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Related terms' })).toBeNull();
  });

  it('follows a related term, and Back (or Escape) retraces the steps to the search', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} params={{ termId: 'upi' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'NPCI' }));
    expect(textOf(screen.getByRole('heading', { level: 2 }))).toMatch('NPCI');

    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(textOf(screen.getByRole('heading', { level: 2 }))).toMatch('UPI');

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByRole('combobox')).toBe(document.activeElement);
  });

  it('ignores a term parameter that names no entry', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} params={{ termId: 'nope' }} />);
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByRole('combobox')).toBeDefined();
  });
});

describe('popup "On this page"', () => {
  it('lists the terms the content script found, in reading order, with every mention counted', async () => {
    const load = vi.fn<PageTermsLoader>().mockResolvedValue({
      status: 'terms',
      state: 'on',
      terms: [
        { id: 'aadhaar', count: 1 },
        { id: 'unknown-to-this-build', count: 2 },
        { id: 'upi', count: 3 },
      ],
    });
    render(<App entries={ENTRIES} loadPageTerms={load} params={{ tabId: 42 }} pageActions={actions()} />);
    expect(load).toHaveBeenCalledWith(42);

    const section = screen.getByRole('heading', { name: 'On this page' }).parentElement!;
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(2));
    const rows = within(section).getAllByRole('listitem');
    expect(rows.map((row) => textOf(within(row).getAllByRole('button')[0]!))).toEqual(['Aadhaar1 mention', 'UPI3 mentions']);
  });

  it('choosing a term takes the reader to it in the tab (keyboard: focus in its card); its Entry button opens the entry', async () => {
    const pageActions = actions();
    const load: PageTermsLoader = async () => ({ status: 'terms', state: 'on', terms: [{ id: 'upi', count: 3 }] });
    render(<App entries={ENTRIES} loadPageTerms={load} params={{ tabId: 42 }} pageActions={pageActions} />);
    const show = await screen.findByRole('button', { name: /UPI\s*3 mentions/ });
    fireEvent.click(show, { detail: 1 });
    expect(pageActions.showTerm).toHaveBeenLastCalledWith(42, 'upi', false);
    fireEvent.click(show, { detail: 0 }); // Enter or Space
    expect(pageActions.showTerm).toHaveBeenLastCalledWith(42, 'upi', true);
    expect(screen.queryByRole('heading', { level: 2, name: /UPI/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Glossary entry for UPI' }));
    expect(textOf(screen.getByRole('heading', { level: 2 }))).toMatch('UPI');
  });

  it('closes the toolbar popup once the term is shown, and opens the entry when the page could not show it', async () => {
    const closePopup = vi.fn();
    const pageActions = actions();
    const load: PageTermsLoader = async () => ({ status: 'terms', state: 'on', terms: [{ id: 'upi', count: 3 }] });
    render(<App entries={ENTRIES} loadPageTerms={load} pageActions={pageActions} closePopup={closePopup} />);
    fireEvent.click(await screen.findByRole('button', { name: /UPI\s*3 mentions/ }));
    await waitFor(() => expect(closePopup).toHaveBeenCalledOnce());
    pageActions.showTerm.mockResolvedValue(false);
    fireEvent.click(screen.getByRole('button', { name: /UPI\s*3 mentions/ }));
    await waitFor(() => expect(textOf(screen.getByRole('heading', { level: 2 }))).toMatch('UPI'));
    expect(closePopup).toHaveBeenCalledOnce();
  });

  it.each([
    ['off-page', 'Highlighting is off on this page.', 'On on this page'],
    ['off-site', 'Highlighting is off here, on thehindu.com.', 'On on this site'],
    ['off-everywhere', 'Highlighting is off everywhere.', 'Turn highlighting on'],
  ] as const)('when the page is %s it says so (not "no terms") and offers the way back on', async (state, message, action) => {
    const pageActions = actions();
    let stored = DEFAULT_SETTINGS as Settings;
    if (state === 'off-site') stored = { ...stored, offSites: ['thehindu.com'] };
    if (state === 'off-everywhere') stored = { ...stored, enabled: false };
    const changeSettings = vi.fn(async (change: (s: Settings) => Settings) => (stored = change(stored)));
    const load: PageTermsLoader = async () => ({ status: 'terms', state, site: 'thehindu.com', terms: [] });
    render(<App entries={ENTRIES} loadPageTerms={load} params={{ tabId: 7 }} pageActions={pageActions} changeSettings={changeSettings} watch={() => () => {}} />);
    const section = screen.getByRole('heading', { name: 'On this page' }).parentElement!;
    await within(section).findByText(new RegExp(message.replace('.', '\\.')));
    expect(within(section).queryByText('No glossary terms found on this page.')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: action }));
    await waitFor(() => {
      if (state === 'off-page') expect(pageActions.togglePage).toHaveBeenCalledWith(7);
      else expect(changeSettings).toHaveBeenCalled();
    });
    if (state === 'off-site') expect(stored.offSites).toEqual([]);
    if (state === 'off-everywhere') expect(stored.enabled).toBe(true);
  });

  it('asks the page again after a settings change, so its state follows the switch', async () => {
    vi.useFakeTimers();
    try {
      let onChange: (s: Settings) => void = () => {};
      const load = vi.fn<PageTermsLoader>().mockResolvedValue({ status: 'terms', state: 'on', terms: [] });
      render(<App entries={ENTRIES} loadPageTerms={load} pageActions={actions()} watch={(fn) => ((onChange = fn), () => {})} />);
      expect(load).toHaveBeenCalledTimes(1);
      onChange(DEFAULT_SETTINGS);
      await vi.advanceTimersByTimeAsync(PAGE_STATE_RECHECK_MS.at(-1)!);
      expect(load).toHaveBeenCalledTimes(1 + PAGE_STATE_RECHECK_MS.length);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says plainly when the page cannot be read', async () => {
    const load: PageTermsLoader = () => Promise.resolve({ status: 'unavailable' });
    render(<App entries={ENTRIES} loadPageTerms={load} />);
    expect(await screen.findByText(/DPI Lens cannot read this page/)).toBeDefined();
  });

  it('says plainly when sendMessage fails because no content script runs in the tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    render(<App entries={ENTRIES} loadPageTerms={loadPageTerms} params={{ tabId: 9 }} />);
    expect(await screen.findByText(/DPI Lens cannot read this page/)).toBeDefined();
  });

  it('says plainly when the page has no glossary terms', async () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} />);
    expect(await screen.findByText('No glossary terms found on this page.')).toBeDefined();
  });

  it('is replaced by results while searching, and back when the box is cleared', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} />);
    const box = screen.getByRole('combobox');
    fireEvent.input(box, { target: { value: 'upi' } });
    expect(screen.queryByRole('heading', { name: 'On this page' })).toBeNull();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.getByRole('heading', { name: 'On this page' })).toBeDefined();
  });
});

describe('popup browse', () => {
  it('groups entries by category, named in words', () => {
    render(<App entries={ENTRIES} loadPageTerms={noPageTerms} />);
    const section = screen.getByRole('heading', { name: 'Browse by category' }).parentElement!;
    expect(within(section).getByText('Payments')).toBeDefined();
    expect(within(section).getByText('Identity')).toBeDefined();
    fireEvent.click(within(section).getByRole('button', { name: /Aadhaar/ }));
    expect(textOf(screen.getByRole('heading', { level: 2 }))).toMatch('Aadhaar');
  });
});
