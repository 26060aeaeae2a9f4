/**
 * Highlighting that follows the page: scans in short slices, wraps what is on screen first and
 * the rest in idle time, and scans only what the page adds or rewrites afterwards.
 *
 * A "pass" is one scan request (the first load, one frame's mutations, a history navigation).
 * It is complete when its text has been scanned and every hit that was on screen (or near it)
 * when the scan ended is wrapped; small passes (at most EAGER_WRAP_HITS text nodes with hits) are
 * wrapped whole before they complete. At completion the `dpi-lens:highlight` measure is recorded:
 * its duration is the wall time of the pass, `detail.busyMs` the sum of its slices,
 * `detail.textNodes` the text nodes it read (for a page's additions: those added, not the page).
 * Off-screen hits of a large pass are wrapped later, when they come into view or the browser is
 * idle; `dpi-lens:highlight-deferred` is recorded when the last of them is done.
 */
import { bundledSenses } from '@/glossary/bundled';
import { detectorOf } from '@/glossary/detect';
import type { Matcher } from '@/glossary/matcher';
import { isFilteredMatcher, isMentionFilter } from '@/glossary/mention-filter';
import type { TermMatch } from '@/glossary/types';
import { HIGHLIGHT_MEASURE, MARK_SELECTOR, TERM_ATTRIBUTE, isSkippedElement } from './mark-contract';
import { adoptMarkStyle } from './mark-style';
import { planMutations, type MutationLike } from './observer';
import { REASON_ATTRIBUTE, createPageSenseFilter, type PageSenseFilter } from './page-senses';
import { createSharedMatches } from './shared-matches';
import { NODES_PER_CLOCK_READ, SLICE_BUDGET_MS, nextFrame, nextTask, whenIdle, type Cancel } from './scheduler';
import { discardWrap, unwrapText, wrapText, type WrappedText } from './wrap';

/**
 * A pass with at most this many text nodes with hits is wrapped whole before it is recorded
 * (a news article has tens; wrapping 300 costs a few ms). Beyond it, visible text goes first.
 */
export const EAGER_WRAP_HITS = 300;
/**
 * Text nodes wrapped per rendered frame, at most. Every inserted mark costs the page style and
 * layout in the next frame: on the 2 MB bench page about 15 ms for the first and 0.25 ms per mark
 * more (x 1.6 with pre-paint and paint), so 300 marks in one frame made frames of 150 ms. Beyond
 * this many, wrapping waits for the next frame (scanning, which changes nothing, goes on).
 */
export const MAX_WRAPS_PER_FRAME = 40;
/**
 * A custom element may attach its shadow root after the scan passed it (its definition loads
 * later; a content script cannot await the page's custom element registry). Elements with a
 * hyphenated name and no shadow root are looked at again this long after a pass.
 */
export const LATE_SHADOW_CHECK_MS = [1_000, 5_000] as const;
/** Wrap text this far beyond the viewport early, so a reader scrolling never sees a bare term. */
export const VISIBLE_MARGIN = '50% 0px';
/** VISIBLE_MARGIN as a share of the viewport's height, for the first slice's own geometry check. */
const VISIBLE_MARGIN_SHARE = 0.5;
/** performance.mark set when the first marks of the session are inserted. */
export const FIRST_MARK_MARK = 'dpi-lens:first-mark';
/** performance.measure recorded when the deferred (off-screen) marks are all in. */
export const DEFERRED_MEASURE = 'dpi-lens:highlight-deferred';

export interface LiveHighlighterOptions {
  /** Called once, after the first marks are on the page (e.g. to mount the hover card). */
  onFirstMarks?: () => void;
  /** Context rules (default: the bundled glossary's, see page-senses.ts); tests may pass their own. */
  senses?: PageSenseFilter;
  /**
   * `matcher` before the reader's mention filter (which is stateful: "first mention"): the default
   * context rules read the page's evidence with it. The same pattern, so it is compiled once.
   */
  unfilteredMatcher?: Matcher;
}

export interface LiveHighlighter {
  /** Marks on the page from this session right now. */
  readonly marks: number;
  /** Scans the whole document again (cheap where marks are: they are skipped). */
  rescan(): void;
  /** Stops following the page and removes every mark; the DOM is as it was. Safe to call twice. */
  stop(): void;
}

interface Hit {
  node: Text;
  data: string;
  matches: TermMatch[];
  block: Element;
}

interface Pass {
  start: number;
  busyMs: number;
  marks: number;
  ids: Set<string>;
  found: Hit[];
  visibleFirst: boolean;
  /** Roots actually scanned (not inside an editor or other skipped zone). */
  scanned: number;
  /** Text nodes read: what the pass cost is proportional to. */
  textNodes: number;
}

interface ScanCursor {
  root: Node;
  walker: TreeWalker | undefined;
}

const now = () => performance.now();

function isInsideSkipped(element: Element | null): boolean {
  for (let el = element; el; el = el.parentElement) if (isSkippedElement(el)) return true;
  return false;
}

/**
 * True when `block` is on screen or within VISIBLE_MARGIN of it. Only asked before a pass has
 * inserted anything: the page's layout is then clean and reading one rect is cheap; after our own
 * marks it would force a layout of the whole page (40-100 ms on the 2 MB bench page).
 */
function isNearViewport(block: Element): boolean {
  const view = block.ownerDocument.defaultView;
  if (!view) return false;
  const margin = view.innerHeight * VISIBLE_MARGIN_SHARE;
  const rect = block.getBoundingClientRect();
  return rect.bottom > -margin && rect.top < view.innerHeight + margin && rect.width > 0;
}

function measure(name: string, start: number, detail: Record<string, number>): void {
  try {
    performance.measure(name, { start, end: now(), detail });
  } catch {
    // Instrumentation must never break highlighting.
  }
}

export function startLiveHighlighter(
  doc: Document,
  matcher: Matcher,
  options: LiveHighlighterOptions = {},
): LiveHighlighter {
  const base = options.unfilteredMatcher ?? matcher;
  const shared = createSharedMatches(matcher, base);
  const senses = options.senses ?? createPageSenseFilter(doc, detectorOf(base, bundledSenses()), shared.forReading);
  /** Debug mode only (reasonOf is undefined otherwise): why each mark was kept. */
  function annotateReasons(created: readonly ChildNode[], matches: readonly TermMatch[]): void {
    let i = 0;
    for (const node of created) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const reason = senses.reasonOf(matches[i++]!);
      if (reason) (node as Element).setAttribute(REASON_ATTRIBUTE, reason);
    }
  }
  const wrappedOf = new WeakMap<Text, WrappedText>();
  const wrappedList: WrappedText[] = [];
  /** Marks and text nodes this session inserted: never scanned again. */
  const own = new WeakSet<Node>();
  const styleUndos = new Map<Document | ShadowRoot, () => void>();
  const undos: (() => void)[] = [];
  const observedRoots = new Set<Document | ShadowRoot>();
  const frames = new WeakSet<HTMLIFrameElement>();

  let pass: Pass | undefined;
  let liveMarks = 0;
  let firstMarksSeen = false;
  let stopped = false;

  const scanQueue: Node[] = [];
  let cursor: ScanCursor | undefined;
  const discoveredShadowRoots: ShadowRoot[] = [];
  const discoveredFrames: HTMLIFrameElement[] = [];
  /** Custom elements without a shadow root when scanned: they may get one later. */
  let shadowless: Element[] = [];
  const lateShadowTimers = new Set<number>();

  const visibleQueue: Hit[] = [];
  const eagerQueue: Hit[] = [];
  const blockHits = new Map<Element, Hit[]>();
  const unreported = new Set<Element>();
  let deferredBlocks: Element[] = [];
  let deferredStart = 0;
  let deferredBusy = 0;
  let deferredMarks = 0;

  let cancelSlice: Cancel | undefined;
  let cancelIdle: Cancel | undefined;
  let cancelFrame: Cancel | undefined;
  /** Text nodes wrapped since the last frame, and the frame callback that resets the count. */
  let wrapsThisFrame = 0;
  let cancelFrameBudget: Cancel | undefined;
  let mutationBuffer: MutationRecord[] = [];

  const mutationObserver = new MutationObserver((records) => {
    mutationBuffer.push(...records);
    cancelFrame ??= nextFrame(handleMutations);
  });
  const intersectionObserver = new IntersectionObserver(onIntersection, { rootMargin: VISIBLE_MARGIN });

  /** Runs our own DOM writes without seeing them as page mutations (no loops). */
  function silently(write: () => void): void {
    const pending = mutationObserver.takeRecords();
    if (pending.length) {
      mutationBuffer.push(...pending);
      cancelFrame ??= nextFrame(handleMutations);
    }
    try {
      write();
    } finally {
      mutationObserver.takeRecords();
    }
  }

  function observeRoot(root: Document | ShadowRoot): void {
    if (observedRoots.has(root)) return;
    observedRoots.add(root);
    mutationObserver.observe(root, { childList: true, subtree: true, characterData: true });
  }

  // --- scanning ---------------------------------------------------------------------------

  function acceptNode(node: Node): number {
    if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
    const element = node as Element;
    if (element.shadowRoot) discoveredShadowRoots.push(element.shadowRoot);
    else if (element.localName.includes('-')) shadowless.push(element);
    if (element.localName === 'iframe') discoveredFrames.push(element as HTMLIFrameElement);
    return isSkippedElement(element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
  }

  function openCursor(root: Node): ScanCursor | undefined {
    if (!root.isConnected) return undefined;
    const ownerDoc = root.ownerDocument ?? (root as Document);
    if (ownerDoc.designMode === 'on') return undefined;
    if (root.nodeType === Node.TEXT_NODE) {
      if (isInsideSkipped(root.parentElement)) return undefined;
      pass!.scanned += 1;
      visitText(root as Text);
      return undefined;
    }
    const start = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).body : root;
    if (!start) return undefined;
    if (start.nodeType === Node.ELEMENT_NODE && isInsideSkipped(start as Element)) return undefined;
    if (start.nodeType === Node.DOCUMENT_FRAGMENT_NODE && isInsideSkipped((start as ShadowRoot).host)) return undefined;
    pass!.scanned += 1;
    const walker = ownerDoc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, { acceptNode });
    return { root: start, walker };
  }

  function visitText(node: Text): void {
    pass!.textNodes += 1;
    if (own.has(node) || wrappedOf.has(node)) return;
    const found = shared.forScan(node);
    // Navigation, link lists and ambiguous forms used in another sense ("600 DPI") stay unmarked.
    const matches = found.length > 0 ? senses.filter(node, found) : found;
    shared.afterVisit();
    if (matches.length === 0) return;
    const block = node.parentElement;
    if (block) pass!.found.push({ node, data: node.data, matches, block });
  }

  /** Scans until the deadline; returns true when every queued root is done. */
  function scan(deadline: number): boolean {
    let visited = 0;
    for (;;) {
      if (!cursor) {
        const next = scanQueue.shift();
        if (!next) return true;
        cursor = openCursor(next);
        continue;
      }
      const { walker, root } = cursor;
      // The page may have removed the node the walk stopped at: start that root again (nodes
      // already wrapped are skipped, so this only costs time).
      if (visited === 0 && walker && !root.contains(walker.currentNode)) {
        cursor = openCursor(root);
        continue;
      }
      const node = walker?.nextNode();
      if (!node) {
        cursor = undefined;
        adoptDiscovered();
        continue;
      }
      visitText(node as Text);
      visited += 1;
      if (visited % NODES_PER_CLOCK_READ === 0 && now() >= deadline) return false;
    }
  }

  function adoptDiscovered(): void {
    for (const shadow of discoveredShadowRoots.splice(0)) {
      if (observedRoots.has(shadow)) continue;
      observeRoot(shadow);
      scanQueue.push(shadow);
    }
    for (const frame of discoveredFrames.splice(0)) attachFrame(frame);
  }

  /** Same-origin frames are scanned from here: cheaper than a content script in every frame (ads). */
  function attachFrame(frame: HTMLIFrameElement): void {
    if (frames.has(frame)) return;
    frames.add(frame);
    const onLoad = () => {
      let frameDoc: Document | null;
      try {
        frameDoc = frame.contentDocument; // null for cross-origin frames
      } catch {
        frameDoc = null;
      }
      if (!frameDoc?.body || stopped) return;
      observeRoot(frameDoc);
      requestScan([frameDoc]);
    };
    frame.addEventListener('load', onLoad);
    undos.push(() => frame.removeEventListener('load', onLoad));
    onLoad();
  }

  // --- wrapping ---------------------------------------------------------------------------

  function wrapHit(hit: Hit): void {
    const { node } = hit;
    // Changed since the scan: the mutation observer has queued it for a new scan.
    if (!node.isConnected || node.data !== hit.data || wrappedOf.has(node)) return;
    const wrapped = wrapText(node, hit.matches);
    annotateReasons(wrapped.created, hit.matches);
    wrappedOf.set(node, wrapped);
    wrappedList.push(wrapped);
    countFrameWrap();
    for (const n of wrapped.created) own.add(n);
    liveMarks += wrapped.ids.length;
    if (pass) {
      pass.marks += wrapped.ids.length;
      for (const id of wrapped.ids) pass.ids.add(id);
    }
    const root = node.getRootNode() as Document | ShadowRoot;
    if (!styleUndos.has(root)) styleUndos.set(root, adoptMarkStyle(root));
    if (!firstMarksSeen) {
      firstMarksSeen = true;
      performance.mark(FIRST_MARK_MARK);
      queueMicrotask(() => options.onFirstMarks?.());
    }
  }

  function countFrameWrap(): void {
    wrapsThisFrame += 1;
    cancelFrameBudget ??= nextFrame(() => {
      cancelFrameBudget = undefined;
      wrapsThisFrame = 0;
      // Wrapping that waited for this frame goes on after it.
      if (visibleQueue.length || eagerQueue.length) scheduleSlice();
      if (deferredBlocks.length) scheduleIdle();
    });
  }

  /** How many more text nodes may be wrapped before the next frame. */
  const frameAllowance = () => MAX_WRAPS_PER_FRAME - wrapsThisFrame;

  function wrapBlock(block: Element): number {
    const hits = blockHits.get(block);
    if (!hits) return 0;
    blockHits.delete(block);
    unreported.delete(block);
    intersectionObserver.unobserve(block);
    const before = liveMarks;
    for (const hit of hits) wrapHit(hit);
    return liveMarks - before;
  }

  function observeHits(hits: Hit[]): void {
    for (const hit of hits) {
      const list = blockHits.get(hit.block);
      if (list) list.push(hit);
      else {
        blockHits.set(hit.block, [hit]);
        unreported.add(hit.block);
        intersectionObserver.observe(hit.block);
      }
    }
  }

  function onIntersection(entries: IntersectionObserverEntry[]): void {
    if (stopped) return;
    for (const entry of entries) {
      const block = entry.target;
      const hits = blockHits.get(block);
      if (!hits) {
        intersectionObserver.unobserve(block);
        continue;
      }
      const firstReport = unreported.delete(block);
      if (entry.isIntersecting) {
        blockHits.delete(block);
        intersectionObserver.unobserve(block);
        visibleQueue.push(...hits);
      } else if (firstReport) {
        deferredBlocks.push(block);
      }
    }
    if (visibleQueue.length) scheduleSlice();
    if (deferredBlocks.length) scheduleIdle();
    maybeComplete();
  }

  // --- the slice loop ---------------------------------------------------------------------

  function scheduleSlice(): void {
    if (!stopped) cancelSlice ??= nextTask(runSlice);
  }

  function runSlice(): void {
    cancelSlice = undefined;
    if (stopped) return;
    const sliceStart = now();
    const deadline = sliceStart + SLICE_BUDGET_MS;
    let scanDone = true;
    silently(() => {
      while (visibleQueue.length && now() < deadline && frameAllowance() > 0) {
        const batch = visibleQueue.splice(0, Math.min(NODES_PER_CLOCK_READ, frameAllowance()));
        for (const hit of batch) wrapHit(hit);
      }
      if (pass && now() < deadline) {
        scanDone = scan(deadline);
        // A long page's first slices: what they found on screen is wrapped in the next slice, not
        // after the scan has found EAGER_WRAP_HITS hits and the IntersectionObserver has reported
        // (the first visible highlight then waits for one slice, not for several and a frame).
        if (!scanDone && !pass.visibleFirst && pass.marks === 0 && pass.found.length > 0) {
          const offScreen: Hit[] = [];
          for (const hit of pass.found) (isNearViewport(hit.block) ? visibleQueue : offScreen).push(hit);
          pass.found = offScreen;
        }
        if (!pass.visibleFirst && pass.found.length > EAGER_WRAP_HITS) pass.visibleFirst = true;
        if (pass.visibleFirst) observeHits(pass.found.splice(0));
        else if (scanDone) eagerQueue.push(...pass.found.splice(0));
      } else if (pass) scanDone = scanQueue.length === 0 && !cursor;
      while (eagerQueue.length && now() < deadline && frameAllowance() > 0) {
        const batch = eagerQueue.splice(0, Math.min(NODES_PER_CLOCK_READ, frameAllowance()));
        for (const hit of batch) wrapHit(hit);
      }
    });
    if (pass) pass.busyMs += now() - sliceStart;
    // Wrapping that hit the frame's allowance resumes from the frame callback (countFrameWrap).
    const wrapsWaiting = (visibleQueue.length > 0 || eagerQueue.length > 0) && frameAllowance() <= 0;
    if (!scanDone || ((visibleQueue.length || eagerQueue.length) && !wrapsWaiting)) scheduleSlice();
    else if (!wrapsWaiting) maybeComplete();
  }

  function maybeComplete(): void {
    if (!pass || cancelSlice || cursor || scanQueue.length) return;
    if (visibleQueue.length || eagerQueue.length || pass.found.length || unreported.size) return;
    const done = pass;
    pass = undefined;
    shared.passDone();
    if (shadowless.length) watchLateShadowRoots(shadowless.splice(0));
    // Nothing scanned (e.g. only typing in an editor or the card's own host changed): no pass to report.
    if (done.scanned === 0) return;
    const deferred = [...blockHits.values()].reduce((sum, hits) => sum + hits.length, 0);
    measure(HIGHLIGHT_MEASURE, done.start, {
      marks: done.marks,
      terms: done.ids.size,
      busyMs: done.busyMs,
      deferred,
      textNodes: done.textNodes,
    });
  }

  /** Scans the shadow roots that `elements` attached since the scan, at LATE_SHADOW_CHECK_MS. */
  function watchLateShadowRoots(elements: Element[]): void {
    let waiting = elements;
    for (const delay of LATE_SHADOW_CHECK_MS) {
      const timer = window.setTimeout(() => {
        lateShadowTimers.delete(timer);
        if (stopped) return;
        const roots: ShadowRoot[] = [];
        waiting = waiting.filter((element) => {
          if (!element.isConnected) return false;
          if (!element.shadowRoot) return true;
          if (!observedRoots.has(element.shadowRoot)) roots.push(element.shadowRoot);
          return false;
        });
        for (const root of roots) observeRoot(root);
        requestScan(roots);
      }, delay);
      lateShadowTimers.add(timer);
    }
  }

  function scheduleIdle(): void {
    if (stopped || cancelIdle) return;
    if (!deferredStart) deferredStart = now();
    cancelIdle = whenIdle(runIdle);
  }

  function runIdle(budgetMs: number): void {
    cancelIdle = undefined;
    if (stopped) return;
    const start = now();
    const deadline = start + Math.max(1, budgetMs);
    silently(() => {
      while (deferredBlocks.length && now() < deadline && frameAllowance() > 0) {
        deferredMarks += wrapBlock(deferredBlocks.shift()!);
      }
    });
    deferredBusy += now() - start;
    if (deferredBlocks.length) {
      if (frameAllowance() > 0) scheduleIdle(); // else the frame callback does
      return;
    }
    if (deferredMarks > 0) {
      measure(DEFERRED_MEASURE, deferredStart, { marks: deferredMarks, busyMs: deferredBusy });
    }
    deferredStart = 0;
    deferredBusy = 0;
    deferredMarks = 0;
  }

  function requestScan(roots: Node[]): void {
    if (stopped || roots.length === 0) return;
    pass ??= { start: now(), busyMs: 0, marks: 0, ids: new Set(), found: [], visibleFirst: false, scanned: 0, textNodes: 0 };
    scanQueue.push(...roots);
    scheduleSlice();
  }

  // --- following the page -----------------------------------------------------------------

  const isOwn = (node: Node) => own.has(node);
  /** Parents whose children the page changed since load: turning off checks siblings only there. */
  const touchedParents = new WeakSet<Node>();
  function noteTouchedParents(records: readonly MutationLike[]): void {
    for (const record of records) if (record.type === 'childList') touchedParents.add(record.target);
  }

  function handleMutations(): void {
    cancelFrame = undefined;
    if (stopped) return;
    const records: MutationLike[] = mutationBuffer;
    mutationBuffer = [];
    noteTouchedParents(records);
    const plan = planMutations(records, isOwn);
    const goneIds = new Set<string>();
    silently(() => {
      for (const text of plan.touchedText) {
        const wrapped = wrappedOf.get(text);
        if (!wrapped) continue;
        wrappedOf.delete(text);
        liveMarks -= wrapped.ids.length;
        discardWrap(wrapped);
        for (const id of wrapped.ids) goneIds.add(id);
      }
    });
    for (const record of records) {
      for (let i = 0; i < record.removedNodes.length; i += 1) {
        const node = record.removedNodes[i]!;
        if (node.nodeType !== Node.ELEMENT_NODE || node.isConnected) continue;
        const element = node as Element;
        const marks = own.has(element) ? [element] : element.querySelectorAll(MARK_SELECTOR);
        for (const mark of marks) if (own.has(mark)) goneIds.add(mark.getAttribute(TERM_ATTRIBUTE) ?? '');
      }
    }
    // First-mention mode: a term whose every mark is gone (the page removed or re-rendered it) is
    // marked again at its next occurrence, which may be anywhere: the whole page is scanned again
    // (only text that is not already wrapped is read).
    if (forgetMentions(goneIds).length > 0 || plan.fullRescan) requestScan([...observedRoots]);
    else requestScan(plan.roots);
  }

  /** Tells the reader's mention filter which of `ids` have no mark left; returns those it forgot. */
  function forgetMentions(ids: ReadonlySet<string>): string[] {
    if (ids.size === 0 || !isFilteredMatcher(matcher) || !isMentionFilter(matcher.accept)) return [];
    const stillMarked = (id: string) =>
      [...observedRoots].some((root) => root.querySelector(`${MARK_SELECTOR}[${TERM_ATTRIBUTE}="${CSS.escape(id)}"]`));
    return matcher.accept.forget([...ids].filter((id) => id && !stillMarked(id)));
  }

  function onNavigation(): void {
    senses.reset(); // a new view is a new page: its evidence and definitions are read again
    shared.pageReset();
    // A single-page app swapped its view: scan everything once the new view is in the DOM.
    cancelFrame ??= nextFrame(() => {
      cancelFrame = undefined;
      requestScan([...observedRoots]);
    });
  }

  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', onNavigation);
    undos.push(() => navigation.removeEventListener('navigatesuccess', onNavigation));
  } else {
    window.addEventListener('popstate', onNavigation);
    undos.push(() => window.removeEventListener('popstate', onNavigation));
  }

  observeRoot(doc);
  requestScan([doc]);

  return {
    get marks() {
      return liveMarks;
    },
    rescan() {
      requestScan([...observedRoots]);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      cancelSlice?.();
      cancelIdle?.();
      cancelFrame?.();
      cancelFrameBudget?.();
      cancelFrameBudget = undefined;
      for (const timer of lateShadowTimers) window.clearTimeout(timer);
      lateShadowTimers.clear();
      shadowless = [];
      wrapsThisFrame = 0;
      noteTouchedParents(mutationBuffer);
      noteTouchedParents(mutationObserver.takeRecords());
      mutationObserver.disconnect();
      intersectionObserver.disconnect();
      for (const undo of undos.splice(0)) undo();
      // Last first, so restoring one node never meets text another one split off.
      for (let i = wrappedList.length - 1; i >= 0; i -= 1) {
        const wrapped = wrappedList[i]!;
        const parent = wrapped.node.parentNode;
        if (wrappedOf.get(wrapped.node) === wrapped) unwrapText(wrapped, !!parent && !touchedParents.has(parent));
      }
      wrappedList.length = 0;
      for (const undo of styleUndos.values()) undo();
      styleUndos.clear();
      liveMarks = 0;
      pass = undefined;
      shared.passDone();
      scanQueue.length = 0;
      cursor = undefined;
      visibleQueue.length = 0;
      eagerQueue.length = 0;
      blockHits.clear();
      unreported.clear();
      deferredBlocks = [];
      mutationBuffer = [];
    },
  };
}
