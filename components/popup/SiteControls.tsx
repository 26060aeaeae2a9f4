import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/i18n';
import type { PageState } from '@/utils/messages';
import { updateSettings, type Settings } from '@/utils/settings/settings';
import { changeSettings, loadSettings, watchSettings } from '@/utils/settings/settings-storage';
import { isHighlightingOn, setSite } from '@/utils/settings/site-rules';
import { loadTabSite, type TabSiteLoader } from '@/utils/popup/site-controls';

export interface SiteControlsProps {
  tabId?: number;
  loadSite?: TabSiteLoader;
  load?: () => Promise<Settings>;
  save?: (change: (current: Settings) => Settings) => Promise<Settings>;
  watch?: (onChange: (settings: Settings) => void) => () => void;
  openOptions?: () => void;
  /** What the page itself says: after the Alt+Shift+D toggle it is off though the site is on. */
  pageState?: PageState;
  /** Undoes the page's own toggle. */
  onTurnOnPage?: () => void;
}

/** "Highlighting is on for thehindu.com [Off on this site]" and a link to the settings. */
export function SiteControls({
  tabId,
  loadSite = loadTabSite,
  load = loadSettings,
  save = changeSettings,
  watch = watchSettings,
  openOptions = () => void browser.runtime.openOptionsPage(),
  pageState,
  onTurnOnPage,
}: SiteControlsProps) {
  const [site, setSiteName] = useState<string>();
  const [settings, setSettings] = useState<Settings>();

  useEffect(() => {
    let live = true;
    void loadSite(tabId).then((value) => live && setSiteName(value));
    void load().then((value) => live && setSettings(value));
    const stop = watch(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, [tabId, loadSite, load, watch]);

  const on = settings && site ? isHighlightingOn(settings, site) : false;
  return (
    <div class="site-controls">
      {settings && !settings.enabled ? (
        <>
          <p class="site-status" role="status">
            {t('offEverywhere')}
          </p>
          <button
            type="button"
            class="site-toggle"
            onClick={() => void save((current) => updateSettings(current, { enabled: true })).then(setSettings)}
          >
            {t('turnOnEverywhere')}
          </button>
        </>
      ) : pageState === 'off-page' && onTurnOnPage && (!site || on) ? (
        // The site is on, but the reader turned this page off (Alt+Shift+D): say so, and undo that.
        <>
          <p class="site-status" role="status">
            {t('pageOffPage')}
          </p>
          <button type="button" class="site-toggle" onClick={onTurnOnPage}>
            {t('turnOnPage')}
          </button>
        </>
      ) : (
        settings &&
        site && (
          <>
            <p class="site-status" role="status">
              {on ? t('siteIsOn', site) : t('siteIsOff', site)}
            </p>
            <button
              type="button"
              class="site-toggle"
              onClick={() => void save((current) => setSite(current, site, !on)).then(setSettings)}
            >
              {on ? t('turnOffSite') : t('turnOnSite')}
            </button>
          </>
        )
      )}
      <a
        class="settings-link"
        href="/options.html"
        onClick={(event) => {
          event.preventDefault();
          openOptions();
        }}
      >
        {t('openSettings')}
      </a>
    </div>
  );
}
