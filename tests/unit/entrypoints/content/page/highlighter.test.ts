/**
 * The page highlighter (entrypoints/content/page/highlighter.ts): it paints terms as ranges in
 * CSS.highlights and never changes the page's DOM; the protected zones of
 * tests/fixtures/protected-zones.html are never highlighted; first mentions are chosen from what
 * the context rules accepted; it follows the page's own edits and undoes everything on stop.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import zonesHtml from '@/tests/fixtures/protected-zones.html?raw';
import { createMatcher, type Matcher } from '@/glossary/matcher';
import type { TermForm } from '@/glossary/terms';
import type { TermMatch } from '@/glossary/types';
import { HIGHLIGHT_MEASURE } from '@/entrypoints/content/page/contract';
import {
  CHUNK_CHARS,
  LATE_SHADOW_CHECK_MS,
  startHighlighter,
  type Highlighter,
  type HighlighterOptions,
} from '@/entrypoints/content/page/highlighter';
import { KEEP_ALL_HITS } from '@/tests/unit/support/highlighting';
import { highlightedTerms, installHighlightRegistry } from '@/tests/unit/support/highlight-registry';

const form = (id: string, text: string, exactCase: boolean): TermForm => ({ id, text, exactCase });
const matcher = createMatcher([
  form('upi', 'UPI', true),
  form('upi-lite', 'UPI Lite', true),
  form('aadhaar', 'Aadhaar', false),
  form('dpi', 'Digital Public Infrastructure', false),
  form('ekyc', 'e-KYC', true),
]);
const CATEGORY = { upi: 'payments', 'upi-lite': 'payments', aadhaar: 'identity' } as const;
const categoryOf = (id: string) => CATEGORY[id as keyof typeof CATEGORY];

let registry: ReturnType<typeof installHighlightRegistry>;
let runs: Highlighter[] = [];
const passes = () => performance.getEntriesByName(HIGHLIGHT_MEASURE).length;
const passDetails = () =>
  performance.getEntriesByName(HIGHLIGHT_MEASURE).map((m) => (m as PerformanceMeasure).detail as { textNodes: number; marks: number });

/** Starts highlighting (every mention, unless told) and resolves when the pass is complete. */
async function highlightPage(options: HighlighterOptions = {}, using: Matcher = matcher): Promise<Highlighter> {
  const before = passes();
  const run = startHighlighter(document, using, { senses: KEEP_ALL_HITS, density: 'every', categoryOf, ...options });
  runs.push(run);
  await vi.waitFor(() => expect(passes()).toBeGreaterThan(before));
  return run;
}

/** Waits for the next pass the page's own change starts. */
async function nextPass(change: () => void): Promise<void> {
  const before = passes();
  change();
  await vi.waitFor(() => expect(passes()).toBeGreaterThan(before));
}

const highlighted = (within?: Node) => highlightedTerms(registry, within);

beforeEach(() => {
  registry = installHighlightRegistry();
  document.head.innerHTML = '';
  document.body.innerHTML = zonesHtml;
  runs = [];
  performance.clearMeasures(HIGHLIGHT_MEASURE);
});
afterEach(() => {
  for (const run of runs.reverse()) run.stop();
});

describe('highlighter: protected zones', () => {
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
    ["the extension's own card host", '#zone-own-ui'],
  ])('does not highlight inside %s', async (_name, selector) => {
    await highlightPage();
    expect(highlighted(document.querySelector(selector)!)).toEqual([]);
  });

  it('highlights an element that is contenteditable="false" outside any editor', async () => {
    await highlightPage();
    expect(highlighted(document.querySelector('#not-an-editor')!)).toEqual([['upi', 'UPI']]);
  });
});

describe('highlighter: the page is never changed', () => {
  it('leaves the DOM exactly as it was, and a page observer sees no mutation from highlighting or stopping', async () => {
    const html = document.documentElement.outerHTML;
    const lede = document.querySelector('#lede')!;
    const originals = Array.from(lede.childNodes);
    const seen: MutationRecord[] = [];
    const pageObserver = new MutationObserver((records) => seen.push(...records));
    pageObserver.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    const run = await highlightPage();
    expect(run.paintedCount).toBeGreaterThan(0);
    run.stop();
    run.stop(); // safe twice
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen.push(...pageObserver.takeRecords());
    pageObserver.disconnect();
    expect(seen).toEqual([]);
    expect(document.documentElement.outerHTML).toBe(html);
    expect(Array.from(lede.childNodes)).toEqual(originals);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('stop takes every highlight out of the registry', async () => {
    const run = await highlightPage();
    expect([...registry.keys()].some((name) => name.startsWith('dpi-lens-'))).toBe(true);
    run.stop();
    expect([...registry.keys()].filter((name) => name.startsWith('dpi-lens'))).toEqual([]);
  });
});

describe('highlighter: what is highlighted', () => {
  it('registers each term as dpi-lens-<id> with exactly its text, longest term first, and paints them all', async () => {
    await highlightPage();
    expect(highlighted(document.querySelector('#lede')!)).toEqual([
      ['upi-lite', 'UPI Lite'],
      ['upi', 'UPI'],
      ['aadhaar', 'Aadhaar'],
      ['ekyc', 'e-KYC'],
    ]);
    const painted = [...registry.get('dpi-lens--underline')!].map((r) => r.toString());
    expect(painted).toHaveLength(highlighted().length);
  });

  it('does not highlight handles, URLs or words that contain a term, and counts terms in reading order', async () => {
    const run = await highlightPage();
    expect(highlighted(document.querySelector('#handles')!)).toEqual([]);
    expect(highlighted(document.querySelector('#tail')!)).toEqual([['upi', 'UPI']]);
    expect(run.terms()).toEqual([
      { id: 'upi', count: 5 }, // h1, lede (UPI's), not-an-editor, the page's own <mark>, tail
      { id: 'aadhaar', count: 2 },
      { id: 'dpi', count: 1 },
      { id: 'upi-lite', count: 1 },
      { id: 'ekyc', count: 1 },
    ]);
  });

  it('trusts nothing the page writes: a forged mark is plain text to it', async () => {
    document.body.innerHTML =
      '<p>Aadhaar once.</p><p><mark class="dpi-lens-term" data-dpi-term="upi" tabindex="0">not a term</mark></p>';
    const run = await highlightPage();
    expect(run.terms()).toEqual([{ id: 'aadhaar', count: 1 }]);
  });
});

describe('highlighter: style', () => {
  it('renames the one paint highlight to the reader style, and paints nothing for "none"', async () => {
    const run = await highlightPage({ style: 'underline' });
    const count = registry.get('dpi-lens--underline')!.size;
    run.setStyle('background');
    expect(registry.has('dpi-lens--underline')).toBe(false);
    expect(registry.get('dpi-lens--background')!.size).toBe(count);
    run.setStyle('none');
    expect([...registry.keys()].filter((name) => /^dpi-lens--(underline|background)$/.test(name))).toEqual([]);
    expect(registry.has('dpi-lens-upi')).toBe(true); // still known, for the card and the popup
  });
});

describe('highlighter: first mentions', () => {
  const ARTICLE = '<p>UPI grew. Aadhaar helped; UPI again and UPI.</p><p>Later, Aadhaar and UPI once more.</p>';

  it('paints only the first mention of each term but counts every mention', async () => {
    document.body.innerHTML = ARTICLE;
    const run = await highlightPage({ density: 'first' });
    expect(highlighted()).toEqual([['upi', 'UPI'], ['aadhaar', 'Aadhaar']]);
    expect(highlighted(document.querySelector('p')!)).toHaveLength(2);
    expect(run.terms()).toEqual([{ id: 'upi', count: 4 }, { id: 'aadhaar', count: 2 }]);
  });

  it('prefers the article text to a rail of links and page chrome for the first mention', async () => {
    document.body.innerHTML =
      '<header><div class="rail"><a href="/a">UPI outage hits</a></div></header>' +
      '<main><p>Shops took <a href="/x">Aadhaar</a> details.</p><p>Payments by UPI rose; Aadhaar too.</p></main>';
    await highlightPage({ density: 'first' });
    const main = document.querySelector('main')!;
    expect(highlighted()).toEqual([['upi', 'UPI'], ['aadhaar', 'Aadhaar']]);
    const paragraphs = main.querySelectorAll('p');
    expect(highlighted(paragraphs[1]!)).toEqual([['upi', 'UPI'], ['aadhaar', 'Aadhaar']]);
  });

  it('a mention the context rules reject never uses up the first mention', async () => {
    document.body.innerHTML = '<p>A 300 UPI scanner.</p><p>Paid by UPI.</p>';
    const rejectFirstParagraph = {
      filter: (node: Text, matches: TermMatch[]) => (node.data.includes('scanner') ? [] : matches),
      reset() {},
    };
    await highlightPage({ density: 'first', senses: rejectFirstParagraph });
    expect(highlighted(document.querySelectorAll('p')[1]!)).toEqual([['upi', 'UPI']]);
  });

  it.each([
    ['the page removes the paragraph with the first mentions', () => document.querySelector('p')!.remove()],
    ['a framework re-renders the first paragraph without the terms', () => document.querySelector('p')!.replaceChildren('Updated.')],
  ])('paints the next mention when %s', async (_name, change) => {
    document.body.innerHTML = ARTICLE;
    await highlightPage({ density: 'first' });
    change();
    await vi.waitFor(() => expect(highlighted()).toEqual([['aadhaar', 'Aadhaar'], ['upi', 'UPI']]));
    expect(highlighted(document.querySelectorAll('p')[document.querySelectorAll('p').length - 1]!)).toHaveLength(2);
  });

  it('neither paints nor counts a category the reader switched off', async () => {
    document.body.innerHTML = ARTICLE;
    const run = await highlightPage({ disabledCategories: ['payments'] });
    expect(highlighted()).toEqual([['aadhaar', 'Aadhaar'], ['aadhaar', 'Aadhaar']]);
    expect(run.terms()).toEqual([{ id: 'aadhaar', count: 2 }]);
  });
});

describe('highlighter: live pages', () => {
  it('reads only the added text when the page appends an item, and painting starts no pass of its own', async () => {
    document.body.innerHTML = `<main>${'<p>Monsoon rains reach Kerala.</p>'.repeat(50)}</main>`;
    const run = await highlightPage();
    expect(passDetails()[0]!.textNodes).toBeGreaterThanOrEqual(50);
    const item = document.createElement('p');
    item.textContent = 'Update: UPI Lite payments doubled.';
    await nextPass(() => document.querySelector('main')!.append(item));
    expect(highlighted(item)).toEqual([['upi-lite', 'UPI Lite']]);
    expect(passDetails()[1]).toMatchObject({ textNodes: 1, marks: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(passes()).toBe(2);
    expect(run.paintedCount).toBe(1);
  });

  it('follows text streamed into a node (appendData, data +=) and keeps the page text exactly', async () => {
    document.body.innerHTML = '<p id="chat">Your payment </p>';
    await highlightPage();
    const text = document.querySelector('#chat')!.firstChild as Text;
    await nextPass(() => text.appendData('was verified with UPI'));
    await nextPass(() => (text.data += ' and Aadhaar, thank you'));
    expect(text.data).toBe('Your payment was verified with UPI and Aadhaar, thank you');
    expect(highlighted()).toEqual([['upi', 'UPI'], ['aadhaar', 'Aadhaar']]);
  });

  it('drops a highlight when the page rewrites its text, and forgets removed text (no growth)', async () => {
    document.body.innerHTML = '<p id="status">Status: UPI ok</p><ul id="feed"></ul>';
    const run = await highlightPage();
    const status = document.querySelector('#status')!.firstChild as Text;
    await nextPass(() => (status.data = 'Status: '));
    expect(highlighted()).toEqual([]);
    expect(status.data).toBe('Status: ');
    const feed = document.querySelector('#feed')!;
    for (let i = 0; i < 20; i += 1) {
      await nextPass(() => feed.replaceChildren(Object.assign(document.createElement('li'), { textContent: `Tick ${i}: UPI` })));
    }
    expect(run.terms()).toEqual([{ id: 'upi', count: 1 }]);
    expect(run.paintedCount).toBe(1);
  });

  it('keeps highlights on a list the page re-orders', async () => {
    document.body.innerHTML = '<ol><li>First: UPI</li><li>Second: Aadhaar</li></ol>';
    await highlightPage();
    const list = document.querySelector('ol')!;
    list.append(list.firstElementChild!); // the page moves the first item to the end
    await vi.waitFor(() => expect(highlighted()).toEqual([['aadhaar', 'Aadhaar'], ['upi', 'UPI']]));
  });

  it(`matches one huge text node in chunks of ${CHUNK_CHARS} characters, a term across a seam found once`, async () => {
    const filler = 'x '.repeat(CHUNK_CHARS / 2 - 2);
    const text = `${filler}UPI ${filler}Aadhaar ${'y '.repeat(CHUNK_CHARS)}UPI Lite end`;
    document.body.innerHTML = '<p></p>';
    document.querySelector('p')!.textContent = text;
    const run = await highlightPage();
    expect(highlighted().map(([id]) => id)).toEqual(['upi', 'aadhaar', 'upi-lite']);
    expect(run.terms()).toHaveLength(3);
  });

  it(`highlights a shadow root a custom element attaches after the pass (checked ${LATE_SHADOW_CHECK_MS[0]} ms later)`, async () => {
    document.body.innerHTML = '<p>Aadhaar news.</p><news-widget></news-widget>';
    await highlightPage();
    const shadow = document.querySelector('news-widget')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Paid by UPI.</p>';
    await vi.waitFor(() => expect(highlighted(shadow)).toEqual([['upi', 'UPI']]), { timeout: LATE_SHADOW_CHECK_MS[0] + 2_000 });
  });

  it('stops highlighting text that becomes editable', async () => {
    document.body.innerHTML = '<div id="note"><p>UPI draft</p></div>';
    await highlightPage();
    expect(highlighted()).toEqual([['upi', 'UPI']]);
    document.querySelector('#note')!.setAttribute('contenteditable', 'true');
    await vi.waitFor(() => expect(highlighted()).toEqual([]));
  });
});

describe('highlighter: static ranges', () => {
  it('registers StaticRanges where the engine has them: live ones would be updated on every DOM change of the page', async () => {
    class FakeStaticRange {
      constructor(readonly init: StaticRangeInit) {}
      get startContainer() {
        return this.init.startContainer;
      }
      get startOffset() {
        return this.init.startOffset;
      }
      get endContainer() {
        return this.init.endContainer;
      }
      get endOffset() {
        return this.init.endOffset;
      }
    }
    const original = Object.getOwnPropertyDescriptor(globalThis, 'StaticRange');
    Object.defineProperty(globalThis, 'StaticRange', { value: FakeStaticRange, configurable: true, writable: true });
    try {
      document.body.innerHTML = '<p>Paid by UPI.</p>';
      await highlightPage();
      const [range] = registry.get('dpi-lens-upi')!;
      expect(range).toBeInstanceOf(FakeStaticRange);
      expect(range).toMatchObject({ startOffset: 8, endOffset: 11, startContainer: document.querySelector('p')!.firstChild });
    } finally {
      if (original) Object.defineProperty(globalThis, 'StaticRange', original);
      else delete (globalThis as { StaticRange?: unknown }).StaticRange;
    }
  });
});
