/**
 * Messages between the popup and the content script. Pure types and constants: both sides import
 * this module, so a renamed message cannot silently stop being answered.
 */
import type { PageTerm } from './types';

/** Popup -> content script: "which glossary terms are on this page?" */
export const PAGE_TERMS_MESSAGE = 'dpi-lens:page-terms';

export interface PageTermsRequest {
  type: typeof PAGE_TERMS_MESSAGE;
}

/** The content script's answer: terms in reading order (first appearance), with counts. */
export type PageTermsResponse = PageTerm[];

/** Narrows an unknown runtime message; other extensions' or other parts' messages are ignored. */
export function isPageTermsRequest(message: unknown): message is PageTermsRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === PAGE_TERMS_MESSAGE
  );
}

/**
 * Content script -> background: "the bundled entries, please". The content script starts with the
 * entries' heads only (glossary/heads.ts); the text a card shows comes from the background, once,
 * when the card is mounted (entrypoints/content/card-entries.ts).
 */
export const CARD_ENTRIES_MESSAGE = 'dpi-lens:card-entries';

export interface CardEntriesRequest {
  type: typeof CARD_ENTRIES_MESSAGE;
}

export function isCardEntriesRequest(message: unknown): message is CardEntriesRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === CARD_ENTRIES_MESSAGE
  );
}

/**
 * Content script -> background: "open this entry in full" (the card's "More in DPI Lens"). A page
 * cannot open an extension page itself; the background opens `popup.html?term=<id>` in a new tab.
 */
export const OPEN_ENTRY_MESSAGE = 'dpi-lens:open-entry';

export interface OpenEntryRequest {
  type: typeof OPEN_ENTRY_MESSAGE;
  id: string;
}

export function isOpenEntryRequest(message: unknown): message is OpenEntryRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === OPEN_ENTRY_MESSAGE &&
    typeof (message as { id?: unknown }).id === 'string' &&
    (message as { id: string }).id !== ''
  );
}
