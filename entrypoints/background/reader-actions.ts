/**
 * The background's part of the reader's controls: the toolbar badge (how many distinct terms
 * the page has), the "Look up in DPI Lens" context menu, and the toggle command. The handlers
 * are plain exported functions: the listeners call them, and so can a test from the service
 * worker (browsers offer no way to click a native menu or press a command from a test).
 */
import { browser } from 'wxt/browser';
import { glossary } from '@/glossary';
import { lookupPath, lookupSelection } from '@/glossary/selection-lookup';
import { createLiveGlossary, type LiveGlossary } from '@/utils/custom-terms/live-glossary';
import { loadCustomTerms } from '@/utils/custom-terms/storage';
import { t } from '@/utils/i18n/i18n';
import {
  isOpenEntryRequest,
  isTermCountMessage,
  MOVE_TERM_MESSAGE,
  TOGGLE_PAGE_MESSAGE,
  type MoveTermMessage,
  type TogglePageMessage,
} from '@/utils/messages';

export const LOOK_UP_MENU_ID = 'dpi-lens-look-up';
export const TOGGLE_COMMAND = 'toggle-highlights';
/** The keyboard's way to terms: each opens the next (previous) term's card, focus in it. */
export const MOVE_COMMANDS: Record<string, 1 | -1> = { 'next-term': 1, 'previous-term': -1 };
/** The popup page is 380 px wide; a window this size shows it without scrollbars or empty space. */
export const LOOK_UP_WINDOW = { width: 420, height: 640 } as const;
/** A muted slate: the count is information, not an alert. */
export const BADGE_COLOUR = '#4a5566';

/** The badge text for a count: empty (no badge) for none, "99+" beyond two digits so it fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** The bundled glossary plus the reader's terms, rebuilt only when their terms have changed. */
let lookupGlossary: { terms: string; live: LiveGlossary } | undefined;

/**
 * Read on every lookup rather than watched: the service worker is stopped after 30 idle seconds
 * and would lose a watcher, while one storage.local read is a few milliseconds. The matcher (the
 * costly part) is rebuilt only when the terms differ from the last lookup's.
 */
async function currentGlossary(): Promise<LiveGlossary> {
  const { terms } = await loadCustomTerms();
  const key = JSON.stringify(terms);
  if (lookupGlossary?.terms !== key) lookupGlossary = { terms: key, live: createLiveGlossary(glossary, terms) };
  return lookupGlossary.live;
}

/**
 * Opens the popup page for the selected text: the entry it names, or a search for it, in a small
 * window (a tab where windows cannot be created, e.g. some mobile browsers). The reader's own
 * terms count as entries here as everywhere else. Returns the address.
 */
export async function lookUpSelection(selectionText: string): Promise<string | undefined> {
  const { entries, matcher } = await currentGlossary();
  const target = lookupSelection(selectionText, entries, matcher);
  if (!target) return undefined;
  const url = browser.runtime.getURL(`/${lookupPath(target)}` as '/popup.html');
  if (await showInLookUpWindow(url)) return url;
  try {
    const opened = await browser.windows.create({ url, type: 'popup', ...LOOK_UP_WINDOW });
    if (opened?.id !== undefined) await rememberLookUpWindow(opened.id);
  } catch {
    await browser.tabs.create({ url });
  }
  return url;
}

/**
 * The look-up window's id, kept in storage.session: the service worker is stopped when idle and
 * would forget a variable, while the window lives on. Cleared with the browser session.
 */
export const LOOK_UP_WINDOW_KEY = 'lookUpWindowId';

async function rememberLookUpWindow(id: number): Promise<void> {
  await browser.storage.session?.set({ [LOOK_UP_WINDOW_KEY]: id }).catch(() => {});
}

/**
 * Every look-up goes to one window (issue 12: each used to open another): the earlier window, if
 * the reader has not closed it, is pointed at the new address and brought to the front.
 */
async function showInLookUpWindow(url: string): Promise<boolean> {
  try {
    const stored = await browser.storage.session?.get(LOOK_UP_WINDOW_KEY);
    const id = stored?.[LOOK_UP_WINDOW_KEY];
    if (typeof id !== 'number') return false;
    const window = await browser.windows.get(id, { populate: true });
    const tabId = window.tabs?.[0]?.id;
    if (tabId === undefined) return false;
    await browser.tabs.update(tabId, { url });
    await browser.windows.update(id, { focused: true });
    return true;
  } catch {
    // Closed by the reader (or no windows API, as on Android): open another.
    return false;
  }
}

/**
 * The card's "More in DPI Lens": the entry in full, on the popup page in a new tab next to the
 * reader's page (a tab, not a window: the reader asked to read more, and tabs need no permission).
 * The popup checks the id (popup-params.ts); an unknown one opens its search. Returns the address.
 */
export async function openEntry(id: string, openerTab?: { id?: number; index?: number }): Promise<string> {
  const url = browser.runtime.getURL(`/${lookupPath({ kind: 'entry', id })}` as '/popup.html');
  const beside = openerTab?.index === undefined ? {} : { index: openerTab.index + 1 };
  const opener = openerTab?.id === undefined ? {} : { openerTabId: openerTab.id };
  await browser.tabs.create({ url, ...beside, ...opener });
  return url;
}

/**
 * The keyboard command: highlighting on or off on that page (until it is reloaded). Returns the
 * page's new state, or undefined where no content script runs (browser pages, stores).
 */
export async function toggleHighlights(tabId: number | undefined): Promise<boolean | undefined> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return undefined;
  const message: TogglePageMessage = { type: TOGGLE_PAGE_MESSAGE };
  try {
    const answer: unknown = await browser.tabs.sendMessage(id, message);
    return typeof answer === 'boolean' ? answer : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The next/previous-term commands: the page's content script scrolls to the term and opens its
 * card with focus in it. Returns the term's id, or undefined (no terms, or no content script).
 */
export async function moveToTerm(tabId: number | undefined, direction: 1 | -1): Promise<string | undefined> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return undefined;
  const message: MoveTermMessage = { type: MOVE_TERM_MESSAGE, direction };
  try {
    const answer: unknown = await browser.tabs.sendMessage(id, message);
    return typeof answer === 'string' ? answer : undefined;
  } catch {
    return undefined;
  }
}

export async function showTermCount(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: badgeText(count) });
}

async function createMenu(): Promise<void> {
  // Firefox for Android has no context menus: selection look-ups are a desktop feature.
  if (!browser.contextMenus) return;
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: LOOK_UP_MENU_ID, title: t('contextMenuLookUp'), contexts: ['selection'] });
}

/** Adds the listeners. Call once, synchronously, from the background's main (MV3 wakes it for them). */
export function registerReaderActions(): void {
  browser.runtime.onInstalled.addListener(() => {
    void createMenu();
    void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOUR }).catch(() => {});
  });
  browser.runtime.onStartup.addListener(() => void createMenu());

  // Neither exists on Firefox for Android (no context menus, no keyboard shortcuts there).
  browser.contextMenus?.onClicked.addListener((info) => {
    if (info.menuItemId === LOOK_UP_MENU_ID && info.selectionText) void lookUpSelection(info.selectionText);
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_COMMAND) void toggleHighlights(tab?.id);
    else if (command in MOVE_COMMANDS) void moveToTerm(tab?.id, MOVE_COMMANDS[command]!);
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab?.id;
    if (!isTermCountMessage(message) || tabId === undefined || sender.frameId) return undefined;
    void showTermCount(tabId, message.count).catch(() => {}); // the tab may have closed meanwhile
    return undefined;
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isOpenEntryRequest(message)) return undefined;
    void openEntry(message.id, sender.tab).catch(() => {});
    return undefined;
  });

  // A new page in the tab: the old count no longer applies (the new page reports its own).
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void showTermCount(tabId, 0).catch(() => {});
  });
}
