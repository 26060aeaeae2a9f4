import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, LOOK_UP_WINDOW, lookUpSelection, openEntry, showTermCount, toggleHighlights } from '@/entrypoints/background/reader-actions';
import { TOGGLE_PAGE_MESSAGE } from '@/utils/messages';
import { saveCustomTerms } from '@/utils/custom-terms/storage';
import type { CustomTerm } from '@/utils/custom-terms/schema';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://id${path}`);
});

describe('lookUpSelection', () => {
  it('opens the entry the selection names in a small popup window', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
    expect(await lookUpSelection(' Aadhar ')).toBe('chrome-extension://id/popup.html?term=aadhaar');
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://id/popup.html?term=aadhaar', type: 'popup', ...LOOK_UP_WINDOW });
  });

  it('searches for a selection that names no entry, in a tab where windows cannot open', async () => {
    vi.spyOn(fakeBrowser.windows, 'create').mockRejectedValue(new Error('not supported'));
    const tab = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    expect(await lookUpSelection('monsoon session')).toBe('chrome-extension://id/popup.html?q=monsoon+session');
    expect(tab).toHaveBeenCalledWith({ url: 'chrome-extension://id/popup.html?q=monsoon+session' });
  });

  it('reuses the look-up window for the next look-up instead of opening another', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({ id: 7 } as never);
    const get = vi.spyOn(fakeBrowser.windows, 'get').mockResolvedValue({ id: 7, tabs: [{ id: 70 }] } as never);
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    await lookUpSelection('Aadhar');
    await lookUpSelection('UPI');
    expect(create).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith(7, { populate: true });
    expect(update).toHaveBeenCalledWith(70, { url: 'chrome-extension://id/popup.html?term=upi' });
    expect(focus).toHaveBeenCalledWith(7, { focused: true });
  });

  it('opens a new window when the reader has closed the look-up window', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({ id: 7 } as never);
    vi.spyOn(fakeBrowser.windows, 'get').mockRejectedValue(new Error('No window with id: 7.'));
    await lookUpSelection('Aadhar');
    await lookUpSelection('UPI');
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('opens nothing for an empty selection', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    expect(await lookUpSelection('   ')).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
  });
});

describe('openEntry (the card\'s "More in DPI Lens")', () => {
  it('opens the entry on the popup page in a new tab beside the reader\'s page', async () => {
    const tab = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    expect(await openEntry('upi', { id: 7, index: 2 })).toBe('chrome-extension://id/popup.html?term=upi');
    expect(tab).toHaveBeenCalledWith({ url: 'chrome-extension://id/popup.html?term=upi', index: 3, openerTabId: 7 });
  });

  it('puts a reader\'s term\'s id in the address as the popup reads it back', async () => {
    const tab = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const url = await openEntry('custom-ग्राम-सभा');
    expect(new URL(url).searchParams.get('term')).toBe('custom-ग्राम-सभा');
    expect(tab).toHaveBeenCalledWith({ url });
  });
});

describe('lookUpSelection with the reader\'s own terms', () => {
  const term = (name: string, aliases: string[] = []): CustomTerm => ({
    name,
    aliases,
    definition: `${name}, in the reader's words.`,
    significance: [],
    challenges: [],
  });
  const opened = () => vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);

  it.each([
    ['Gram Sabha', 'popup.html?term=custom-gram-sabha'],
    ['gram  sabha', 'popup.html?term=custom-gram-sabha'],
    ['GS meeting', 'popup.html?term=custom-gram-sabha'],
    ['The ward committee met on Monday', 'popup.html?term=custom-ward-committee'],
    ['ग्राम सभा', `popup.html?${new URLSearchParams({ term: 'custom-ग्राम-सभा' })}`],
  ])('opens the reader\'s term for the selection %j', async (selection, path) => {
    await saveCustomTerms([term('Gram Sabha', ['GS meeting']), term('Ward committee'), term('ग्राम सभा')]);
    opened();
    expect(await lookUpSelection(selection)).toBe(`chrome-extension://id/${path}`);
  });

  it('follows the terms as the reader changes them, without a restart', async () => {
    opened();
    await saveCustomTerms([term('Mohalla clinic')]);
    expect(await lookUpSelection('Mohalla clinic')).toBe('chrome-extension://id/popup.html?term=custom-mohalla-clinic');
    await saveCustomTerms([]);
    expect(await lookUpSelection('Mohalla clinic')).toBe('chrome-extension://id/popup.html?q=Mohalla+clinic');
  });
});

describe('toggleHighlights', () => {
  it('asks the tab’s content script to toggle and returns its new state', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(false);
    expect(await toggleHighlights(7)).toBe(false);
    expect(send).toHaveBeenCalledWith(7, { type: TOGGLE_PAGE_MESSAGE });
  });

  it('gives undefined where no content script runs', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist'));
    expect(await toggleHighlights(7)).toBeUndefined();
  });
});

describe('badge', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [42, '42'],
    [120, '99+'],
  ])('%d distinct terms show as %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });

  it('sets the count on that tab only', async () => {
    const set = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    await showTermCount(3, 5);
    expect(set).toHaveBeenCalledWith({ tabId: 3, text: '5' });
  });
});
