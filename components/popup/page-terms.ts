/**
 * "On this page" data: the popup asks the tab's content script which glossary terms it found.
 * The App receives a `PageTermsLoader` so it can be tested without a browser; `loadPageTerms`
 * is the real one, wired in the popup's main.tsx.
 */
import { browser } from 'wxt/browser';
import { PAGE_TERMS_MESSAGE, type PageTermsRequest } from '@/glossary/messages';
import type { PageTerm } from '@/glossary/types';

/**
 * `terms` when the content script answered (possibly an empty list); `unavailable` when it
 * cannot run in that tab (browser pages, extension stores, a tab still loading) or is not there.
 */
export type PageTermsResult = { status: 'terms'; terms: PageTerm[] } | { status: 'unavailable' };

export type PageTermsLoader = (tabId?: number) => Promise<PageTermsResult>;

function isPageTermList(value: unknown): value is PageTerm[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as PageTerm).id === 'string' &&
        typeof (item as PageTerm).count === 'number',
    )
  );
}

export const loadPageTerms: PageTermsLoader = async (tabId) => {
  try {
    const id =
      tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined) return { status: 'unavailable' };
    const request: PageTermsRequest = { type: PAGE_TERMS_MESSAGE };
    const answer: unknown = await browser.tabs.sendMessage(id, request);
    // No answer at all means something in the tab heard the message but not our content script.
    return isPageTermList(answer) ? { status: 'terms', terms: answer } : { status: 'unavailable' };
  } catch {
    // sendMessage rejects ("Receiving end does not exist") wherever content scripts cannot run.
    return { status: 'unavailable' };
  }
};
