import { describe, expect, it } from 'vitest';
import { createMentionFilter, selectMentions } from '@/glossary/mention-filter';
import type { Category, TermMatch } from '@/glossary/types';

const CATEGORY: Record<string, Category> = { upi: 'payments', aadhaar: 'identity', ondc: 'commerce' };
const categoryOf = (id: string) => CATEGORY[id];

function hits(...ids: string[]): TermMatch[] {
  return ids.map((id, i) => ({ id, start: i * 10, end: i * 10 + 3, text: id }));
}
const ids = (matches: TermMatch[]) => matches.map((m) => m.id);

describe('selectMentions', () => {
  it.each([
    ['first mention keeps one per term, the earliest', 'first', [], ['upi', 'aadhaar', 'upi', 'upi', 'aadhaar'], ['upi', 'aadhaar']],
    ['every mention keeps them all', 'every', [], ['upi', 'upi', 'aadhaar'], ['upi', 'upi', 'aadhaar']],
    ['a category switched off drops its terms', 'every', ['payments'], ['upi', 'aadhaar', 'upi'], ['aadhaar']],
    ['first mention and a category off together', 'first', ['identity'], ['aadhaar', 'upi', 'ondc', 'upi'], ['upi', 'ondc']],
    ['an id without a known category is kept', 'first', ['payments'], ['custom', 'custom'], ['custom']],
    ['nothing in, nothing out', 'first', [], [], []],
  ] as const)('%s', (_name, density, disabledCategories, input, expected) => {
    expect(ids(selectMentions(hits(...input), { density, disabledCategories }, categoryOf))).toEqual(expected);
  });
});

describe('createMentionFilter', () => {
  it('remembers accepted terms across calls (one filter per page, many text nodes)', () => {
    const accept = createMentionFilter({ density: 'first', disabledCategories: [] }, categoryOf);
    expect(hits('upi', 'ondc').map(accept)).toEqual([true, true]);
    expect(hits('upi', 'aadhaar').map(accept)).toEqual([false, true]);
  });

  it('does not mark again a term already marked earlier on the page', () => {
    const accept = createMentionFilter({ density: 'first', disabledCategories: [] }, categoryOf, ['upi']);
    expect(hits('upi', 'ondc').map(accept)).toEqual([false, true]);
  });
});
