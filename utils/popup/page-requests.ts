/**
 * The popup's end of its requests to the page (utils/messages.ts: PAGE_STATUS, its PAGE_TERMS
 * fallback, SHOW_TERM, TOGGLE_PAGE; the content script's reader-controls.ts answers them): the
 * "On this page" data and actions. The popup asks the tab's content script whether the page is
 * highlighted and which glossary terms it has, and asks it to show one. The App receives these as
 * props so it can be tested without a browser; the real ones are the defaults.
 */
import { browser } from 'wxt/browser';
import type { PageTerm } from '@/glossary/types';
import {
  isPageStatus,
  PAGE_STATUS_MESSAGE,
  PAGE_TERMS_MESSAGE,
  SHOW_TERM_MESSAGE,
  TOGGLE_PAGE_MESSAGE,
  type PageState,
  type PageStatusMessage,
  type PageTermsRequest,
  type ShowTermMessage,
  type TogglePageMessage,
} from '@/utils/messages';

/**
 * `terms` when the content script answered (possibly an empty list), with the page's state
 * (undefined: an older content script that only lists terms; taken as 'on'); `unavailable` when
 * it cannot run in that tab (browser pages, extension stores, a tab still loading) or is not there.
 */
export type PageTermsResult =
  | { status: 'terms'; terms: PageTerm[]; state?: PageState; site?: string }
  | { status: 'unavailable' };

export type PageTermsLoader = (tabId?: number) => Promise<PageTermsResult>;

/** What the popup can ask of the page. */
export interface PageActions {
  /** Scrolls to the term's first mention, flashes it and opens its card; false when it could not. */
  showTerm(tabId: number | undefined, id: string, focus: boolean): Promise<boolean>;
  /** Turns highlighting back on for this page (undoes the Alt+Shift+D toggle). */
  togglePage(tabId: number | undefined): Promise<void>;
}

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

async function activeTabId(tabId?: number): Promise<number | undefined> {
  return tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

export const loadPageTerms: PageTermsLoader = async (tabId) => {
  try {
    const id = await activeTabId(tabId);
    if (id === undefined) return { status: 'unavailable' };
    const request: PageStatusMessage = { type: PAGE_STATUS_MESSAGE };
    const status: unknown = await browser.tabs.sendMessage(id, request);
    if (isPageStatus(status)) {
      return { status: 'terms', terms: status.terms, state: status.state, ...(status.site ? { site: status.site } : {}) };
    }
    // A content script from before the status message: its term list alone.
    const older: PageTermsRequest = { type: PAGE_TERMS_MESSAGE };
    const answer: unknown = await browser.tabs.sendMessage(id, older);
    // No answer at all means something in the tab heard the message but not our content script.
    return isPageTermList(answer) ? { status: 'terms', terms: answer } : { status: 'unavailable' };
  } catch {
    // sendMessage rejects ("Receiving end does not exist") wherever content scripts cannot run.
    return { status: 'unavailable' };
  }
};

export const pageActions: PageActions = {
  async showTerm(tabId, id, focus) {
    try {
      const tab = await activeTabId(tabId);
      if (tab === undefined) return false;
      const message: ShowTermMessage = { type: SHOW_TERM_MESSAGE, id, focus };
      return (await browser.tabs.sendMessage(tab, message)) === true;
    } catch {
      return false;
    }
  },
  async togglePage(tabId) {
    try {
      const tab = await activeTabId(tabId);
      if (tab === undefined) return;
      const message: TogglePageMessage = { type: TOGGLE_PAGE_MESSAGE };
      await browser.tabs.sendMessage(tab, message);
    } catch {
      // The page went away meanwhile: the next status says so.
    }
  },
};
