import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { searchGlossary } from '@/glossary/search';
import type { GlossaryEntry } from '@/glossary/types';
import { BrowseByCategory } from '@/components/popup/BrowseByCategory';
import { EntryView } from '@/components/popup/EntryView';
import { OnThisPage, type WayBack } from '@/components/popup/OnThisPage';
import { pageActions as realPageActions, type PageActions, type PageTermsLoader, type PageTermsResult } from '@/utils/popup/page-requests';
import type { PopupParams } from '@/utils/popup/popup-params';
import { SearchResults, resultOptionId } from '@/components/popup/SearchResults';
import { SiteControls } from '@/components/popup/SiteControls';
import { t, tCount } from '@/utils/i18n/i18n';
import type { Settings } from '@/utils/settings/settings';
import { updateSettings } from '@/utils/settings/settings';
import { changeSettings as realChangeSettings, watchSettings } from '@/utils/settings/settings-storage';
import { setSite } from '@/utils/settings/site-rules';

export interface AppProps {
  entries: readonly GlossaryEntry[];
  loadPageTerms: PageTermsLoader;
  params?: PopupParams;
  /** What the popup asks of the page (show a term, turn the page back on); the browser's by default. */
  pageActions?: PageActions;
  changeSettings?: (change: (current: Settings) => Settings) => Promise<Settings>;
  watch?: (onChange: (settings: Settings) => void) => () => void;
  /** Closes the toolbar popup once the reader has been taken to a term (not when opened in a tab). */
  closePopup?: () => void;
}

/**
 * After a settings change the page applies it from storage.onChanged, like the popup: ask again
 * once it has had time to (the first answer may still be the old state).
 */
export const PAGE_STATE_RECHECK_MS = [150, 600] as const;

const RESULTS_ID = 'search-results';

export function App({
  entries,
  loadPageTerms,
  params = {},
  pageActions = realPageActions,
  changeSettings = realChangeSettings,
  watch = watchSettings,
  closePopup = () => window.close(),
}: AppProps) {
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const getEntry = (id: string) => byId.get(id);

  const [query, setQuery] = useState(params.query ?? '');
  const [activeIndex, setActiveIndex] = useState(0);
  // Entries opened one from another (related terms); Back walks this trail, then to the search.
  const [trail, setTrail] = useState<string[]>(() =>
    params.termId && byId.has(params.termId) ? [params.termId] : [],
  );
  const [pageTerms, setPageTerms] = useState<PageTermsResult>();
  const searchBox = useRef<HTMLInputElement>(null);

  const results = useMemo(() => searchGlossary(entries, query), [entries, query]);
  const current = trail.length > 0 ? byId.get(trail[trail.length - 1]!) : undefined;

  const live = useRef(true);
  const reloadPageTerms = useCallback(() => {
    void loadPageTerms(params.tabId).then((result) => live.current && setPageTerms(result));
  }, [loadPageTerms, params.tabId]);

  useEffect(() => {
    live.current = true;
    reloadPageTerms();
    const timers: number[] = [];
    // The shortcut, the site switch and the options page all change what the page shows.
    const stop = watch(() => {
      for (const ms of PAGE_STATE_RECHECK_MS) timers.push(window.setTimeout(reloadPageTerms, ms));
    });
    return () => {
      live.current = false;
      stop();
      timers.forEach((id) => window.clearTimeout(id));
    };
  }, [reloadPageTerms, watch]);

  const showOnPage = (id: string, byKeyboard: boolean) => {
    void pageActions.showTerm(params.tabId, id, byKeyboard).then((shown) => {
      // Shown: the reader's eyes go to the page (the toolbar popup would cover it). Not shown (the
      // page changed meanwhile): the entry, so the choice still answers something.
      if (!shown) open(id);
      else if (params.tabId === undefined) closePopup();
    });
  };

  const turnOnPage = () => void pageActions.togglePage(params.tabId).then(reloadPageTerms);
  const wayBack = wayBackFor(pageTerms, {
    page: turnOnPage,
    site: (site) => void changeSettings((current) => setSite(current, site, true)),
    everywhere: () => void changeSettings((current) => updateSettings(current, { enabled: true })),
  });

  const open = (id: string) => setTrail((previous) => [...previous, id]);
  const back = () => setTrail((previous) => previous.slice(0, -1));

  // Returning to the search puts the cursor back in the box, where the reader left it.
  useEffect(() => {
    if (!current) searchBox.current?.focus();
  }, [current]);

  useEffect(() => {
    if (!current) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Without this the browser would close the whole popup on Escape.
      event.preventDefault();
      back();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [current]);

  const onSearchKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (results.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => (index + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      const chosen = results[activeIndex];
      if (chosen) {
        event.preventDefault();
        open(chosen.entry.id);
      }
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
      setActiveIndex(0);
    }
  };

  return (
    <div class="popup">
      <header class="popup-header">
        <h1>DPI Lens</h1>
        <p class="tagline">{t('popupTagline')}</p>
        <SiteControls
          tabId={params.tabId}
          pageState={pageTerms?.status === 'terms' ? pageTerms.state : undefined}
          onTurnOnPage={turnOnPage}
        />
      </header>
      <main>
        {current ? (
          <EntryView entry={current} getEntry={getEntry} onOpen={open} onBack={back} />
        ) : (
          <>
            <div class="search">
              <label for="search-box">{t('searchLabel')}</label>
              <input
                id="search-box"
                ref={searchBox}
                type="text"
                role="combobox"
                autoComplete="off"
                spellcheck={false}
                placeholder={t('searchPlaceholder')}
                aria-controls={RESULTS_ID}
                aria-expanded={query.trim() !== '' && results.length > 0}
                aria-activedescendant={
                  results.length > 0 ? resultOptionId(RESULTS_ID, activeIndex) : undefined
                }
                value={query}
                onInput={(event) => {
                  setQuery(event.currentTarget.value);
                  setActiveIndex(0);
                }}
                onKeyDown={onSearchKeyDown}
              />
            </div>
            <p class="visually-hidden" role="status">
              {query.trim() === '' ? '' : tCount('matchingTermsOne', 'matchingTermsOther', results.length)}
            </p>
            {query.trim() === '' ? (
              <>
                <OnThisPage
                  pageTerms={pageTerms}
                  getEntry={getEntry}
                  onOpen={open}
                  onShow={showOnPage}
                  wayBack={wayBack}
                />
                <BrowseByCategory entries={entries} onOpen={open} />
              </>
            ) : (
              <SearchResults
                id={RESULTS_ID}
                query={query.trim()}
                results={results}
                activeIndex={activeIndex}
                onOpen={open}
              />
            )}
          </>
        )}
      </main>
    </div>
  );
}

/** What to say, and which one button undoes it, when the page is not highlighted. */
function wayBackFor(
  pageTerms: PageTermsResult | undefined,
  turnOn: { page: () => void; site: (site: string) => void; everywhere: () => void },
): WayBack | undefined {
  if (pageTerms?.status !== 'terms') return undefined;
  const { state, site } = pageTerms;
  if (state === 'off-page') return { message: t('pageOffPage'), action: t('turnOnPage'), run: turnOn.page };
  if (state === 'off-everywhere') return { message: t('offEverywhere'), action: t('turnOnEverywhere'), run: turnOn.everywhere };
  if (state === 'off-site' && site) return { message: t('pageOffSite', site), action: t('turnOnSite'), run: () => turnOn.site(site) };
  if (state === 'off-site') return { message: t('pageOffPage'), action: t('turnOnPage'), run: turnOn.page };
  return undefined;
}
