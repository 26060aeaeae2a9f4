import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossary } from '@/glossary';
import { compileTerms } from '@/glossary/terms';
import { createMatcher } from '@/glossary/matcher';
import { searchGlossary } from '@/glossary/search';
import type { GlossaryEntry } from '@/glossary/types';
import {
  CUSTOM_ID_PREFIX,
  customId,
  indexBundledForms,
  isAsOfDate,
  MAX_CUSTOM_TERMS,
  parseStoredTerms,
  parseTermsFile,
  serializeTermsFile,
  toGlossaryEntry,
  type CustomTerm,
} from '@/utils/custom-terms/schema';
import { describeImportPlan, planImport } from '@/utils/custom-terms/merge';
import {
  combineGlossary,
  CUSTOM_TERMS_KEY,
  loadCustomTerms,
  NewerTermsError,
  saveCustomTerms,
  watchCustomTerms,
} from '@/utils/custom-terms/storage';
import { entry, PLAIN_UPI } from '@/tests/unit/support/entries';

/** A small bundled glossary, so messages do not change when real entries are edited. */
const BUNDLED: GlossaryEntry[] = [
  { ...PLAIN_UPI, expansion: 'Unified Payments Interface', aliases: ['UPI Lite'] },
  entry({
    id: 'aadhaar',
    name: 'Aadhaar',
    nameHi: 'आधार',
    aliases: ['Aadhar'],
    category: 'identity',
    short: 'Identity.',
    definition: 'Identity.',
    sources: [],
  }),
];
const bundled = indexBundledForms(BUNDLED);

function term(fields: Partial<CustomTerm> & Pick<CustomTerm, 'name'>): CustomTerm {
  return { aliases: [], definition: `${fields.name}, explained.`, significance: [], challenges: [], ...fields };
}

function file(terms: unknown[], envelope: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'dpi-lens-terms', version: 1, terms, ...envelope });
}

const ok = { name: 'Gram Sabha', definition: 'A village assembly.' };

describe('parseTermsFile rejects a bad file, saying what and where', () => {
  it.each<[string, string, string[]]>([
    ['not JSON', '{ "format": "dpi-lens-terms", ', ['The file is not JSON: it could not be read as a DPI Lens terms file.']],
    [
      'a list instead of an object',
      '[]',
      ['not a DPI Lens terms file: expected an object with "format": "dpi-lens-terms", "version" and "terms"'],
    ],
    ['wrong format', file([ok], { format: 'highlight-this' }), ['format: expected "dpi-lens-terms", found "highlight-this"']],
    ['no format', JSON.stringify({ version: 1, terms: [] }), ['format: missing (expected "dpi-lens-terms")']],
    [
      'wrong version',
      file([ok], { version: 2 }),
      ['version: 2 is not supported (this version of DPI Lens reads version 1)'],
    ],
    ['terms not a list', file([], { terms: { name: 'x' } }), ['terms: expected a list of terms']],
    ['unknown top-level field', file([ok], { exported: 'today' }), ['unknown top-level field "exported"']],
    ['missing name', file([ok, { definition: 'No name.' }]), ['terms[1].name: missing']],
    ['blank name', file([{ name: '   ', definition: 'Blank.' }]), ['terms[0].name: empty']],
    ['name not text', file([{ name: 42, definition: 'Number.' }]), ['terms[0].name: expected text']],
    ['missing definition', file([{ name: 'Gram Sabha' }]), ['terms[0].definition: missing']],
    [
      'too-long definition',
      file([ok, { name: 'Ward', definition: 'A ward.' }, { name: 'Panchayat', definition: 'x'.repeat(312) }]),
      ['terms[2].definition: 312 characters, at most 280'],
    ],
    [
      'definition counted in characters, not UTF-16 units',
      file([{ name: 'पंचायत', definition: '𝔸'.repeat(281) }]),
      ['terms[0].definition: 281 characters, at most 280'],
    ],
    ['a one-letter name', file([{ name: 'X', definition: 'Too short.' }]), ['terms[0].name: "X" is too short to highlight (at least 2 letters or digits)']],
    ['aliases not a list', file([{ ...ok, aliases: 'GS' }]), ['terms[0].aliases: expected a list of text']],
    ['an alias not text', file([{ ...ok, aliases: ['GS', null] }]), ['terms[0].aliases[1]: expected text']],
    [
      'bad URL scheme',
      file([{ ...ok, source: { url: 'javascript:alert(1)' } }]),
      ['terms[0].source.url: "javascript:alert(1)" is not an http or https address'],
    ],
    ['not a URL', file([{ ...ok, source: { url: 'example dot org' } }]), ['terms[0].source.url: "example dot org" is not an http or https address']],
    ['source without URL', file([{ ...ok, source: { title: 'A book' } }]), ['terms[0].source.url: missing']],
    [
      'bad date',
      file([{ ...ok, source: { url: 'https://example.org', asOf: '2024-02-30' } }]),
      ['terms[0].source.asOf: "2024-02-30" is not a date (YYYY-MM-DD or YYYY-MM)'],
    ],
    [
      'date in another order',
      file([{ ...ok, source: { url: 'https://example.org', asOf: '15/01/2024' } }]),
      ['terms[0].source.asOf: "15/01/2024" is not a date (YYYY-MM-DD or YYYY-MM)'],
    ],
    [
      'duplicate names in the file',
      file([ok, { name: 'Ward', definition: 'A ward.' }, { name: 'gram-sabha', definition: 'Again.' }]),
      ['terms[2].name: "gram-sabha" is already used by terms[0].name'],
    ],
    [
      'an alias another term in the file already has',
      file([{ ...ok, aliases: ['GS'] }, { name: 'Gram Swaraj', definition: 'Self-rule.', aliases: ['gs'] }]),
      ['terms[1].aliases[0]: "gs" is already used by terms[0].aliases[0]'],
    ],
    [
      'a name that is a bundled alias',
      file([{ name: 'Aadhar', definition: 'My own Aadhaar.' }]),
      ['terms[0].name: "Aadhar" is already a form of the bundled entry "Aadhaar" (aadhaar)'],
    ],
    [
      'an alias that is a bundled name in another case (would highlight it too)',
      file([{ ...ok, aliases: ['Upi'] }]),
      ['terms[0].aliases[0]: "Upi" is already a form of the bundled entry "UPI" (upi)'],
    ],
    [
      'an alias that is a bundled expansion, in Devanagari too',
      file([{ ...ok, aliases: ['unified payments interface', 'आधार'] }]),
      [
        'terms[0].aliases[0]: "unified payments interface" is already a form of the bundled entry "UPI" (upi)',
        'terms[0].aliases[1]: "आधार" is already a form of the bundled entry "Aadhaar" (aadhaar)',
      ],
    ],
    ['unknown term field (a typo)', file([{ name: 'Gram Sabha', defintion: 'Typo.' }]), ['terms[0]: unknown field "defintion"', 'terms[0].definition: missing']],
    ['unknown source field', file([{ ...ok, source: { url: 'https://example.org', publisher: 'Me' } }]), ['terms[0].source: unknown field "publisher"']],
    [
      'too many terms',
      file(Array.from({ length: MAX_CUSTOM_TERMS + 1 }, (_, i) => ({ name: `Term ${i}`, definition: 'x' }))),
      [`terms: ${MAX_CUSTOM_TERMS + 1} terms, at most ${MAX_CUSTOM_TERMS}`],
    ],
    [
      'several problems, in file order',
      file([{ name: 'Ok', definition: 'd', significance: ['', 'fine'] }, { name: 'UPI', definition: 'y'.repeat(300) }]),
      [
        'terms[0].significance[0]: empty',
        'terms[1].definition: 300 characters, at most 280',
      ],
    ],
  ])('%s', (_, text, errors) => {
    expect(parseTermsFile(text, bundled)).toMatchObject({ ok: false, errors });
  });

  it('reports a bundled clash and a field error of different terms in file order', () => {
    const result = parseTermsFile(file([{ name: 'UPI', definition: 'Mine.' }, { name: 'Ward' }]), bundled);
    expect(result).toMatchObject({
      ok: false,
      errors: ['terms[0].name: "UPI" is already a form of the bundled entry "UPI" (upi)', 'terms[1].definition: missing'],
    });
  });
});

describe('parseTermsFile reads a good file', () => {
  it('trims text, fills absent lists and keeps the source as given', () => {
    const text = file([
      { name: '  Gram Sabha ', definition: 'A village assembly.', aliases: ['ग्राम सभा'] },
      {
        name: 'e-Panchayat',
        definition: 'Village council software.',
        significance: ['Records online.'],
        challenges: ['Connectivity.'],
        source: { url: 'https://example.org/e-panchayat', title: 'About', asOf: '2024-06' },
      },
    ]);
    expect(parseTermsFile(text, bundled)).toEqual({
      ok: true,
      terms: [
        term({ name: 'Gram Sabha', definition: 'A village assembly.', aliases: ['ग्राम सभा'] }),
        term({
          name: 'e-Panchayat',
          definition: 'Village council software.',
          significance: ['Records online.'],
          challenges: ['Connectivity.'],
          source: { url: 'https://example.org/e-panchayat', title: 'About', asOf: '2024-06' },
        }),
      ],
    });
  });

  it('reads back exactly what it exports', () => {
    const terms = [
      term({ name: 'Gram Sabha', aliases: ['GS'] }),
      term({ name: 'Ward', source: { url: 'http://example.org/' } }),
    ];
    const text = serializeTermsFile(terms);
    expect(JSON.parse(text)).toMatchObject({ format: 'dpi-lens-terms', version: 1 });
    expect(parseTermsFile(text, bundled)).toEqual({ ok: true, terms });
  });

  it('accepts an empty list (a fresh export)', () => {
    expect(parseTermsFile(file([]), bundled)).toEqual({ ok: true, terms: [] });
  });
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-06', true],
    ['2024-13', false],
    ['2024', false],
    ['2024-6-1', false],
  ])('%s -> %s', (text, valid) => expect(isAsOfDate(text)).toBe(valid));
});

describe('ids', () => {
  it.each([
    ['Gram Sabha', 'custom-gram-sabha'],
    ['e-Panchayat', 'custom-e-panchayat'],
    ['Jan  Sunwai!', 'custom-jan-sunwai'],
    ['ग्राम सभा', 'custom-ग्राम-सभा'],
  ])('%s -> %s', (name, id) => expect(customId(name)).toBe(id));

  it('no bundled entry id starts with the custom prefix, so the two never collide', () => {
    expect(glossary.filter((entry) => entry.id.startsWith(CUSTOM_ID_PREFIX))).toEqual([]);
  });
});

describe('a custom term as a glossary entry', () => {
  it('claims no source it was not given', () => {
    const entry = toGlossaryEntry(term({ name: 'Gram Sabha' }));
    expect(entry).toMatchObject({ id: 'custom-gram-sabha', short: 'Gram Sabha, explained.', sources: [], related: [] });
  });

  it('keeps the reader’s source, titled by its host when untitled, with no invented publisher or date', () => {
    const entry = toGlossaryEntry(term({ name: 'Ward', source: { url: 'https://example.org/ward' } }));
    expect(entry.sources).toEqual([{ url: 'https://example.org/ward', title: 'example.org', publisher: '', asOf: '' }]);
  });

  it('follows the case rule of glossary/terms.ts and is found by the matcher and search', () => {
    const custom = [term({ name: 'Gram Sabha', aliases: ['GS-Net'] })];
    const { entries } = combineGlossary(BUNDLED, custom);
    expect(compileTerms(entries).filter((form) => form.id === 'custom-gram-sabha')).toEqual([
      { id: 'custom-gram-sabha', text: 'Gram Sabha', exactCase: false },
      { id: 'custom-gram-sabha', text: 'GS-Net', exactCase: true },
    ]);
    const matcher = createMatcher(compileTerms(entries));
    expect(matcher.findAll('The GRAM SABHA met; gs-net was down; GS-Net and UPI were up.').map((m) => m.id)).toEqual([
      'custom-gram-sabha',
      'custom-gram-sabha',
      'upi',
    ]);
    expect(searchGlossary(entries, 'gram sab')[0]?.entry.id).toBe('custom-gram-sabha');
  });
});

describe('planImport: the file adds new terms, replaces same-name ones, keeps the rest, never deletes', () => {
  const saved = [term({ name: 'Gram Sabha', definition: 'Old.' }), term({ name: 'Ward', aliases: ['W-1'] })];

  it('adds, replaces in place and keeps', () => {
    const incoming = [term({ name: 'gram sabha', definition: 'New.' }), term({ name: 'Panchayat' })];
    const result = planImport(saved, incoming, bundled);
    expect(result).toEqual({
      ok: true,
      plan: {
        terms: [incoming[0], saved[1], incoming[1]],
        added: ['Panchayat'],
        replaced: ['Gram Sabha'],
        kept: 1,
      },
    });
    if (result.ok) {
      expect(describeImportPlan(result.plan)).toBe(
        '1 new term; replaces 1 saved term of the same name: Gram Sabha; 1 saved term unchanged.',
      );
    }
  });

  it('rejects a file whose term takes a form a kept saved term has', () => {
    expect(planImport(saved, [term({ name: 'Panchayat', aliases: ['w-1'] })], bundled)).toMatchObject({
      ok: false,
      errors: ['terms[0].aliases[0]: "w-1" is already used by your term "Ward"'],
    });
  });

  it('lets a replacing term take over the forms of the term it replaces', () => {
    const result = planImport(saved, [term({ name: 'Ward', aliases: ['W-1', 'W-2'] })], bundled);
    expect(result.ok && result.plan.replaced).toEqual(['Ward']);
  });

  it('rejects an import that would pass the limit', () => {
    const many = Array.from({ length: MAX_CUSTOM_TERMS - 1 }, (_, i) => term({ name: `Incoming ${i}` }));
    expect(planImport(saved, many, bundled)).toMatchObject({
      ok: false,
      errors: [`terms: ${MAX_CUSTOM_TERMS - 1} new terms would make ${MAX_CUSTOM_TERMS + 1}, at most ${MAX_CUSTOM_TERMS}`],
    });
  });
});

describe('parseStoredTerms recovers what is valid', () => {
  it.each([
    ['nothing stored', undefined, [], []],
    ['a string', 'garbage', [], ['Your saved terms could not be read (not a list of terms).']],
    ['no terms list', { version: 1 }, [], ['Your saved terms could not be read (not a list of terms).']],
  ])('%s', (_, stored, terms, problems) => {
    expect(parseStoredTerms(stored, bundled)).toEqual({ terms, problems, fromNewerVersion: false });
  });

  it('keeps valid terms, drops a malformed one and an alias a bundled entry now has, and says so', () => {
    const stored = {
      format: 'dpi-lens-terms',
      version: 1,
      terms: [
        { name: 'Gram Sabha', definition: 'Kept.', aliases: ['GS', 'Aadhar'] },
        { name: 'Broken' },
        { name: 'UPI', definition: 'Now bundled.' },
        { name: 'Ward', definition: 'Kept too.' },
      ],
    };
    expect(parseStoredTerms(stored, bundled)).toEqual({
      terms: [term({ name: 'Gram Sabha', definition: 'Kept.', aliases: ['GS'] }), term({ name: 'Ward', definition: 'Kept too.' })],
      problems: [
        'terms[1].definition: missing',
        'terms[0].aliases[1]: "Aadhar" is already a form of the bundled entry "Aadhaar" (aadhaar)',
        'terms[2].name: "UPI" is already a form of the bundled entry "UPI" (upi)',
      ],
      fromNewerVersion: false,
    });
  });

  it('reads a newer release’s terms by the fields it knows, and marks them read-only', () => {
    const stored = { format: 'dpi-lens-terms', version: 2, terms: [{ name: 'Ward', definition: 'W.', colour: 'red' }] };
    expect(parseStoredTerms(stored, bundled)).toEqual({
      terms: [term({ name: 'Ward', definition: 'W.' })],
      problems: [],
      fromNewerVersion: true,
    });
  });
});

describe('storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves under one key in local storage, in the file’s versioned shape, and loads it back', async () => {
    const terms = [term({ name: 'Gram Sabha' })];
    await saveCustomTerms(terms);
    const raw = await fakeBrowser.storage.local.get(CUSTOM_TERMS_KEY);
    expect(raw[CUSTOM_TERMS_KEY]).toEqual({ format: 'dpi-lens-terms', version: 1, terms: [{ name: 'Gram Sabha', definition: 'Gram Sabha, explained.' }] });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await loadCustomTerms()).toEqual({ terms, problems: [], fromNewerVersion: false });
  });

  it('loads a corrupt value without throwing', async () => {
    await fakeBrowser.storage.local.set({ [CUSTOM_TERMS_KEY]: { terms: [42, { name: 'Ward', definition: 'W.' }] } });
    const loaded = await loadCustomTerms();
    expect(loaded.terms).toEqual([term({ name: 'Ward', definition: 'W.' })]);
    expect(loaded.problems).toEqual(['terms[0]: expected an object with at least "name" and "definition"']);
  });

  it('refuses to write over terms saved by a newer release', async () => {
    const newer = { format: 'dpi-lens-terms', version: 2, terms: [] };
    await fakeBrowser.storage.local.set({ [CUSTOM_TERMS_KEY]: newer });
    await expect(saveCustomTerms([term({ name: 'Ward' })])).rejects.toBeInstanceOf(NewerTermsError);
    expect((await fakeBrowser.storage.local.get(CUSTOM_TERMS_KEY))[CUSTOM_TERMS_KEY]).toEqual(newer);
  });

  it('indexes the bundled forms only when there are stored terms to check (every page load reads them)', async () => {
    const index = vi.fn(() => indexBundledForms(glossary));
    expect(await loadCustomTerms(index)).toEqual({ terms: [], problems: [], fromNewerVersion: false });
    expect(index).not.toHaveBeenCalled();
    await saveCustomTerms([term({ name: 'Ward' })]);
    expect((await loadCustomTerms(index)).terms).toHaveLength(1);
    expect(index).toHaveBeenCalledTimes(1);
  });

  it('tells watchers about a change, and stops when undone', async () => {
    const seen: string[][] = [];
    const stop = watchCustomTerms((stored) => seen.push(stored.terms.map((t) => t.name)));
    await saveCustomTerms([term({ name: 'Ward' })]);
    stop();
    await saveCustomTerms([term({ name: 'Gram Sabha' })]);
    expect(seen).toEqual([['Ward']]);
  });
});
