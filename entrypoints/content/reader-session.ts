/**
 * The reader's settings, applied to one page: whether to highlight here, which mentions, in what
 * style, and how the card behaves. It owns the highlighting's lifecycle (start, stop, restart with
 * new options) but not the highlighting itself: `startHighlighting` is the page layer's
 * highlighter, given a matcher whose matches the settings have already filtered.
 *
 * Everything it does has an undo: `stop()` stops highlighting (which removes every mark), takes
 * its style sheet out and drops its listeners.
 */
import type { HoverCardController } from './hover';
import type { Matcher } from '@/glossary/matcher';
import { createMentionFilter, filterMatcher } from '@/glossary/mention-filter';
import type { Category } from '@/glossary/types';
import type { Settings } from '@/components/settings/settings';
import { isHighlightingOn } from '@/components/settings/site-rules';
import { MARK_SELECTOR, TERM_ATTRIBUTE } from './mark-contract';
import { applyReaderStyle } from './reader-style';

/**
 * A selection must rest this long before it opens a card: dragging across a paragraph, or
 * extending a selection with Shift+arrows, passes over terms without opening each one.
 */
export const SELECTION_SETTLE_MS = 300;

export interface Highlighting {
  stop(): void;
}

export interface ReaderSessionOptions {
  doc: Document;
  matcher: Matcher;
  categoryOf: (id: string) => Category | undefined;
  /** This page's site (see site-rules.ts), undefined for pages without a host. */
  site: string | undefined;
  /**
   * Starts the page highlighter with the filtered matcher; it calls `onFirstMarks` once marks are
   * on the page. `unfiltered` is the same matcher without the filter (for the context rules).
   */
  startHighlighting: (matcher: Matcher, onFirstMarks: () => void, unfiltered: Matcher) => Highlighting;
  /** Mounts the hover card (called once, when the first marks appear). */
  mountCard?: () => Promise<HoverCardController>;
  /** The number of distinct terms marked changed (for the toolbar badge). */
  onTermCount?: (count: number) => void;
  signal?: AbortSignal;
}

export interface ReaderSession {
  /** Applies new settings: starts, stops or restarts highlighting only when needed. */
  apply(settings: Settings): void;
  /** The keyboard command: flips highlighting on this page until it is reloaded. Returns the new state. */
  togglePage(): boolean;
  /** A highlighting pass finished: make first mentions focusable, report the count. */
  refresh(): void;
  /** The glossary changed (the reader's own terms): highlight again with `next`, if highlighting. */
  setMatcher(next: Matcher): void;
  readonly active: boolean;
  stop(): void;
}

export { filterMatcher } from '@/glossary/mention-filter';

/**
 * The first mark of each term gets tabindex="0", so Tab visits every term once, in reading order;
 * making every mention focusable would bury the page's own links under dozens of tab stops.
 */
export function focusFirstMentions(root: ParentNode): number {
  const seen = new Set<string>();
  for (const mark of root.querySelectorAll<HTMLElement>(`${MARK_SELECTOR}[${TERM_ATTRIBUTE}]`)) {
    const id = mark.getAttribute(TERM_ATTRIBUTE)!;
    if (seen.has(id)) {
      if (mark.getAttribute('tabindex') === '0') mark.removeAttribute('tabindex');
      continue;
    }
    seen.add(id);
    if (!mark.hasAttribute('tabindex')) mark.setAttribute('tabindex', '0');
  }
  return seen.size;
}

/** The mark the selection is exactly on (inside one mark, or one whole mark), if any. */
export function markOfSelection(selection: Selection | null): HTMLElement | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const container = range.commonAncestorContainer;
  const element = container instanceof Element ? container : container.parentElement;
  const inside = element?.closest<HTMLElement>(MARK_SELECTOR);
  if (inside) return inside;
  const text = selection.toString().trim();
  const candidates = Array.from(element?.querySelectorAll<HTMLElement>(MARK_SELECTOR) ?? []).filter((mark) =>
    range.intersectsNode(mark),
  );
  const [only] = candidates;
  return candidates.length === 1 && only!.textContent?.trim() === text ? only : undefined;
}

export function createReaderSession(options: ReaderSessionOptions): ReaderSession {
  const { doc, categoryOf, site, startHighlighting, mountCard, onTermCount } = options;
  let matcher = options.matcher;
  let settings: Settings | undefined;
  let highlighting: Highlighting | undefined;
  let undoStyle: () => void = () => {};
  let pageOverride: boolean | undefined;
  let card: HoverCardController | undefined;
  let cardMount: Promise<HoverCardController> | undefined;
  let lastCount = -1;
  let selectionTimer: number | undefined;
  let cardFromSelection: HTMLElement | undefined;
  /** What the running highlighter was started with: a change of these needs a restart. */
  let runningKey = '';

  const wantsOn = (s: Settings) => pageOverride ?? isHighlightingOn(s, site);

  function report(): void {
    const count = highlighting ? focusFirstMentions(doc) : 0;
    if (count !== lastCount) {
      lastCount = count;
      onTermCount?.(count);
    }
  }

  function configureCard(): void {
    if (!card || !settings) return;
    card.setTheme(settings.theme);
    card.setOpenDelay(settings.hoverDelayMs);
    card.setPointerOpens(settings.style !== 'none');
  }

  function onFirstMarks(): void {
    report();
    if (!mountCard || cardMount) return;
    const mount = (cardMount = mountCard());
    void mount.then((mounted) => {
      if (cardMount !== mount) return; // turned off while mounting: unmountCard removes it
      card = mounted;
      configureCard();
    });
  }

  /** Turning off leaves the page as it was: the card's host element goes too (remounted with the next marks). */
  function unmountCard(): void {
    const mount = cardMount;
    cardMount = undefined;
    card = undefined;
    void mount?.then((mounted) => mounted.remove());
  }

  function stopHighlighting(): void {
    card?.close();
    highlighting?.stop();
    highlighting = undefined;
    runningKey = '';
    report();
  }

  function sync(): void {
    if (!settings) return;
    undoStyle();
    undoStyle = () => {};
    if (!wantsOn(settings)) {
      stopHighlighting();
      unmountCard();
      return;
    }
    const key = JSON.stringify([settings.density, settings.disabledCategories]);
    if (!highlighting || key !== runningKey) {
      stopHighlighting();
      const filter = createMentionFilter(settings, categoryOf);
      runningKey = key;
      highlighting = startHighlighting(filterMatcher(matcher, filter), onFirstMarks, matcher);
      report();
    }
    undoStyle = applyReaderStyle(doc, settings.style);
    configureCard();
  }

  function onSelectionChange(): void {
    window.clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(() => {
      if (!card || !highlighting || settings?.style !== 'none') return;
      const mark = markOfSelection(doc.getSelection());
      if (mark) {
        cardFromSelection = mark;
        card.open(mark);
      } else if (cardFromSelection) {
        cardFromSelection = undefined;
        card.close();
      }
    }, SELECTION_SETTLE_MS);
  }
  doc.addEventListener('selectionchange', onSelectionChange, { signal: options.signal });

  return {
    apply(next) {
      settings = next;
      sync();
    },
    togglePage() {
      if (!settings) return false;
      pageOverride = !wantsOn(settings);
      sync();
      return pageOverride;
    },
    refresh: report,
    setMatcher(next) {
      matcher = next;
      // A restart removes every mark and wraps again: a deleted term's marks go, a new one's come.
      if (highlighting) {
        stopHighlighting();
        sync();
      }
    },
    get active() {
      return highlighting !== undefined;
    },
    stop() {
      window.clearTimeout(selectionTimer);
      doc.removeEventListener('selectionchange', onSelectionChange);
      undoStyle();
      highlighting?.stop();
      highlighting = undefined;
      unmountCard();
    },
  };
}
