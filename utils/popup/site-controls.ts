/**
 * The popup's per-site switch, without the UI: which site the tab shows, and the one click.
 * The tab's address comes from `activeTab` (granted when the reader opens the popup); a popup
 * opened in a tab of its own (`?tab=<id>`, tests) has no grant, so it asks the page's content
 * script instead, which knows its own location.
 */
import { browser } from 'wxt/browser';
import { PAGE_SITE_MESSAGE, type PageSiteMessage } from '@/utils/messages';
import { siteOfUrl } from '@/utils/settings/site-rules';

export type TabSiteLoader = (tabId?: number) => Promise<string | undefined>;

export const loadTabSite: TabSiteLoader = async (tabId) => {
  try {
    const tab =
      tabId !== undefined
        ? await browser.tabs.get(tabId)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    const site = siteOfUrl(tab?.url);
    if (site || tab?.id === undefined) return site;
    const request: PageSiteMessage = { type: PAGE_SITE_MESSAGE };
    const answer: unknown = await browser.tabs.sendMessage(tab.id, request);
    return typeof answer === 'string' ? answer : undefined;
  } catch {
    // No such tab, or no content script there (browser pages): no per-site switch to offer.
    return undefined;
  }
};
