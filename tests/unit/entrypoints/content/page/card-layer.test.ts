/**
 * The card layer (entrypoints/content/page/card.tsx) in happy-dom: its host exists only while a card
 * is open, on <html>, with a closed shadow root the page cannot read; events the page makes up
 * open nothing. (Real pointer, tap and keyboard paths run in the browser tests.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMatcher } from '@/glossary/matcher';
import type { TermForm } from '@/glossary/terms';
import { createCardLayer, FLASH_BLINKS, FLASH_PHASE_MS, SHEET_MEDIA, type CardLayer } from '@/entrypoints/content/page/card';
import { startHighlighter, type Highlighter } from '@/entrypoints/content/page/highlighter';
import { OWN_UI_TAG } from '@/entrypoints/content/page/contract';
import { PLAIN_UPI as ENTRY_UPI } from '@/tests/unit/support/entries';
import { KEEP_ALL_HITS, passesComplete } from '@/tests/unit/support/highlighting';
import { installHighlightRegistry } from '@/tests/unit/support/highlight-registry';

const matcher = createMatcher([{ id: 'upi', text: 'UPI', exactCase: true } satisfies TermForm]);
let highlighter: Highlighter;
let layer: CardLayer;
let controller: AbortController;

beforeEach(async () => {
  installHighlightRegistry();
  // happy-dom lays nothing out: give every range one line box, as a browser would.
  const line = new DOMRect(10, 10, 30, 16);
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([line] as unknown as DOMRectList);
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(line);
  document.body.innerHTML = '<p id="p">Pay by UPI today.</p><input id="field">';
  performance.clearMeasures();
  highlighter = startHighlighter(document, matcher, { senses: KEEP_ALL_HITS, density: 'every' });
  await passesComplete(1);
  controller = new AbortController();
  layer = createCardLayer({ highlighter, lookup: (id) => (id === 'upi' ? ENTRY_UPI : undefined), signal: controller.signal, openDelayMs: 10 });
});
afterEach(() => {
  controller.abort();
  highlighter.stop();
});

const hosts = () => document.querySelectorAll(OWN_UI_TAG);

describe('card layer', () => {
  it('adds its host to <html> only while a card is open, with a shadow root the page cannot reach', () => {
    expect(hosts()).toHaveLength(0);
    const [occurrence] = highlighter.paintedInOrder();
    layer.show(occurrence!, { reveal: false });
    expect(hosts()).toHaveLength(1);
    const host = hosts()[0]!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull(); // closed: a page script sees no root
    const snapshot = layer.snapshot();
    expect(snapshot).toMatchObject({ open: true, id: 'upi', role: 'dialog' });
    expect(snapshot.text).toContain(ENTRY_UPI.short);
    layer.close();
    expect(hosts()).toHaveLength(0);
    expect(layer.snapshot()).toEqual({ open: false });
  });

  it('comes back when the page removed its host while a card was open', () => {
    const [occurrence] = highlighter.paintedInOrder();
    layer.show(occurrence!, { reveal: false });
    hosts()[0]!.remove();
    layer.close();
    layer.show(occurrence!, { reveal: false });
    expect(hosts()).toHaveLength(1);
  });

  it('moves to the next term with focus in the card, and Esc-less close gives focus back', () => {
    const field = document.getElementById('field') as HTMLInputElement;
    field.focus();
    const moved = layer.move(1);
    expect(moved?.id).toBe('upi');
    expect(layer.snapshot()).toMatchObject({ open: true, focused: true });
    layer.close();
    expect(document.activeElement).toBe(field);
  });

  it('flashes the term it was asked to show (the popup): its current highlight blinks, then stays', () => {
    vi.useFakeTimers();
    try {
      const setCurrent = vi.spyOn(highlighter, 'setCurrent');
      const [occurrence] = highlighter.paintedInOrder();
      layer.show(occurrence!, { reveal: false, flash: true });
      setCurrent.mockClear();
      vi.advanceTimersByTime(FLASH_BLINKS * 2 * FLASH_PHASE_MS);
      const calls = setCurrent.mock.calls.map(([range]) => (range === null ? 'off' : 'on'));
      expect(calls).toEqual(Array.from({ length: FLASH_BLINKS }, () => ['off', 'on']).flat());
      expect(layer.snapshot().open).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on a narrow viewport opens as a bottom sheet, and Back (popstate) closes it', () => {
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: query === SHEET_MEDIA, media: query }) as MediaQueryList);
    const pushState = vi.spyOn(history, 'pushState');
    const [occurrence] = highlighter.paintedInOrder();
    layer.show(occurrence!, { reveal: false });
    expect(layer.snapshot()).toMatchObject({ open: true, sheet: true });
    expect(pushState).toHaveBeenCalledOnce();
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(layer.snapshot().open).toBe(false);
  });

  it('ignores pointer, key and touch events a page script makes up', async () => {
    const p = document.getElementById('p')!;
    for (const type of ['pointermove', 'pointerdown', 'pointerup']) {
      p.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: 5, clientY: 5, pointerType: 'mouse' }));
      p.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: 5, clientY: 5, pointerType: 'touch' }));
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(hosts()).toHaveLength(0);
    const [occurrence] = highlighter.paintedInOrder();
    layer.show(occurrence!, { reveal: false });
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(layer.snapshot().open).toBe(true);
  });

  it('takes its host out when removed', () => {
    const [occurrence] = highlighter.paintedInOrder();
    layer.show(occurrence!, { reveal: false });
    layer.remove();
    expect(hosts()).toHaveLength(0);
  });
});
