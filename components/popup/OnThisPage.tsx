import type { GlossaryEntry } from '@/glossary/types';
import { t, tCount } from '@/components/i18n/i18n';
import type { PageTermsResult } from './page-terms';

interface OnThisPageProps {
  /** undefined while the tab has not answered yet. */
  pageTerms: PageTermsResult | undefined;
  getEntry: (id: string) => GlossaryEntry | undefined;
  onOpen: (entryId: string) => void;
}

/** The terms the content script found in the current tab, in reading order, with counts. */
export function OnThisPage({ pageTerms, getEntry, onOpen }: OnThisPageProps) {
  let body;
  if (!pageTerms) {
    body = <p class="empty-note">{t('pageTermsLoading')}</p>;
  } else if (pageTerms.status === 'unavailable') {
    body = <p class="empty-note">{t('pageUnavailable')}</p>;
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
        <ul class="page-terms">
          {found.map(({ entry, count }) => (
            <li key={entry.id}>
              <button type="button" class="term-button" onClick={() => onOpen(entry.id)}>
                <span class="term-name">{entry.name}</span>
                <span class="count">{tCount('mentionsOne', 'mentionsOther', count)}</span>
              </button>
            </li>
          ))}
        </ul>
      );
  }
  return (
    <section class="section" aria-labelledby="on-this-page-heading">
      <h2 id="on-this-page-heading">{t('onThisPage')}</h2>
      {body}
    </section>
  );
}
