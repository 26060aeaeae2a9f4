import { describe, expect, it } from 'vitest';
import { compileTerms, isExactCaseForm } from '@/glossary/terms';
import type { GlossaryEntry } from '@/glossary/types';

/** A minimal entry: only the fields compileTerms reads matter here. */
function entry(fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'id' | 'name'>): GlossaryEntry {
  return {
    aliases: [],
    category: 'concepts',
    short: 's',
    definition: 'd',
    significance: [],
    challenges: [],
    related: [],
    sources: [],
    ...fields,
  };
}

describe('isExactCaseForm', () => {
  it.each([
    ['UPI', true],
    ['GeM', true],
    ['e-RUPI', true],
    ['DigiLocker', true],
    ['UPI Lite', true],
    ['AePS', true],
    ['Aadhaar', false],
    ['Jan Dhan', false], // two capitals, but one per word: a name, not an acronym
    ['Digital Public Infrastructure', false],
    ['digital divide', false],
    ['आधार', false], // Devanagari has no case
    ['यूपीआई', false],
  ])('%s -> exact case: %s', (form, expected) => {
    expect(isExactCaseForm(form)).toBe(expected);
  });
});

describe('compileTerms', () => {
  it('lists the name, the expansion and every alias, each with its case rule', () => {
    const forms = compileTerms([
      entry({ id: 'upi', name: 'UPI', expansion: 'Unified Payments Interface', aliases: ['यूपीआई'] }),
    ]);
    expect(forms).toEqual([
      { id: 'upi', text: 'UPI', exactCase: true },
      { id: 'upi', text: 'Unified Payments Interface', exactCase: false },
      { id: 'upi', text: 'यूपीआई', exactCase: false },
    ]);
  });

  it('leaves out search-only forms', () => {
    const forms = compileTerms([
      entry({ id: 'jam-trinity', name: 'JAM trinity', aliases: ['JAM'], searchOnly: ['JAM'] }),
    ]);
    expect(forms.map((f) => f.text)).toEqual(['JAM trinity']);
  });

  it.each([
    ['DigiLocker', 'any', false],
    ['Digital Locker', 'exact', true],
    ['UPI', 'any', false],
  ] as const)('lets caseOverrides decide for %s (%s)', (text, override, exactCase) => {
    const [form] = compileTerms([entry({ id: 'x', name: text, caseOverrides: { [text]: override } })]);
    expect(form).toEqual({ id: 'x', text, exactCase });
  });

  it('lists a form repeated in one entry once, and ignores blank forms', () => {
    const forms = compileTerms([entry({ id: 'dpi', name: 'DPI', aliases: ['DPI', ' ', 'DPIs'] })]);
    expect(forms.map((f) => f.text)).toEqual(['DPI', 'DPIs']);
  });
});
