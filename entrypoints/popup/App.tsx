import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { searchGlossary } from '@/glossary/search';
import type { GlossaryEntry } from '@/glossary/types';
import { BrowseByCategory } from '@/components/popup/BrowseByCategory';
import { EntryView } from '@/components/popup/EntryView';
import { OnThisPage } from '@/components/popup/OnThisPage';
import type { PageTermsLoader, PageTermsResult } from '@/components/popup/page-terms';
import type { PopupParams } from '@/components/popup/popup-params';
import { SearchResults, resultOptionId } from '@/components/popup/SearchResults';
import { SiteControls } from '@/components/popup/SiteControls';
import { t, tCount } from '@/components/i18n/i18n';

export interface AppProps {
  entries: readonly GlossaryEntry[];
  loadPageTerms: PageTermsLoader;
  params?: PopupParams;
}

const RESULTS_ID = 'search-results';

export function App({ entries, loadPageTerms, params = {} }: AppProps) {
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

  useEffect(() => {
    let live = true;
    loadPageTerms(params.tabId).then((result) => live && setPageTerms(result));
    return () => {
      live = false;
    };
  }, [loadPageTerms, params.tabId]);

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
        <SiteControls tabId={params.tabId} />
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
                <OnThisPage pageTerms={pageTerms} getEntry={getEntry} onOpen={open} />
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
