/**
 * The extension's own list of what it found on the page: every accepted occurrence of a term, as
 * a StaticRange over the page's text node, and which of them are painted.
 *
 * Static, not live: the browser updates every live Range in a document on every node the page
 * inserts or removes, so 3,000 live ranges made the page's own DOM work 19 x slower (measured:
 * 2,000 appends and removals 71 -> 1,351 ms; with static ranges 70 ms). The highlighter follows
 * the page's edits itself: a text node the page changes is read again within a frame, one it
 * removes is forgotten, one it moves keeps its ranges (they name the node, not a position). Counts, the badge, "On
 * this page", the keyboard's next/previous and the card read this list, never the DOM, so nothing
 * a page writes can forge or read them.
 *
 * Density is decided here, at paint time: with "first mention" each term paints its best
 * occurrence, the first in reading order among those in the article's own text (rank 0), then in
 * links (1), then in page chrome (2). A rejected look-alike never becomes an occurrence, so it never
 * uses up a first mention; and when the page removes the painted one, the next one is painted.
 */
import type { Density } from '@/utils/settings/settings';
import type { TermMatch } from '@/glossary/types';
import type { Painter } from './paint';
import { compareNodes } from './reading-order';

/** Where an occurrence stands, for choosing a term's first mention. Lower wins. */
export const RANK = { reading: 0, link: 1, chrome: 2 } as const;

export interface Occurrence {
  readonly id: string;
  readonly node: Text;
  readonly range: AbstractRange;
  /** The text as the page wrote it when found. */
  readonly text: string;
  readonly rank: number;
  painted: boolean;
}

export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  if (a.node === b.node) return a.range.startOffset - b.range.startOffset;
  return compareNodes(a.node, b.node);
}

/** True while the node still holds, at the range, exactly the text it was found as. */
export function isIntact(occurrence: Occurrence): boolean {
  const { range, node, text } = occurrence;
  return node.isConnected && range.endOffset - range.startOffset === text.length && node.data.startsWith(text, range.startOffset);
}

type StaticRangeConstructor = new (init: StaticRangeInit) => StaticRange;

/** A StaticRange over `node[start, end)` (a live Range where the engine has none, e.g. test DOMs). */
export function rangeOver(node: Text, start: number, end: number): AbstractRange {
  const Static = (globalThis as { StaticRange?: StaticRangeConstructor }).StaticRange;
  if (typeof Static === 'function') {
    return new Static({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
  }
  const live = node.ownerDocument.createRange();
  live.setStart(node, start);
  live.setEnd(node, end);
  return live;
}

/** One live Range per document, moved onto an occurrence to read its geometry (static ranges have none). */
const measuring = new WeakMap<Document, Range>();

function measure(occurrence: Occurrence): Range {
  const doc = occurrence.node.ownerDocument;
  let range = measuring.get(doc);
  if (!range) measuring.set(doc, (range = doc.createRange()));
  range.setStart(occurrence.node, occurrence.range.startOffset);
  range.setEnd(occurrence.node, occurrence.range.endOffset);
  return range;
}

/** The occurrence's line boxes, in its document's viewport coordinates. */
export function rectsOf(occurrence: Occurrence): DOMRect[] {
  if (!isIntact(occurrence)) return [];
  return Array.from(measure(occurrence).getClientRects());
}

/** The occurrence's bounding box, in its document's viewport coordinates. */
export function boxOf(occurrence: Occurrence): DOMRect {
  if (!isIntact(occurrence)) return new DOMRect();
  return measure(occurrence).getBoundingClientRect();
}

export interface SettleResult {
  /** Ranges painted by this settle. */
  painted: number;
  /** Terms with a range painted by this settle. */
  ids: Set<string>;
}

export interface OccurrenceBook {
  /** Records `node`'s accepted matches (replacing what was recorded for it). */
  record(node: Text, matches: readonly TermMatch[], rank: number): void;
  /** Forgets `node`'s occurrences (their paint goes at the next settle). */
  drop(node: Text): void;
  /** Text nodes with occurrences. */
  nodes(): IterableIterator<Text>;
  /** The occurrences found in `node`, in text order. */
  inNode(node: Text): readonly Occurrence[];
  /** Paints and unpaints what the records since the last settle call for. */
  settle(): SettleResult;
  /** Terms in reading order (of their first occurrence) with how often each occurs. */
  terms(): { id: string; count: number; first: Occurrence }[];
  /** Painted occurrences in reading order. */
  paintedInOrder(): Occurrence[];
  /** The term's painted occurrence that comes first. */
  firstPainted(id: string): Occurrence | undefined;
  readonly paintedCount: number;
  /** Unpaints everything and forgets it. */
  clear(): void;
}

export function createOccurrenceBook(painter: Painter, density: Density): OccurrenceBook {
  const byNode = new Map<Text, Occurrence[]>();
  const byId = new Map<string, Set<Occurrence>>();
  const dirty = new Set<string>();
  /** Unpainting waits for settle, so a term re-rendered in one frame is not flashed off and on. */
  const unpaint = new Set<Occurrence>();
  let paintedCount = 0;

  function unpaintNow(occurrence: Occurrence): void {
    if (!occurrence.painted) return;
    occurrence.painted = false;
    paintedCount -= 1;
    painter.remove(occurrence.id, occurrence.range);
  }

  function drop(node: Text): void {
    const list = byNode.get(node);
    if (!list) return;
    byNode.delete(node);
    for (const occurrence of list) {
      byId.get(occurrence.id)?.delete(occurrence);
      dirty.add(occurrence.id);
      unpaint.add(occurrence);
    }
  }

  function best(set: Set<Occurrence>): Occurrence | undefined {
    let top: Occurrence | undefined;
    for (const occurrence of set) {
      if (!top || occurrence.rank < top.rank || (occurrence.rank === top.rank && compareOccurrences(occurrence, top) < 0)) {
        top = occurrence;
      }
    }
    return top;
  }

  return {
    record(node, matches, rank) {
      drop(node);
      if (matches.length === 0) return;
      const list: Occurrence[] = [];
      for (const match of matches) {
        const range = rangeOver(node, match.start, match.end);
        const occurrence: Occurrence = { id: match.id, node, range, text: match.text, rank, painted: false };
        list.push(occurrence);
        let set = byId.get(match.id);
        if (!set) byId.set(match.id, (set = new Set()));
        set.add(occurrence);
        dirty.add(match.id);
      }
      byNode.set(node, list);
    },
    drop,
    nodes: () => byNode.keys(),
    inNode: (node) => byNode.get(node) ?? [],
    settle() {
      const result: SettleResult = { painted: 0, ids: new Set() };
      for (const occurrence of unpaint) unpaintNow(occurrence);
      unpaint.clear();
      for (const id of dirty) {
        const set = byId.get(id);
        if (!set || set.size === 0) {
          byId.delete(id);
          continue;
        }
        const chosen = density === 'every' ? undefined : best(set);
        for (const occurrence of set) {
          const want = chosen === undefined || occurrence === chosen;
          if (want && !occurrence.painted) {
            occurrence.painted = true;
            paintedCount += 1;
            painter.add(id, occurrence.range);
            result.painted += 1;
            result.ids.add(id);
          } else if (!want) unpaintNow(occurrence);
        }
      }
      dirty.clear();
      return result;
    },
    terms() {
      const out: { id: string; count: number; first: Occurrence }[] = [];
      for (const [id, set] of byId) {
        let first: Occurrence | undefined;
        for (const occurrence of set) if (!first || compareOccurrences(occurrence, first) < 0) first = occurrence;
        if (first) out.push({ id, count: set.size, first });
      }
      return out.sort((a, b) => compareOccurrences(a.first, b.first));
    },
    paintedInOrder() {
      const out: Occurrence[] = [];
      for (const list of byNode.values()) for (const occurrence of list) if (occurrence.painted) out.push(occurrence);
      return out.sort(compareOccurrences);
    },
    firstPainted(id) {
      let first: Occurrence | undefined;
      for (const occurrence of byId.get(id) ?? []) {
        if (occurrence.painted && (!first || compareOccurrences(occurrence, first) < 0)) first = occurrence;
      }
      return first;
    },
    get paintedCount() {
      return paintedCount;
    },
    clear() {
      byNode.clear();
      byId.clear();
      dirty.clear();
      unpaint.clear();
      paintedCount = 0;
      painter.clear();
    },
  };
}

