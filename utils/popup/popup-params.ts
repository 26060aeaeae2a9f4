/**
 * The popup's address parameters. They are a real feature, not a test hook: the context menu
 * opens `popup.html?term=<id>` or `?q=<text>`, and a popup opened in a tab (end-to-end tests,
 * "open in tab") names the page to ask with `?tab=<tabId>`, because there the active tab is
 * the popup itself.
 */
import { CUSTOM_ID_PREFIX } from '@/utils/custom-terms/schema';

export interface PopupParams {
  /** The tab whose content script to ask for "On this page"; otherwise the active tab. */
  tabId?: number;
  /** An entry to open straight away. */
  termId?: string;
  /** Text to prefill the search box with. */
  query?: string;
}

/**
 * Bundled ids are ASCII kebab-case. A reader's term's id is `customId(name)`: "custom-" and the
 * name's words in any script ("custom-आधार-कार्ड", "custom-gram-sabha"). Anything else (slashes,
 * dots, spaces) cannot name an entry.
 */
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CUSTOM_ENTRY_ID = new RegExp(`^${CUSTOM_ID_PREFIX}[\\p{L}\\p{N}\\p{M}]+(?:-[\\p{L}\\p{N}\\p{M}]+)*$`, 'u');

export function parsePopupParams(search: string): PopupParams {
  const params = new URLSearchParams(search);
  const result: PopupParams = {};

  const tab = params.get('tab');
  if (tab !== null && /^\d+$/.test(tab) && Number.isSafeInteger(Number(tab))) {
    result.tabId = Number(tab);
  }

  const term = params.get('term')?.trim().toLowerCase();
  if (term && (ENTRY_ID.test(term) || CUSTOM_ENTRY_ID.test(term))) result.termId = term;

  const query = params.get('q')?.trim();
  if (query) result.query = query;

  return result;
}
