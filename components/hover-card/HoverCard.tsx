import type { GlossaryEntry, Relation } from '../../glossary/types';
import { isCustomId } from '../custom-terms/schema';
import { EntryName } from '../glossary-view/EntryName';
import { SourceLine } from '../glossary-view/SourceLine';
import { t } from '../i18n/i18n';
import { relationLabel } from '../popup/labels';
import { formatAsOf } from './format';

export type CardTheme = 'light' | 'dark' | 'system';

export interface ResolvedRelated {
  relation: Relation;
  entry: GlossaryEntry;
}

export interface HoverCardProps {
  entry: GlossaryEntry;
  /** The entry's related terms that exist in the glossary, in the entry's order. */
  related: readonly ResolvedRelated[];
  /** 'system' follows prefers-color-scheme; a setting can force 'light' or 'dark'. */
  theme?: CardTheme;
  /** Show a related term's explanation in this card. Without it, related terms are plain text. */
  onShowRelated?: (id: string) => void;
  /** When the card shows a related term reached from another card: the name to go back to. */
  backTo?: string;
  onBack?: () => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  /** 'manual' puts the card in the browser's top layer (above every z-index) once the glue calls showPopover(). */
  popover?: 'manual';
}

const TITLE_ID = 'dpi-lens-card-title';

/** A misconception longer than this (about three lines of the card) starts folded, so it does not crowd out the definition. */
export const MISCONCEPTION_FOLD_CHARS = 200;

/** The explanation shown next to a highlighted term. Presentational: where it sits and when it shows are the page glue's business. */
export function HoverCard({
  entry,
  related,
  theme = 'system',
  onShowRelated,
  backTo,
  onBack,
  onPointerEnter,
  onPointerLeave,
  popover,
}: HoverCardProps) {
  const source = entry.sources[0];
  const custom = isCustomId(entry.id);
  return (
    <div
      class="dpi-card"
      data-theme={theme}
      role="dialog"
      aria-labelledby={TITLE_ID}
      popover={popover}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {backTo && onBack && (
        <button type="button" class="back" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {t('cardBackTo', backTo)}
        </button>
      )}
      <header>
        <h2 id={TITLE_ID} class="name">
          <EntryName entry={entry} />
        </h2>
        {entry.expansion && entry.expansion !== entry.name && (
          <p class="expansion">{entry.expansion}</p>
        )}
        {/* A reader's own term is theirs, not a checked fact of DPI Lens: say so before the definition. */}
        {custom && <p class="your-term">{source ? t('yourTerm') : t('yourTermNoSource')}</p>}
      </header>

      <p class="short">{entry.short}</p>

      <BulletSection title={t('cardWhyItMatters')} items={entry.significance} />
      <BulletSection title={t('cardChallenges')} items={entry.challenges} />

      {entry.misconception && <Misconception text={entry.misconception} />}

      {related.length > 0 && (
        <section aria-label={t('cardRelatedTerms')}>
          <h3>{t('cardRelated')}</h3>
          <ul class="related">
            {related.map(({ relation, entry: other }) => (
              <li key={other.id}>
                <span class="relation">{relationLabel(relation)}</span>{' '}
                {onShowRelated ? (
                  <button type="button" class="related-term" onClick={() => onShowRelated(other.id)}>
                    {other.name}
                  </button>
                ) : (
                  <span class="related-term">{other.name}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {source && (
        <footer class="source">
          <span class="source-label">{custom ? t('yourSource') : t('cardSource')}</span>
          <SourceLine source={source} formatDate={formatAsOf} separator=" · " leadingSeparator />
        </footer>
      )}
    </div>
  );
}

function BulletSection({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

function Misconception({ text }: { text: string }) {
  if (text.length <= MISCONCEPTION_FOLD_CHARS) {
    return (
      <section class="misconception" aria-label={t('cardMisconception')}>
        <h3>{t('cardMisconception')}</h3>
        <p>{text}</p>
      </section>
    );
  }
  return (
    <section class="misconception" aria-label={t('cardMisconception')}>
      <details>
        <summary>
          <h3>{t('cardMisconception')}</h3>
        </summary>
        <p>{text}</p>
      </details>
    </section>
  );
}
