import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatLongDate } from '@/utils/i18n/dates';
import { loadPageTerms } from '@/utils/popup/page-requests';
import { parsePopupParams } from '@/utils/popup/popup-params';
import { customId } from '@/utils/custom-terms/schema';
import { lookupPath } from '@/glossary/selection-lookup';
import { PAGE_TERMS_MESSAGE } from '@/utils/messages';

describe('parsePopupParams', () => {
  it.each([
    ['', {}],
    ['?tab=17', { tabId: 17 }],
    ['?tab=0', { tabId: 0 }],
    ['?tab=-3', {}],
    ['?tab=1.5', {}],
    ['?tab=abc', {}],
    ['?tab=99999999999999999999', {}],
    ['?term=mosip', { termId: 'mosip' }],
    ['?term=UPI-123PAY', { termId: 'upi-123pay' }],
    ['?term=../secret', {}],
    ['?q=e%20rupi', { query: 'e rupi' }],
    ['?q=%E0%A4%86%E0%A4%A7%E0%A4%BE%E0%A4%B0', { query: 'आधार' }],
    ['?q=%20%20', {}],
    ['?tab=5&term=upi&q=pay', { tabId: 5, termId: 'upi', query: 'pay' }],
  ])('%j gives %j', (search, expected) => {
    expect(parsePopupParams(search)).toEqual(expected);
  });
});

describe('parsePopupParams and readers\' terms', () => {
  // The context menu opens `lookupPath({ kind: 'entry', id })`; every id customId() can give
  // must come back out of the address, or a Hindi term would open an empty search instead.
  it.each(['Gram Sabha', 'आधार कार्ड', 'क़ानून मित्र', 'Café Coop', 'UPI 2.0 लाइट', 'ग्राम-सभा'])(
    'opens the term named %j from its address',
    (name) => {
      const id = customId(name);
      const path = lookupPath({ kind: 'entry', id });
      expect(parsePopupParams(path.slice(path.indexOf('?')))).toEqual({ termId: id });
    },
  );

  it.each(['?term=custom-', '?term=custom-a%20b', '?term=custom-../x', '?term=custom-%E0%A4%86/..', '?term=आधार'])(
    'still rejects %j',
    (search) => {
      expect(parsePopupParams(search)).toEqual({});
    },
  );
});

describe('formatLongDate', () => {
  it.each([
    ['2025-10-01', '1 October 2025'],
    ['2023-08-11', '11 August 2023'],
    ['2016-04', 'April 2016'],
    ['2024-13-01', '2024-13-01'],
    ['soon', 'soon'],
  ])('%j reads %j', (date, expected) => {
    expect(formatLongDate(date)).toBe(expected);
  });
});

describe('loadPageTerms', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the named tab with the page-terms message and returns its answer', async () => {
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue([{ id: 'upi', count: 2 }] as never);
    expect(await loadPageTerms(7)).toEqual({ status: 'terms', terms: [{ id: 'upi', count: 2 }] });
    expect(send).toHaveBeenCalledWith(7, { type: PAGE_TERMS_MESSAGE });
  });

  it('asks the active tab of the current window when no tab is named', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 }] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue([] as never);
    expect(await loadPageTerms()).toEqual({ status: 'terms', terms: [] });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledWith(3, { type: PAGE_TERMS_MESSAGE });
  });

  it('reports the page unavailable when no content script answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await loadPageTerms(7)).toEqual({ status: 'unavailable' });
  });

  it.each([[undefined], [{ id: 'upi' }], [[{ id: 'upi' }]]])(
    'reports the page unavailable for the malformed answer %j',
    async (answer) => {
      vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(answer as never);
      expect(await loadPageTerms(7)).toEqual({ status: 'unavailable' });
    },
  );

  it('reports the page unavailable when there is no active tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
    expect(await loadPageTerms()).toEqual({ status: 'unavailable' });
  });
});
