/**
 * Which highlighted term is under a point, without elements to receive events: the browser's caret
 * hit-test gives the text node and offset under the pointer (into open shadow roots where asked),
 * then the term's own line boxes decide, so a pointer in the margin beside a line opens nothing.
 */
import { rectsOf, type Occurrence } from './occurrences';

/** Tolerance around a term's line box, in CSS px: the underline sits just below the box. */
export const HIT_SLOP_PX = 2;

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position under (x, y) in `doc`'s viewport coordinates. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): CaretPoint | undefined {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = shadowRoots.length > 0 ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}

export function rectContains(rect: { left: number; right: number; top: number; bottom: number }, x: number, y: number, slop = HIT_SLOP_PX): boolean {
  return x >= rect.left - slop && x <= rect.right + slop && y >= rect.top - slop && y <= rect.bottom + slop;
}

/**
 * The occurrence among `candidates` (the painted ones of the caret's text node) whose line box
 * holds the point. The caret may sit on either side of the character under the pointer, so an
 * occurrence qualifies from its start to its end offset.
 */
export function pickAt(candidates: readonly Occurrence[], offset: number, x: number, y: number): Occurrence | undefined {
  for (const occurrence of candidates) {
    const { startOffset, endOffset } = occurrence.range;
    if (offset < startOffset || offset > endOffset) continue;
    for (const rect of rectsOf(occurrence)) if (rectContains(rect, x, y)) return occurrence;
  }
  return undefined;
}

export function occurrenceAt(
  doc: Document,
  x: number,
  y: number,
  paintedIn: (node: Text) => readonly Occurrence[],
  shadowRoots: ShadowRoot[] = [],
): Occurrence | undefined {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const candidates = paintedIn(caret.node as Text);
  return candidates.length > 0 ? pickAt(candidates, caret.offset, x, y) : undefined;
}

/**
 * `rect` of content in `doc` (maybe a same-origin frame) in the top document's viewport
 * coordinates: each frame adds its box and border.
 */
export function toTopViewport(rect: DOMRect, doc: Document): DOMRect {
  let x = rect.left;
  let y = rect.top;
  for (let view: Window | null = doc.defaultView; view && view !== view.parent; view = view.parent) {
    let frame: Element | null;
    try {
      frame = view.frameElement;
    } catch {
      frame = null; // a cross-origin parent: its coordinates are not ours to read
    }
    if (!frame) break;
    const box = frame.getBoundingClientRect();
    x += box.left + frame.clientLeft;
    y += box.top + frame.clientTop;
  }
  return new DOMRect(x, y, rect.width, rect.height);
}
