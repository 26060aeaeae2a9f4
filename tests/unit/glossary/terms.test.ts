import { describe, expect, it } from 'vitest';
import { compileTerms, isExactCaseForm } from '@/glossary/terms';
import { createMatcher } from '@/glossary/matcher';
import { CUSTOM_ID_PREFIX } from '@/utils/custom-terms/schema';
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
    // Its ALL-CAPS spelling comes along (spellingVariants); nothing of the search-only "JAM" does.
    expect(forms.map((f) => f.text)).toEqual(['JAM trinity', 'JAM TRINITY']);
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

describe('spelling variants (issue 15: forms real text writes)', () => {
  const texts = (e: GlossaryEntry) => compileTerms([e]).map((f) => f.text);
  /** What the matcher finds for the entry in `text`. */
  const found = (e: GlossaryEntry, text: string) => createMatcher(compileTerms([e])).findAll(text).map((m) => m.text);

  it('carries a listed hyphenated part into the longer names that contain it', () => {
    const jd = entry({
      id: 'jan-dhan', name: 'Jan Dhan Yojana', expansion: 'Pradhan Mantri Jan Dhan Yojana', aliases: ['Jan Dhan', 'Jan-Dhan'],
    });
    expect(texts(jd)).toEqual(expect.arrayContaining(['Pradhan Mantri Jan-Dhan Yojana', 'Jan-Dhan Yojana']));
    expect(found(jd, 'holders of Pradhan Mantri Jan-Dhan Yojana (PMJDY) accounts')).toEqual(['Pradhan Mantri Jan-Dhan Yojana']);
    // Without the hyphenated alias nothing is invented.
    const plain = entry({ id: 'x', name: 'Jan Dhan Yojana', aliases: ['Jan Dhan'] });
    expect(texts(plain)).toEqual(['Jan Dhan Yojana', 'Jan Dhan']);
  });

  it('capitalises an "e"/"e-" prefix and spells mixed-case brands in capitals', () => {
    const esign = entry({ id: 'esign', name: 'eSign', aliases: ['e-Sign'], caseOverrides: { eSign: 'exact', 'e-Sign': 'exact' } });
    expect(texts(esign)).toEqual(['eSign', 'e-Sign', 'ESign', 'ESIGN', 'E-Sign', 'E-SIGN']);
    expect(found(esign, 'E-Sign Online electronic signature service')).toEqual(['E-Sign']);
    const rupay = entry({ id: 'rupay', name: 'RuPay' });
    expect(found(rupay, 'electronic payment via RUPAY cards')).toEqual(['RUPAY']);
  });

  it('does not capitalise short words, acronym plurals or forms with context rules', () => {
    expect(texts(entry({ id: 'gem', name: 'GeM' }))).toEqual(['GeM']); // "GEM" is a word and a museum
    expect(texts(entry({ id: 'dpi', name: 'DPI', aliases: ['DPIs'] }))).toEqual(['DPI', 'DPIs']);
    const guarded = entry({
      id: 'x', name: 'MyGov', senses: { forms: ['MyGov'], confirm: ['portal'], reject: ['Centrelink'] },
    });
    expect(texts(guarded)).toEqual(['MyGov']);
  });

  it("adds none to a reader's own term: it matches as the reader wrote it", () => {
    expect(texts(entry({ id: `${CUSTOM_ID_PREFIX}gs`, name: 'Gram Sabha', aliases: ['GS-Net'] }))).toEqual(['Gram Sabha', 'GS-Net']);
    expect(texts(entry({ id: 'gs', name: 'Gram Sabha', aliases: ['GS-Net'] }))).toEqual(['Gram Sabha', 'GS-Net', 'GS-NET']);
  });

  it('adds no variant a search-only form would give, nor one an any-case form already covers', () => {
    const e = entry({ id: 'x', name: 'RuPay', aliases: ['Rupay'], caseOverrides: { Rupay: 'any' }, searchOnly: [] });
    expect(texts(e)).toEqual(['RuPay', 'Rupay']);
    const hidden = entry({ id: 'y', name: 'DigiLocker', searchOnly: ['DIGILOCKER'] });
    expect(texts(hidden)).toEqual(['DigiLocker']);
  });
});
