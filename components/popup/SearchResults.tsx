import type { SearchResult } from '@/glossary/search';
import { t } from '@/utils/i18n/i18n';
import { categoryLabel } from '@/utils/i18n/labels';

interface SearchResultsProps {
  id: string;
  query: string;
  results: SearchResult[];
  activeIndex: number;
  onOpen: (entryId: string) => void;
}

/** The id of one option, so the search box can point at it with aria-activedescendant. */
export function resultOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * Why a result appeared, when its title alone would not say: "matches “Aadhar”" (another
 * spelling), "close to “MOSIP”" (a typo), "about “payment”" (found by what it is about).
 */
export function matchNote(result: SearchResult): string | undefined {
  if (result.kind === 'definition') return result.about?.length ? t('matchesAbout', result.about.join('”, “')) : undefined;
  if (result.kind === 'fuzzy' || result.kind === 'subsequence') return t('matchesClose', result.form);
  if (result.matchedOn === 'alias' || result.matchedOn === 'searchOnly') return t('matchesForm', result.form);
  return undefined;
}

/**
 * The results of a search as a listbox: focus stays in the search box (so typing goes on) while
 * the arrow keys move the highlighted option, the combobox pattern screen readers know.
 */
export function SearchResults({ id, query, results, activeIndex, onOpen }: SearchResultsProps) {
  if (results.length === 0) {
    return (
      <p class="empty-note" id={id}>
        {t('noResults', query)}
      </p>
    );
  }
  return (
    <ul class="results" id={id} role="listbox" aria-label={t('resultsLabel')}>
      {results.map((result, index) => {
        const { entry } = result;
        const note = matchNote(result);
        return (
          <li
            key={entry.id}
            id={resultOptionId(id, index)}
            role="option"
            aria-selected={index === activeIndex}
            class={index === activeIndex ? 'result active' : 'result'}
            // mousedown would move focus out of the search box; a click opens without that.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onOpen(entry.id)}
          >
            <span class="result-title">
              <span class="result-name">{entry.name}</span>
              {entry.expansion && <span class="result-expansion">{entry.expansion}</span>}
            </span>
            <span class="result-short">{entry.short}</span>
            <span class="result-meta">
              <span class="category">{categoryLabel(entry.category)}</span>
              {note && <span class="match-note">{note}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
