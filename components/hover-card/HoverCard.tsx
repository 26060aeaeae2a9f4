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
  /** Open the entry in full (the popup page, in a tab). Without it, the card offers no "More" link. */
  onOpenFull?: () => void;
  /** When the card shows a related term reached from another card: the name to go back to. */
  backTo?: string;
  onBack?: () => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  /** 'manual' puts the card in the browser's top layer (above every z-index) once the glue calls showPopover(). */
  popover?: 'manual';
}

const TITLE_ID = 'dpi-lens-card-title';
const SHORT_ID = 'dpi-lens-card-short';

/** A misconception longer than this (about three lines of the card) starts folded, so it does not crowd out the definition. */
export const MISCONCEPTION_FOLD_CHARS = 200;

/**
 * "Why it matters" and "Challenges" show this many points each. The card is a glance (like
 * Wikipedia's Page Previews, a few lines and a way to more): with every point, the demo article's
 * cards were 611-1133 px tall and always scrolled. Most entries have 2 points per list; the popup
 * shows them all.
 */
export const CARD_BULLETS = 2;

/** Related terms shown on the card's one line of buttons, in the entry's order; the popup lists them all, grouped by relation. */
export const CARD_RELATED = 4;

/** The explanation shown next to a highlighted term. Presentational: where it sits and when it shows are the page glue's business. */
export function HoverCard({
  entry,
  related,
  theme = 'system',
  onShowRelated,
  onOpenFull,
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
      aria-describedby={SHORT_ID}
      popover={popover}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {/* The body scrolls when it must; the source footer stays in view below it. */}
      <div class="body">
        {backTo && onBack && (
          <button type="button" class="back" onClick={onBack}>
            <span aria-hidden="true">← </span>
            {t('cardBackTo', backTo)}
          </button>
        )}
        <div class="head">
          <h2 id={TITLE_ID} class="name">
            <EntryName entry={entry} />
          </h2>
          {entry.expansion && entry.expansion !== entry.name && (
            <p class="expansion">{entry.expansion}</p>
          )}
          {/* A reader's own term is theirs, not a checked fact of DPI Lens: say so before the definition. */}
          {custom && <p class="your-term">{source ? t('yourTerm') : t('yourTermNoSource')}</p>}
        </div>

        <p class="short" id={SHORT_ID}>
          {entry.short}
        </p>

        <BulletSection title={t('cardWhyItMatters')} items={entry.significance.slice(0, CARD_BULLETS)} />
        <BulletSection title={t('cardChallenges')} items={entry.challenges.slice(0, CARD_BULLETS)} />

        {entry.misconception && <Misconception text={entry.misconception} />}

        {related.length > 0 && (
          <div role="group" class="related-line" aria-label={t('cardRelatedTerms')}>
            <h3>{t('cardRelated')}</h3>
            <ul class="related">
              {related.slice(0, CARD_RELATED).map(({ relation, entry: other }) => (
                <li key={other.id} title={`${relationLabel(relation)} ${other.name}`}>
                  {/* Heard, not shown: the one line of the card has room for names only. */}
                  <span class="relation visually-hidden">{relationLabel(relation)} </span>
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
          </div>
        )}
      </div>

      {(source || onOpenFull) && (
        <div class="source">
          {source && (
            <p class="source-line">
              <span class="source-label">{custom ? t('yourSource') : t('cardSource')}</span>
              <SourceLine source={source} formatDate={formatAsOf} separator=" · " leadingSeparator />
            </p>
          )}
          {onOpenFull && (
            <button type="button" class="more" onClick={onOpenFull}>
              {t('cardMore')}
              <span aria-hidden="true"> →</span>
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function BulletSection({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <div role="group" class="points" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Misconception({ text }: { text: string }) {
  if (text.length <= MISCONCEPTION_FOLD_CHARS) {
    return (
      <div role="group" class="misconception" aria-label={t('cardMisconception')}>
        <h3>{t('cardMisconception')}</h3>
        <p>{text}</p>
      </div>
    );
  }
  return (
    <div role="group" class="misconception" aria-label={t('cardMisconception')}>
      <details>
        <summary>
          <h3>{t('cardMisconception')}</h3>
        </summary>
        <p>{text}</p>
      </details>
    </div>
  );
}
