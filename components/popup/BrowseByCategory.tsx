import { CATEGORIES, type GlossaryEntry } from '@/glossary/types';
import { CATEGORY_LABELS } from './labels';

interface BrowseByCategoryProps {
  entries: readonly GlossaryEntry[];
  onOpen: (entryId: string) => void;
}

/**
 * Every entry, grouped by category. Groups start closed: with a hundred entries the open list
 * would push everything else out of a 560-pixel popup.
 */
export function BrowseByCategory({ entries, onOpen }: BrowseByCategoryProps) {
  const byName = [...entries].sort((a, b) =>
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
  );
  return (
    <section class="section" aria-labelledby="browse-heading">
      <h2 id="browse-heading">Browse by category</h2>
      {CATEGORIES.map((category) => {
        const inCategory = byName.filter((entry) => entry.category === category);
        if (inCategory.length === 0) return null;
        return (
          <details key={category} class="category-group">
            <summary>
              {CATEGORY_LABELS[category]} <span class="count">({inCategory.length})</span>
            </summary>
            <ul class="category-terms">
              {inCategory.map((entry) => (
                <li key={entry.id}>
                  <button type="button" class="term-button" onClick={() => onOpen(entry.id)}>
                    <span class="term-name">{entry.name}</span>
                    {entry.expansion && <span class="term-expansion">{entry.expansion}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
