import { describe, expect, it } from 'vitest';
import {
  CARD_GAP_PX as GAP,
  VIEWPORT_MARGIN_PX as MARGIN,
  pickLineRect,
  placeCard,
  type Rect,
} from '@/utils/hover-card/placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 200 };
const term = (top: number, left: number, width = 60, height = 20): Rect => ({ top, left, width, height });

describe('placeCard', () => {
  it.each([
    {
      name: 'goes below the term, aligned with its left edge, when there is room',
      anchor: term(100, 200),
      expected: { top: 100 + 20 + GAP, left: 200, side: 'below' },
    },
    {
      name: 'goes above the term when there is no room below',
      anchor: term(700, 200),
      expected: { top: 700 - GAP - 200, left: 200, side: 'above' },
    },
    {
      name: 'prefers below when the card exactly fits below',
      anchor: term(800 - MARGIN - GAP - 200 - 20, 200),
      expected: { top: 800 - MARGIN - 200, left: 200, side: 'below' },
    },
    {
      name: 'is pulled left to stay inside the right margin near the right edge',
      anchor: term(100, 950, 40),
      expected: { top: 126, left: 1000 - MARGIN - 360, side: 'below' },
    },
    {
      name: 'is pushed right to the margin when the term starts left of the viewport',
      anchor: term(100, -30),
      expected: { top: 126, left: MARGIN, side: 'below' },
    },
    {
      name: 'stays below the top margin when the term is scrolled partly above the viewport',
      anchor: term(-30, 200),
      expected: { top: MARGIN, left: 200, side: 'below' },
    },
  ])('$name', ({ anchor, expected }) => {
    expect(placeCard({ anchor, card, viewport })).toEqual(expected);
  });

  it.each([
    {
      name: 'caps the height below the term when neither side has room and below is roomier',
      anchor: term(300, 100),
      viewport: { width: 1000, height: 700 },
      card: { width: 360, height: 600 },
      expected: { side: 'below', top: 326, maxHeight: 700 - MARGIN - 326 },
    },
    {
      name: 'caps the height above the term when neither side has room and above is roomier',
      anchor: term(400, 100),
      viewport: { width: 1000, height: 600 },
      card: { width: 360, height: 500 },
      expected: { side: 'above', top: MARGIN, maxHeight: 400 - GAP - MARGIN },
    },
  ])('$name', ({ anchor, viewport, card, expected }) => {
    const placement = placeCard({ anchor, card, viewport });
    expect(placement).toMatchObject(expected);
    // The capped card ends before the term (above) or starts after it (below): it never covers it.
    if (placement.side === 'above') {
      expect(placement.top + placement.maxHeight!).toBeLessThanOrEqual(anchor.top - GAP);
    } else {
      expect(placement.top).toBeGreaterThanOrEqual(anchor.top + anchor.height + GAP);
    }
  });

  it.each([
    { name: 'a viewport narrower than the card', viewport: { width: 300, height: 800 }, anchor: term(100, 200) },
    { name: 'a tiny viewport', viewport: { width: 200, height: 120 }, anchor: term(50, 150) },
    { name: 'a term far right and low', viewport, anchor: term(790, 990) },
    { name: 'a term off screen below', viewport, anchor: term(1200, 400) },
  ])('never puts the card before the top-left margin, with $name', ({ viewport, anchor }) => {
    const { top, left } = placeCard({ anchor, card, viewport });
    expect(top).toBeGreaterThanOrEqual(MARGIN);
    expect(left).toBeGreaterThanOrEqual(MARGIN);
  });

  it.each([
    { name: 'a term far right and low', anchor: term(790, 990) },
    { name: 'a term at the top left corner', anchor: term(0, 0) },
    { name: 'a term off screen below', anchor: term(1200, 400) },
    { name: 'a term in the middle', anchor: term(390, 470) },
  ])('keeps the whole card inside the viewport margins, with $name', ({ anchor }) => {
    const placement = placeCard({ anchor, card, viewport });
    const height = placement.maxHeight ?? card.height;
    expect(placement.left + card.width).toBeLessThanOrEqual(viewport.width - MARGIN);
    expect(placement.top + height).toBeLessThanOrEqual(viewport.height - MARGIN);
  });
});

describe('pickLineRect', () => {
  // A term wrapped over two lines: its end on line 1 (right), its start... on line 2 (left).
  const firstLine = term(100, 800, 150);
  const secondLine = term(122, 40, 90);
  const lines = [firstLine, secondLine];

  it.each([
    { name: 'the line under the pointer (first line)', pointer: { x: 850, y: 110 }, index: 0 },
    { name: 'the line under the pointer (second line)', pointer: { x: 60, y: 130 }, index: 1 },
    { name: 'the nearest line when the pointer is just outside the term', pointer: { x: 20, y: 125 }, index: 1 },
    { name: 'the first line for keyboard focus (no pointer)', pointer: undefined, index: 0 },
  ])('chooses $name', ({ pointer, index }) => {
    expect(pickLineRect(lines, pointer)).toEqual({ rect: lines[index], index });
  });

  it('has nothing to choose for a term with no boxes (hidden or removed)', () => {
    expect(pickLineRect([], { x: 1, y: 1 })).toBeUndefined();
  });
});
