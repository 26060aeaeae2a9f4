import { useRef, useState } from 'preact/hooks';
import type { GlossaryEntry, Relation } from '../../glossary/types';
import { isCustomId } from '@/utils/custom-terms/schema';
import { EntryName } from '../glossary-view/EntryName';
import { SourceLine } from '../glossary-view/SourceLine';
import { t, tAround, uiLanguage } from '@/utils/i18n/i18n';
import { relationLabel } from '@/utils/i18n/labels';
import { formatMonthYear } from '@/utils/i18n/dates';

export type CardTheme = 'light' | 'dark' | 'system';
/** 'glance': one line of each kind and "More"; 'detailed': opens expanded (the reader's setting). */
export type CardDetail = 'glance' | 'detailed';

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
  /** How the card opens: a glance (default) or already expanded. */
  detail?: CardDetail;
  /** A bottom sheet (phones, touch): a grab handle, full width, dragged down to close. */
  sheet?: boolean;
  /** Show a related term's explanation in this card. Without it, related terms are plain text. */
  onShowRelated?: (id: string) => void;
  /** Open the entry in full (the popup page, in a tab). Without it, the card offers no link to it. */
  onOpenFull?: () => void;
  /** When the card shows a related term reached from another card: the name to go back to. */
  backTo?: string;
  onBack?: () => void;
  /** The sheet was dragged down (or its handle chosen): close it. */
  onDismiss?: () => void;
  /** The card grew or shrank ("More"): the glue places it again. */
  onResize?: () => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  /** 'manual' puts the card in the browser's top layer (above every z-index) once the glue calls showPopover(). */
  popover?: 'manual';
}

const TITLE_ID = 'dpi-lens-card-title';
const SHORT_ID = 'dpi-lens-card-short';
const MORE_ID = 'dpi-lens-card-more';

/** A misconception longer than this (about three lines of the card) starts folded, so it does not crowd out the definition. */
export const MISCONCEPTION_FOLD_CHARS = 200;

/**
 * "Why it matters" and "Challenges" show this many points each once the card is expanded. The
 * glance shows one line of the first point of each (Page Previews: a short extract, the rest
 * behind "more"); the popup shows them all.
 */
export const CARD_BULLETS = 2;

/** Related terms shown on the expanded card's one line of buttons; the popup lists them all, grouped by relation. */
export const CARD_RELATED = 4;

/** A sheet dragged down further than this (CSS px) closes on release; less springs back. */
export const SHEET_DISMISS_PX = 72;

/**
 * The one-line definition in the interface's language: the entry's Hindi one-liner in the Hindi
 * UI (when it has one; a reader's own terms do not), its English one otherwise.
 */
export function cardDefinition(entry: Pick<GlossaryEntry, 'short' | 'shortHi'>, language = uiLanguage()): { text: string; lang?: string } {
  return language === 'hi' && entry.shortHi ? { text: entry.shortHi, lang: 'hi' } : { text: entry.short };
}

/** The explanation shown next to a highlighted term. Presentational: where it sits and when it shows are the page glue's business. */
export function HoverCard(props: HoverCardProps) {
  const { entry, theme = 'system', detail = 'glance', sheet = false, popover, onPointerEnter, onPointerLeave } = props;
  // Keyed by the entry: a related term shown in the card starts at the reader's chosen detail again.
  const [expandedFor, setExpandedFor] = useState<string | null>(detail === 'detailed' ? entry.id : null);
  const expanded = detail === 'detailed' || expandedFor === entry.id;
  const drag = useSheetDrag(sheet ? props.onDismiss : undefined);
  return (
    <div
      class={`dpi-card${sheet ? ' sheet' : ''}${expanded ? ' expanded' : ' glance'}`}
      data-theme={theme}
      role="dialog"
      aria-labelledby={TITLE_ID}
      aria-describedby={SHORT_ID}
      popover={popover}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
      style={drag.offset > 0 ? { transform: `translateY(${drag.offset}px)` } : undefined}
    >
      {sheet && (
        // The grab handle: drag it (or the card's head) down to close. A button too, for a tap or a switch.
        <button type="button" class="grab" aria-label={t('cardClose')} onClick={props.onDismiss} {...drag.handlers}>
          <span aria-hidden="true" />
        </button>
      )}
      <div class="body">
        {props.backTo && props.onBack && (
          <button type="button" class="back" onClick={props.onBack}>
            <span aria-hidden="true">← </span>
            {t('cardBackTo', props.backTo)}
          </button>
        )}
        <div class="head" {...(sheet ? drag.handlers : {})}>
          <h2 id={TITLE_ID} class="name">
            <EntryName entry={entry} />
          </h2>
          {entry.expansion && entry.expansion !== entry.name && <p class="expansion">{entry.expansion}</p>}
          {/* A reader's own term is theirs, not a checked fact of DPI Lens: say so before the definition. */}
          {isCustomId(entry.id) && <p class="your-term">{entry.sources[0] ? t('yourTerm') : t('yourTermNoSource')}</p>}
        </div>
        {expanded ? (
          <Expanded {...props} />
        ) : (
          <Glance entry={entry} />
        )}
      </div>
      <Footer
        {...props}
        expanded={expanded}
        onMore={() => {
          setExpandedFor(expanded ? null : entry.id);
          // After Preact has rendered the longer (shorter) card.
          queueMicrotask(() => props.onResize?.());
        }}
      />
    </div>
  );
}

/** The glance: the one-line definition, then one line of why it matters and one of the challenges. */
function Glance({ entry }: { entry: GlossaryEntry }) {
  const definition = cardDefinition(entry);
  const why = entry.significance[0];
  const challenge = entry.challenges[0];
  return (
    <>
      <p class="short" id={SHORT_ID} lang={definition.lang}>
        {definition.text}
      </p>
      {why && <GlanceLine label={t('cardWhyItMatters')} text={why} />}
      {challenge && <GlanceLine label={t('cardChallenge')} text={challenge} />}
    </>
  );
}

/** "Why it matters: <first point>" on one line; the whole point is in the title and after "More". */
function GlanceLine({ label, text }: { label: string; text: string }) {
  return (
    <p class="line" title={text}>
      <strong>{label}</strong>
      {t('cardLabelSeparator')}
      {text}
    </p>
  );
}

function Expanded({ entry, related, onShowRelated }: HoverCardProps) {
  const definition = cardDefinition(entry);
  return (
    <>
      <p class="short" id={SHORT_ID} lang={definition.lang}>
        {definition.text}
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
    </>
  );
}

/** The source with its date, "More" (expands in place) and, once expanded, the full entry. */
function Footer({ entry, expanded, onMore, onOpenFull, detail = 'glance' }: HoverCardProps & { expanded: boolean; onMore: () => void }) {
  const source = entry.sources[0];
  const custom = isCustomId(entry.id);
  return (
    <div class="source">
      {source && (
        <p class="source-line">
          <span class="source-label">{custom ? t('yourSource') : t('cardSource')}</span>
          {expanded ? (
            <SourceLine source={source} formatDate={formatMonthYear} separator=" · " leadingSeparator />
          ) : (
            <GlanceSource url={source.url} name={source.publisher || source.title} asOf={source.asOf} title={source.title} />
          )}
        </p>
      )}
      <span class="actions">
        {detail === 'glance' && (
          <button type="button" class="more" id={MORE_ID} aria-expanded={expanded} onClick={onMore}>
            {expanded ? t('cardLess') : t('cardMoreInline')}
          </button>
        )}
        {onOpenFull && (expanded || detail === 'detailed') && (
          <button type="button" class="full" onClick={onOpenFull}>
            {t('cardMore')}
            <span aria-hidden="true"> →</span>
          </button>
        )}
      </span>
    </div>
  );
}

/** "NPCI · Aug 2025": the publisher (or the title) as the link, and the month it was checked. */
function GlanceSource({ url, name, asOf, title }: { url: string; name: string; asOf?: string; title: string }) {
  const [before, after] = tAround('cardAsOf');
  return (
    <>
      <a href={url} target="_blank" rel="noopener noreferrer" title={title}>
        {name}
      </a>
      {asOf && (
        <span class="source-meta">
          {' · '}
          {before}
          <time dateTime={asOf}>{formatMonthYear(asOf)}</time>
          {after}
        </span>
      )}
    </>
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

/**
 * Dragging a sheet down by its handle or head: it follows the finger, and closes when let go past
 * SHEET_DISMISS_PX (a mobile reading app's sheet). The card lives in a closed shadow root, so no
 * page script can reach the handle to fake a drag.
 */
function useSheetDrag(onDismiss: (() => void) | undefined) {
  const [offset, setOffset] = useState(0);
  const start = useRef<{ id: number; y: number } | null>(null);
  if (!onDismiss) return { offset: 0, handlers: {} };
  const handlers = {
    onPointerDown(event: PointerEvent) {
      if (event.button > 0) return;
      start.current = { id: event.pointerId, y: event.clientY };
      (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    },
    onPointerMove(event: PointerEvent) {
      if (start.current?.id !== event.pointerId) return;
      setOffset(Math.max(0, event.clientY - start.current.y));
    },
    onPointerUp(event: PointerEvent) {
      if (start.current?.id !== event.pointerId) return;
      const moved = event.clientY - start.current.y;
      start.current = null;
      setOffset(0);
      if (moved > SHEET_DISMISS_PX) onDismiss();
    },
    onPointerCancel() {
      start.current = null;
      setOffset(0);
    },
  };
  return { offset, handlers };
}
