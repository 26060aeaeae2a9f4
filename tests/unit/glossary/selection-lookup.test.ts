import { describe, expect, it } from 'vitest';
import { glossary } from '@/glossary';
import { createMatcher } from '@/glossary/matcher';
import { lookupPath, lookupSelection, MAX_LOOKUP_QUERY_CHARS } from '@/glossary/selection-lookup';
import { compileTerms } from '@/glossary/terms';
import { parsePopupParams } from '@/utils/popup/popup-params';

const matcher = createMatcher(compileTerms(glossary));
const lookup = (text: string) => lookupSelection(text, glossary, matcher);

describe('lookupSelection', () => {
  it.each([
    ['UPI', 'upi'],
    ['  upi\n', 'upi'],
    ['Aadhar', 'aadhaar'],
    ['आधार', 'aadhaar'],
    ['Unified Payments Interface', 'upi'],
    ['payments over UPI rose again', 'upi'],
    ['MOSIP and Aadhaar', 'mosip'],
  ])('%j opens the entry %s', (selection, id) => {
    expect(lookup(selection)).toEqual({ kind: 'entry', id });
  });

  it.each([
    ['digilockr', 'digilockr'],
    ['the monsoon   session', 'the monsoon session'],
  ])('%j with no term searches for %j', (selection, query) => {
    expect(lookup(selection)).toEqual({ kind: 'search', query });
  });

  it.each(['', '   ', '\n\t'])('%j gives nothing to open', (selection) => {
    expect(lookup(selection)).toBeUndefined();
  });

  it('cuts a long selection without terms to a search-box sized query', () => {
    const target = lookup('weather '.repeat(40));
    expect(target?.kind).toBe('search');
    expect(target?.kind === 'search' && target.query.length).toBeLessThanOrEqual(MAX_LOOKUP_QUERY_CHARS);
  });
});

describe('lookupPath', () => {
  it.each([
    [{ kind: 'entry', id: 'upi' } as const, { termId: 'upi' }],
    [{ kind: 'search', query: 'आधार & more?' } as const, { query: 'आधार & more?' }],
  ])('round-trips through the popup’s own parameter parser: %j', (target, params) => {
    const path = lookupPath(target);
    expect(path.startsWith('popup.html?')).toBe(true);
    expect(parsePopupParams(path.slice('popup.html'.length))).toEqual(params);
  });
});
