import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { isHighlightingOn, setSite, siteMatches, siteOfUrl } from '@/utils/settings/site-rules';

const allExcept = (offSites: string[]): Settings => ({ ...DEFAULT_SETTINGS, offSites });
const onlyListed = (onlySites: string[]): Settings => ({ ...DEFAULT_SETTINGS, siteMode: 'only-listed', onlySites });

describe('siteOfUrl', () => {
  it.each([
    ['https://www.thehindu.com/news/national/article.ece', 'thehindu.com'],
    ['http://127.0.0.1:8123/article.html', '127.0.0.1'],
    ['chrome://extensions', undefined],
    ['file:///home/me/a.html', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s -> %s', (url, site) => {
    expect(siteOfUrl(url)).toBe(site);
  });
});

describe('siteMatches', () => {
  it.each([
    ['thehindu.com', 'thehindu.com', true],
    ['epaper.thehindu.com', 'thehindu.com', true],
    ['notthehindu.com', 'thehindu.com', false],
    ['thehindu.com', 'epaper.thehindu.com', false],
  ])('%s under %s: %s', (site, listed, expected) => {
    expect(siteMatches(site, listed)).toBe(expected);
  });
});

describe('isHighlightingOn', () => {
  it.each([
    ['on everywhere by default', DEFAULT_SETTINGS, 'ndtv.com', true],
    ['off when switched off globally', { ...DEFAULT_SETTINGS, enabled: false }, 'ndtv.com', false],
    ['off on a listed site', allExcept(['ndtv.com']), 'ndtv.com', false],
    ['off on a listed site’s subdomain', allExcept(['ndtv.com']), 'feeds.ndtv.com', false],
    ['on on other sites', allExcept(['ndtv.com']), 'thehindu.com', true],
    ['only-listed: on on a listed site', onlyListed(['thehindu.com']), 'thehindu.com', true],
    ['only-listed: off elsewhere', onlyListed(['thehindu.com']), 'ndtv.com', false],
    ['only-listed: off without a site', onlyListed(['thehindu.com']), undefined, false],
    ['all-except: on without a site', DEFAULT_SETTINGS, undefined, true],
  ])('%s', (_name, settings, site, expected) => {
    expect(isHighlightingOn(settings, site)).toBe(expected);
  });
});

describe('setSite (the popup’s one click)', () => {
  it('adds a site to the off list, once', () => {
    const once = setSite(DEFAULT_SETTINGS, 'ndtv.com', false);
    expect(setSite(once, 'ndtv.com', false).offSites).toEqual(['ndtv.com']);
  });

  it('turning a site back on removes the entry and any parent entry that covered it', () => {
    const settings = allExcept(['ndtv.com', 'thehindu.com']);
    expect(setSite(settings, 'feeds.ndtv.com', true).offSites).toEqual(['thehindu.com']);
  });

  it('in only-listed mode adds to and removes from the on list', () => {
    const on = setSite(onlyListed([]), 'thehindu.com', true);
    expect(on.onlySites).toEqual(['thehindu.com']);
    expect(isHighlightingOn(on, 'thehindu.com')).toBe(true);
    expect(setSite(on, 'thehindu.com', false).onlySites).toEqual([]);
  });

  it.each([true, false])('always gives the state the button promised (on = %s)', (on) => {
    for (const settings of [allExcept(['ndtv.com']), onlyListed(['ndtv.com']), DEFAULT_SETTINGS, onlyListed([])]) {
      expect(isHighlightingOn(setSite(settings, 'www.ndtv.com'.replace('www.', ''), on), 'ndtv.com')).toBe(on);
    }
  });
});
