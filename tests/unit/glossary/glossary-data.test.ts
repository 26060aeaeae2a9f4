/**
 * The glossary is data that readers trust: these tests are its guard. Each check runs once per
 * entry (it.each) so a failure names the entry and says what is wrong with it; per-entry checks
 * use expect.soft so one run lists every problem in an entry, not just the first.
 */
import { describe, expect, it } from 'vitest';
import { entryFiles, glossary } from '@/glossary';
import { CATEGORIES, RELATIONS, type GlossaryEntry } from '@/glossary/types';

/** Every id the extension is expected to ship: both content helpers' lists plus mosip. */
const REQUIRED_IDS = [
  // identity, data, governance, concepts
  'dpi', 'dpg', 'dpga', 'india-stack', 'jam-trinity', 'jan-dhan', 'aadhaar', 'uidai', 'ekyc',
  'esign', 'digilocker', 'dpdp-act', 'data-protection-board', 'account-aggregator', 'depa',
  'ocen', 'api-setu', 'mosip', 'g20', 'one-future-alliance', 'digital-divide',
  'data-localisation', 'data-sovereignty', 'linkage-attack', 'co-creation-model', 'cert-in',
  'bhashini', 'mygov', 'umang',
  // payments, commerce, service delivery
  'upi', 'npci', 'bhim', 'rupay', 'upi-lite', 'upi-123pay', 'imps', 'e-rupi', 'cbdc', 'bbps',
  'fastag', 'netc', 'aeps', 'dbt', 'pfms', 'gem', 'ondc', 'beckn', 'cowin', 'aarogya-setu',
  'abdm', 'abha', 'diksha',
  // other countries' DPI and the international frameworks news compares India's with
  'pix', 'x-road', 'paynow', 'm-pesa', 'eidas', 'eudi-wallet', 'govstack', 'fifty-in-five',
  'un-dpi-safeguards', 'dpga-standard',
];

/**
 * Ordinary English words (and a common personal name) that would light up unrelated text if a
 * form matched them in any case. Acronyms written in capitals ("GeM", "BHIM") match exactly and
 * are fine; "gem" or "Bhim" are not.
 */
const COMMON_WORDS = new Set([
  'gem', 'jam', 'stack', 'mobile', 'aggregator', 'bhim', 'consent', 'umang', 'beckn', 'abha',
  'diksha', 'setu', 'locker', 'sign', 'bharat', 'digital', 'data', 'identity', 'platform',
  'gateway', 'wallet', 'rupee', 'mission', 'board', 'alliance', 'repository', 'framework',
  'protocol', 'network', 'exchange', 'link', 'lite', 'pay', 'tag', 'fast', 'ration', 'bank',
  'account', 'divide', 'sovereignty', 'one', 'future', 'key', 'safe', 'stack india',
  'pix', 'meghraj', 'udyam', 'sanjeevani', 'yatra', 'circle', 'standard', 'safeguards',
]);

/**
 * Short forms that in ordinary news usually mean something else, whatever their case: "ULIP" (a
 * unit-linked insurance plan), "UHI" (urban heat island), "Pix" ("In Pix" photo galleries),
 * "Udyam" (a Hindi word in many scheme names), "Ayushman Bharat" (an umbrella, not one scheme).
 * Each must be search-only or governed by context rules (senses), never highlighted bare.
 */
const AMBIGUOUS_FORMS = ['ULIP', 'UHI', 'Pix', 'Udyam', 'Ayushman Bharat'];

/** A highlighted form ending in a lower-case generic noun ("card", "framework", "ऐप") after a name. */
const GENERIC_NOUN_AFTER =
  /^(.+?)\s+(?:card|cards|framework|service|services|app|apps|portal|platform|account|accounts|number|scheme|कार्ड|ऐप|खाता|खाते|पोर्टल)$/u;

/** The glossary must cover the terms DPI news uses, Indian and international. */
const MIN_ENTRIES = 90;

/** Every key the schema allows: a misspelt key ("significane") would silently drop content. */
const ALLOWED_KEYS = new Set<string>([
  'id', 'name', 'nameHi', 'expansion', 'aliases', 'caseOverrides', 'searchOnly', 'category',
  'short', 'shortHi', 'definition', 'significance', 'challenges', 'misconception', 'related', 'sources',
  'history', 'senses',
]);

const REQUIRED_KEYS = [
  'id', 'name', 'aliases', 'category', 'short', 'definition', 'significance', 'challenges',
  'related', 'sources',
] as const;

const SHORT_MAX = 280; // fits the hover card without scrolling
/**
 * `shortHi` is Hindi with the English name in brackets where readers know it ("यूपीआई (UPI) ...").
 * At least this share of its letters must be Devanagari: a sentence left in English, or an English
 * placeholder with a Hindi word or two, fails.
 */
const SHORT_HI_MIN_DEVANAGARI = 2 / 3;
const BULLET_MAX = 200; // a bullet longer than this is a paragraph in disguise
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DATE = /^(\d{4})-(\d{2})$/;

/** True when the string is a real calendar date (rejects 2025-02-30, 2025-13-01). */
function isRealDate(value: string): boolean {
  const full = FULL_DATE.exec(value);
  const month = MONTH_DATE.exec(value);
  const [y, m, d] = full
    ? [Number(full[1]), Number(full[2]), Number(full[3])]
    : month
      ? [Number(month[1]), Number(month[2]), 1]
      : [NaN, NaN, NaN];
  if (Number.isNaN(y)) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The share of a text's letters that are Devanagari (U+0900-U+097F, vowel signs included), out of
 * Devanagari plus Latin letters; digits, punctuation and symbols (₹) do not count. 0 for no letters.
 */
function devanagariShare(text: string): number {
  const devanagari = (text.match(/[\u0900-\u097F]/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return devanagari + latin === 0 ? 0 : devanagari / (devanagari + latin);
}

/** Today's date as YYYY-MM-DD (UTC); string comparison orders ISO dates correctly. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The matcher's case rule: two or more capitals match exactly, unless overridden. */
function matchesAnyCase(entry: GlossaryEntry, form: string): boolean {
  const override = entry.caseOverrides?.[form];
  if (override) return override === 'any';
  return (form.match(/\p{Lu}/gu) ?? []).length < 2;
}

function highlightedForms(entry: GlossaryEntry): string[] {
  return [entry.name, ...(entry.expansion ? [entry.expansion] : []), ...entry.aliases];
}

const entries = glossary.map((entry) => [entry.id, entry] as const);
const files = Object.entries(entryFiles).map(([path, entry]) => [path, entry] as const);
const knownIds = new Set(glossary.map((entry) => entry.id));

describe('devanagariShare (the shortHi script check)', () => {
  it('accepts Hindi with an English name in brackets and rejects English or mostly-English text', () => {
    expect(devanagariShare('यूपीआई (UPI) एनपीसीआई की तत्काल भुगतान प्रणाली है।')).toBeGreaterThanOrEqual(SHORT_HI_MIN_DEVANAGARI);
    expect(devanagariShare('UPI is an instant payment system run by NPCI.')).toBe(0);
    expect(devanagariShare('UPI is an instant payment system (भुगतान).')).toBeLessThan(SHORT_HI_MIN_DEVANAGARI);
    expect(devanagariShare('₹5 लाख')).toBe(1);
    expect(devanagariShare('2026 — ...')).toBe(0);
  });
});

describe('glossary files', () => {
  it.each(files)('%s is named after the id it contains', (path, entry) => {
    expect(path, `${path} holds id "${entry.id}"`).toBe(`./entries/${entry.id}.json`);
  });

  it('has no id twice', () => {
    const ids = glossary.map((entry) => entry.id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates, 'duplicate ids').toEqual([]);
  });

  it(`has at least ${MIN_ENTRIES} entries`, () => {
    expect(glossary.length).toBeGreaterThanOrEqual(MIN_ENTRIES);
  });

  it('never highlights a known ambiguous short form bare', () => {
    const unguarded = glossary.flatMap((entry) => {
      const hidden = new Set([...(entry.searchOnly ?? []), ...(entry.senses?.forms ?? [])]);
      return highlightedForms(entry)
        .filter((form) => AMBIGUOUS_FORMS.includes(form) && !hidden.has(form))
        .map((form) => `${entry.id}: "${form}"`);
    });
    expect(unguarded, 'ambiguous forms that are highlighted without context rules').toEqual([]);
  });

  it.each(REQUIRED_IDS)('contains the required entry %s', (id) => {
    expect(knownIds.has(id), `missing glossary/entries/${id}.json`).toBe(true);
  });

  it('does not let one written form point at two entries', () => {
    const owners = new Map<string, string[]>();
    for (const entry of glossary) {
      // An entry listing the same form twice is caught by the per-entry test below.
      for (const form of new Set(highlightedForms(entry).map((f) => f.toLowerCase()))) {
        owners.set(form, [...(owners.get(form) ?? []), entry.id]);
      }
    }
    const clashes = [...owners]
      .filter(([, ids]) => ids.length > 1)
      .map(([form, ids]) => `"${form}" in ${ids.join(', ')}`);
    expect(clashes, 'forms claimed by more than one entry').toEqual([]);
  });
  // "X operated-by Y" without "Y operates X" leaves one card silent about the link; same for
  // regulators. part-of/includes stay one-sided where the parent would list too many children.
  it('states operator and regulator links from both sides', () => {
    const inverse: Partial<Record<string, string>> = {
      'operated-by': 'operates', operates: 'operated-by',
      regulates: 'regulated-by', 'regulated-by': 'regulates',
    };
    const oneSided = glossary.flatMap((entry) =>
      entry.related
        .filter((link) => inverse[link.relation] && knownIds.has(link.id))
        .filter((link) => {
          const back = glossary.find((other) => other.id === link.id)!.related.find((r) => r.id === entry.id);
          return back?.relation !== inverse[link.relation];
        })
        .map((link) => `${entry.id} ${link.relation} ${link.id}`),
    );
    expect(oneSided, 'links without their inverse').toEqual([]);
  });
});

describe.each(entries)('entry %s', (id, entry) => {
  it('has every required key and only keys the schema defines', () => {
    const unknown = Object.keys(entry).filter((key) => !ALLOWED_KEYS.has(key));
    const missing = REQUIRED_KEYS.filter((key) => !(key in entry));
    expect.soft(unknown, `${id}: unknown keys`).toEqual([]);
    expect.soft(missing, `${id}: missing keys`).toEqual([]);
  });

  it('has a kebab-case id, a name and a valid category', () => {
    expect.soft(id, `${id}: id is not kebab-case`).toMatch(KEBAB_CASE);
    expect.soft(entry.name.trim(), `${id}: empty name`).not.toBe('');
    expect.soft(CATEGORIES, `${id}: unknown category "${entry.category}"`).toContain(entry.category);
  });

  it(`has a short text of 1 to ${SHORT_MAX} characters`, () => {
    expect.soft(entry.short.trim().length, `${id}: empty short`).toBeGreaterThan(0);
    expect.soft(entry.short.length, `${id}: short is ${entry.short.length} chars`).toBeLessThanOrEqual(
      SHORT_MAX,
    );
  });

  it(`has a Hindi one-line definition (shortHi) of 1 to ${SHORT_MAX} characters, mainly in Devanagari`, () => {
    // The card and the popup show it when the UI is Hindi; an entry without it falls back to English.
    const shortHi = entry.shortHi ?? '';
    expect.soft(shortHi.trim(), `${id}: missing or empty shortHi`).not.toBe('');
    expect.soft(shortHi.length, `${id}: shortHi is ${shortHi.length} chars`).toBeLessThanOrEqual(SHORT_MAX);
    expect.soft(
      devanagariShare(shortHi),
      `${id}: shortHi is not mainly Devanagari: "${shortHi}"`,
    ).toBeGreaterThanOrEqual(SHORT_HI_MIN_DEVANAGARI);
  });

  it('has a definition, significance and challenges with no empty text', () => {
    expect.soft(entry.definition.trim(), `${id}: empty definition`).not.toBe('');
    for (const field of ['significance', 'challenges'] as const) {
      const bullets = entry[field];
      expect.soft(Array.isArray(bullets) && bullets.length, `${id}: no ${field}`).toBeGreaterThan(0);
      for (const bullet of bullets) {
        expect.soft(bullet.trim(), `${id}: empty ${field} bullet`).not.toBe('');
        expect.soft(bullet.length, `${id}: ${field} bullet over ${BULLET_MAX}: "${bullet}"`).toBeLessThanOrEqual(
          BULLET_MAX,
        );
      }
    }
    if (entry.misconception !== undefined) {
      expect.soft(entry.misconception.trim(), `${id}: empty misconception`).not.toBe('');
    }
  });

  it('links only to existing entries, never to itself, with a known relation', () => {
    for (const link of entry.related) {
      expect.soft(knownIds.has(link.id), `${id}: related "${link.id}" does not exist`).toBe(true);
      expect.soft(link.id, `${id}: links to itself`).not.toBe(id);
      expect.soft(RELATIONS, `${id}: unknown relation "${link.relation}"`).toContain(link.relation);
    }
  });

  it('cites at least one source, each with an https url, title, publisher and a past asOf date', () => {
    expect.soft(entry.sources.length, `${id}: no sources`).toBeGreaterThan(0);
    for (const source of entry.sources) {
      expect.soft(source.url, `${id}: source url not https`).toMatch(/^https:\/\/[^\s/]+\.[^\s]+$/);
      expect.soft(source.title?.trim(), `${id}: source ${source.url} has no title`).toBeTruthy();
      expect.soft(source.publisher?.trim(), `${id}: source ${source.url} has no publisher`).toBeTruthy();
      expect.soft(
        FULL_DATE.test(source.asOf) && isRealDate(source.asOf),
        `${id}: source ${source.url} asOf "${source.asOf}" is not a YYYY-MM-DD date`,
      ).toBe(true);
      expect.soft(
        source.asOf <= today(),
        `${id}: source ${source.url} asOf ${source.asOf} is in the future`,
      ).toBe(true);
    }
  });

  it('has aliases that are non-empty and add a form its name, expansion or other aliases do not cover', () => {
    // With the case rule, "RUPAY" beside "RuPay" is a distinct exact form, but "rupay" beside
    // an any-case "Rupay" adds nothing: only the second kind is redundant.
    const forms = highlightedForms(entry);
    const firstAlias = forms.length - entry.aliases.length;
    entry.aliases.forEach((alias, i) => {
      expect.soft(alias.trim(), `${id}: empty alias`).not.toBe('');
      expect.soft(alias, `${id}: alias "${alias}" has stray spaces`).toBe(alias.trim());
      const coveredBy = forms.find(
        (other, j) =>
          j !== firstAlias + i &&
          (other === alias ||
            (matchesAnyCase(entry, other) && other.toLowerCase() === alias.toLowerCase())),
      );
      expect.soft(coveredBy, `${id}: alias "${alias}" is already covered by "${coveredBy}"`).toBeUndefined();
    });
  });

  it('highlights its Hindi name (nameHi), or lists it as search-only', () => {
    // Labelling rule 7: Devanagari forms in Hindi text are the term; the card's Hindi title is one.
    if (!entry.nameHi) return;
    const listed = [...highlightedForms(entry), ...(entry.searchOnly ?? [])].includes(entry.nameHi);
    expect.soft(listed, `${id}: nameHi "${entry.nameHi}" is neither an alias nor search-only`).toBe(true);
  });

  it('never highlights a generic noun after one of its own names ("RuPay card", "AA framework")', () => {
    // Labelling rule 1 (tests/corpus/README.md): "[[RuPay]] card", "[[GeM]] portal". Such a form
    // belongs in searchOnly; the name alone is highlighted. A capitalised word ("Safeguards
    // Framework") is part of a proper name and may stay.
    const hidden = new Set(entry.searchOnly ?? []);
    const names = highlightedForms(entry).filter((form) => !hidden.has(form));
    const swallowing = names.filter((form) => {
      const m = GENERIC_NOUN_AFTER.exec(form);
      return !!m && names.some((name) => name !== form && name.toLowerCase() === m[1]!.toLowerCase());
    });
    expect.soft(swallowing, `${id}: forms that include a generic noun after the name`).toEqual([]);
  });

  it('never highlights an ordinary English word matched in any case without context rules', () => {
    // A form with senses is highlighted only where its cues or the page confirm it (glossary/senses.ts).
    // Search-only forms are never highlighted, so they may be ordinary words ("Udyam").
    const guarded = new Set([...(entry.senses?.forms ?? []), ...(entry.searchOnly ?? [])]);
    const risky = highlightedForms(entry).filter(
      (form) => matchesAnyCase(entry, form) && COMMON_WORDS.has(form.toLowerCase()) && !guarded.has(form),
    );
    expect.soft(risky, `${id}: forms that would highlight ordinary text`).toEqual([]);
  });

  it('has context rules only for its own highlighted forms, with cues and regexps that compile', () => {
    const senses = entry.senses;
    if (!senses) return;
    const hidden = new Set(entry.searchOnly ?? []);
    const forms = new Set(highlightedForms(entry).filter((form) => !hidden.has(form)));
    expect.soft(senses.forms.length, `${id}: senses.forms is empty`).toBeGreaterThan(0);
    for (const form of senses.forms) {
      expect.soft(forms.has(form), `${id}: senses form "${form}" is not a highlighted form of the entry`).toBe(true);
    }
    expect.soft(senses.confirm.length, `${id}: no confirm cues`).toBeGreaterThan(0);
    expect.soft(senses.reject.length, `${id}: no reject cues`).toBeGreaterThan(0);
    for (const cue of [...senses.confirm, ...senses.reject, ...(senses.others ?? [])]) {
      expect.soft(cue, `${id}: cue "${cue}" is empty or padded`).toMatch(/^\S(.*\S)?$/u);
    }
    for (const source of [...(senses.rejectBefore ?? []), ...(senses.rejectAfter ?? [])]) {
      expect.soft(() => new RegExp(source, 'iu'), `${id}: regexp /${source}/ does not compile`).not.toThrow();
    }
    // Anchors keep the rules about the text right next to the term, not anywhere in the block.
    for (const source of senses.rejectBefore ?? []) {
      expect.soft(source.endsWith('$'), `${id}: rejectBefore /${source}/ must end with $`).toBe(true);
    }
    for (const source of senses.rejectAfter ?? []) {
      expect.soft(source.startsWith('^'), `${id}: rejectAfter /${source}/ must start with ^`).toBe(true);
    }
    for (const source of senses.confirmBefore ?? []) {
      expect.soft(() => new RegExp(source, 'iu'), `${id}: regexp /${source}/ does not compile`).not.toThrow();
      expect.soft(source.endsWith('$'), `${id}: confirmBefore /${source}/ must end with $`).toBe(true);
    }
    for (const form of senses.nextWordOnly ?? []) {
      expect.soft(senses.forms.includes(form), `${id}: nextWordOnly "${form}" is not a senses form`).toBe(true);
    }
  });

  it('has history with valid dates in chronological order', () => {
    const dates = (entry.history ?? []).map((item) => item.date);
    for (const item of entry.history ?? []) {
      expect.soft(isRealDate(item.date), `${id}: history date "${item.date}" is not valid`).toBe(true);
      expect.soft(item.date <= today(), `${id}: history date ${item.date} is in the future`).toBe(true);
      expect.soft(item.text.trim(), `${id}: empty history text at ${item.date}`).not.toBe('');
    }
    expect.soft(dates, `${id}: history is not in date order`).toEqual([...dates].sort());
  });
});
