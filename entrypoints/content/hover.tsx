/**
 * The hover card's page layer: turns pointer, focus and key events on highlighted terms into
 * hover-state events, runs the one timer the state asks for, and renders the card into a shadow
 * root (WXT's createShadowRootUi) placed by `placeCard`. Everything it adds is undone when the
 * content script's context is invalidated: listeners go with `ctx.signal`, the UI with WXT's remove.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '../../components/hover-card/hover-card.css?inline';
import { HoverCard, type CardTheme, type ResolvedRelated } from '../../components/hover-card/HoverCard';
import {
  hoverReducer,
  initialHoverState,
  type HoverEvent,
  type TimerCommand,
  type TimerKind,
} from '../../components/hover-card/hover-state';
import { pickLineRect, placeCard } from '../../components/hover-card/placement';
import { CLOSE_GRACE_MS, OPEN_DELAY_MS } from '../../components/hover-card/timings';
import { OPEN_ENTRY_MESSAGE, type OpenEntryRequest } from '../../glossary/messages';
import type { GlossaryEntry } from '../../glossary/types';
import { OWN_UI_TAG } from './own-ui';

/** The highlighter's marks: `<mark class="dpi-lens-term" data-dpi-term="ID">`. */
export const TERM_SELECTOR = 'mark.dpi-lens-term[data-dpi-term]';

const TIMER_DELAYS: Record<TimerKind, number> = { open: OPEN_DELAY_MS, close: CLOSE_GRACE_MS };

/** What can receive keyboard focus inside the card. */
const CARD_FOCUSABLE = 'a[href], button:not([disabled]), summary';

export interface HoverCardOptions {
  theme?: CardTheme;
  /** How long the pointer rests on a term before its card opens (the reader's setting). */
  openDelayMs?: number;
  /** Where entries come from: the content script passes the bundled and the reader's entries (card-entries.ts). */
  lookup: (id: string) => GlossaryEntry | undefined;
}

export interface HoverCardController {
  /** Force light or dark, or follow the system ('system'); for the settings page. */
  setTheme(theme: CardTheme): void;
  /** Hide the card now (e.g. when highlighting is switched off). */
  close(): void;
  /** Show `term`'s card now, as keyboard focus would (e.g. the reader selected the term's text). */
  open(term: HTMLElement): void;
  /** The reader changed the hover delay: applies from the next hover. */
  setOpenDelay(ms: number): void;
  /** false: resting the pointer on a term opens nothing (style "none": the marks are invisible). */
  setPointerOpens(on: boolean): void;
  /** Takes the card's host out of the page and drops its listeners (highlighting turned off). */
  remove(): void;
}

type PointerLocation = HTMLElement | 'card' | null;

export async function mountHoverCard(
  ctx: ContentScriptContext,
  { theme: initialTheme = 'system', openDelayMs = OPEN_DELAY_MS, lookup }: HoverCardOptions,
): Promise<HoverCardController> {
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: OWN_UI_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // The card's CSS goes into its shadow root here, whatever the entrypoint's cssInjectionMode:
    // page CSS cannot reach the card and the card's CSS cannot reach the page.
    css: cardCss,
    onMount: (container) => container,
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
  // The extension may have been reloaded while the UI was being created: then add nothing.
  if (ctx.isInvalid) return { setTheme() {}, close() {}, open() {}, setOpenDelay() {}, setPointerOpens() {}, remove() {} };
  ui.mount();
  const { shadowHost: host, uiContainer: container, shadow } = ui;
  const supportsPopover = typeof HTMLElement.prototype.showPopover === 'function';

  let state = initialHoverState<HTMLElement>();
  const delays: Record<TimerKind, number> = { ...TIMER_DELAYS, open: openDelayMs };
  let pointerOpens = true;
  let timer: number | undefined;
  let theme = initialTheme;
  let pointerLocation: PointerLocation = null;
  /** Where the pointer entered the most recent term: picks the line of a wrapped term. */
  let pointerAt: { term: HTMLElement; x: number; y: number } | undefined;
  /** The line (client rect) of the visible term the card is placed against. */
  let lineIndex = 0;
  /** A related entry opened from the card's own links, shown in place of the term's entry. */
  let relatedId: string | null = null;
  /** Set while the glue itself moves focus to a term, which must not count as the reader focusing it. */
  let movingFocus = false;

  function dispatch(event: HoverEvent<HTMLElement>): void {
    const before = state.visible;
    const result = hoverReducer(state, event);
    state = result.state;
    runTimer(result.timer);
    if (state.visible !== before) {
      relatedId = null;
      if (state.visible) {
        const rects = Array.from(state.visible.getClientRects());
        const pointer = event.type === 'focus' || pointerAt?.term !== state.visible ? undefined : pointerAt;
        lineIndex = pickLineRect(rects, pointer)?.index ?? 0;
      }
      update();
    }
  }

  function runTimer(command: TimerCommand): void {
    if (command === 'keep') return;
    window.clearTimeout(timer);
    timer = undefined;
    if (command === 'cancel') return;
    const kind = command.start;
    timer = window.setTimeout(() => {
      timer = undefined;
      dispatch({ type: 'timer-fired', timer: kind });
    }, delays[kind]);
  }

  function cardElement(): HTMLElement | null {
    return container.querySelector<HTMLElement>('.dpi-card');
  }

  function update(): void {
    const term = state.visible;
    const termEntry = term ? lookup(term.dataset.dpiTerm ?? '') : undefined;
    const entry = relatedId ? lookup(relatedId) : termEntry;
    if (!term || !termEntry || !entry || ctx.isInvalid) {
      render(null, container);
      return;
    }
    const focusWasInCard = shadow.activeElement !== null;
    render(
      <HoverCard
        entry={entry}
        related={resolveRelated(entry, lookup)}
        theme={theme}
        popover={supportsPopover ? 'manual' : undefined}
        onShowRelated={(id) => {
          relatedId = id;
          update();
          focusInCard('.back');
        }}
        onOpenFull={() => openEntry(entry.id)}
        backTo={relatedId ? termEntry.name : undefined}
        onBack={() => {
          relatedId = null;
          update();
          focusInCard(CARD_FOCUSABLE);
        }}
      />,
      container,
    );
    const card = cardElement();
    if (!card) return;
    if (supportsPopover && !card.matches(':popover-open')) card.showPopover();
    // Re-rendering may have removed the focused related-term button: keep focus in the card.
    if (focusWasInCard && shadow.activeElement === null) focusInCard(CARD_FOCUSABLE);
    position();
  }

  function focusInCard(selector: string): void {
    cardElement()?.querySelector<HTMLElement>(selector)?.focus();
  }

  function position(): void {
    const term = state.visible;
    const card = cardElement();
    if (!term || !card) return;
    const rects = Array.from(term.getClientRects());
    const anchor = rects[lineIndex] ?? rects[0];
    if (!term.isConnected || !anchor) {
      dispatch({ type: 'escape' }); // the page removed the term (or hid it): its card goes too
      return;
    }
    card.style.maxHeight = '';
    const size = card.getBoundingClientRect();
    const root = document.documentElement;
    const placement = placeCard({
      anchor,
      card: { width: size.width, height: size.height },
      // clientWidth/Height exclude the page's scrollbars, which the card must not sit under.
      viewport: { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight },
    });
    card.style.top = `${placement.top}px`;
    card.style.left = `${placement.left}px`;
    if (placement.maxHeight !== undefined) card.style.maxHeight = `${placement.maxHeight}px`;
    card.dataset.side = placement.side;
  }

  function locate(event: Event): PointerLocation {
    // Events from inside the shadow root reach the document retargeted to its host.
    if (event.composedPath().includes(host)) return 'card';
    const target = event.target;
    if (!(target instanceof Element)) return null;
    return target.closest<HTMLElement>(TERM_SELECTOR);
  }

  function movePointer(to: PointerLocation): void {
    const from = pointerLocation;
    if (to === from) return;
    pointerLocation = to;
    if (from === 'card') dispatch({ type: 'pointer-leave-card' });
    else if (from) dispatch({ type: 'pointer-leave-term', anchor: from });
    if (to === 'card') dispatch({ type: 'pointer-enter-card' });
    else if (to) dispatch({ type: 'pointer-enter-term', anchor: to });
  }

  /** Is `node` the visible term, inside it, or inside the card? */
  function withinTermOrCard(node: EventTarget | null): boolean {
    if (node === host) return true;
    return node instanceof Node && state.visible !== null && state.visible.contains(node);
  }

  function focusTerm(term: HTMLElement): void {
    movingFocus = true;
    try {
      term.focus({ preventScroll: true });
    } finally {
      movingFocus = false;
    }
  }

  // Listeners go when the extension is unloaded or the card is removed (highlighting turned off).
  const removed = new AbortController();
  const listen = { capture: true, signal: AbortSignal.any([ctx.signal, removed.signal]) };
  const passive = { ...listen, passive: true };

  document.addEventListener(
    'pointerover',
    (event) => {
      // Touch has no hover: a tap is not a resting pointer (tap-to-open is a separate feature).
      if (event.pointerType === 'touch') return;
      const located = locate(event);
      const to = located instanceof HTMLElement && !pointerOpens ? null : located;
      if (to instanceof HTMLElement) pointerAt = { term: to, x: event.clientX, y: event.clientY };
      movePointer(to);
    },
    passive,
  );

  document.addEventListener(
    'pointerout',
    (event) => {
      // relatedTarget is null when the pointer leaves the window (or enters an iframe).
      if (event.pointerType !== 'touch' && event.relatedTarget === null) movePointer(null);
    },
    passive,
  );

  document.addEventListener(
    'focusin',
    (event) => {
      if (movingFocus) return;
      const term = locate(event);
      // A click also focuses a term with tabindex; only keyboard focus opens the card at once.
      if (term instanceof HTMLElement && isKeyboardFocus(term)) dispatch({ type: 'focus', anchor: term });
    },
    listen,
  );

  document.addEventListener(
    'focusout',
    (event) => {
      if (!state.focusWithin || withinTermOrCard(event.relatedTarget)) return;
      if (withinTermOrCard(event.target)) dispatch({ type: 'blur' });
    },
    listen,
  );

  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') {
        if (!state.visible && !state.pending) return;
        const term = state.visible;
        const focusWasInCard = shadow.activeElement !== null;
        dispatch({ type: 'escape' });
        // Focus must not stay on a link that has just disappeared.
        if (focusWasInCard && term) focusTerm(term);
        return;
      }
      if (event.key === 'Tab') handleTab(event);
    },
    listen,
  );

  /**
   * The card sits at the end of <body>, far from its term in the page's tab order. Tab from a
   * focused term enters the card; Tab past the card's last link continues after the term, and
   * Shift+Tab from its first link returns to the term.
   */
  function handleTab(event: KeyboardEvent): void {
    const term = state.visible;
    const card = cardElement();
    if (!term || !card || !state.focusWithin) return;
    const focusables = Array.from(card.querySelectorAll<HTMLElement>(CARD_FOCUSABLE));
    if (focusables.length === 0) return;
    const focused = event.composedPath()[0];
    if (focused === term && !event.shiftKey) {
      event.preventDefault();
      focusables[0].focus();
      return;
    }
    if (!(focused instanceof Node) || !shadow.contains(focused)) return;
    const index = focusables.indexOf(focused as HTMLElement);
    if (event.shiftKey && index === 0) {
      event.preventDefault();
      focusTerm(term);
    } else if (!event.shiftKey && index === focusables.length - 1) {
      // No preventDefault: the browser's own Tab then moves on from the term to what follows it.
      focusTerm(term);
    }
  }

  window.addEventListener('scroll', () => state.visible && position(), passive);
  window.addEventListener('resize', () => state.visible && position(), passive);

  ctx.onInvalidated(() => {
    window.clearTimeout(timer);
    timer = undefined;
  });

  return {
    setTheme(next) {
      theme = next;
      update();
    },
    close() {
      if (state.visible || state.pending) dispatch({ type: 'escape' });
    },
    open(term) {
      if (state.visible !== term) dispatch({ type: 'focus', anchor: term });
    },
    setOpenDelay(ms) {
      delays.open = ms;
    },
    setPointerOpens(on) {
      pointerOpens = on;
    },
    remove() {
      if (removed.signal.aborted) return;
      window.clearTimeout(timer);
      timer = undefined;
      removed.abort();
      ui.remove();
    },
  };
}

/** The card's "More in DPI Lens": the background opens the entry on the popup page in a new tab. */
function openEntry(id: string): void {
  const message: OpenEntryRequest = { type: OPEN_ENTRY_MESSAGE, id };
  // The extension may have been reloaded under the page: then there is no one to ask.
  browser.runtime.sendMessage(message).catch(() => {});
}

function resolveRelated(
  entry: GlossaryEntry,
  lookup: (id: string) => GlossaryEntry | undefined,
): ResolvedRelated[] {
  return entry.related.flatMap(({ id, relation }) => {
    const other = lookup(id);
    return other ? [{ relation, entry: other }] : [];
  });
}

function isKeyboardFocus(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true; // a browser without :focus-visible: treat every focus as keyboard focus
  }
}
