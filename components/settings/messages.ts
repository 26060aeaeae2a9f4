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

export function isPageSiteMessage(message: unknown): message is PageSiteMessage {
  return typeOf(message) === PAGE_SITE_MESSAGE;
}

/** The badge text for a count: empty (no badge) for none, "99+" beyond two digits so it fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
