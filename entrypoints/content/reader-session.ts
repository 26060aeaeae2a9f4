/**
 * The reader's settings, applied to one page: whether to highlight here, which mentions, in what
 * style, and how the card behaves. It owns the lifecycles of the page highlighter and the card
 * layer (start, stop, restart with new options) and answers what the popup and the keyboard
 * command ask of the page. Everything it does has an undo: `stop()`.
 */
import type { Matcher } from '@/glossary/matcher';
import type { Category, PageTerm } from '@/glossary/types';
import type { Settings } from '@/utils/settings/settings';
import { isHighlightingOn } from '@/utils/settings/site-rules';
import type { CardLayer, CardSnapshot } from './page/card';
import type { Highlighter, HighlighterOptions } from './page/highlighter';

/** Whether the page is highlighted, and if not, why: the popup says which. */
export type PageState = 'on' | 'off-page' | 'off-site' | 'off-everywhere' | 'loading';

export interface ReaderSessionOptions {
  doc: Document;
  matcher: Matcher;
  categoryOf: (id: string) => Category | undefined;
  /** This page's site (see site-rules.ts), undefined for pages without a host. */
  site: string | undefined;
  /** Starts the page highlighter (page/highlighter.ts; tests pass their own). */
  startHighlighting: (matcher: Matcher, options: HighlighterOptions) => Highlighter;
  /** Creates the card layer for a highlighter (once the page has terms to explain). */
  createCard?: (highlighter: Highlighter) => Promise<CardLayer>;
  /** The number of distinct terms on the page changed (for the toolbar badge). */
  onTermCount?: (count: number) => void;
}

export interface ReaderSession {
  /** Applies new settings: starts, stops or restarts highlighting only when needed. */
  apply(settings: Settings): void;
  /** The keyboard command: flips highlighting on this page until it is reloaded. Returns the new state. */
  togglePage(): boolean;
  /** The glossary changed (the reader's own terms): highlight again with `next`, if highlighting. */
  setMatcher(next: Matcher): void;
  /** Terms on the page in reading order, with how often each occurs. */
  terms(): PageTerm[];
  readonly state: PageState;
  /** The popup's "take me there": scrolls to the term's first highlighted mention and opens its card. */
  showTerm(id: string, options?: { focus?: boolean }): Promise<boolean>;
  /** The keyboard command: next (1) or previous (-1) term, card open with focus. Returns its id. */
  moveTerm(direction: 1 | -1): Promise<string | undefined>;
  cardSnapshot(): CardSnapshot;
  readonly active: boolean;
  stop(): void;
}

export function createReaderSession(options: ReaderSessionOptions): ReaderSession {
  const { categoryOf, site, startHighlighting, createCard, onTermCount } = options;
  let matcher = options.matcher;
  let settings: Settings | undefined;
  let highlighter: Highlighter | undefined;
  let card: CardLayer | undefined;
  let cardMount: Promise<CardLayer> | undefined;
  let pageOverride: boolean | undefined;
  let lastCount = -1;
  /** What the running highlighter was started with: a change of these needs a restart. */
  let runningKey = '';

  const wantsOn = (s: Settings) => pageOverride ?? isHighlightingOn(s, site);

  function report(): void {
    const count = highlighter ? highlighter.terms().length : 0;
    if (count !== lastCount) {
      lastCount = count;
      onTermCount?.(count);
    }
  }

  function configureCard(): void {
    if (!card || !settings) return;
    card.setTheme(settings.theme);
    card.setDetail(settings.cardDetail);
    card.setOpenDelay(settings.hoverDelayMs);
    card.setPointerOpens(settings.style !== 'none');
  }

  /** The card layer for the running highlighter, created at its first terms. */
  function ensureCard(): Promise<CardLayer> | undefined {
    const running = highlighter;
    if (!createCard || !running) return undefined;
    if (cardMount) return cardMount;
    const mount = (cardMount = createCard(running));
    void mount.then(
      (layer) => {
        if (cardMount !== mount || highlighter !== running) {
          layer.remove(); // turned off or restarted while the entries were loading
          return;
        }
        card = layer;
        configureCard();
      },
      () => {
        // The card's code could not be loaded (the page went away mid-import, or the extension was
        // updated): highlights stay, and the next term or command tries again.
        if (cardMount === mount) cardMount = undefined;
      },
    );
    return mount;
  }

  function onChange(): void {
    report();
    if (!highlighter || highlighter.paintedCount === 0) return;
    if (card) card.followDocuments();
    else void ensureCard();
  }

  function removeCard(): void {
    card?.remove();
    card = undefined;
    const mount = cardMount;
    cardMount = undefined;
    void mount?.then((layer) => layer.remove());
  }

  function stopHighlighting(): void {
    removeCard();
    highlighter?.stop();
    highlighter = undefined;
    runningKey = '';
    report();
  }

  function sync(): void {
    if (!settings) return;
    if (!wantsOn(settings)) {
      stopHighlighting();
      return;
    }
    const key = JSON.stringify([settings.density, settings.disabledCategories]);
    if (!highlighter || key !== runningKey) {
      stopHighlighting();
      runningKey = key;
      highlighter = startHighlighting(matcher, {
        density: settings.density,
        disabledCategories: settings.disabledCategories,
        categoryOf,
        style: settings.style,
        onChange,
      });
    }
    highlighter.setStyle(settings.style);
    configureCard();
  }

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
    setMatcher(next) {
      matcher = next;
      // A restart reads the page again: a deleted term's highlights go, a new one's come.
      if (highlighter) {
        stopHighlighting();
        sync();
      }
    },
    terms: () => highlighter?.terms() ?? [],
    get state(): PageState {
      if (!settings) return 'loading';
      if (highlighter) return 'on';
      if (pageOverride === false) return 'off-page';
      if (!settings.enabled) return 'off-everywhere';
      return 'off-site';
    },
    async showTerm(id, { focus = false } = {}) {
      const occurrence = highlighter?.firstPainted(id);
      const layer = occurrence ? await ensureCard() : undefined;
      if (!occurrence || !layer || card !== layer) return false;
      // The popup's "take me there": the term flashes so the eye finds it; focus when chosen by keyboard.
      layer.show(occurrence, { focus, reveal: true, flash: true });
      return true;
    },
    async moveTerm(direction) {
      if (!highlighter || highlighter.paintedCount === 0) return undefined;
      const layer = await ensureCard();
      if (!layer || card !== layer) return undefined;
      return layer.move(direction)?.id;
    },
    cardSnapshot: () => card?.snapshot() ?? { open: false },
    get active() {
      return highlighter !== undefined;
    },
    stop() {
      stopHighlighting();
    },
  };
}
