/**
 * Where the hover card goes. Pure: the page glue passes in rectangles measured from the DOM and
 * applies the result, so every edge case (top of the page, right edge, tiny viewport) is a table row.
 */

/** Space between the term and the card, in CSS px: close enough to read as "this term's card", far enough not to cover the term's line. */
export const CARD_GAP_PX = 6;

/** The card never comes closer than this to the viewport's edges, in CSS px, so its border and shadow stay on screen. */
export const VIEWPORT_MARGIN_PX = 8;

export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** Set when the card is taller than the room on its side: the card must be capped (and scroll) at this height. */
  maxHeight?: number;
}

export interface PlacementInput {
  /** The term's box in viewport (client) coordinates; for a term wrapped over lines, the line in question. */
  anchor: Rect;
  /** The card's natural size. */
  card: Size;
  viewport: Size;
  gap?: number;
  margin?: number;
}

/**
 * Below the term by default, above it when there is no room below, and when neither side has room,
 * on the roomier side with a height cap, so the card never covers the term and never leaves the
 * viewport. Horizontally it starts at the term's left edge, clamped within the viewport margins.
 */
export function placeCard({
  anchor,
  card,
  viewport,
  gap = CARD_GAP_PX,
  margin = VIEWPORT_MARGIN_PX,
}: PlacementInput): Placement {
  const anchorBottom = anchor.top + anchor.height;
  const roomBelow = Math.max(0, viewport.height - margin - (anchorBottom + gap));
  const roomAbove = Math.max(0, anchor.top - gap - margin);

  let side: Placement['side'];
  let height = card.height;
  let maxHeight: number | undefined;
  if (card.height <= roomBelow) {
    side = 'below';
  } else if (card.height <= roomAbove) {
    side = 'above';
  } else {
    side = roomBelow >= roomAbove ? 'below' : 'above';
    maxHeight = Math.max(roomBelow, roomAbove);
    height = maxHeight;
  }

  let top = side === 'below' ? anchorBottom + gap : anchor.top - gap - height;
  // The anchor itself may be partly off screen (scrolled, or taller than the viewport).
  top = clamp(top, margin, viewport.height - margin - height);

  const left = clamp(anchor.left, margin, viewport.width - margin - card.width);

  return maxHeight === undefined ? { top, left, side } : { top, left, side, maxHeight };
}

/**
 * The box to place the card against. A term that wraps over two lines has one client rect per
 * line; the card belongs to the line the pointer is on (or nearest to it), and to the first line
 * when there is no pointer (keyboard focus). Returns the index so a later reposition (scroll)
 * can keep to the same line.
 */
export function pickLineRect(
  rects: readonly Rect[],
  pointer?: { x: number; y: number },
): { rect: Rect; index: number } | undefined {
  if (rects.length === 0) return undefined;
  if (!pointer) return { rect: rects[0], index: 0 };
  let best = 0;
  let bestDistance = Infinity;
  rects.forEach((rect, index) => {
    const distance =
      axisDistance(pointer.y, rect.top, rect.top + rect.height) * 1000 +
      axisDistance(pointer.x, rect.left, rect.left + rect.width);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return { rect: rects[best], index: best };
}

function axisDistance(value: number, start: number, end: number): number {
  if (value < start) return start - value;
  if (value > end) return value - end;
  return 0;
}

/** Like Math.min(Math.max(value, min), max), except that `min` wins when the range is empty (a card wider than the viewport starts at the margin). */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
