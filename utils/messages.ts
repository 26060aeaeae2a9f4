/**
 * Every runtime message the extension sends, in one contract: for each message its type constant,
 * who sends it to whom, the request, the answer, and a guard that narrows an unknown message.
 * Pure types, constants and guards: the background, the popup and the content script all import
 * this module, so a renamed message cannot silently stop being answered. `MessageContract` at the
 * end lists them side by side.
 *
 * The two ends of a message are named after it: e.g. CARD_ENTRIES_MESSAGE is asked by
 * entrypoints/content/card-entries-request.ts and answered by
 * entrypoints/background/card-entries-answer.ts.
 */
import type { GlossaryEntry, PageTerm } from '@/glossary/types';

function typeOf(message: unknown): unknown {
  return typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
}

// ---------------------------------------------------------------------------------------------
// Popup -> content script

/**
 * Is the page highlighted (and if not, why), and which terms does it have? One answer, so the
 * popup's words ("Highlighting is off on this page") agree with the page. Asked by
 * utils/popup/page-requests.ts, answered by entrypoints/content/reader-controls.ts.
 */
export const PAGE_STATUS_MESSAGE = 'dpi-lens:page-status';

/** Whether a page is highlighted, and if not, why (entrypoints/content/reader-session.ts). */
export type PageState = 'on' | 'off-page' | 'off-site' | 'off-everywhere' | 'loading';
export const PAGE_STATES: readonly PageState[] = ['on', 'off-page', 'off-site', 'off-everywhere', 'loading'];

export interface PageStatusMessage {
  type: typeof PAGE_STATUS_MESSAGE;
}
/** The content script's answer: its state, its terms in reading order with every mention counted, its site. */
export interface PageStatus {
  state: PageState;
  terms: { id: string; count: number }[];
  site: string | null;
}

export function isPageStatusMessage(message: unknown): message is PageStatusMessage {
  return typeOf(message) === PAGE_STATUS_MESSAGE;
}

/** Narrows the content script's answer (the popup may be talking to an older or foreign script). */
export function isPageStatus(value: unknown): value is PageStatus {
  if (typeof value !== 'object' || value === null) return false;
  const { state, terms, site } = value as Partial<PageStatus>;
  return (
    (PAGE_STATES as readonly unknown[]).includes(state) &&
    (site === null || typeof site === 'string') &&
    Array.isArray(terms) &&
    terms.every((term) => typeof term?.id === 'string' && Number.isInteger(term.count) && term.count > 0)
  );
}

/**
 * Which glossary terms are on this page? The status message's predecessor: the popup falls back to
 * it when a content script does not answer PAGE_STATUS_MESSAGE.
 */
export const PAGE_TERMS_MESSAGE = 'dpi-lens:page-terms';

export interface PageTermsRequest {
  type: typeof PAGE_TERMS_MESSAGE;
}
/** The content script's answer: terms in reading order (first appearance), with counts. */
export type PageTermsResponse = PageTerm[];

/** Narrows an unknown runtime message; other extensions' or other parts' messages are ignored. */
export function isPageTermsRequest(message: unknown): message is PageTermsRequest {
  return typeOf(message) === PAGE_TERMS_MESSAGE;
}

/** Scroll to this term's first mention, flash it and open its card. Answer: whether it could. */
export const SHOW_TERM_MESSAGE = 'dpi-lens:show-term';

export interface ShowTermMessage {
  type: typeof SHOW_TERM_MESSAGE;
  id: string;
  /** Chosen with the keyboard: focus goes into the card. */
  focus?: boolean;
}

export function isShowTermMessage(message: unknown): message is ShowTermMessage {
  const id = (message as { id?: unknown } | null)?.id;
  return typeOf(message) === SHOW_TERM_MESSAGE && typeof id === 'string' && id !== '';
}

/** Which site is this page? Asked when the tab's URL is not visible to the popup (utils/popup/site-controls.ts). */
export const PAGE_SITE_MESSAGE = 'dpi-lens:page-site';

export interface PageSiteMessage {
  type: typeof PAGE_SITE_MESSAGE;
}
/** The page's site (hostname without "www."), null where it has none. */
export type PageSiteResponse = string | null;

export function isPageSiteMessage(message: unknown): message is PageSiteMessage {
  return typeOf(message) === PAGE_SITE_MESSAGE;
}

// ---------------------------------------------------------------------------------------------
// Background or popup -> content script

/**
 * Toggle highlighting on this page only: the keyboard command (background), or the popup's "turn
 * it back on". Answer: whether the page is highlighted now.
 */
export const TOGGLE_PAGE_MESSAGE = 'dpi-lens:toggle-page';

export interface TogglePageMessage {
  type: typeof TOGGLE_PAGE_MESSAGE;
}

export function isTogglePageMessage(message: unknown): message is TogglePageMessage {
  return typeOf(message) === TOGGLE_PAGE_MESSAGE;
}

/** The keyboard command moves to the next (1) or previous (-1) term. Answer: its id, null when there is none. */
export const MOVE_TERM_MESSAGE = 'dpi-lens:move-term';

export interface MoveTermMessage {
  type: typeof MOVE_TERM_MESSAGE;
  direction: 1 | -1;
}

export function isMoveTermMessage(message: unknown): message is MoveTermMessage {
  const direction = (message as { direction?: unknown } | null)?.direction;
  return typeOf(message) === MOVE_TERM_MESSAGE && (direction === 1 || direction === -1);
}

/**
 * Extension -> content script: what the card shows now (entrypoints/content/page/card.tsx's
 * CardSnapshot; `{ open: false }` while closed). The card lives in a closed shadow root that no page script (nor
 * a test driving the page) can read; the extension's own tests ask this way.
 */
export const CARD_SNAPSHOT_MESSAGE = 'dpi-lens:card-snapshot';

export interface CardSnapshotMessage {
  type: typeof CARD_SNAPSHOT_MESSAGE;
}

export function isCardSnapshotMessage(message: unknown): message is CardSnapshotMessage {
  return typeOf(message) === CARD_SNAPSHOT_MESSAGE;
}

// ---------------------------------------------------------------------------------------------
// Content script -> background

/** How many distinct terms are marked now (the toolbar badge). No answer. */
export const TERM_COUNT_MESSAGE = 'dpi-lens:term-count';

export interface TermCountMessage {
  type: typeof TERM_COUNT_MESSAGE;
  count: number;
}

export function isTermCountMessage(message: unknown): message is TermCountMessage {
  const count = (message as { count?: unknown } | null)?.count;
  return typeOf(message) === TERM_COUNT_MESSAGE && typeof count === 'number' && Number.isInteger(count) && count >= 0;
}

/**
 * "The bundled entries, please". The content script starts with the entries' heads only
 * (glossary/heads.ts); the text a card shows comes from the background, once, when the card is
 * mounted.
 */
export const CARD_ENTRIES_MESSAGE = 'dpi-lens:card-entries';

export interface CardEntriesRequest {
  type: typeof CARD_ENTRIES_MESSAGE;
}
/** Every bundled entry. */
export type CardEntriesResponse = readonly GlossaryEntry[];

export function isCardEntriesRequest(message: unknown): message is CardEntriesRequest {
  return typeOf(message) === CARD_ENTRIES_MESSAGE;
}

/**
 * "Open this entry in full" (the card's "More in DPI Lens"). A page cannot open an extension page
 * itself; the background opens `popup.html?term=<id>` in a new tab. No answer.
 */
export const OPEN_ENTRY_MESSAGE = 'dpi-lens:open-entry';

export interface OpenEntryRequest {
  type: typeof OPEN_ENTRY_MESSAGE;
  id: string;
}

export function isOpenEntryRequest(message: unknown): message is OpenEntryRequest {
  const id = (message as { id?: unknown } | null)?.id;
  return typeOf(message) === OPEN_ENTRY_MESSAGE && typeof id === 'string' && id !== '';
}

// ---------------------------------------------------------------------------------------------

/** Every message: its request and its answer (`void`: sent without waiting for one). */
export interface MessageContract {
  [PAGE_STATUS_MESSAGE]: { request: PageStatusMessage; response: PageStatus };
  [PAGE_TERMS_MESSAGE]: { request: PageTermsRequest; response: PageTermsResponse };
  [SHOW_TERM_MESSAGE]: { request: ShowTermMessage; response: boolean };
  [PAGE_SITE_MESSAGE]: { request: PageSiteMessage; response: PageSiteResponse };
  [TOGGLE_PAGE_MESSAGE]: { request: TogglePageMessage; response: boolean };
  [MOVE_TERM_MESSAGE]: { request: MoveTermMessage; response: string | null };
  /** The answer is the card's CardSnapshot (entrypoints/content/page/card.tsx): utils/ does not import the page layer. */
  [CARD_SNAPSHOT_MESSAGE]: { request: CardSnapshotMessage; response: unknown };
  [TERM_COUNT_MESSAGE]: { request: TermCountMessage; response: void };
  [CARD_ENTRIES_MESSAGE]: { request: CardEntriesRequest; response: CardEntriesResponse };
  [OPEN_ENTRY_MESSAGE]: { request: OpenEntryRequest; response: void };
}
