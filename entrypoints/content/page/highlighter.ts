/**
 * Highlighting that follows the page without changing it. Scans the page's text in short slices,
 * records every accepted occurrence as a live Range (occurrences.ts) and paints them with the CSS
 * Custom Highlight API (paint.ts); afterwards reads only what the page adds or rewrites.
 *
 * A "pass" is one scan request (the first load, one frame's mutations). When its text is scanned
 * and painted, the `dpi-lens:highlight` measure is recorded: duration = wall time of the pass,
 * `detail.busyMs` = the sum of its slices, `detail.marks` / `detail.terms` = ranges and terms it
 * painted, `detail.textNodes` = text nodes it read. The session is told through `onPass`, never
 * through the measure (a page can write measures too).
 *
 * Nothing here writes to the page's DOM. Observers only read; every listener and timer is undone
 * by `stop()`, which also takes every highlight out.
 */
import { bundledSenses } from '@/glossary/bundled';
import { detectorOf } from '@/glossary/detect';
import type { Matcher } from '@/glossary/matcher';
import type { Category, TermMatch } from '@/glossary/types';
import type { Density, HighlightStyle } from '@/utils/settings/settings';
import { HIGHLIGHT_MEASURE } from './contract';
import { HUGE_MUTATIONS_COUNT } from './page-changes';
import { createPageSenseFilter, type PageSenseFilter } from './context-rules';
import { NODES_PER_CLOCK_READ, SLICE_BUDGET_MS, nextFrame, nextTask, type Cancel } from './scheduler';
import { createSharedMatches } from './text-matches';
import { createOccurrenceBook, isIntact, RANK, type Occurrence } from './occurrences';
import { createPainter } from './paint';
import { emptyDiscoveries, isInsideSkipped, openWalk, type Discoveries } from './scan';

/**
 * A text node longer than this is matched in chunks of this size across slices (one 5 MB text
 * node, a log or a transcript, would otherwise be one long task).
 */
export const CHUNK_CHARS = 50_000;
/** Chunks overlap by this much: longer than any written form, so a term across a seam is found once. */
const CHUNK_OVERLAP = 256;
/**
 * A custom element may attach its shadow root after the scan passed it (its definition loads
 * later). Elements with a hyphenated name and no shadow root are looked at again after these delays.
 */
export const LATE_SHADOW_CHECK_MS = [1_000, 5_000] as const;
/**
 * A same-origin frame narrower or lower than this (CSS px) is an ad slot, a tracking pixel or a
 * widget button, not something to read: it is not read at all (looked at again when it loads).
 */
export const MIN_FRAME_SIZE = { width: 120, height: 40 } as const;
/** performance.mark set when the first highlight of the session is painted. */
export const FIRST_PAINT_MARK = 'dpi-lens:first-mark';
/** The article's own text: occurrences outside it (rails, tickers, headers) are the last choice for a first mention. */
const READING_ROOT_SELECTOR = 'main, article, [role=main]';
/** Attributes that make text editable or hidden: when they change, that subtree is read again. */
const WATCHED_ATTRIBUTES = ['contenteditable', 'hidden', 'aria-hidden'];

export interface HighlighterOptions {
  density?: Density;
  style?: HighlightStyle;
  /** Categories the reader switched off: their terms are neither painted nor counted. */
  disabledCategories?: readonly Category[];
  categoryOf?: (id: string) => Category | undefined;
  /** Context rules (default: the bundled glossary's, see context-rules.ts); tests may pass their own. */
  senses?: PageSenseFilter;
  /** A pass finished, or the page's occurrences changed: counts and the card may need updating. */
  onChange?: () => void;
}

export interface Highlighter {
  /** Ranges painted now. */
  readonly paintedCount: number;
  /** Terms in reading order with how often each occurs (painted or not). */
  terms(): { id: string; count: number }[];
  /** Painted occurrences in reading order (keyboard next/previous). */
  paintedInOrder(): Occurrence[];
  /** The term's first painted occurrence (the popup's "take me there"). */
  firstPainted(id: string): Occurrence | undefined;
  /** Painted occurrences in one text node (hit-testing). */
  paintedIn(node: Text): Occurrence[];
  /** Documents whose text is read: the page and its same-origin frames (for pointer listeners). */
  documents(): Document[];
  /** Open shadow roots whose text is read, in `doc` (for hit-testing into them). */
  shadowRootsOf(doc: Document): ShadowRoot[];
  setStyle(style: HighlightStyle): void;
  /** The occurrence the reader is on (its card is open), painted more strongly; null for none. */
  setCurrent(occurrence: Occurrence | null): void;
  /** Reads the whole page again. */
  rescan(): void;
  /** Stops following the page and takes every highlight out. Safe to call twice. */
  stop(): void;
}

interface Pass {
  start: number;
  busyMs: number;
  painted: number;
  ids: Set<string>;
  textNodes: number;
  scanned: number;
}

interface HugeText {
  node: Text;
  data: string;
  offset: number;
  matches: TermMatch[];
}

const now = () => performance.now();

function measure(name: string, start: number, detail: Record<string, number>): void {
  try {
    performance.measure(name, { start, end: now(), detail });
  } catch {
    // Instrumentation must never break highlighting.
  }
}

/** `matcher.findAll` over `data[from, to)`, for a chunk of a huge text node. */
function findInChunk(matcher: Matcher, data: string, from: number, to: number): TermMatch[] {
  const lead = Math.max(0, from - CHUNK_OVERLAP);
  const slice = data.slice(lead, Math.min(data.length, to + CHUNK_OVERLAP));
  return matcher
    .findAll(slice)
    .map((m) => ({ ...m, start: m.start + lead, end: m.end + lead }))
    .filter((m) => m.start >= from && m.start < to);
}

export function startHighlighter(doc: Document, matcher: Matcher, options: HighlighterOptions = {}): Highlighter {
  const { density = 'first', categoryOf = () => undefined, onChange } = options;
  const off = new Set(options.disabledCategories ?? []);
  const shared = createSharedMatches(matcher, matcher);
  // The context rules (their model, the page reading) are built at the first candidate: a page
  // without one never pays for them.
  let rules = options.senses;
  const senses: PageSenseFilter = {
    filter: (node, matches) =>
      (rules ??= createPageSenseFilter(doc, detectorOf(matcher, bundledSenses()), shared.forReading)).filter(node, matches),
    reset: () => rules?.reset(),
  };
  const painter = createPainter(options.style ?? 'underline');
  const book = createOccurrenceBook(painter, density);

  const observedRoots = new Set<Document | ShadowRoot>();
  const frames = new WeakSet<HTMLIFrameElement>();
  const undos: (() => void)[] = [];
  const readingRoot = new WeakMap<Document | ShadowRoot, boolean>();
  const lateShadowTimers = new Set<number>();

  let pass: Pass | undefined;
  let stopped = false;
  let firstPaint = false;
  const scanQueue: Node[] = [];
  let cursor: TreeWalker | undefined;
  let huge: HugeText | undefined;
  let found: Discoveries = emptyDiscoveries();
  let cancelSlice: Cancel | undefined;
  let cancelFrame: Cancel | undefined;
  let mutationBuffer: MutationRecord[] = [];

  const mutationObserver = new MutationObserver((records) => {
    mutationBuffer.push(...records);
    cancelFrame ??= nextFrame(handleMutations);
  });

  function observeRoot(root: Document | ShadowRoot): void {
    if (observedRoots.has(root)) return;
    observedRoots.add(root);
    mutationObserver.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  }

  // --- reading text -----------------------------------------------------------------------

  function hasReadingRoot(root: Document | ShadowRoot): boolean {
    let known = readingRoot.get(root);
    if (known === undefined) readingRoot.set(root, (known = root.querySelector(READING_ROOT_SELECTOR) !== null));
    return known;
  }

  function rankOf(element: Element): number {
    const root = element.getRootNode() as Document | ShadowRoot;
    const inReading = !hasReadingRoot(root) || element.closest(READING_ROOT_SELECTOR) !== null;
    if (!inReading) return RANK.chrome;
    return element.closest('a[href]') ? RANK.link : RANK.reading;
  }

  /** Records what the reader's settings and the context rules accept of `node`'s matches. */
  function accept(node: Text, candidates: TermMatch[]): void {
    const allowed = off.size ? candidates.filter((m) => !off.has(categoryOf(m.id) as Category)) : candidates;
    // Navigation, link lists and ambiguous forms used in another sense ("600 DPI") are not recorded.
    const matches = allowed.length > 0 ? senses.filter(node, allowed) : allowed;
    const parent = node.parentElement;
    if (matches.length === 0 || !parent) {
      book.drop(node);
      return;
    }
    book.record(node, matches, rankOf(parent));
    const root = node.getRootNode();
    if (root !== doc && (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE || root.nodeType === Node.DOCUMENT_NODE)) {
      painter.adoptStyle(root as Document | ShadowRoot);
    }
  }

  function visitText(node: Text, deadline: number): void {
    pass!.textNodes += 1;
    if (node.data.length > CHUNK_CHARS) {
      huge = { node, data: node.data, offset: 0, matches: [] };
      continueHuge(deadline);
      return;
    }
    const candidates = shared.forScan(node);
    accept(node, candidates);
    shared.afterVisit();
  }

  /** Matches the huge text node chunk by chunk until the deadline; records it when done. */
  function continueHuge(deadline: number): void {
    const job = huge!;
    while (job.offset < job.data.length) {
      const to = Math.min(job.data.length, job.offset + CHUNK_CHARS);
      job.matches.push(...findInChunk(matcher, job.data, job.offset, to));
      job.offset = to;
      if (now() >= deadline) return;
    }
    huge = undefined;
    if (job.node.isConnected && job.node.data === job.data) accept(job.node, job.matches);
  }

  /** Scans until the deadline; returns true when every queued root is done. */
  function scan(deadline: number): boolean {
    let visited = 0;
    for (;;) {
      if (huge) {
        continueHuge(deadline);
        if (huge) return false;
      }
      if (!cursor) {
        const next = scanQueue.shift();
        if (!next) return true;
        const walk = openWalk(next, found);
        if (!walk) {
          if (next.nodeType === Node.TEXT_NODE) book.drop(next as Text); // now inside an editor
          continue;
        }
        pass!.scanned += 1;
        if (walk.single) visitText(walk.single, deadline);
        cursor = walk.walker;
        continue;
      }
      const node = cursor.nextNode();
      if (!node) {
        cursor = undefined;
        adoptDiscovered();
        continue;
      }
      visitText(node as Text, deadline);
      visited += 1;
      if (visited % NODES_PER_CLOCK_READ === 0 && now() >= deadline) return false;
    }
  }

  function adoptDiscovered(): void {
    const { shadowRoots, frames: newFrames, shadowless } = found;
    found = { shadowRoots: [], frames: [], shadowless };
    for (const shadow of shadowRoots) {
      if (observedRoots.has(shadow)) continue;
      observeRoot(shadow);
      scanQueue.push(shadow);
    }
    for (const frame of newFrames) attachFrame(frame);
  }

  /** Same-origin frames are read from here: cheaper than a content script in every frame (ads). */
  function attachFrame(frame: HTMLIFrameElement): void {
    if (frames.has(frame)) return;
    frames.add(frame);
    const onLoad = () => {
      if (stopped || !isReadableFrameBox(frame)) return;
      // Only now touch the frame's document: reaching into it creates this script's world there,
      // which cost hundreds of ms on pages full of ad frames.
      let frameDoc: Document | null;
      try {
        frameDoc = frame.contentDocument; // null for cross-origin frames
      } catch {
        frameDoc = null;
      }
      if (!frameDoc?.body || observedRoots.has(frameDoc) || !/\S/.test(frameDoc.body.textContent ?? '')) return;
      observeRoot(frameDoc);
      requestScan([frameDoc]);
    };
    frame.addEventListener('load', onLoad);
    undos.push(() => frame.removeEventListener('load', onLoad));
    onLoad();
  }

  /** Reads the shadow roots that `elements` attached since the scan, at LATE_SHADOW_CHECK_MS. */
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

  // --- slices and passes ------------------------------------------------------------------

  function scheduleSlice(): void {
    if (!stopped) cancelSlice ??= nextTask(runSlice);
  }

  function settle(): void {
    const result = book.settle();
    if (pass) {
      pass.painted += result.painted;
      for (const id of result.ids) pass.ids.add(id);
    }
    if (result.painted > 0 && !firstPaint) {
      firstPaint = true;
      performance.mark(FIRST_PAINT_MARK);
    }
  }

  function runSlice(): void {
    cancelSlice = undefined;
    if (stopped || !pass) return;
    const sliceStart = now();
    const done = scan(sliceStart + SLICE_BUDGET_MS);
    settle();
    pass.busyMs += now() - sliceStart;
    if (!done) {
      scheduleSlice();
      return;
    }
    complete();
  }

  function complete(): void {
    const finished = pass!;
    pass = undefined;
    shared.passDone();
    if (found.shadowless.length) {
      watchLateShadowRoots(found.shadowless);
      found.shadowless = [];
    }
    if (finished.scanned > 0) {
      measure(HIGHLIGHT_MEASURE, finished.start, {
        marks: finished.painted,
        terms: finished.ids.size,
        busyMs: finished.busyMs,
        textNodes: finished.textNodes,
      });
    }
    onChange?.();
  }

  function requestScan(roots: Iterable<Node>): void {
    if (stopped) return;
    const before = scanQueue.length;
    scanQueue.push(...roots);
    if (scanQueue.length === before) return;
    pass ??= { start: now(), busyMs: 0, painted: 0, ids: new Set(), textNodes: 0, scanned: 0 };
    scheduleSlice();
  }

  // --- following the page -----------------------------------------------------------------

  /** Forgets occurrences under `element` (it became editable or hidden); true when there were some. */
  function dropUnder(element: Element): boolean {
    let dropped = false;
    for (const node of [...book.nodes()]) {
      if (element.contains(node)) {
        book.drop(node);
        dropped = true;
      }
    }
    return dropped;
  }

  function handleMutations(): void {
    cancelFrame = undefined;
    if (stopped) return;
    const start = now();
    const records = mutationBuffer;
    mutationBuffer = [];
    const candidates = new Set<Node>();
    let removed = false;
    let dropped = false;
    for (const record of records) {
      if (record.type === 'characterData') candidates.add(record.target);
      else if (record.type === 'attributes') {
        const element = record.target as Element;
        if (isInsideSkipped(element)) dropped = dropUnder(element) || dropped;
        else candidates.add(element);
      } else {
        if (record.removedNodes.length > 0) removed = true;
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) candidates.add(node);
        }
      }
    }
    // Removed or moved text: a live range whose node left the page collapses. Forget what is gone,
    // read again what came back somewhere else.
    if (removed) {
      for (const node of [...book.nodes()]) {
        if (!node.isConnected) {
          book.drop(node);
          dropped = true;
        } else if (book.inNode(node).some((occurrence) => !isIntact(occurrence))) candidates.add(node);
      }
    }
    const roots: Node[] = [];
    for (const node of candidates) {
      if (!node.isConnected || hasAncestorIn(node, candidates)) continue;
      roots.push(node);
    }
    if (roots.length > HUGE_MUTATIONS_COUNT) requestScan([...observedRoots]);
    else requestScan(roots);
    if (pass) pass.busyMs += now() - start;
    else if (dropped) {
      // Only removals: unpaint now (a first mention passes to the next occurrence) and say so.
      settle();
      onChange?.();
    }
  }

  function onNavigation(): void {
    // A new view is a new page for the context rules; text that did not change is not read again.
    senses.reset();
    shared.pageReset();
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
    get paintedCount() {
      return book.paintedCount;
    },
    terms: () => book.terms().map(({ id, count }) => ({ id, count })),
    paintedInOrder: () => book.paintedInOrder(),
    firstPainted: (id) => book.firstPainted(id),
    paintedIn: (node) => book.inNode(node).filter((occurrence) => occurrence.painted),
    documents: () => [...observedRoots].filter((root): root is Document => root.nodeType === Node.DOCUMENT_NODE),
    shadowRootsOf: (of) =>
      [...observedRoots].filter(
        (root): root is ShadowRoot => root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && root.ownerDocument === of,
      ),
    setStyle: (style) => painter.setStyle(style),
    setCurrent: (occurrence) => painter.setCurrent(occurrence?.painted ? occurrence.range : null),
    rescan() {
      requestScan([...observedRoots]);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      cancelSlice?.();
      cancelFrame?.();
      for (const timer of lateShadowTimers) window.clearTimeout(timer);
      lateShadowTimers.clear();
      mutationObserver.disconnect();
      for (const undo of undos.splice(0)) undo();
      book.clear();
      pass = undefined;
      shared.passDone();
      scanQueue.length = 0;
      cursor = undefined;
      huge = undefined;
      mutationBuffer = [];
    },
  };
}

/**
 * Only frames a reader can read are read: shown and big enough (their text is checked after).
 * Ads fill pages with same-origin about:blank frames; each one read costs a world, an observer
 * and a scan for nothing.
 */
function isReadableFrameBox(frame: HTMLIFrameElement): boolean {
  const box = frame.getBoundingClientRect();
  return box.width >= MIN_FRAME_SIZE.width && box.height >= MIN_FRAME_SIZE.height;
}

function hasAncestorIn(node: Node, set: ReadonlySet<Node>): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (set.has(p)) return true;
  return false;
}
