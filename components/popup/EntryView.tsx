import { useEffect, useRef } from 'preact/hooks';
import { RELATIONS, type GlossaryEntry, type Relation } from '@/glossary/types';
import { isCustomId } from '@/utils/custom-terms/schema';
import { EntryName } from '@/components/glossary-view/EntryName';
import { SourceLine } from '@/components/glossary-view/SourceLine';
import { t } from '@/utils/i18n/i18n';
import { formatLongDate } from '@/utils/i18n/dates';
import { categoryLabel, relationLabel } from '@/utils/i18n/labels';

interface EntryViewProps {
  entry: GlossaryEntry;
  getEntry: (id: string) => GlossaryEntry | undefined;
  onOpen: (entryId: string) => void;
  onBack: () => void;
}

interface RelatedGroup {
  relation: Relation;
  entries: GlossaryEntry[];
}

/**
 * Related terms grouped by relation, in the schema's order. A related id with no entry (still
 * being written) is left out rather than shown as a button that leads nowhere.
 */
export function groupRelated(
  entry: GlossaryEntry,
  getEntry: (id: string) => GlossaryEntry | undefined,
): RelatedGroup[] {
  return RELATIONS.flatMap((relation) => {
    const entries = entry.related
      .filter((related) => related.relation === relation)
      .flatMap((related) => getEntry(related.id) ?? []);
    return entries.length > 0 ? [{ relation, entries }] : [];
  });
}

function BulletSection({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section class="entry-section">
      <h3>{title}</h3>
      <ul class="bullets">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

/** One entry in full: every section the entry has, its related terms and its dated sources. */
export function EntryView({ entry, getEntry, onOpen, onBack }: EntryViewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Moving to another entry replaces the whole view; keyboard and screen-reader users start
  // again at its title rather than at a button that no longer exists.
  useEffect(() => heading.current?.focus(), [entry.id]);

  const relatedGroups = groupRelated(entry, getEntry);
  const custom = isCustomId(entry.id);
  return (
    <article class="entry" aria-labelledby="entry-name">
      <button type="button" class="back" onClick={onBack}>
        <span aria-hidden="true">← </span>
        {t('back')}
      </button>
      <header class="entry-header">
        <h2 id="entry-name" ref={heading} tabIndex={-1}>
          <EntryName entry={entry} />
        </h2>
        {entry.expansion && <p class="expansion">{entry.expansion}</p>}
        {/* A reader's own term belongs to no category: say whose it is instead. */}
        <p class="category">{custom ? t('yourTerm') : categoryLabel(entry.category)}</p>
      </header>

      <p class="definition">{entry.definition}</p>
      <BulletSection title={t('cardWhyItMatters')} items={entry.significance} />
      <BulletSection title={t('cardChallenges')} items={entry.challenges} />

      {entry.misconception && (
        <section class="entry-section misconception">
          <h3>{t('cardMisconception')}</h3>
          <p>{entry.misconception}</p>
        </section>
      )}

      {entry.history && entry.history.length > 0 && (
        <section class="entry-section">
          <h3>{t('changedSince')}</h3>
          <ul class="history">
            {entry.history.map((item) => (
              <li key={item.date + item.text}>
                <time dateTime={item.date}>{formatLongDate(item.date)}</time>: {item.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {relatedGroups.length > 0 && (
        <section class="entry-section">
          <h3>{t('cardRelatedTerms')}</h3>
          {relatedGroups.map(({ relation, entries }) => (
            <div key={relation} class="relation-group">
              <h4 class="relation-label">{relationLabel(relation)}</h4>
              <ul class="related">
                {entries.map((related) => (
                  <li key={related.id}>
                    <button type="button" class="chip" onClick={() => onOpen(related.id)}>
                      {related.name}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}

      {custom && entry.sources.length === 0 && (
        <p class="source-meta">{t('noSourceNote')}</p>
      )}
      {entry.sources.length > 0 && (
        <section class="entry-section">
          <h3>{t('sources')}</h3>
          <ul class="sources">
            {entry.sources.map((source) => (
              <li key={source.url}>
                <SourceLine source={source} formatDate={formatLongDate} separator=", " />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
