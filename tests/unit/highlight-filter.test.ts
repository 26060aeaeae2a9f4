import { afterEach, describe, expect, it } from 'vitest';
import { createMatcher } from '@/glossary/matcher';
import { createMentionFilter } from '@/glossary/mention-filter';
import type { TermForm } from '@/glossary/terms';
import { MARK_SELECTOR, highlight, type HighlightRun } from '@/entrypoints/content/highlighter';

const form = (id: string, text: string, exactCase: boolean): TermForm => ({ id, text, exactCase });
const matcher = createMatcher([form('upi', 'UPI', true), form('aadhaar', 'Aadhaar', false)]);
const CATEGORY = { upi: 'payments', aadhaar: 'identity' } as const;
const categoryOf = (id: string) => CATEGORY[id as keyof typeof CATEGORY];

const ARTICLE =
  '<p>UPI grew. Aadhaar helped; UPI again and UPI.</p><p>Later, Aadhaar and UPI once more.</p>';

let runs: HighlightRun[] = [];
afterEach(() => {
  for (const r of runs.reverse()) r.undo();
  runs = [];
});

function marked(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>(MARK_SELECTOR), (m) => `${m.dataset.dpiTerm}:${m.textContent}`);
}

describe('highlight with a match filter (reader settings)', () => {
  it('marks only the first mention of each term, in reading order', () => {
    document.body.innerHTML = ARTICLE;
    const filter = createMentionFilter({ density: 'first', disabledCategories: [] }, categoryOf);
    runs.push(highlight(document.body, matcher, { filter }));
    expect(marked()).toEqual(['upi:UPI', 'aadhaar:Aadhaar']);
    // The first UPI is the very first word: the later ones in the same text node stay plain.
    expect(document.querySelector('p')!.textContent).toBe('UPI grew. Aadhaar helped; UPI again and UPI.');
  });

  it('skips every term of a category switched off', () => {
    document.body.innerHTML = ARTICLE;
    const filter = createMentionFilter({ density: 'every', disabledCategories: ['payments'] }, categoryOf);
    runs.push(highlight(document.body, matcher, { filter }));
    expect(marked()).toEqual(['aadhaar:Aadhaar', 'aadhaar:Aadhaar']);
  });

  it('undo after a filtered run restores the page exactly', () => {
    document.body.innerHTML = ARTICLE;
    const before = document.body.innerHTML;
    const filter = createMentionFilter({ density: 'first', disabledCategories: [] }, categoryOf);
    const run = highlight(document.body, matcher, { filter });
    run.undo();
    expect(document.body.innerHTML).toBe(before);
  });
});
