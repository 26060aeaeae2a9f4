/**
 * Import problems in the reader's words: each names the term by number and name and the field in
 * words, in the UI language (issue 12: `terms[0].definition` meant nothing to readers).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import hi from '@/public/_locales/hi/messages.json';
import { formatMessage } from '@/utils/i18n/i18n';
import { planImport } from '@/utils/custom-terms/merge';
import { describeProblem } from '@/utils/custom-terms/problem-text';
import { indexBundledForms, parseTermsFile, type CustomTerm } from '@/utils/custom-terms/schema';

const bundled = indexBundledForms([{ id: 'upi', name: 'UPI', aliases: ['यूपीआई'], category: 'payments' }] as never);

function file(terms: unknown[]): string {
  return JSON.stringify({ format: 'dpi-lens-terms', version: 1, terms });
}

function described(text: string): string[] {
  const result = parseTermsFile(text, bundled);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems.map(describeProblem);
}

beforeEach(() => fakeBrowser.reset());

describe('import problems in words (English UI)', () => {
  it.each([
    [[{ name: 'Gram Sabha', definition: 'x' }, { name: 'Panchayat', definition: 'y' }, { name: 'Kisan Credit Card', definition: '  ' }], 'Term 3, “Kisan Credit Card”: the definition is empty'],
    [[{ name: 'Ward', definition: 'd'.repeat(300) }], 'Term 1, “Ward”: the definition has 300 characters, at most 280'],
    [[{ definition: 'A village assembly.' }], 'Term 1: the name is missing'],
    [[{ name: 'Ward', definition: 'x', aliases: ['ok-one', 'x'] }], 'Term 1, “Ward”: other spelling 2 “x” is too short to highlight (at least 2 letters or digits)'],
    [[{ name: 'Ward', definition: 'x', source: { url: 'ftp://a.b' } }], 'Term 1, “Ward”: the source’s address “ftp://a.b” is not an http or https address'],
    [[{ name: 'Ward', definition: 'x', source: { url: 'https://a.b', asOf: '2024-02-30' } }], 'Term 1, “Ward”: the source’s date “2024-02-30” is not a date (YYYY-MM-DD or YYYY-MM)'],
    [[{ name: 'Ward', definition: 'x', defintion: 'typo' }], 'Term 1, “Ward”: unknown field “defintion”'],
    [[{ name: 'Upi', definition: 'x' }], 'Term 1, “Upi”: “Upi” is already a name of the glossary’s entry “UPI”'],
    [[{ name: 'Ward', definition: 'x' }, { name: 'ward', definition: 'y' }], 'Term 2, “ward”: “ward” is already used by term 1, “Ward”'],
    [['just text'], 'Term 1: it should be an object with at least “name” and “definition”'],
  ])('%j -> %s', (terms, expected) => {
    expect(described(file(terms))).toContain(expected);
  });

  it.each([
    ['not json', 'The file is not JSON, so it cannot be a DPI Lens terms file.'],
    ['[]', 'This is not a DPI Lens terms file: it needs “format”, “version” and “terms”.'],
    [JSON.stringify({ format: 'dpi-lens-terms', version: 2, terms: [] }), 'The file is version 2; this DPI Lens reads version 1.'],
  ])('a whole-file problem is one plain sentence: %s', (text, expected) => {
    expect(described(text)).toEqual([expected]);
  });

  it('names the saved term a file term clashes with', () => {
    const saved: CustomTerm[] = [{ name: 'Ward', aliases: ['Municipal ward'], definition: 'x', significance: [], challenges: [] }];
    const plan = planImport(saved, [{ name: 'Panchayat', aliases: ['municipal ward'], definition: 'y', significance: [], challenges: [] }], bundled);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problems.map(describeProblem)).toEqual(['Term 1, “Panchayat”: “municipal ward” is already used by your saved term “Ward”']);
  });
});

describe('import problems in words (Hindi UI)', () => {
  it('says the same in Hindi', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => {
      const spec = (hi as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[key];
      if (!spec) return '';
      return formatMessage(spec, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]);
    });
    expect(described(file([{ name: 'a1' , definition: 'x' }, { name: 'a2', definition: 'y' }, { name: 'Kisan Credit Card', definition: '' }]))).toEqual([
      'शब्द 3, “Kisan Credit Card”: परिभाषा खाली है',
    ]);
  });
});
