import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import zonesHtml from '../fixtures/protected-zones.html?raw';
import { createMatcher } from '@/glossary/matcher';
import type { TermForm } from '@/glossary/terms';
import {
  HIGHLIGHT_MEASURE,
  MARK_SELECTOR,
  MARK_STYLE_ID,
  highlight,
  readPageTerms,
  type HighlightRun,
} from '@/entrypoints/content/highlighter';

const form = (id: string, text: string, exactCase: boolean): TermForm => ({ id, text, exactCase });
const matcher = createMatcher([
  form('upi', 'UPI', true),
  form('upi-lite', 'UPI Lite', true),
  form('aadhaar', 'Aadhaar', false),
  form('dpi', 'Digital Public Infrastructure', false),
  form('ekyc', 'e-KYC', true),
]);

let runs: HighlightRun[] = [];
function run(root: Element | Document = document.body): HighlightRun {
  const result = highlight(root, matcher);
  runs.push(result);
  return result;
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = zonesHtml;
  runs = [];
  performance.clearMeasures(HIGHLIGHT_MEASURE);
});
afterEach(() => {
  for (const r of runs.reverse()) r.undo();
});

const marksIn = (selector: string) => document.querySelectorAll(`${selector} ${MARK_SELECTOR}`).length;
const markTexts = (selector: string) =>
  Array.from(document.querySelectorAll(`${selector} ${MARK_SELECTOR}`), (m) => [
    m.getAttribute('data-dpi-term'),
    m.textContent,
  ]);

describe('highlight: protected zones', () => {
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
  ])('does not highlight inside %s', (_name, selector) => {
    const before = document.querySelector(selector)!.outerHTML;
    run();
    expect(marksIn(selector)).toBe(0);
    expect(document.querySelector(selector)!.outerHTML).toBe(before);
  });

  it('does not change an input value or a template', () => {
    run();
    expect((document.querySelector('#zone-input') as HTMLInputElement).value).toBe('UPI Aadhaar');
    const template = document.querySelector('template')!;
    expect(template.content.querySelector(MARK_SELECTOR)).toBeNull();
  });

  it('highlights an element that is contenteditable="false" outside any editor', () => {
    run();
    expect(markTexts('#not-an-editor')).toEqual([['upi', 'UPI']]);
  });

  it('does not wrap an existing mark again', () => {
    run();
    expect(document.querySelectorAll('#zone-existing mark').length).toBe(1);
    expect(document.querySelector('#zone-existing mark mark')).toBeNull();
  });

  it('does nothing when the root itself is inside an editor', () => {
    const result = run(document.querySelector('#zone-editor p')!);
    expect(result.marks).toBe(0);
  });
});

describe('highlight: what is marked', () => {
  it('wraps each occurrence in the mark contract, longest term first', () => {
    run();
    expect(markTexts('#lede')).toEqual([
      ['upi-lite', 'UPI Lite'],
      ['upi', 'UPI'],
      ['aadhaar', 'Aadhaar'],
      ['ekyc', 'e-KYC'],
    ]);
    const mark = document.querySelector('#lede mark')!;
    expect(mark.outerHTML).toBe('<mark class="dpi-lens-term" data-dpi-term="upi-lite">UPI Lite</mark>');
  });

  it('marks a term inside inline formatting', () => {
    run();
    expect(markTexts('h1 em')).toEqual([['dpi', 'Digital Public Infrastructure']]);
  });

  it('does not mark handles, URLs, words that contain a term, or lookalikes', () => {
    run();
    expect(markTexts('#handles')).toEqual([]);
    expect(markTexts('#tail')).toEqual([['upi', 'UPI']]);
  });

  it('reports the page terms in reading order with counts', () => {
    const result = run();
    const expected = [
      { id: 'upi', count: 5 }, // h1, lede (UPI's), not-an-editor, tail + the pre-existing mark
      { id: 'aadhaar', count: 2 },
      { id: 'dpi', count: 1 },
      { id: 'upi-lite', count: 1 },
      { id: 'ekyc', count: 1 },
    ];
    expect(readPageTerms(document)).toEqual(expected);
    // The run counts only its own marks (the pre-existing one is not its work).
    expect(result.terms.find((t) => t.id === 'upi')?.count).toBe(4);
    expect(result.marks).toBe(9);
  });
});

describe('highlight: undo and repeat', () => {
  it('restores the page exactly on undo', () => {
    const html = document.body.innerHTML;
    const text = document.body.textContent;
    run().undo();
    expect(document.body.innerHTML).toBe(html);
    expect(document.body.textContent).toBe(text);
  });

  it('leaves the original text nodes in place after undo', () => {
    const lede = document.querySelector('#lede')!;
    const originals = Array.from(lede.childNodes);
    run().undo();
    expect(Array.from(lede.childNodes)).toEqual(originals);
    expect(originals.every((node) => node.isConnected)).toBe(true);
  });

  it('never changes the text of the page', () => {
    const text = document.body.textContent;
    run();
    expect(document.body.textContent).toBe(text);
  });

  it('running twice does not double-wrap', () => {
    const first = run();
    const html = document.body.innerHTML;
    const second = run();
    expect(second.marks).toBe(0);
    expect(document.body.innerHTML).toBe(html);
    expect(first.marks).toBeGreaterThan(0);
  });

  it('undo is safe to call twice', () => {
    const html = document.body.innerHTML;
    const result = run();
    result.undo();
    result.undo();
    expect(document.body.innerHTML).toBe(html);
  });

  it('keeps the text when the page moved a mark before undo', () => {
    const result = run();
    const mark = document.querySelector('#tail mark')!;
    document.querySelector('#lede')!.append(mark); // a page script re-parents it
    const text = document.body.textContent;
    result.undo();
    expect(document.querySelector('#tail mark, #lede mark')).toBeNull();
    expect(document.body.textContent).toBe(text);
  });

  it.each([
    ['a term at the very start', 'UPI first'],
    ['a term at the very end', 'ends with UPI'],
    ['a text node that is only a term', 'UPI'],
    ['terms back to back', 'UPI/UPI, UPI'],
  ])('restores %s exactly', (_name, text) => {
    document.body.innerHTML = `<p>${text}</p>`;
    const p = document.querySelector('p')!;
    const original = p.firstChild;
    const result = run();
    expect(result.marks).toBeGreaterThan(0);
    result.undo();
    expect(p.outerHTML).toBe(`<p>${text}</p>`);
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(original);
  });
});

describe('highlight: the page it leaves', () => {
  it('adds the mark style with the first mark and removes it on undo', () => {
    const result = run();
    expect(document.getElementById(MARK_STYLE_ID)).not.toBeNull();
    result.undo();
    expect(document.getElementById(MARK_STYLE_ID)).toBeNull();
  });

  it('changes nothing at all on a page without terms', () => {
    document.body.innerHTML = '<p>Monsoon rains reach Kerala; traffic jam in the city.</p>';
    const before = document.documentElement.outerHTML;
    const result = run();
    expect(result.marks).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('keeps the style while another run still has marks', () => {
    const first = run(document.querySelector('#lede')!);
    const second = run(document.querySelector('#tail')!);
    first.undo();
    expect(document.getElementById(MARK_STYLE_ID)).not.toBeNull();
    second.undo();
    expect(document.getElementById(MARK_STYLE_ID)).toBeNull();
  });

  it('records a performance measure with the number of marks and distinct terms', () => {
    const result = run();
    const [entry] = performance.getEntriesByName(HIGHLIGHT_MEASURE, 'measure') as PerformanceMeasure[];
    expect(entry?.detail).toEqual({ marks: result.marks, terms: result.terms.length });
  });
});

describe('highlight: cost', () => {
  // A page of many paragraphs, few with terms: the wrap pass must not scale with the page.
  const PARAGRAPHS = 3000;
  const BUDGET_MS = 5000; // generous for a slow shared core; one walk per word would be far over

  it('highlights a large page in one pass', () => {
    document.body.innerHTML = Array.from({ length: PARAGRAPHS }, (_, i) =>
      i % 100 === 0 ? `<p>Paragraph ${i} on UPI and Aadhaar.</p>` : `<p>Paragraph ${i} on rain.</p>`,
    ).join('');
    const started = performance.now();
    const result = run();
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
    expect(result.marks).toBe((PARAGRAPHS / 100) * 2);
  });
});
