import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountHoverCard } from '../../entrypoints/content/hover';
import { OWN_UI_TAG } from '../../entrypoints/content/own-ui';
import { CLOSE_GRACE_MS, OPEN_DELAY_MS } from '../../components/hover-card/timings';
import type { GlossaryEntry } from '../../glossary/types';

const entry = (id: string, name: string): GlossaryEntry => ({
  id,
  name,
  aliases: [],
  category: 'payments',
  short: `${name} in short.`,
  definition: 'Longer.',
  significance: ['Matters.'],
  challenges: ['Hard.'],
  related: [],
  sources: [{ url: `https://example.org/${id}`, title: `${name} source`, publisher: 'Pub', asOf: '2025-08-01' }],
});
const entries: Record<string, GlossaryEntry> = { upi: entry('upi', 'UPI'), npci: entry('npci', 'NPCI') };
const lookup = (id: string) => entries[id];

const PAGE = `<p id="text">Pay with <mark class="dpi-lens-term" data-dpi-term="upi" tabindex="0">UPI</mark>,
  run by <mark class="dpi-lens-term" data-dpi-term="npci">NPCI</mark>. <a id="after" href="#">next</a></p>`;

let ctx: ContentScriptContext;

const host = () => document.querySelector(OWN_UI_TAG);
const card = () => host()?.shadowRoot?.querySelector<HTMLElement>('.dpi-card') ?? null;
const shownName = () => card()?.querySelector('h2')?.textContent ?? null;
const mark = (id: string) => document.querySelector<HTMLElement>(`mark[data-dpi-term="${id}"]`)!;
const over = (target: Element) =>
  target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  document.body.innerHTML = PAGE;
  ctx = new ContentScriptContext('content');
  await mountHoverCard(ctx, { lookup });
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('mountHoverCard', () => {
  it('adds one host element for its shadow root and nothing else to the page', () => {
    expect(document.querySelectorAll(OWN_UI_TAG)).toHaveLength(1);
    expect(document.getElementById('text')!.outerHTML).toContain('tabindex="0">UPI</mark>');
    expect(card()).toBeNull();
  });

  it('opens the card only after the pointer rests on a term for the dwell time', () => {
    over(mark('upi'));
    vi.advanceTimersByTime(OPEN_DELAY_MS - 1);
    expect(card()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(shownName()).toBe('UPI');
  });

  it('closes the card after the grace period once the pointer leaves the term', () => {
    over(mark('upi'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    over(document.getElementById('text')!);
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 1);
    expect(shownName()).toBe('UPI');
    vi.advanceTimersByTime(1);
    expect(card()).toBeNull();
  });

  it('keeps the card while the pointer is on it', () => {
    over(mark('upi'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    over(card()!); // reaches the document retargeted to the shadow host
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 3);
    expect(shownName()).toBe('UPI');
  });

  it('shows one card at a time, switching to the term the pointer rests on', () => {
    over(mark('upi'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    over(mark('npci'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(shownName()).toBe('NPCI');
    expect(host()!.shadowRoot!.querySelectorAll('.dpi-card')).toHaveLength(1);
  });

  it('closes on Escape and stays closed while the pointer stays on the term', () => {
    over(mark('upi'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card()).toBeNull();
    over(mark('upi'));
    vi.advanceTimersByTime(OPEN_DELAY_MS * 2);
    expect(card()).toBeNull();
  });

  it('opens at once when a term receives keyboard focus and closes when focus moves on', () => {
    mark('upi').focus();
    expect(shownName()).toBe('UPI');
    document.getElementById('after')!.focus();
    expect(card()).toBeNull();
  });

  it('removes the card, its host and its listeners when the content script is invalidated', () => {
    over(mark('upi'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    ctx.abort();
    expect(host()).toBeNull();
    over(mark('npci'));
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(document.body.innerHTML.trim()).toBe(PAGE.trim());
  });
});
