/**
 * Per-site rules: is highlighting on for this page's site, and what one click in the popup
 * changes. Pure. A listed site covers its subdomains ("thehindu.com" covers
 * "epaper.thehindu.com"), because readers name the site, not the server.
 */
import { normaliseSite, updateSettings, type Settings } from './settings';

/** The site a page belongs to, for http(s) pages only; other schemes have no per-site rule. */
export function siteOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return normaliseSite(parsed.hostname);
}

/** True when `site` is `listed` or one of its subdomains. */
export function siteMatches(site: string, listed: string): boolean {
  return site === listed || site.endsWith(`.${listed}`);
}

/** Does the site rule (ignoring the global switch) allow highlighting on `site`? */
export function siteAllows(settings: Settings, site: string): boolean {
  if (settings.siteMode === 'only-listed') return settings.onlySites.some((l) => siteMatches(site, l));
  return !settings.offSites.some((l) => siteMatches(site, l));
}

/** Should the content script highlight on `site`? Undefined site (no host): only the global switch. */
export function isHighlightingOn(settings: Settings, site: string | undefined): boolean {
  if (!settings.enabled) return false;
  return site === undefined ? settings.siteMode === 'all-except' : siteAllows(settings, site);
}

/**
 * The popup's one click: make highlighting on (`on`) or off on `site`, in whichever mode the
 * reader chose. Turning a site off removes every list entry that covers it (a parent domain too),
 * so the click always has the effect the button promised.
 */
export function setSite(settings: Settings, site: string, on: boolean): Settings {
  if (settings.siteMode === 'only-listed') {
    const onlySites = on
      ? [...settings.onlySites.filter((l) => l !== site), site]
      : settings.onlySites.filter((l) => !siteMatches(site, l));
    return updateSettings(settings, { onlySites });
  }
  const offSites = on
    ? settings.offSites.filter((l) => !siteMatches(site, l))
    : [...settings.offSites.filter((l) => l !== site), site];
  return updateSettings(settings, { offSites });
}
