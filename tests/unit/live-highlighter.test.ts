/**
 * The live highlighter (entrypoints/content/live-highlighter.ts), the only code that marks pages:
 * the protected zones of tests/fixtures/protected-zones.html stay untouched, what is marked follows
 * the mark contract, `stop()` restores the page exactly, a rescan adds nothing, and the reader's
 * mention filter decides which hits are marked. Context rules are passed through here (they have
 * their own tests in page-senses.test.ts and senses.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import zonesHtml from '../fixtures/protected-zones.html?raw';
import { createMatcher, type Matcher } from '@/glossary/matcher';
import { createMentionFilter } from '@/glossary/mention-filter';
import type { TermForm } from '@/glossary/terms';
import { LATE_SHADOW_CHECK_MS, MAX_WRAPS_PER_FRAME, startLiveHighlighter, type LiveHighlighter } from '@/entrypoints/content/live-highlighter';
import { HIGHLIGHT_MEASURE, MARK_SELECTOR, readPageTerms } from '@/entrypoints/content/mark-contract';
import { filterMatcher } from '@/entrypoints/content/reader-session';
import { KEEP_ALL_HITS } from './support/highlighting';

const form = (id: string, text: string, exactCase: boolean): TermForm => ({ id, text, exactCase });
const matcher = createMatcher([
  form('upi', 'UPI', true),
  form('upi-lite', 'UPI Lite', true),
  form('aadhaar', 'Aadhaar', false),
  form('dpi', 'Digital Public Infrastructure', false),
  form('ekyc', 'e-KYC', true),
]);

let runs: LiveHighlighter[] = [];

/** Starts highlighting and resolves when the pass is complete (its measure is recorded). */
async function highlightPage(using: Matcher = matcher): Promise<LiveHighlighter> {
  const before = performance.getEntriesByName(HIGHLIGHT_MEASURE).length;
  const run = startLiveHighlighter(document, using, { senses: KEEP_ALL_HITS });
  runs.push(run);
  await vi.waitFor(() => expect(performance.getEntriesByName(HIGHLIGHT_MEASURE).length).toBeGreaterThan(before));
  return run;
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = zonesHtml;
  runs = [];
  performance.clearMeasures(HIGHLIGHT_MEASURE);
});
afterEach(() => {
  for (const run of runs.reverse()) run.stop();
});

const marksIn = (selector: string) => document.querySelectorAll(`${selector} ${MARK_SELECTOR}`).length;
const markTexts = (selector: string) =>
  Array.from(document.querySelectorAll(`${selector} ${MARK_SELECTOR}`), (m) => [m.getAttribute('data-dpi-term'), m.textContent]);

describe('live highlighter: protected zones', () => {
  it.each([
    ['a textarea', '#zone-textarea'],
    ['a select and its options', 'select'],
    ['a button', 'button'],
    ['a contenteditable editor, including its children', '#zone-editor'],
    ['a plaintext-only editor', '#zone-editor-plain'],
    ['preformatted text', '#zone-pre'],
    ['code', '#zone-code'],
    ['keyboard input', 'kbd'],
    ['a script', '#zone-script'],
    ['a style sheet', '#zone-style'],
    ['SVG text', '#zone-svg'],
    ['aria-hidden content', '#zone-aria-hidden'],
    ['hidden content', '#zone-hidden'],
    ["the extension's own card", '#zone-own-ui'],
  ])('does not highlight inside %s', async (_name, selector) => {
    const before = document.querySelector(selector)!.outerHTML;
    await highlightPage();
    expect(marksIn(selector)).toBe(0);
    expect(document.querySelector(selector)!.outerHTML).toBe(before);
  });

  it('does not change an input value or a template, and does not wrap an existing mark again', async () => {
    await highlightPage();
    expect((document.querySelector('#zone-input') as HTMLInputElement).value).toBe('UPI Aadhaar');
    expect(document.querySelector('template')!.content.querySelector(MARK_SELECTOR)).toBeNull();
    expect(document.querySelectorAll('#zone-existing mark').length).toBe(1);
  });

  it('highlights an element that is contenteditable="false" outside any editor', async () => {
    await highlightPage();
    expect(markTexts('#not-an-editor')).toEqual([['upi', 'UPI']]);
  });
});

describe('live highlighter: what is marked', () => {
  it('wraps each occurrence in the mark contract, longest term first', async () => {
    await highlightPage();
    expect(markTexts('#lede')).toEqual([
      ['upi-lite', 'UPI Lite'],
      ['upi', 'UPI'],
      ['aadhaar', 'Aadhaar'],
      ['ekyc', 'e-KYC'],
    ]);
    expect(document.querySelector('#lede mark')!.outerHTML).toBe(
      '<mark class="dpi-lens-term" data-dpi-term="upi-lite">UPI Lite</mark>',
    );
  });

  it('does not mark handles, URLs or words that contain a term, and reports terms in reading order', async () => {
    const run = await highlightPage();
    expect(markTexts('#handles')).toEqual([]);
    expect(markTexts('#tail')).toEqual([['upi', 'UPI']]);
    expect(readPageTerms(document)).toEqual([
      { id: 'upi', count: 5 }, // h1, lede (UPI's), not-an-editor, tail + the pre-existing mark
      { id: 'aadhaar', count: 2 },
      { id: 'dpi', count: 1 },
      { id: 'upi-lite', count: 1 },
      { id: 'ekyc', count: 1 },
    ]);
    expect(run.marks).toBe(9); // its own marks only
  });
});

describe('live highlighter: undo and repeat', () => {
  it('stop restores the page exactly, with the original text nodes in place, and is safe twice', async () => {
    const html = document.body.innerHTML;
    const lede = document.querySelector('#lede')!;
    const originals = Array.from(lede.childNodes);
    const run = await highlightPage();
    expect(run.marks).toBeGreaterThan(0);
    run.stop();
    run.stop();
    expect(document.body.innerHTML).toBe(html);
    expect(Array.from(lede.childNodes)).toEqual(originals);
  });

  it('a rescan adds nothing where marks already are', async () => {
    const run = await highlightPage();
    const html = document.body.innerHTML;
    run.rescan();
    await vi.waitFor(() => expect(performance.getEntriesByName(HIGHLIGHT_MEASURE).length).toBe(2));
    expect(document.body.innerHTML).toBe(html);
    expect(run.marks).toBe(9);
  });

  it.each([
    ['a term at the very start', 'UPI first'],
    ['a term at the very end', 'ends with UPI'],
    ['a text node that is only a term', 'UPI'],
    ['terms back to back', 'UPI/UPI, UPI'],
  ])('restores %s exactly', async (_name, text) => {
    document.body.innerHTML = `<p>${text}</p>`;
    const p = document.querySelector('p')!;
    const original = p.firstChild;
    const run = await highlightPage();
    expect(run.marks).toBeGreaterThan(0);
    run.stop();
    expect(p.outerHTML).toBe(`<p>${text}</p>`);
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(original);
  });

  it.each([
    ['right away (its mutation records not yet handled)', 0],
    ['after a frame (its mutation records handled)', 100],
  ])('turning off after the page moved a mark keeps every piece of text once: %s', async (_name, wait) => {
    document.body.innerHTML = '<p>Pay by UPI today.</p><div id="elsewhere"></div>';
    const run = await highlightPage();
    const mark = document.querySelector(MARK_SELECTOR)!;
    document.getElementById('elsewhere')!.append(mark); // the page moves our mark out of its paragraph
    await new Promise((resolve) => setTimeout(resolve, wait));
    run.stop();
    expect(document.querySelector('p')!.textContent + document.getElementById('elsewhere')!.textContent).toBe('Pay by  today.UPI');
    expect(document.querySelector('mark')).toBeNull();
  });

  it('changes nothing at all on a page without terms', async () => {
    document.body.innerHTML = '<p>Monsoon rains reach Kerala; traffic jam in the city.</p>';
    const before = document.documentElement.outerHTML;
    const run = await highlightPage();
    expect(run.marks).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});

describe('live highlighter: content the page adds', () => {
  /** A few frames and slices: a pass started by our own marks would have been recorded by then. */
  const LOOP_WINDOW_MS = 100;
  const passDetails = () =>
    performance.getEntriesByName(HIGHLIGHT_MEASURE).map((m) => (m as PerformanceMeasure).detail as { textNodes: number; marks: number });

  it('marks an appended item in a pass that reads only the added text, and its own marks start no pass', async () => {
    document.body.innerHTML = `<main>${'<p>Monsoon rains reach Kerala.</p>'.repeat(50)}</main>`;
    const run = await highlightPage();
    expect(passDetails()[0]!.textNodes).toBeGreaterThanOrEqual(50);
    const item = document.createElement('p');
    item.textContent = 'Update: UPI Lite payments doubled.';
    document.querySelector('main')!.append(item);
    await vi.waitFor(() => expect(passDetails()).toHaveLength(2));
    expect(item.querySelector(MARK_SELECTOR)?.getAttribute('data-dpi-term')).toBe('upi-lite');
    expect(passDetails()[1]).toMatchObject({ textNodes: 1, marks: 1 });
    await new Promise((resolve) => setTimeout(resolve, LOOP_WINDOW_MS));
    expect(passDetails()).toHaveLength(2);
    expect(run.marks).toBe(1);
  });
});

describe('live highlighter with the reader’s mention filter', () => {
  const CATEGORY = { upi: 'payments', aadhaar: 'identity' } as const;
  const categoryOf = (id: string) => CATEGORY[id as keyof typeof CATEGORY];
  const ARTICLE = '<p>UPI grew. Aadhaar helped; UPI again and UPI.</p><p>Later, Aadhaar and UPI once more.</p>';
  const marked = () =>
    Array.from(document.querySelectorAll<HTMLElement>(MARK_SELECTOR), (m) => `${m.dataset.dpiTerm}:${m.textContent}`);

  it('marks only the first mention of each term, in reading order, and restores the page exactly', async () => {
    document.body.innerHTML = ARTICLE;
    const filter = createMentionFilter({ density: 'first', disabledCategories: [] }, categoryOf);
    const run = await highlightPage(filterMatcher(matcher, filter));
    expect(marked()).toEqual(['upi:UPI', 'aadhaar:Aadhaar']);
    run.stop();
    expect(document.body.innerHTML).toBe(ARTICLE);
  });

  it.each([
    // The second paragraph reads "Later, Aadhaar and UPI once more.": both are now its first mentions.
    ['the page removes the paragraph with the first marks', () => document.querySelector('p')!.remove(), ['aadhaar:Aadhaar', 'upi:UPI']],
    ['a framework re-renders the first mark\'s text', () => {
      document.querySelector('p')!.replaceChildren('UPI grew, updated.');
    }, ['upi:UPI', 'aadhaar:Aadhaar']],
  ])('marks a term again when %s (first-mention mode)', async (_name, change, expected) => {
    document.body.innerHTML = ARTICLE;
    const filter = createMentionFilter({ density: 'first', disabledCategories: [] }, categoryOf);
    await highlightPage(filterMatcher(matcher, filter));
    expect(marked()).toEqual(['upi:UPI', 'aadhaar:Aadhaar']);
    const passes = performance.getEntriesByName(HIGHLIGHT_MEASURE).length;
    change();
    await vi.waitFor(() => expect(performance.getEntriesByName(HIGHLIGHT_MEASURE).length).toBeGreaterThan(passes));
    expect(marked()).toEqual(expected);
    // Each term once: the ones still marked are not marked a second time.
    expect(new Set(marked().map((m) => m.split(':')[0])).size).toBe(marked().length);
  });

  it('does not mark a term again while one of its marks is still on the page', async () => {
    document.body.innerHTML = '<p>UPI first.</p><div><p>UPI inside.</p></div><p>UPI later.</p>';
    const filter = createMentionFilter({ density: 'every', disabledCategories: [] }, categoryOf);
    await highlightPage(filterMatcher(matcher, filter));
    expect(marked()).toEqual(['upi:UPI', 'upi:UPI', 'upi:UPI']);
    const passes = performance.getEntriesByName(HIGHLIGHT_MEASURE).length;
    document.querySelector('div')!.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(marked()).toEqual(['upi:UPI', 'upi:UPI']);
    expect(performance.getEntriesByName(HIGHLIGHT_MEASURE).length).toBe(passes); // no rescan: nothing to re-mark
  });

  it('skips every term of a category switched off', async () => {
    document.body.innerHTML = ARTICLE;
    const filter = createMentionFilter({ density: 'every', disabledCategories: ['payments'] }, categoryOf);
    await highlightPage(filterMatcher(matcher, filter));
    expect(marked()).toEqual(['aadhaar:Aadhaar', 'aadhaar:Aadhaar']);
  });
});

describe('live highlighter: style and layout per frame', () => {
  it(`wraps at most ${MAX_WRAPS_PER_FRAME} text nodes before each frame, and all of them over the following frames`, async () => {
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    try {
      const paragraphs = MAX_WRAPS_PER_FRAME * 2 + 10;
      document.body.innerHTML = Array.from({ length: paragraphs }, (_, i) => `<p>Item ${i}: paid by UPI.</p>`).join('');
      const run = startLiveHighlighter(document, matcher, { senses: KEEP_ALL_HITS });
      runs.push(run);
      const marks = () => document.querySelectorAll(MARK_SELECTOR).length;
      await vi.waitFor(() => expect(marks()).toBe(MAX_WRAPS_PER_FRAME));
      await new Promise((resolve) => setTimeout(resolve, 50)); // tasks run, no frame: no more marks
      expect(marks()).toBe(MAX_WRAPS_PER_FRAME);
      const seen = [marks()];
      while (marks() < paragraphs && frames.length) {
        frames.shift()!(performance.now());
        await vi.waitFor(() => expect(marks()).toBeGreaterThan(seen.at(-1)!));
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen.push(marks());
      }
      expect(seen).toEqual([MAX_WRAPS_PER_FRAME, MAX_WRAPS_PER_FRAME * 2, paragraphs]);
      expect(performance.getEntriesByName(HIGHLIGHT_MEASURE).length).toBe(1);
    } finally {
      raf.mockRestore();
    }
  });
});

describe('live highlighter: web components defined after the scan', () => {
  it(`highlights a shadow root a custom element attaches after the pass (checked ${LATE_SHADOW_CHECK_MS[0]} ms later)`, async () => {
    document.body.innerHTML = '<p>Aadhaar news.</p><news-widget></news-widget>';
    await highlightPage();
    const widget = document.querySelector('news-widget')!;
    // The page's script defines the element later; its shadow root brings a term.
    const shadow = widget.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Paid by UPI.</p>';
    expect(shadow.querySelector(MARK_SELECTOR)).toBeNull();
    await vi.waitFor(() => expect(shadow.querySelector(MARK_SELECTOR)?.textContent).toBe('UPI'), { timeout: LATE_SHADOW_CHECK_MS[0] + 2_000 });
  });
});
