import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOOK_UP_WINDOW, lookUpSelection, showTermCount, toggleHighlights } from '@/components/background/reader-actions';
import { badgeText, TOGGLE_PAGE_MESSAGE } from '@/components/settings/messages';

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

  it('opens nothing for an empty selection', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    expect(await lookUpSelection('   ')).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
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
