/**
 * Finds glossary terms in text with ONE combined regular expression. Pure: no DOM.
 * The page layer runs the same `pattern` over text nodes, so what the tests prove here is what
 * readers see on pages.
 */
import type { TermMatch } from './types';
import type { TermForm } from './terms';

export interface Matcher {
  /** One global (`gu`) pattern for every form. Built on first use. */
  readonly pattern: RegExp;
  /** Non-overlapping matches, left to right, longest form first at each position. */
  findAll(text: string): TermMatch[];
  /** The id of a piece of text that is exactly one match on its own (e.g. a mark's text). */
  idOf(text: string): string | undefined;
}

// Characters that continue a word in any script: letters, combining marks (Devanagari vowel signs
// and virama are \p{M}, which is why \b cannot be used), digits, "_", and the zero-width (non-)joiners
// that sit inside Indic words.
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_\u200C\u200D]`;
// How far back to look for a URL's start ("https://", "www.", "example.com/") before a term:
// bounds the work per candidate so a page-long token without spaces stays linear.
const URL_LOOKBACK_CHARS = 100;

/** Before a term: not inside a word, not an e-mail/UPI handle's domain ("name@upi"), not "x.upi". */
const BEFORE = [
  `(?<!${WORD_CHAR})`,
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
  `(?!${WORD_CHAR})`,
  '(?!@)',
  String.raw`(?!\.[\p{L}\p{N}])`,
  String.raw`(?!:\/\/)`,
].join('');

/** Group 1 wraps the whole term (for the URL look-back); each form's own group follows. */
const FIRST_FORM_GROUP = 2;

const HYPHENS = String.raw`[\-\u2010\u2011]`; // "e-RUPI" is also typeset with U+2010/U+2011
const APOSTROPHES = String.raw`['\u2019]`; // straight and typographic
const SYNTAX_CHARS = /[\^$\\.*+?()[\]{}|/]/;

function escapeChar(char: string): string {
  return SYNTAX_CHARS.test(char) ? `\\${char}` : char;
}

/** The spellings of one character that case-insensitive matching accepts (single code points only). */
function caseVariants(char: string): string[] {
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

/** The regular expression source of one form (without boundaries). */
export function formSource(form: TermForm): string {
  let source = '';
  let previousWasSpace = false;
  const chars = [...form.text.replace(DEVANAGARI_NASAL_CLUSTER, '\u0902')];
  const plural = pluralOf(form);
  for (const [i, char] of chars.entries()) {
    if (plural === 'ies' && i === chars.length - 1) {
      source += '(?:[yY]|[iI][eE][sS])';
      continue;
    }
    if (char === '\u0902' && DEVANAGARI_CONSONANT.test(chars[i + 1] ?? '')) {
      previousWasSpace = false;
      source += DEVANAGARI_NASAL;
      continue;
    }
    if (/\s/.test(char)) {
      // Any run of spaces, tabs, newlines or no-break spaces: page source wraps lines mid-name.
      if (!previousWasSpace) source += String.raw`\s+`;
      previousWasSpace = true;
      continue;
    }
    previousWasSpace = false;
    if (/[-\u2010\u2011]/.test(char)) source += HYPHENS;
    else if (/['\u2019]/.test(char)) source += APOSTROPHES;
    else if (form.exactCase) source += escapeChar(char);
    else {
      const variants = caseVariants(char);
      source += variants.length > 1 ? `[${variants.join('')}]` : escapeChar(char);
    }
  }
  // Acronym plurals ("DPIs", "CBDCs") are the same term; only for exact-case forms ending in a
  // capital, so "Aadhaars" or "gems" do not come along.
  const last = chars[chars.length - 1] ?? '';
  if (form.exactCase && last !== last.toLowerCase()) source += '(?:s)?';
  else if (plural === 's') source += '(?:[sS])?';
  else if (plural === 'es') source += '(?:[eE][sS])?';
  return source;
}

/**
 * Everything about the combined pattern that does not depend on the page: its source and which
 * entry each capture group belongs to. Plain data (JSON-serialisable), so the build computes it
 * once (scripts/lib/glossary-plugin.mjs) and the content script only runs `new RegExp(source)`.
 */
export interface MatcherData {
  /** The combined pattern's source, for `new RegExp(source, MATCHER_FLAGS)`. */
  source: string;
  /** Capture group i+FIRST_FORM_GROUP belongs to the entry `ids[i]`. */
  ids: string[];
  /** For a match's lower-cased first character: the range of `ids` that can have produced it. */
  groupsByFirstChar: Array<[key: string, from: number, to: number]>;
}

/** `g`: the page layer scans with lastIndex; `u`: \p{...} classes and code-point look-behinds. */
export const MATCHER_FLAGS = 'gu';
const NEVER_MATCHES = '(?!)';

interface Compiled {
  pattern: RegExp;
  ids: readonly string[];
  groupsByFirstChar: Map<string, { from: number; to: number }>;
}

function firstCharKey(text: string): string {
  return ([...text][0] ?? '').toLowerCase();
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
  const groupsByFirstChar: MatcherData['groupsByFirstChar'] = [];
  const groupSources: string[] = [];
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
    ids.push(...group.map((form) => form.id));
    groupsByFirstChar.push([key, from, ids.length]);
    const firstCharSet = new Set(caseVariants(key).concat(group.map((f) => [...f.text][0]!)));
    firstCharSet.forEach((char) => allFirstChars.add(char));
    const firstChars = [...firstCharSet].map(escapeChar).join('');
    const alternatives = group.map((form) => `(${formSource(form)})`).join('|');
    groupSources.push(`(?=[${firstChars}])(?:${alternatives})`);
  }
  if (!groupSources.length) return { source: NEVER_MATCHES, ids, groupsByFirstChar };
  // A one-character look-ahead first, even before the word-boundary look-behinds: most positions
  // fail it at once (measured: about twice as fast over a page as boundary-first).
  const anyFirst = `(?=[${[...allFirstChars].map(escapeChar).join('')}])`;
  const source = `${anyFirst}${BEFORE}((?:${groupSources.join('|')}))${AFTER}${NOT_IN_URL}`;
  return { source, ids, groupsByFirstChar };
}

function fromData(data: MatcherData): Compiled {
  return {
    pattern: new RegExp(data.source, MATCHER_FLAGS),
    ids: data.ids,
    groupsByFirstChar: new Map(data.groupsByFirstChar.map(([key, from, to]) => [key, { from, to }])),
  };
}

export function createMatcher(forms: readonly TermForm[]): Matcher {
  return matcherOf(() => compileMatcherData(forms));
}

/**
 * A matcher from data the build already computed (`compileMatcherData`): no pattern source to
 * build at run time, only the RegExp itself (compiled by the engine at its first exec).
 */
export function matcherFromData(data: MatcherData): Matcher {
  return matcherOf(() => data);
}

function matcherOf(data: () => MatcherData): Matcher {
  let compiled: Compiled | undefined;
  const get = (): Compiled => (compiled ??= fromData(data()));

  function idOfMatch(match: RegExpExecArray, c: Compiled): string | undefined {
    const range = c.groupsByFirstChar.get(firstCharKey(match[0]));
    if (!range) return undefined;
    for (let i = range.from; i < range.to; i += 1) {
      if (match[i + FIRST_FORM_GROUP] !== undefined) return c.ids[i];
    }
    return undefined;
  }

  function findAll(text: string): TermMatch[] {
    const c = get();
    const { pattern } = c;
    const matches: TermMatch[] = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const id = idOfMatch(match, c);
      if (id) {
        matches.push({ id, start: match.index, end: match.index + match[0].length, text: match[0] });
      }
    }
    pattern.lastIndex = 0; // the page layer shares this pattern; leave it ready for a fresh scan
    return matches;
  }

  return {
    get pattern() {
      return get().pattern;
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
