import type { GlossaryEntry } from '@/glossary/types';
import { t, tCount } from '@/utils/i18n/i18n';
import type { PageTermsResult } from '@/utils/popup/page-requests';

/** The way back on, when the page is not highlighted: what to say and the one button that undoes it. */
export interface WayBack {
  message: string;
  action: string;
  run: () => void;
}

interface OnThisPageProps {
  /** undefined while the tab has not answered yet. */
  pageTerms: PageTermsResult | undefined;
  getEntry: (id: string) => GlossaryEntry | undefined;
  /** Opens the term's glossary entry in the popup. */
  onOpen: (entryId: string) => void;
  /** Takes the reader to the term in the article (its first mention, flashed, card open). */
  onShow: (entryId: string, byKeyboard: boolean) => void;
  /** Set when highlighting is off on the page: said instead of "no terms", with the way back on. */
  wayBack?: WayBack;
}

/**
 * The terms the content script found in the current tab, in reading order, each with how often
 * the article mentions it (every mention, highlighted or not). Choosing one takes the reader
 * there; its "Entry" button opens the glossary entry instead.
 */
export function OnThisPage({ pageTerms, getEntry, onOpen, onShow, wayBack }: OnThisPageProps) {
  let body;
  if (!pageTerms || (pageTerms.status === 'terms' && pageTerms.state === 'loading')) {
    body = <p class="empty-note">{t('pageTermsLoading')}</p>;
  } else if (pageTerms.status === 'unavailable') {
    body = <p class="empty-note">{t('pageUnavailable')}</p>;
  } else if (wayBack) {
    body = (
      <div class="page-off" role="status">
        <p class="empty-note">
          {wayBack.message} {t('pageOffHint')}
        </p>
        <button type="button" class="way-back" onClick={wayBack.run}>
          {wayBack.action}
        </button>
      </div>
    );
  } else {
    // An id the content script knows but this glossary does not (a newer build) is skipped.
    const found = pageTerms.terms.flatMap((term) => {
      const entry = getEntry(term.id);
      return entry ? [{ entry, count: term.count }] : [];
    });
    body =
      found.length === 0 ? (
        <p class="empty-note">{t('pageNoTerms')}</p>
      ) : (
        <>
          <p class="section-hint">{t('pageTermsHint')}</p>
          <ul class="page-terms">
            {found.map(({ entry, count }) => (
              <li key={entry.id}>
                <button
                  type="button"
                  class="term-button"
                  title={t('pageTermShowNamed', entry.name)}
                  // detail 0: Enter or Space, not a pointer; focus then goes into the card.
                  onClick={(event) => onShow(entry.id, event.detail === 0)}
                >
                  <span class="term-name">{entry.name}</span>
                  <span class="count">{tCount('mentionsOne', 'mentionsOther', count)}</span>
                </button>
                <button
                  type="button"
                  class="entry-button"
                  aria-label={t('pageTermEntryNamed', entry.name)}
                  onClick={() => onOpen(entry.id)}
                >
                  {t('pageTermEntry')}
                </button>
              </li>
            ))}
          </ul>
        </>
      );
  }
  return (
    <section class="section" aria-labelledby="on-this-page-heading">
      <h2 id="on-this-page-heading">{t('onThisPage')}</h2>
      {body}
    </section>
  );
}
