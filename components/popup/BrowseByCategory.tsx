import { CATEGORIES, type GlossaryEntry } from '@/glossary/types';
import { isCustomId } from '@/utils/custom-terms/schema';
import { t } from '@/utils/i18n/i18n';
import { categoryLabel } from '@/utils/i18n/labels';

/** Readers' own terms have no category: they are browsed as a group of their own, after the bundled ones. */
const YOUR_TERMS = 'your-terms';
const GROUPS = [...CATEGORIES, YOUR_TERMS] as const;

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
      <h2 id="browse-heading">{t('browseByCategory')}</h2>
      {GROUPS.map((category) => {
        const inCategory = byName.filter((entry) =>
          category === YOUR_TERMS ? isCustomId(entry.id) : !isCustomId(entry.id) && entry.category === category,
        );
        if (inCategory.length === 0) return null;
        return (
          <details key={category} class="category-group">
            <summary>
              {category === YOUR_TERMS ? t('sectionYourTerms') : categoryLabel(category)} <span class="count">({inCategory.length})</span>
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
