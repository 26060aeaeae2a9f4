/**
 * Finds glossary terms in text. Pure: no DOM. What matches is defined by ONE combined regular
 * expression (`pattern`: every form, with word boundaries and URL checks); `findAll` finds exactly
 * its matches without running it (see "Matching in code" below), and the page layer calls
 * `findAll`, so what the tests prove here is what readers see on pages.
 */
import type { TermMatch } from './types';
import type { TermForm } from './terms';

export interface Matcher {
  /** One global (`gu`) pattern for every form: the definition `findAll` equals. Built on first read. */
  readonly pattern: RegExp;
  /** Non-overlapping matches, left to right, longest form first at each position. */
  findAll(text: string): TermMatch[];
  /** The id of a piece of text that is exactly one match on its own (e.g. a mark's text). */
  idOf(text: string): string | undefined;
}

// Characters that continue a word in any script: letters, combining marks (Devanagari vowel signs
// and virama are \p{M}, which is why \b cannot be used), digits, "_", and the zero-width (non-)joiners
// that sit inside Indic words.
export const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_\u200C\u200D]`;
// How far back to look for a URL's start ("https://", "www.", "example.com/") before a term:
// bounds the work per candidate so a page-long token without spaces stays linear.
const URL_LOOKBACK_CHARS = 100;

/**
 * A missing space glues a term to the word next to it ("payment viaUPI", "a UPIenabled app"): the
 * term is still meant. Only after a small English function word, and only before a participle that
 * makes a compound with it ("-enabled", "-based"), so that words that merely contain the letters
 * ("GROUPIE", "mAadhaar", "nDPI", "NPCIL") stay unmatched (corpus rule 20), and so do handles and
 * hashtags that start with the function word ("@viaUPI", "#theUPI"): rule 17.
 */
export const GLUED_BEFORE_WORDS = ['via', 'through', 'using', 'with', 'and', 'or', 'the', 'of', 'on', 'by', 'from', 'to', 'in', 'for', 'at'] as const;
export const GLUED_AFTER_WORDS = ['enabled', 'based', 'linked', 'powered', 'backed', 'driven', 'led', 'seeded', 'verified', 'authenticated', 'compliant'] as const;
/** A term glued to the word before it starts with a capital ("viaUPI", "throughAadhaar"): the capital marks where it begins. */
const GLUED_BEFORE = String.raw`(?=\p{Lu})(?<=(?<!${WORD_CHAR}|[@#])(?:${GLUED_BEFORE_WORDS.join('|')}))`; // the capital first: inside most words it fails at once
/** A term glued to the word after it ends in an acronym's three capitals ("UPIenabled"). */
const GLUED_AFTER = String.raw`(?<=\p{Lu}{3})(?=(?:${GLUED_AFTER_WORDS.join('|')})(?!${WORD_CHAR}))`;
/**
 * Words do not change script in the middle: where Latin letters meet Devanagari ("DigiLockerडिजिलॉकर",
 * "UPIसे"), a word ends and another begins, as after a space. A term may end at such a change
 * either way; it may start at one after Latin, or with a capital after Devanagari ("सेUPI"), which
 * keeps the check off the inside of ordinary English words (each side is one plain range).
 */
const SCRIPT_CHANGE_AFTER = String.raw`(?:(?<=[\u0900-\u097F])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u0900-\u097F]))`;
const SCRIPT_CHANGE_BEFORE = String.raw`(?:(?=[\u0900-\u097F])(?<=[A-Za-z])|(?=[A-Z])(?<=[\u0900-\u097F]))`;
const LATIN_AT = /[A-Za-z]/y;
const DEVANAGARI_AT = /[\u0900-\u097F]/uy;
const GLUED_AFTER_AT = new RegExp(`(?:${GLUED_AFTER_WORDS.join('|')})(?!${WORD_CHAR})`, 'uy');
const THREE_CAPITALS_BEFORE = /\p{Lu}{3}$/u;

/** Before a term: not inside a word (unless glued, above), not an e-mail/UPI handle's domain ("name@upi"), not "x.upi". */
const BEFORE = [
  `(?:(?<!${WORD_CHAR})|${GLUED_BEFORE}|${SCRIPT_CHANGE_BEFORE})`,
  '(?<!@)',
  String.raw`(?<![\p{L}\p{N}]\.)`,
].join('');

/**
 * Not inside a URL: the run of non-space characters before the term starts like one. It sits after
 * the term (with \1, the whole term, matched backwards) so this look-back only runs where a term
 * matched, not at every word.
 */
const NOT_IN_URL = String.raw`(?<!(?:\/\/|www\.|[\p{L}\p{N}]\.\p{L}{2,}\/)\S{0,${URL_LOOKBACK_CHARS}}\1)`;

/**
 * After a term: not inside a word, not a handle ("upi@okaxis"), a file or host name
 * ("aadhaar.pdf", "upi.gov.in") or a deep link ("upi://pay"). "UPI's", "Aadhaar-based",
 * "UPI/IMPS" and a sentence's full stop are fine: the term is marked, the rest is not.
 */
const AFTER = [
  `(?:(?!${WORD_CHAR})|${GLUED_AFTER}|${SCRIPT_CHANGE_AFTER})`,
  '(?!@)',
  String.raw`(?!\.[\p{L}\p{N}])`,
  String.raw`(?!:\/\/)`,
].join('');

const HYPHENS = String.raw`[\-\u2010\u2011\u2013\u2014]`; // "e-RUPI" is also typeset with U+2010/U+2011; "CERT – India" with a dash
const APOSTROPHES = String.raw`['\u2019]`; // straight and typographic
const SYNTAX_CHARS = /[\^$\\.*+?()[\]{}|/]/;

/** `char`, escaped where it is regular-expression syntax. */
export function escapeChar(char: string): string {
  return SYNTAX_CHARS.test(char) ? `\\${char}` : char;
}

/** The spellings of one character that case-insensitive matching accepts (single code points only). */
function caseVariants(char: string): string[] {
  // ASCII, most characters of most forms: no Set, no code-point split (this runs on pages, cold).
  if (char.length === 1 && char.charCodeAt(0) < 0x80) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (lower === upper) return [char];
    return char === lower ? [char, upper] : [char, lower];
  }
  const variants = new Set([char]);
  for (const variant of [char.toLowerCase(), char.toUpperCase()]) {
    if ([...variant].length === 1) variants.add(variant);
  }
  return [...variants];
}

/**
 * A nasal before a consonant in Devanagari is written either as anusvara or as a half letter:
 * "इंफ्रास्ट्रक्चर" and "इन्फ्रास्ट्रक्चर", "उमंग" and "उमन्ग". A form matches both spellings.
 */
const DEVANAGARI_NASAL_CLUSTER = /[नमणङञ]\u094D(?=[\u0915-\u0939\u0958-\u095F])/gu;
const DEVANAGARI_CONSONANT = /[\u0915-\u0939\u0958-\u095F]/u;
const DEVANAGARI_NASAL = '(?:\u0902|[नमणङञ]\u094D)';

/**
 * Hindi writes the "z" and "f" of English loan words with or without a nukta, and the nukta letter
 * either precomposed or as letter + U+093C: "इंफ्रास्ट्रक्चर", "इंफ़्रास्ट्रक्चर", "ज़ीरो", "जीरो".
 * A form's ज or फ matches all three spellings (ड़/ढ़ are other letters, not optional).
 */
const NUKTA = '\u093C';
const NUKTA_BASE: Readonly<Record<string, string>> = { 'ज': 'ज', 'फ': 'फ', '\u095B': 'ज', '\u095E': 'फ' };
const NUKTA_PRECOMPOSED: Readonly<Record<string, string>> = { 'ज': '\u095B', 'फ': '\u095E' };

/**
 * The English "o" of "लॉकर", "कॉर्पोरेशन" is the vowel sign ॉ (U+0949), which many Hindi pages type as
 * two code points, the long-aa sign ा (U+093E) and the candra ॅ (U+0945): "डिजिलाॅकर" looks the same
 * as "डिजिलॉकर". A form's ॉ matches both.
 */
const CANDRA_O = '\u0949';
const CANDRA_O_TYPED = '\u093E\u0945';
/**
 * Hindi writes the r before a consonant in loan words with or without a virama (a reph or a full
 * र): "कॉर्पोरेशन" and "कॉरपोरेशन", "इंटर्नेट" and "इंटरनेट". A form's र before a consonant matches both.
 */
const RA = 'र';
const RA_VIRAMA = /र\u094D(?=[\u0915-\u0939\u0958-\u095F])/gu;

/**
 * Plurals of written-out names are the same term (corpus rule 2): an any-case name of two or more
 * words ending in a Latin word takes "-s", "-es" (after s, x, z, ch, sh: none yet) or "y" -> "-ies"
 * ("central bank digital currencies", "Ayushman Bharat Health Accounts"). Single words stay as
 * written, so "Aadhaars" or "gems" do not come along; exact-case forms keep the acronym rule below.
 */
function pluralOf(form: TermForm): 'ies' | 'es' | 's' | undefined {
  if (form.exactCase || !/\s/.test(form.text.trim())) return undefined;
  const word = /([A-Za-z]+)$/.exec(form.text)?.[1];
  if (!word || word.length < 3 || /s$/i.test(word)) return undefined;
  if (/[^aeiou]y$/i.test(word)) return 'ies';
  return /(?:x|z|ch|sh)$/i.test(word) ? 'es' : 's';
}

/** Brand names written in one word with a capital inside it. */
const CAMEL_CASE_BRAND = /^\p{L}\p{Ll}*\p{Lu}\p{L}*\p{Ll}$/u;
const MIN_BRAND_PLURAL_LETTERS = 5;

/**
 * A one-word brand with a capital inside it and a lower-case last letter ("DigiLocker", "FASTag",
 * "RuPay") takes a plural "-s" like an acronym does ("digilockers", "FASTags"): the inner capital
 * marks a name, not an English word, so "Aadhaars" or "gems" still do not come along.
 */
function isCamelCaseBrand(text: string): boolean {
  return [...text].length >= MIN_BRAND_PLURAL_LETTERS && CAMEL_CASE_BRAND.test(text);
}

/**
 * One step of a form: one code point among `options` (case variants, hyphens, apostrophes), a
 * run of spaces, or a Devanagari nasal (anusvara or a nasal half letter). `formSteps` is the one
 * reading of a form: `formSource` writes its steps as a pattern, `findAll` checks them in code.
 */
type Step =
  | { kind: 'chars'; options: readonly string[] }
  | { kind: 'space' } // \s+
  | { kind: 'nasal' }
  | { kind: 'nukta'; base: string } // ज or फ, with or without a nukta
  | { kind: 'candra-o' } // ॉ, or ा + ॅ
  | { kind: 'ra' }; // र before a consonant, with or without a virama

interface FormSteps {
  steps: Step[];
  /** How the form may end, tried in order ("-ies": y, then ies; an optional plural: with, then without); code points' options. */
  endings: ReadonlyArray<ReadonlyArray<readonly string[]>>;
}

/** "e-RUPI" is also typeset with U+2010/U+2011, and names are written with an en or em dash ("Computer Emergency Response Team – India"). */
const HYPHEN_OPTIONS: readonly string[] = ['-', '\u2010', '\u2011', '\u2013', '\u2014'];
const APOSTROPHE_OPTIONS: readonly string[] = ["'", '\u2019']; // straight and typographic

/**
 * Text that went through OCR (scanned notices, PDFs turned into pages) reads a capital I as a
 * lower-case l: "UIDAl", "NPCl". In an all-capitals acronym of four or more letters, an I after the
 * first three letters also matches l. Not earlier: the first letters name the term's group for
 * `findAll` (PREFIX_ATOMS), and "UPl" or "BHlM" would be too short to tell from noise.
 */
const OCR_ACRONYM = /^[A-Z]{4,}$/;
const OCR_FIRST_INDEX = 3;
const OCR_I_OPTIONS: readonly string[] = ['I', 'l'];

function formSteps(form: TermForm): FormSteps {
  const steps: Step[] = [];
  const ocrAcronym = form.exactCase && OCR_ACRONYM.test(form.text);
  let previousWasSpace = false;
  const chars = [...form.text.replace(DEVANAGARI_NASAL_CLUSTER, '\u0902').replace(RA_VIRAMA, RA)];
  const plural = pluralOf(form);
  let endings: Array<Array<readonly string[]>> = [[]];
  for (const [i, char] of chars.entries()) {
    if (plural === 'ies' && i === chars.length - 1) {
      endings = [[caseVariants('y')], [caseVariants('i'), caseVariants('e'), caseVariants('s')]];
      continue;
    }
    if (char === '\u0902' && DEVANAGARI_CONSONANT.test(chars[i + 1] ?? '')) {
      previousWasSpace = false;
      steps.push({ kind: 'nasal' });
      continue;
    }
    if (char === NUKTA && NUKTA_BASE[chars[i - 1] ?? '']) continue; // part of the nukta step before it
    const nuktaBase = NUKTA_BASE[char];
    if (nuktaBase) {
      previousWasSpace = false;
      steps.push({ kind: 'nukta', base: nuktaBase });
      continue;
    }
    if (char === CANDRA_O) {
      previousWasSpace = false;
      steps.push({ kind: 'candra-o' });
      continue;
    }
    if (char === RA && DEVANAGARI_CONSONANT.test(chars[i + 1] ?? '')) {
      previousWasSpace = false;
      steps.push({ kind: 'ra' });
      continue;
    }
    if (/\s/.test(char)) {
      // Any run of spaces, tabs, newlines or no-break spaces: page source wraps lines mid-name.
      if (!previousWasSpace) steps.push({ kind: 'space' });
      previousWasSpace = true;
      continue;
    }
    previousWasSpace = false;
    if (HYPHEN_OPTIONS.includes(char)) steps.push({ kind: 'chars', options: HYPHEN_OPTIONS });
    else if (APOSTROPHE_OPTIONS.includes(char)) steps.push({ kind: 'chars', options: APOSTROPHE_OPTIONS });
    else if (ocrAcronym && char === 'I' && i >= OCR_FIRST_INDEX) steps.push({ kind: 'chars', options: OCR_I_OPTIONS });
    else steps.push({ kind: 'chars', options: form.exactCase ? [char] : caseVariants(char) });
  }
  // Acronym plurals ("DPIs", "CBDCs") are the same term; only for exact-case forms ending in a
  // capital, so "Aadhaars" or "gems" do not come along.
  const last = chars[chars.length - 1] ?? '';
  if (isCamelCaseBrand(form.text)) endings = [[form.exactCase ? ['s'] : caseVariants('s')], []];
  else if (form.exactCase && last !== last.toLowerCase()) endings = [[['s']], []];
  else if (plural === 's') endings = [[caseVariants('s')], []];
  else if (plural === 'es') endings = [[caseVariants('e'), caseVariants('s')], []];
  return { steps, endings };
}

function optionsSource(options: readonly string[]): string {
  if (options === HYPHEN_OPTIONS) return HYPHENS;
  if (options === APOSTROPHE_OPTIONS) return APOSTROPHES;
  return options.length > 1 ? `[${options.join('')}]` : escapeChar(options[0]!);
}

function stepSource(step: Step): string {
  if (step.kind === 'space') return String.raw`\s+`;
  if (step.kind === 'nasal') return DEVANAGARI_NASAL;
  if (step.kind === 'nukta') return `(?:${step.base}${NUKTA}?|${NUKTA_PRECOMPOSED[step.base]})`;
  if (step.kind === 'candra-o') return `(?:${CANDRA_O}|${CANDRA_O_TYPED})`;
  if (step.kind === 'ra') return `${RA}${VIRAMA}?`;
  return optionsSource(step.options);
}

function endingsSource(endings: FormSteps['endings']): string {
  const [first, second] = endings.map((ending) => ending.map(optionsSource).join(''));
  if (!first) return '';
  if (second === undefined) return first;
  return second === '' ? `(?:${first})?` : `(?:${first}|${second})`;
}

/** The regular expression source of one form (without boundaries). */
export function formSource(form: TermForm): string {
  const { steps, endings } = formSteps(form);
  return steps.map(stepSource).join('') + endingsSource(endings);
}

/** How many leading steps of each form the start pattern checks (a word start that spells none is skipped natively). */
const START_ATOMS = 3;

/**
 * Everything about matching that does not depend on the page. Plain data (JSON-serialisable), so
 * the build computes it once (scripts/lib/glossary-plugin.mjs); a page compiles only the small
 * start pattern. The combined pattern is rebuilt from it on demand (`combinedSource`).
 */
export interface MatcherData {
  /** The entry of each form, in the combined pattern's order (capture group i + 2 is form i). */
  ids: string[];
  /** For a match's lower-cased first character: the range of `ids` that can have produced it. */
  groupsByFirstChar: Array<[key: string, from: number, to: number]>;
  /** Each form's text and case rule (1: exact case), in the order of `ids`. */
  forms: Array<[text: string, exact: 0 | 1]>;
  /** Where a term can start: a possible first character at a word start (`findAll`'s first step). */
  startSource: string;
  /** Forms by the key of their first atoms (`visitPrefixes`): [1 exact-case / 0 any case, key, indices into `forms`, ascending]. */
  prefixGroups: Array<[exact: 0 | 1, key: string, members: number[]]>;
}

/** `g`: the page layer scans with lastIndex; `u`: \p{...} classes and code-point look-behinds. */
export const MATCHER_FLAGS = 'gu';
const NEVER_MATCHES = '(?!)';


function firstCharKey(text: string): string {
  const first = [...text][0] ?? '';
  return (NUKTA_BASE[first] ?? first).toLowerCase();
}

/** The combined pattern for `input`, as data. The single definition of the pattern. */
export function compileMatcherData(input: readonly TermForm[]): MatcherData {
  // Forms are grouped by first letter behind a cheap one-character look-ahead, so at most
  // positions the engine rejects a whole group at once instead of trying every form.
  const byFirst = new Map<string, TermForm[]>();
  for (const form of input) {
    if (!form.text.trim()) continue;
    const key = firstCharKey(form.text);
    byFirst.set(key, [...(byFirst.get(key) ?? []), form]);
  }
  const ids: string[] = [];
  const forms: MatcherData['forms'] = [];
  const startAlternatives = new Set<string>();
  const prefixGroups = new Map<string, [0 | 1, string, number[]]>();
  const groupsByFirstChar: MatcherData['groupsByFirstChar'] = [];
  const allFirstChars = new Set<string>();
  for (const [key, group] of [...byFirst].sort(([a], [b]) => a.localeCompare(b))) {
    // Longest first, so "UPI Lite" is tried before "UPI"; at equal length an exact-case form wins.
    group.sort(
      (a, b) =>
        b.text.length - a.text.length ||
        Number(b.exactCase) - Number(a.exactCase) ||
        a.id.localeCompare(b.id),
    );
    const from = ids.length;
    for (const [offset, form] of group.entries()) {
      const index = from + offset;
      forms.push([form.text, form.exactCase ? 1 : 0]);
      startAlternatives.add(formSteps(form).steps.slice(0, START_ATOMS).map(stepSource).join(''));
      const exact: 0 | 1 = form.exactCase ? 1 : 0;
      const key = prefixKeyOf(form);
      const name = `${exact}\u0000${key}`;
      const entry = prefixGroups.get(name) ?? [exact, key, []];
      entry[2].push(index);
      prefixGroups.set(name, entry);
    }
    ids.push(...group.map((form) => form.id));
    groupsByFirstChar.push([key, from, ids.length]);
    firstCharsOf(key, group.map((form) => form.text)).forEach((char) => allFirstChars.add(char));
  }
  if (!ids.length) return { ids, groupsByFirstChar, forms, startSource: NEVER_MATCHES, prefixGroups: [] };
  // A possible first character, a word start, then the forms' first steps: most positions
  // fail the first check at once, most word starts the last.
  const startSource = `${anyFirstOf(allFirstChars)}${BEFORE}(?=${[...startAlternatives].join('|')})`;
  return { ids, groupsByFirstChar, forms, startSource, prefixGroups: [...prefixGroups.values()] };
}

/** The characters the forms of one first-letter group can start with. */
function firstCharsOf(key: string, texts: readonly string[]): Set<string> {
  const chars = new Set(caseVariants(key).concat(texts.map((text) => [...text][0]!)));
  for (const char of [...chars]) {
    const base = NUKTA_BASE[char];
    if (base) chars.add(base).add(NUKTA_PRECOMPOSED[base]!);
  }
  return chars;
}

/** A one-character look-ahead: most positions fail it at once. */
function anyFirstOf(chars: Iterable<string>): string {
  return `(?=[${[...chars].map(escapeChar).join('')}])`;
}

/**
 * The combined pattern: every form in one alternation, grouped by first letter behind a cheap
 * one-character look-ahead, the look-ahead first, even before the word-boundary look-behinds
 * (measured: about twice as fast over a page as boundary-first). `findAll` does not run it; it is
 * what `findAll` equals (tests/unit/matcher.test.ts) and what the bench's scan floor runs.
 */
export function combinedSource(data: MatcherData): string {
  if (!data.ids.length) return NEVER_MATCHES;
  const allFirstChars = new Set<string>();
  const groups = data.groupsByFirstChar.map(([key, from, to]) => {
    const group = data.forms.slice(from, to).map(([text, exact]): TermForm => ({ id: '', text, exactCase: exact === 1 }));
    const firstChars = firstCharsOf(key, group.map((form) => form.text));
    firstChars.forEach((char) => allFirstChars.add(char));
    return `${anyFirstOf(firstChars)}(?:${group.map((form) => `(${formSource(form)})`).join('|')})`;
  });
  return `${anyFirstOf(allFirstChars)}${BEFORE}((?:${groups.join('|')}))${AFTER}${NOT_IN_URL}`;
}

export function createMatcher(forms: readonly TermForm[]): Matcher {
  return matcherOf(() => compileMatcherData(forms));
}

/**
 * A matcher from data the build already computed (`compileMatcherData`): no pattern source to
 * build at run time.
 */
export function matcherFromData(data: MatcherData): Matcher {
  return matcherOf(() => data);
}

// ---------------------------------------------------------------------------------------------
// Matching in code. The combined pattern is compiled by the engine on its first use, ~30 ms on a
// slow machine and again for two-byte text (a curly quote or any Hindi makes a text node two-byte):
// most of a page's cost. `findAll` instead finds word starts with a small pattern, picks the forms
// whose first atoms the text spells there (`prefixGroups`), and checks those forms in code, atom by
// atom, as their patterns (`formSource`) read. At each position the first form in the combined
// pattern's order that matches wins, so the matches are the combined pattern's:
// tests/unit/matcher.test.ts compares the two over the corpus, the holdouts and every fixture page.

/**
 * How many leading atoms (a character, a run of spaces, a hyphen, a Devanagari nasal) of a form
 * name its group: at a word start, only the groups whose prefix the text spells are tried.
 */
const PREFIX_ATOMS = 3;
const ANUSVARA = '\u0902';
const VIRAMA = '\u094D';
const NASAL_CONSONANTS = 'नमणङञ';
const SPACE = /\s/u;
/** One code point of these classes at `lastIndex` (sticky): compiled once, small. */
const WORD_CHAR_AT = new RegExp(WORD_CHAR, 'uy');
const LETTER_OR_DIGIT_AT = /[\p{L}\p{N}]/uy;
const LETTER_AT = /\p{L}/uy;

function classAt(pattern: RegExp, text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  pattern.lastIndex = index;
  return pattern.test(text);
}

/** The index where the code point that ends just before `index` starts. */
function previousCodePoint(text: string, index: number): number {
  const unit = text.charCodeAt(index - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && index >= 2 && text.charCodeAt(index - 2) >= 0xd800 && text.charCodeAt(index - 2) <= 0xdbff
    ? index - 2
    : index - 1;
}

/** A character's case-insensitive key: lower case where that is one code point (as `caseVariants`). */
function foldCase(char: string): string {
  const lower = char.toLowerCase();
  return [...lower].length === 1 ? lower : char;
}

/**
 * The keys of the first PREFIX_ATOMS atoms at `text[at]`, as the forms' patterns read text: a run
 * of spaces is one atom (' '), any hyphen is '-', either apostrophe "'", an anusvara or a nasal
 * half letter before a consonant the anusvara. Calls `visit` with the exact and the case-folded
 * key after each atom. Permissive, never strict: every form that can match at `at` is in a
 * group visited (a group's forms are then checked one by one).
 */
function visitPrefixes(text: string, at: number, visit: (exact: string, folded: string) => void): void {
  let exact = '';
  let folded = '';
  let i = at;
  for (let atom = 0; atom < PREFIX_ATOMS && i < text.length; atom += 1) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    let key: string;
    if (SPACE.test(char)) {
      key = ' ';
      while (i < text.length && SPACE.test(text[i]!)) i += 1;
    } else if (HYPHEN_OPTIONS.includes(char)) {
      key = '-';
      i += 1;
    } else if (APOSTROPHE_OPTIONS.includes(char)) {
      key = "'";
      i += 1;
    } else if (NUKTA_BASE[char]) {
      key = NUKTA_BASE[char]!;
      i += 1;
      if (text[i] === NUKTA) i += 1;
    } else if (char === ANUSVARA) {
      key = ANUSVARA;
      i += 1;
    } else if (text.startsWith(CANDRA_O_TYPED, i)) {
      key = CANDRA_O;
      i += CANDRA_O_TYPED.length;
    } else if (char === RA && text[i + 1] === VIRAMA && DEVANAGARI_CONSONANT.test(text[i + 2] ?? '')) {
      key = RA;
      i += 2;
    } else if (NASAL_CONSONANTS.includes(char) && text[i + 1] === VIRAMA && DEVANAGARI_CONSONANT.test(text[i + 2] ?? '')) {
      key = ANUSVARA;
      i += 2;
    } else {
      exact += char;
      folded += foldCase(char);
      i += char.length;
      visit(exact, folded);
      continue;
    }
    exact += key;
    folded += key;
    visit(exact, folded);
  }
}

/** A form's own prefix key (exact for exact-case forms, else case-folded), read as `visitPrefixes` reads text. */
function prefixKeyOf(form: TermForm): string {
  const text = form.text.replace(DEVANAGARI_NASAL_CLUSTER, ANUSVARA);
  // The last letter of an "-ies" plural is not literal ("currency" also reads "currencies").
  const body = pluralOf(form) === 'ies' ? text.slice(0, -1) : text;
  let key = '';
  visitPrefixes(body, 0, (exact, folded) => {
    key = form.exactCase ? exact : folded;
  });
  return key;
}

/** Where `options` (one code point each) matches at `at`, the index after it; else -1. */
function charsAt(text: string, at: number, options: readonly string[]): number {
  for (const option of options) if (text.startsWith(option, at)) return at + option.length;
  return -1;
}

function stepAt(text: string, at: number, step: Step): number {
  if (step.kind === 'chars') return charsAt(text, at, step.options);
  if (step.kind === 'space') {
    let i = at;
    while (i < text.length && SPACE.test(text[i]!)) i += 1;
    return i > at ? i : -1;
  }
  if (step.kind === 'nukta') {
    if (text[at] === NUKTA_PRECOMPOSED[step.base]) return at + 1;
    if (text[at] !== step.base) return -1;
    return text[at + 1] === NUKTA ? at + 2 : at + 1;
  }
  if (step.kind === 'candra-o') {
    if (text[at] === CANDRA_O) return at + 1;
    return text.startsWith(CANDRA_O_TYPED, at) ? at + CANDRA_O_TYPED.length : -1;
  }
  if (step.kind === 'ra') {
    if (text[at] !== RA) return -1;
    return text[at + 1] === VIRAMA ? at + 2 : at + 1;
  }
  if (text[at] === ANUSVARA) return at + 1;
  return NASAL_CONSONANTS.includes(text[at] ?? '') && text[at + 1] === VIRAMA ? at + 2 : -1;
}

/** SCRIPT_CHANGE_AFTER: Latin on one side of `at` and Devanagari on the other. */
function scriptChanges(text: string, at: number): boolean {
  if (at <= 0) return false;
  const before = previousCodePoint(text, at);
  return (classAt(DEVANAGARI_AT, text, at) && classAt(LATIN_AT, text, before))
    || (classAt(LATIN_AT, text, at) && classAt(DEVANAGARI_AT, text, before));
}

/** GLUED_AFTER: three capitals end the term and a compounding participle follows it at once ("UPIenabled"). */
function gluedAfter(text: string, end: number): boolean {
  if (!THREE_CAPITALS_BEFORE.test(text.slice(Math.max(0, end - 3), end))) return false;
  GLUED_AFTER_AT.lastIndex = end;
  return GLUED_AFTER_AT.test(text);
}

/** AFTER: not inside a word, not a handle, a file or host name, or a deep link. */
function endsWell(text: string, end: number): boolean {
  if (classAt(WORD_CHAR_AT, text, end) && !gluedAfter(text, end) && !scriptChanges(text, end)) return false;
  const next = text[end];
  if (next === '@') return false;
  if (next === '.' && classAt(LETTER_OR_DIGIT_AT, text, end + 1)) return false;
  return !text.startsWith('://', end);
}

/** NOT_IN_URL: the run of non-space characters before the term does not start like a URL. */
function inUrl(text: string, start: number): boolean {
  let q = start;
  for (let steps = 0; ; steps += 1) {
    if (text.endsWith('//', q) || text.endsWith('www.', q)) return true;
    if (text[q - 1] === '/') {
      // [\p{L}\p{N}]\.\p{L}{2,}\/ ending at q
      let j = q - 1;
      let letters = 0;
      while (j > 0) {
        const previous = previousCodePoint(text, j);
        if (!classAt(LETTER_AT, text, previous)) break;
        j = previous;
        letters += 1;
      }
      if (letters >= 2 && text[j - 1] === '.' && j - 1 > 0 && classAt(LETTER_OR_DIGIT_AT, text, previousCodePoint(text, j - 1))) {
        return true;
      }
    }
    if (steps >= URL_LOOKBACK_CHARS || q === 0) return false;
    const previous = previousCodePoint(text, q);
    if (SPACE.test(text.slice(previous, q))) return false;
    q = previous;
  }
}

/** Where the form's steps match at `at` (start already checked), the index after the term; else -1. */
function matchSteps(text: string, at: number, form: FormSteps): number {
  let i = at;
  for (const step of form.steps) {
    i = stepAt(text, i, step);
    if (i < 0) return -1;
  }
  for (const ending of form.endings) {
    let end = i;
    for (const options of ending) {
      end = charsAt(text, end, options);
      if (end < 0) break;
    }
    if (end < 0 || !endsWell(text, end)) continue;
    return inUrl(text, at) ? -1 : end;
  }
  return -1;
}

interface Prepared {
  data: MatcherData;
  starts: RegExp;
  exact: Map<string, readonly number[]>;
  folded: Map<string, readonly number[]>;
  programs: Array<FormSteps | undefined>;
}

function matcherOf(data: () => MatcherData): Matcher {
  let prepared: Prepared | undefined;
  let combined: RegExp | undefined;
  const get = (): Prepared => {
    if (prepared) return prepared;
    const d = data();
    const exact = new Map<string, readonly number[]>();
    const folded = new Map<string, readonly number[]>();
    for (const [isExact, key, members] of d.prefixGroups) (isExact ? exact : folded).set(key, members);
    prepared = { data: d, starts: new RegExp(d.startSource, MATCHER_FLAGS), exact, folded, programs: [] };
    return prepared;
  };

  /** Reused between calls: most text has no match, and a page has thousands of text nodes. */
  const candidates: number[] = [];

  function findAll(text: string): TermMatch[] {
    const { data: d, starts, exact, folded, programs } = get();
    let matches: TermMatch[] | undefined;
    starts.lastIndex = 0;
    for (let start = starts.exec(text); start; start = starts.exec(text)) {
      const at = start.index;
      candidates.length = 0;
      visitPrefixes(text, at, (exactKey, foldedKey) => {
        const a = exact.get(exactKey);
        const b = folded.get(foldedKey);
        if (a) candidates.push(...a);
        if (b) candidates.push(...b);
      });
      let end = -1;
      let form = -1;
      if (candidates.length) {
        // In the combined pattern's order: the first form that matches is the one it would find.
        candidates.sort((x, y) => x - y);
        for (const index of candidates) {
          const [formText, formExact] = d.forms[index]!;
          const steps = (programs[index] ??= formSteps({ id: '', text: formText, exactCase: formExact === 1 }));
          end = matchSteps(text, at, steps);
          if (end >= 0) {
            form = index;
            break;
          }
        }
      }
      if (form >= 0) {
        (matches ??= []).push({ id: d.ids[form]!, start: at, end, text: text.slice(at, end) });
        starts.lastIndex = end;
      } else {
        // The start pattern matched the empty string here: step over this character.
        starts.lastIndex = at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
      }
    }
    starts.lastIndex = 0;
    return matches ?? [];
  }

  return {
    /** The combined pattern (the reference `findAll` equals, and the bench's scan floor): built on first read. */
    get pattern() {
      return (combined ??= new RegExp(combinedSource(get().data), MATCHER_FLAGS));
    },
    findAll,
    idOf(text) {
      const [only, ...rest] = findAll(text);
      return only && rest.length === 0 && only.start === 0 && only.end === text.length
        ? only.id
        : undefined;
    },
  };
}
