/**
 * The hover card's page layer. There are no marks to receive events, so it hit-tests: the pointer's
 * position (at most once per frame while it moves) is turned into the highlighted occurrence under
 * it (hit-test.ts), and pointer, tap, focus and key events become hover-state events
 * (utils/hover-card/hover-state.ts, Page Previews' timings).
 *
 * The card is the only node DPI Lens ever adds to a page, and only while a card is open: a host
 * element on <html> (not <body>, which pages swap) with a closed shadow root, so the page can
 * neither style the card nor read it, a reader's own definitions included. Only trusted events
 * (the reader's own) open, move or close it. Everything is undone by `remove()`.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import cardCss from '@/components/hover-card/hover-card.css?inline';
import { HoverCard, type CardDetail, type CardTheme, type ResolvedRelated } from '@/components/hover-card/HoverCard';
import { hoverReducer, initialHoverState, type HoverEvent, type TimerCommand, type TimerKind } from '@/utils/hover-card/hover-state';
import { pickLineRect, placeCard } from '@/utils/hover-card/placement';
import { CLOSE_GRACE_MS, OPEN_DELAY_MS } from '@/utils/hover-card/timings';
import { OPEN_ENTRY_MESSAGE, type OpenEntryRequest } from '@/utils/messages';
import type { GlossaryEntry } from '@/glossary/types';
import { OWN_UI_TAG } from './contract';
import type { Highlighter } from './highlighter';
import { occurrenceAt, toTopViewport } from './hit-test';
import { boxOf, rectsOf, type Occurrence } from './occurrences';

/**
 * The host takes nothing from the page: page CSS aimed at it (or at every element) and inherited
 * fonts and colours stop here. Important declarations of the inner context win over the page's.
 */
const HOST_CSS = ':host { all: initial !important; }\n';

const TIMER_DELAYS: Record<TimerKind, number> = { open: OPEN_DELAY_MS, close: CLOSE_GRACE_MS };
/** What can receive keyboard focus inside the card. */
const CARD_FOCUSABLE = 'a[href], button:not([disabled]), summary';
/** A touch that moves less than this and lifts within TAP_MAX_MS is a tap, not a scroll. */
export const TAP_SLOP_PX = 10;
/** Longer than this is a long press (the browser's own menu), not a tap. */
export const TAP_MAX_MS = 500;
/**
 * A selection must rest this long before it opens a card (style "none"): dragging across a
 * paragraph passes over terms without opening each one.
 */
export const SELECTION_SETTLE_MS = 300;
/**
 * Viewports where the card opens as a bottom sheet: narrow (a phone held upright: 360-430 px) or
 * without hover (a touch screen, where a floating card would sit under the reader's finger).
 */
export const SHEET_MEDIA = '(max-width: 600px), (hover: none) and (pointer: coarse)';
/** Space kept between the tapped term and the top of the sheet, in CSS px. */
export const SHEET_TERM_GAP_PX = 12;
/** The popup's "flash": the term's current-highlight blinks this many times, each phase this long. */
export const FLASH_BLINKS = 3;
export const FLASH_PHASE_MS = 160;

/** What the card shows now, for the extension's own end-to-end tests (through extension messaging only). */
export interface CardSnapshot {
  open: boolean;
  id?: string;
  /** The card's text, as the reader sees it. */
  text?: string;
  /** True when keyboard focus is inside the card. */
  focused?: boolean;
  role?: string | null;
  label?: string;
  /** The card's box and its buttons' boxes, in the top viewport's CSS px. */
  rect?: { left: number; top: number; width: number; height: number };
  buttons?: { name: string; left: number; top: number; width: number; height: number }[];
  /** The card's computed background and text colours (theme checks). */
  colors?: { background: string; text: string };
  /** The card's markup, for an accessibility check outside the closed root. */
  html?: string;
  /** Shown as a bottom sheet (narrow or touch viewport). */
  sheet?: boolean;
  /** "More" has expanded it (or the reader's setting opens it detailed). */
  expanded?: boolean;
  /** The smallest computed font size of the card's text, in CSS px. */
  minFontPx?: number;
  /** The term's first line box, in the top viewport's CSS px (the sheet must not cover it). */
  anchor?: { left: number; top: number; width: number; height: number };
}

export interface CardLayerOptions {
  highlighter: Highlighter;
  /** Bundled entries come from the background (card-entries-request.ts), the reader's own from storage. */
  lookup: (id: string) => GlossaryEntry | undefined;
  theme?: CardTheme;
  detail?: CardDetail;
  openDelayMs?: number;
  signal: AbortSignal;
}

export interface CardLayer {
  setTheme(theme: CardTheme): void;
  /** How much the card shows when it opens (the reader's setting). */
  setDetail(detail: CardDetail): void;
  setOpenDelay(ms: number): void;
  /** false: resting the pointer on a term opens nothing (style "none": nothing is painted). */
  setPointerOpens(on: boolean): void;
  /** Opens the card of `occurrence`, scrolled into view; `focus` puts keyboard focus in it. */
  show(occurrence: Occurrence, options?: { focus?: boolean; reveal?: boolean; flash?: boolean }): void;
  /** The keyboard command: the next (1) or previous (-1) highlighted term in reading order. */
  move(direction: 1 | -1): Occurrence | undefined;
  /** New same-origin frames were read: listen there too. */
  followDocuments(): void;
  close(): void;
  snapshot(): CardSnapshot;
  remove(): void;
}

type Location = Occurrence | 'card' | null;

export function createCardLayer(options: CardLayerOptions): CardLayer {
  const { highlighter, lookup } = options;
  const removed = new AbortController();
  const signal = AbortSignal.any([options.signal, removed.signal]);
  const delays: Record<TimerKind, number> = { ...TIMER_DELAYS, open: options.openDelayMs ?? OPEN_DELAY_MS };
  let theme: CardTheme = options.theme ?? 'system';
  let detail: CardDetail = options.detail ?? 'glance';
  /** Whether the open card is a bottom sheet, decided when it opens (a rotation re-decides it). */
  let sheet = false;
  /** The occurrence whose sheet has already made room for its term (scrolled once, at open). */
  let uncovered: Occurrence | null = null;
  let flashTimers: number[] = [];
  /**
   * Android's Back closes the sheet, as in a reading app: an entry (same address, same state) is
   * pushed on the history while the sheet is open, and Back takes it away. Not CloseWatcher: Firefox
   * for Android has none, and one way for both keeps them alike.
   */
  let backEntry = false;
  /** popstate events our own history.back() will cause: not the reader's Back. */
  let ownPops = 0;
  let pointerOpens = true;
  let state = initialHoverState<Occurrence>();
  let timer: number | undefined;
  let location: Location = null;
  let pointer: { doc: Document; x: number; y: number } | undefined;
  let hitFrame: number | undefined;
  let tap: { x: number; y: number; time: number } | undefined;
  let relatedId: string | null = null;
  let lineIndex = 0;
  /** Where focus was before the card took it: Esc gives it back. */
  let returnFocus: HTMLElement | undefined;
  let selectionTimer: number | undefined;
  let fromSelection: Occurrence | undefined;
  const listened = new WeakSet<Document>();

  // --- the host: created when a card opens, removed when it closes ------------------------
  let host: HTMLElement | undefined;
  let shadow: ShadowRoot | undefined;
  let container: HTMLElement | undefined;

  function ensureHost(): HTMLElement {
    if (!host) {
      host = document.createElement(OWN_UI_TAG);
      // Also inline and important on our own host: Firefox lets a page's `!important` rule for the
      // host beat the shadow root's `:host` one, so the page could hide the card.
      host.style.setProperty('all', 'initial', 'important');
      shadow = host.attachShadow({ mode: 'closed' });
      try {
        // A constructed sheet: no <style> element for a strict page CSP to block.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(HOST_CSS + cardCss);
        shadow.adoptedStyleSheets = [sheet];
      } catch {
        const style = document.createElement('style');
        style.textContent = HOST_CSS + cardCss;
        shadow.append(style);
      }
      container = document.createElement('div');
      shadow.append(container);
      host.addEventListener('keydown', onCardKey, { signal });
    }
    // Attached to <html>: pages that swap <body> (Turbo, PJAX) do not take it with them.
    if (!host.isConnected) document.documentElement.append(host);
    return container!;
  }

  function removeHost(): void {
    if (!host) return;
    if (container) render(null, container);
    host.remove();
  }

  const cardElement = () => container?.querySelector<HTMLElement>('.dpi-card') ?? null;
  const focusInCard = () => shadow !== undefined && shadow.activeElement !== null;

  // --- state -----------------------------------------------------------------------------
  function dispatch(event: HoverEvent<Occurrence>): void {
    const before = state.visible;
    const result = hoverReducer(state, event);
    state = result.state;
    runTimer(result.timer);
    if (state.visible !== before) {
      relatedId = null;
      uncovered = null;
      sheet = state.visible !== null && isSheetViewport();
      if (sheet && state.visible && !state.focusWithin) {
        // A sheet opened by a resting mouse (a narrow window) is not a hover card: it stays until
        // closed (a click outside, Esc, Back, a drag), so the pointer can cross the page to it.
        const held = hoverReducer(state, { type: 'focus', anchor: state.visible });
        state = held.state;
        runTimer(held.timer);
      }
      if (state.visible) {
        const rects = rectsOf(state.visible);
        const at = event.type === 'pointer-enter-term' || event.type === 'timer-fired' ? pointer : undefined;
        lineIndex = (at && pickLineRect(rects, { x: at.x, y: at.y })?.index) || 0;
      }
      highlighter.setCurrent(state.visible);
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

  function update(): void {
    const occurrence = state.visible;
    const termEntry = occurrence ? lookup(occurrence.id) : undefined;
    const entry = relatedId ? lookup(relatedId) : termEntry;
    if (!occurrence || !termEntry || !entry || signal.aborted) {
      const hadFocus = focusInCard();
      removeHost();
      releaseBack();
      if (hadFocus) restoreFocus();
      return;
    }
    const hadFocus = focusInCard();
    const target = ensureHost();
    render(
      <HoverCard
        entry={entry}
        related={resolveRelated(entry, lookup)}
        theme={theme}
        detail={detail}
        sheet={sheet}
        onResize={() => position()}
        onDismiss={() => closeCard()}
        popover="manual"
        onShowRelated={(id) => {
          relatedId = id;
          update();
          cardElement()?.querySelector<HTMLElement>('.back')?.focus();
        }}
        onOpenFull={() => openEntry(entry.id)}
        backTo={relatedId ? termEntry.name : undefined}
        onBack={() => {
          relatedId = null;
          update();
          cardElement()?.querySelector<HTMLElement>(CARD_FOCUSABLE)?.focus();
        }}
      />,
      target,
    );
    const card = cardElement();
    if (!card) return;
    if (typeof card.showPopover === 'function' && !card.matches(':popover-open')) card.showPopover();
    // Re-rendering may have removed the focused button: keep focus in the card.
    if (hadFocus && !focusInCard()) focusCard();
    if (sheet) watchBack();
    position();
  }

  function closeCard(): void {
    if (!state.visible && !state.pending) return;
    const hadFocus = focusInCard();
    dispatch({ type: 'escape' });
    if (hadFocus) restoreFocus();
  }

  /** Back closes the sheet: the history entry it takes away is ours (see `backEntry`). */
  function watchBack(): void {
    if (backEntry) return;
    try {
      history.pushState(history.state, '', window.location.href);
      backEntry = true;
    } catch {
      // A sandboxed frame: Esc and a tap outside still close it.
    }
  }

  function releaseBack(): void {
    if (backEntry) {
      backEntry = false;
      ownPops += 1;
      history.back(); // the entry the sheet pushed: the page's history is as it was
    }
  }

  function onPopState(): void {
    if (ownPops > 0) {
      ownPops -= 1;
      return;
    }
    if (!backEntry) return;
    backEntry = false; // Back took our entry away
    closeCard();
  }

  function focusCard(): void {
    const card = cardElement();
    if (!card) return;
    card.tabIndex = -1;
    (card.querySelector<HTMLElement>(CARD_FOCUSABLE) ?? card).focus({ preventScroll: true });
  }

  function restoreFocus(): void {
    const back = returnFocus;
    returnFocus = undefined;
    if (back?.isConnected) back.focus({ preventScroll: true });
    else if (host && document.activeElement === host) (document.activeElement as HTMLElement).blur();
  }

  function anchorRects(occurrence: Occurrence): DOMRect[] {
    const doc = occurrence.node.ownerDocument;
    return rectsOf(occurrence).map((rect) => (doc === document ? rect : toTopViewport(rect, doc)));
  }

  function position(): void {
    const occurrence = state.visible;
    const card = cardElement();
    if (!occurrence || !card) return;
    const rects = anchorRects(occurrence);
    const anchor = rects[lineIndex] ?? rects[0];
    if (!occurrence.node.isConnected || !anchor || (anchor.width === 0 && anchor.height === 0)) {
      dispatch({ type: 'escape' }); // the page removed or hid the term: its card goes too
      return;
    }
    card.style.maxHeight = '';
    if (sheet) {
      positionSheet(occurrence, card);
      return;
    }
    const size = card.getBoundingClientRect();
    const root = document.documentElement;
    const placement = placeCard({
      anchor,
      card: { width: size.width, height: size.height },
      viewport: { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight },
    });
    card.style.top = `${placement.top}px`;
    card.style.left = `${placement.left}px`;
    if (placement.maxHeight !== undefined) card.style.maxHeight = `${placement.maxHeight}px`;
    card.dataset.side = placement.side;
  }

  /**
   * The sheet sits on the bottom edge; the term it explains must stay visible above it. At open the
   * page is scrolled just enough (once: the reader's own scrolling later is theirs); where the page
   * cannot scroll that far, the sheet is capped at the room below the term, or goes above it.
   */
  function positionSheet(occurrence: Occurrence, card: HTMLElement): void {
    const viewportHeight = window.innerHeight;
    const anchorBox = () => {
      const rects = anchorRects(occurrence);
      return rects[lineIndex] ?? rects[0];
    };
    card.style.top = '';
    card.style.left = '';
    delete card.dataset.side;
    if (uncovered === occurrence) return;
    uncovered = occurrence;
    const height = card.getBoundingClientRect().height;
    let anchor = anchorBox();
    if (!anchor) return;
    const overlap = anchor.top + anchor.height + SHEET_TERM_GAP_PX - (viewportHeight - height);
    if (overlap > 0) {
      // Keep the term below the top of the screen while making room for the sheet.
      window.scrollBy({ top: Math.min(overlap, Math.max(0, anchor.top - SHEET_TERM_GAP_PX)), behavior: 'instant' });
      anchor = anchorBox() ?? anchor;
    }
    const room = viewportHeight - (anchor.top + anchor.height + SHEET_TERM_GAP_PX);
    if (room < height) card.style.maxHeight = `${Math.max(room, Math.min(height, 160))}px`;
  }

  // --- pointer ---------------------------------------------------------------------------
  function moveTo(to: Location): void {
    const from = location;
    if (to === from) return;
    location = to;
    if (from === 'card') dispatch({ type: 'pointer-leave-card' });
    else if (from) dispatch({ type: 'pointer-leave-term', anchor: from });
    if (to === 'card') dispatch({ type: 'pointer-enter-card' });
    else if (to) dispatch({ type: 'pointer-enter-term', anchor: to });
  }

  /** The highlighted occurrence at (x, y) of `doc` (the page, or a same-origin frame). */
  function occurrenceUnder(doc: Document, x: number, y: number): Occurrence | undefined {
    return occurrenceAt(doc, x, y, highlighter.paintedIn, highlighter.shadowRootsOf(doc));
  }

  /** The document a pointer event happened in. */
  const documentOf = (event: Event): Document => (event.target as Node | null)?.ownerDocument ?? document;

  function hitTest(): void {
    hitFrame = undefined;
    if (!pointer || signal.aborted) return;
    const found = occurrenceUnder(pointer.doc, pointer.x, pointer.y);
    moveTo(found && pointerOpens ? found : null);
  }

  function onPointerMove(event: PointerEvent): void {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    if (host && event.composedPath().includes(host)) {
      pointer = undefined;
      moveTo('card');
      return;
    }
    pointer = { doc: documentOf(event), x: event.clientX, y: event.clientY };
    // At most one hit-test per frame, however fast the pointer moves.
    hitFrame ??= requestAnimationFrame(hitTest);
  }

  function onPointerLeaveWindow(event: PointerEvent): void {
    if (!event.isTrusted || event.relatedTarget !== null || event.pointerType === 'touch') return;
    pointer = undefined;
    moveTo(null);
  }

  function onPointerDown(event: PointerEvent): void {
    if (!event.isTrusted) return;
    const inCard = host !== undefined && event.composedPath().includes(host);
    if (event.pointerType === 'touch' || event.pointerType === 'pen') {
      tap = inCard ? undefined : { x: event.clientX, y: event.clientY, time: event.timeStamp };
    }
    // A press anywhere else closes a card opened by the keyboard, a tap or the popup. A finger
    // closes it with a tap (onPointerUp), not with the touch that starts a scroll.
    const finger = event.pointerType === 'touch' || event.pointerType === 'pen';
    if (!finger && !inCard && state.visible && state.focusWithin && !tapOnVisible(event)) dispatch({ type: 'blur' });
  }

  function tapOnVisible(event: PointerEvent): boolean {
    const found = occurrenceUnder(documentOf(event), event.clientX, event.clientY);
    return found !== undefined && found === state.visible;
  }

  function onPointerUp(event: PointerEvent): void {
    if (!event.isTrusted || !tap || (event.pointerType !== 'touch' && event.pointerType !== 'pen')) return;
    const start = tap;
    tap = undefined;
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
    if (moved > TAP_SLOP_PX || event.timeStamp - start.time > TAP_MAX_MS) return;
    const found = occurrenceUnder(documentOf(event), event.clientX, event.clientY);
    // A term inside a link keeps the link's tap.
    if (!found || found.node.parentElement?.closest('a[href]')) {
      // A tap outside the card (and off any term) closes it, as a sheet's scrim would.
      if (state.visible && state.focusWithin) dispatch({ type: 'blur' });
      return;
    }
    show(found, { focus: false, reveal: false });
  }

  // --- keyboard --------------------------------------------------------------------------
  function onKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted || event.key !== 'Escape' || (!state.visible && !state.pending)) return;
    const hadFocus = focusInCard();
    dispatch({ type: 'escape' });
    if (hadFocus) restoreFocus();
  }

  /** Inside the card: Tab and Shift+Tab go round its links and buttons; Esc is handled above. */
  function onCardKey(event: KeyboardEvent): void {
    if (!event.isTrusted || event.key !== 'Tab') return;
    const card = cardElement();
    if (!card || !shadow) return;
    const focusables = Array.from(card.querySelectorAll<HTMLElement>(CARD_FOCUSABLE));
    if (focusables.length === 0) return;
    const index = focusables.indexOf(shadow.activeElement as HTMLElement);
    const next = event.shiftKey ? (index <= 0 ? focusables.length - 1 : index - 1) : (index + 1) % focusables.length;
    event.preventDefault();
    focusables[next]!.focus();
  }

  function onFocusOut(event: FocusEvent): void {
    if (!event.isTrusted || !state.focusWithin || !host) return;
    if (event.target === host && event.relatedTarget !== host) {
      // Focus left the card for the page (a click elsewhere, the reader's own Tab out of the window).
      if (event.relatedTarget) dispatch({ type: 'blur' });
    }
  }

  function onSelectionChange(): void {
    window.clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(() => {
      if (pointerOpens) return; // only style "none" opens cards from a selection
      const found = occurrenceOfSelection(document.getSelection());
      if (found) {
        fromSelection = found;
        show(found, { focus: false, reveal: false });
      } else if (fromSelection) {
        fromSelection = undefined;
        dispatch({ type: 'blur' });
      }
    }, SELECTION_SETTLE_MS);
  }

  /** The occurrence the selection is exactly on (its text, trimmed), if any. */
  function occurrenceOfSelection(selection: Selection | null): Occurrence | undefined {
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
    const range = selection.getRangeAt(0);
    if (range.startContainer !== range.endContainer || range.startContainer.nodeType !== Node.TEXT_NODE) return undefined;
    const text = selection.toString().trim();
    return highlighter
      .paintedIn(range.startContainer as Text)
      .find((o) => o.range.startOffset <= range.endOffset && o.range.endOffset >= range.startOffset && o.text === text);
  }

  function listenTo(doc: Document): void {
    if (listened.has(doc)) return;
    listened.add(doc);
    const capture = { capture: true, signal };
    const passive = { ...capture, passive: true };
    doc.addEventListener('pointermove', onPointerMove, passive);
    doc.addEventListener('pointerout', onPointerLeaveWindow, passive);
    doc.addEventListener('pointerdown', onPointerDown, passive);
    doc.addEventListener('pointerup', onPointerUp, passive);
    doc.addEventListener('keydown', onKeyDown, capture);
    doc.addEventListener('focusout', onFocusOut, capture);
    const view = doc.defaultView;
    view?.addEventListener('scroll', () => state.visible && position(), passive);
    view?.addEventListener('resize', () => state.visible && position(), passive);
    view?.addEventListener('popstate', onPopState, { signal });
  }

  listenTo(document);
  document.addEventListener('selectionchange', onSelectionChange, { signal });
  const followDocuments = () => highlighter.documents().forEach(listenTo);
  followDocuments();

  function reveal(occurrence: Occurrence): void {
    const doc = occurrence.node.ownerDocument;
    const view = doc.defaultView;
    occurrence.node.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const rect = boxOf(occurrence);
    if (view && (rect.top < 0 || rect.bottom > view.innerHeight)) view.scrollBy(0, rect.top - view.innerHeight / 3);
  }

  /** The popup's "take me there": the term's highlight blinks, then stays as the current term. */
  function flash(occurrence: Occurrence): void {
    flashTimers.forEach((id) => window.clearTimeout(id));
    flashTimers = [];
    for (let phase = 1; phase <= FLASH_BLINKS * 2; phase++) {
      flashTimers.push(
        window.setTimeout(() => {
          if (state.visible !== occurrence) return;
          highlighter.setCurrent(phase % 2 === 1 ? null : occurrence);
        }, phase * FLASH_PHASE_MS),
      );
    }
  }

  function show(occurrence: Occurrence, { focus = false, reveal: scroll = true, flash: blink = false } = {}): void {
    if (focus && !focusInCard()) {
      const active = deepActiveElement();
      returnFocus = active && active !== host ? active : undefined;
    }
    if (scroll) reveal(occurrence);
    if (state.visible !== occurrence) dispatch({ type: 'focus', anchor: occurrence });
    else position();
    if (focus) focusCard();
    if (blink) flash(occurrence);
  }

  signal.addEventListener('abort', () => {
    flashTimers.forEach((id) => window.clearTimeout(id));
    releaseBack();
    window.clearTimeout(timer);
    window.clearTimeout(selectionTimer);
    if (hitFrame !== undefined) cancelAnimationFrame(hitFrame);
    highlighter.setCurrent(null);
    removeHost();
  });

  return {
    setTheme(next) {
      theme = next;
      if (state.visible) update();
    },
    setDetail(next) {
      if (next === detail) return;
      detail = next;
      if (state.visible) update();
    },
    setOpenDelay(ms) {
      delays.open = ms;
    },
    setPointerOpens(on) {
      pointerOpens = on;
    },
    show,
    move(direction) {
      const all = highlighter.paintedInOrder();
      if (all.length === 0) return undefined;
      const current = state.visible ? all.indexOf(state.visible) : -1;
      let index: number;
      if (current >= 0) index = (current + direction + all.length) % all.length;
      else {
        // From where the reader is: the first term on or below the top of the screen (or the last above its bottom).
        const tops = all.map((o) => toTopViewport(boxOf(o), o.node.ownerDocument));
        if (direction === 1) index = Math.max(0, tops.findIndex((r) => r.bottom >= 0));
        else {
          const below = tops.findIndex((r) => r.top > window.innerHeight);
          index = below === -1 ? all.length - 1 : Math.max(0, below - 1);
        }
      }
      const target = all[index]!;
      show(target, { focus: true, reveal: true });
      return target;
    },
    followDocuments,
    close: closeCard,
    snapshot() {
      const card = cardElement();
      if (!state.visible || !card || !host?.isConnected) return { open: false };
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      };
      return {
        open: true,
        id: relatedId ?? state.visible.id,
        text: card.innerText,
        focused: focusInCard(),
        role: card.getAttribute('role'),
        label: shadow?.getElementById(card.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
        rect: box(card),
        buttons: Array.from(card.querySelectorAll('button, summary'), (b) => ({ name: (b.textContent ?? '').trim(), ...box(b) })),
        colors: { background: getComputedStyle(card).backgroundColor, text: getComputedStyle(card).color },
        html: card.outerHTML,
        sheet: card.classList.contains('sheet'),
        expanded: card.classList.contains('expanded'),
        minFontPx: minFontSize(card),
        anchor: (() => {
          const first = anchorRects(state.visible)[lineIndex] ?? anchorRects(state.visible)[0];
          return first ? { left: first.left, top: first.top, width: first.width, height: first.height } : undefined;
        })(),
      };
    },
    remove() {
      removed.abort();
    },
  };
}

function isSheetViewport(): boolean {
  return typeof matchMedia === 'function' && matchMedia(SHEET_MEDIA).matches;
}

/** The smallest font size among the card's elements that hold text of their own. */
function minFontSize(card: HTMLElement): number {
  let smallest = Infinity;
  for (const el of [card, ...card.querySelectorAll<HTMLElement>('*')]) {
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (!ownText || el.closest('.visually-hidden')) continue;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
  }
  return smallest;
}

function deepActiveElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** The card's "More in DPI Lens": the background opens the entry on the popup page in a new tab. */
function openEntry(id: string): void {
  const message: OpenEntryRequest = { type: OPEN_ENTRY_MESSAGE, id };
  browser.runtime.sendMessage(message).catch(() => {});
}

function resolveRelated(entry: GlossaryEntry, lookup: (id: string) => GlossaryEntry | undefined): ResolvedRelated[] {
  return entry.related.flatMap(({ id, relation }) => {
    const other = lookup(id);
    return other ? [{ relation, entry: other }] : [];
  });
}
