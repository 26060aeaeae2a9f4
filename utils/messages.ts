/**
 * Runtime messages for the reader's controls. Pure types, constants and guards: the background,
 * the popup and the content script all import this module, so a renamed message cannot silently
 * stop being answered.
 */

/** Background -> content script: the keyboard command toggles highlighting on this page only. */
export const TOGGLE_PAGE_MESSAGE = 'dpi-lens:toggle-page';
/** Content script -> background: how many distinct terms are marked now (the toolbar badge). */
export const TERM_COUNT_MESSAGE = 'dpi-lens:term-count';
/** Popup -> content script: which site is this page? (when the tab's URL is not visible). */
export const PAGE_SITE_MESSAGE = 'dpi-lens:page-site';

/** Background -> content script: the keyboard command moves to the next (1) or previous (-1) term. */
export const MOVE_TERM_MESSAGE = 'dpi-lens:move-term';
/** Popup -> content script: scroll to this term's first mention, flash it and open its card. */
export const SHOW_TERM_MESSAGE = 'dpi-lens:show-term';
/**
 * Popup -> content script: is the page highlighted (and if not, why), and which terms does it
 * have? One answer, so the popup's words ("Highlighting is off on this page") agree with the page.
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
/**
 * Extension -> content script: what the card shows now. The card lives in a closed shadow root that
 * no page script (nor a test driving the page) can read; the extension's own tests ask this way.
 */
export const CARD_SNAPSHOT_MESSAGE = 'dpi-lens:card-snapshot';

export interface MoveTermMessage {
  type: typeof MOVE_TERM_MESSAGE;
  direction: 1 | -1;
}
export interface ShowTermMessage {
  type: typeof SHOW_TERM_MESSAGE;
  id: string;
  /** Chosen with the keyboard: focus goes into the card. */
  focus?: boolean;
}
export interface CardSnapshotMessage {
  type: typeof CARD_SNAPSHOT_MESSAGE;
}

export interface TogglePageMessage {
  type: typeof TOGGLE_PAGE_MESSAGE;
}
export interface TermCountMessage {
  type: typeof TERM_COUNT_MESSAGE;
  count: number;
}
export interface PageSiteMessage {
  type: typeof PAGE_SITE_MESSAGE;
}

function typeOf(message: unknown): unknown {
  return typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
}

export function isTogglePageMessage(message: unknown): message is TogglePageMessage {
  return typeOf(message) === TOGGLE_PAGE_MESSAGE;
}

export function isTermCountMessage(message: unknown): message is TermCountMessage {
  const count = (message as { count?: unknown } | null)?.count;
  return typeOf(message) === TERM_COUNT_MESSAGE && typeof count === 'number' && Number.isInteger(count) && count >= 0;
}

export function isMoveTermMessage(message: unknown): message is MoveTermMessage {
  const direction = (message as { direction?: unknown } | null)?.direction;
  return typeOf(message) === MOVE_TERM_MESSAGE && (direction === 1 || direction === -1);
}

export function isShowTermMessage(message: unknown): message is ShowTermMessage {
  const id = (message as { id?: unknown } | null)?.id;
  return typeOf(message) === SHOW_TERM_MESSAGE && typeof id === 'string' && id !== '';
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

export function isCardSnapshotMessage(message: unknown): message is CardSnapshotMessage {
  return typeOf(message) === CARD_SNAPSHOT_MESSAGE;
}

export function isPageSiteMessage(message: unknown): message is PageSiteMessage {
  return typeOf(message) === PAGE_SITE_MESSAGE;
}

/** The badge text for a count: empty (no badge) for none, "99+" beyond two digits so it fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
