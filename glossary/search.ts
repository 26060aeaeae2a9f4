/**
 * Glossary search for the popup: pure ranking, no DOM. Readers type half-remembered names
 * ("adhaar", "digilockr"), spaced or hyphen-free spellings ("e rupi"), expansions ("unified")
 * and Devanagari ("आधार"); every one of those should put the intended entry first.
 *
 * Ranking tiers, best first: exact form, prefix of a form, prefix of a word in a form, substring,
 * near miss (edit distance, then subsequence), word in the short definition.
 */
import type { GlossaryEntry } from './types';

/** Which part of an entry a result matched on. */
export type MatchField = 'name' | 'nameHi' | 'expansion' | 'alias' | 'searchOnly' | 'definition';
export type MatchKind = 'exact' | 'prefix' | 'word-prefix' | 'substring' | 'fuzzy' | 'subsequence' | 'definition';

export interface SearchResult {
  entry: GlossaryEntry;
  score: number;
  matchedOn: MatchField;
  kind: MatchKind;
  /** The form as written in the entry (e.g. the alias "Aadhar"), for showing why it matched. */
  form: string;
}

/** Enough for the popup's list; the full list is one scroll away in "Browse". */
export const DEFAULT_SEARCH_LIMIT = 20;

// Tier bases are far apart so that no bonus inside a tier can lift a result into the next.
const TIER_SCORE: Record<MatchKind, number> = {
  exact: 1000,
  prefix: 800,
  'word-prefix': 700,
  substring: 500,
  fuzzy: 400,
  subsequence: 300,
  definition: 100,
};

// Within a tier the name is what readers most often mean; an alias is a variant spelling.
const FIELD_BONUS: Record<MatchField, number> = {
  name: 40,
  nameHi: 35,
  expansion: 30,
  alias: 20,
  searchOnly: 10,
  definition: 0,
};

/** Substrings of one or two letters match almost everything ("a", "in"), so they need three. */
const MIN_SUBSTRING_LENGTH = 3;
/** Definition words shorter than this ("the", "of", "UPI" inside a sentence) are noise. */
const MIN_DEFINITION_WORD_LENGTH = 4;
/** Subsequences of short queries ("up" in "upload") are too loose to mean anything. */
const MIN_SUBSEQUENCE_LENGTH = 3;

/**
 * How many edits a query of this length may be from a form: none for short acronyms (where one
 * edit turns "UPI" into "API"), then about one per three or four characters. Tighter than that
 * and "sahmatii" misses Sahamati; looser and "account agg" starts finding every "account".
 */
export function maxEditsFor(length: number): number {
  if (length < 4) return 0;
  if (length < 7) return 1;
  if (length < 11) return 2;
  return 3;
}

/**
 * Lower case, Latin diacritics removed (NFD then combining marks U+0300-U+036F), so "Aadhār"
 * equals "aadhaar" minus the macron. Devanagari vowel signs are also combining marks but lie
 * outside that range, so Hindi words survive intact; the nukta is dropped because writers use
 * it inconsistently.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u093c]/g, '')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function wordsOf(normalised: string): string[] {
  return normalised.match(WORD) ?? [];
}

/** Letters and digits only: "e-RUPI", "e rupi" and "ERUPI" all become "erupi". */
export function compact(text: string): string {
  return wordsOf(normalise(text)).join('');
}

interface IndexedForm {
  field: MatchField;
  form: string;
  compact: string;
  /** The compact form from each word's start onwards: "paymentsinterface", "interface". */
  wordTails: string[];
  words: string[];
}

interface IndexedEntry {
  entry: GlossaryEntry;
  forms: IndexedForm[];
  definitionWords: string[];
}

function indexForm(field: MatchField, form: string): IndexedForm {
  const words = wordsOf(normalise(form));
  return {
    field,
    form,
    compact: words.join(''),
    wordTails: words.slice(1).map((_, i) => words.slice(i + 1).join('')),
    words,
  };
}

function indexEntry(entry: GlossaryEntry): IndexedEntry {
  const forms: IndexedForm[] = [indexForm('name', entry.name)];
  if (entry.nameHi) forms.push(indexForm('nameHi', entry.nameHi));
  if (entry.expansion) forms.push(indexForm('expansion', entry.expansion));
  for (const alias of entry.aliases) forms.push(indexForm('alias', alias));
  for (const form of entry.searchOnly ?? []) forms.push(indexForm('searchOnly', form));
  return {
    entry,
    forms: forms.filter((form) => form.compact.length > 0),
    definitionWords: wordsOf(normalise(entry.short)),
  };
}

// Normalising every form on every keystroke would be wasted work: the entries array is fixed
// for the popup's lifetime, so its index is built once and kept as long as the array lives.
const indexCache = new WeakMap<readonly GlossaryEntry[], IndexedEntry[]>();

function indexFor(entries: readonly GlossaryEntry[]): IndexedEntry[] {
  let index = indexCache.get(entries);
  if (!index) {
    index = entries.map(indexEntry);
    indexCache.set(entries, index);
  }
  return index;
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein where an adjacent swap counts as one
 * edit: "adhaar"/"aadhar"). Gives up early, returning limit + 1, once every path exceeds limit.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rolling rows instead of a full matrix: this runs for every form on every keystroke.
  const width = b.length + 1;
  let prevPrev = new Uint16Array(width);
  let prev = new Uint16Array(width);
  let row = new Uint16Array(width);
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2]! + 1);
      }
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length]!;
}

/** Whether every character of `needle` appears in `haystack` in order. */
export function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) {
    if (haystack[j] === needle[i]) i++;
  }
  return i === needle.length;
}

interface FormMatch {
  kind: MatchKind;
  /** Added to the tier score: closer and shorter matches first within a tier. */
  bonus: number;
}

function matchForm(query: string, form: IndexedForm): FormMatch | undefined {
  const target = form.compact;
  if (target === query) return { kind: 'exact', bonus: 0 };
  // A query covering more of the form is the likelier meaning ("upi l" -> "UPI Lite" over a
  // longer name), hence the length-ratio bonus in the prefix and substring tiers.
  const coverage = Math.round((query.length / target.length) * 10);
  if (target.startsWith(query)) return { kind: 'prefix', bonus: coverage };
  if (form.wordTails.some((tail) => tail.startsWith(query))) return { kind: 'word-prefix', bonus: coverage };
  if (query.length >= MIN_SUBSTRING_LENGTH && target.includes(query)) {
    return { kind: 'substring', bonus: coverage };
  }

  const maxEdits = maxEditsFor(query.length);
  if (maxEdits > 0) {
    // Compare with the whole form, each word, and the form cut to the query's length (so a
    // misspelt beginning, "digilok", still finds "digilocker").
    const candidates = [target, ...form.words, target.slice(0, query.length)];
    let best = maxEdits + 1;
    for (const candidate of candidates) {
      if (candidate.length < MIN_SUBSEQUENCE_LENGTH) continue;
      best = Math.min(best, editDistance(query, candidate, maxEdits));
    }
    if (best <= maxEdits) return { kind: 'fuzzy', bonus: (maxEdits - best + 1) * 10 - best * 5 };
  }

  // Subsequence only when the first letter agrees: readers rarely get the first letter wrong,
  // and without that anchor "mop" would find half the glossary.
  if (
    query.length >= MIN_SUBSEQUENCE_LENGTH &&
    target[0] === query[0] &&
    isSubsequence(query, target)
  ) {
    return { kind: 'subsequence', bonus: coverage };
  }
  return undefined;
}

function matchDefinition(queryWords: string[], definitionWords: string[]): number {
  const meaningful = queryWords.filter((word) => word.length >= MIN_DEFINITION_WORD_LENGTH);
  return meaningful.filter((word) => definitionWords.some((candidate) => candidate.startsWith(word)))
    .length;
}

/**
 * Ranks `entries` for a typed `query`. An empty query returns nothing: the popup shows its
 * browse view instead. Ties are broken by name, so equal results never shuffle between keystrokes.
 */
export function searchGlossary(
  entries: readonly GlossaryEntry[],
  query: string,
  limit: number = DEFAULT_SEARCH_LIMIT,
): SearchResult[] {
  const compactQuery = compact(query);
  if (!compactQuery) return [];
  const queryWords = wordsOf(normalise(query));

  const results: SearchResult[] = [];
  for (const { entry, forms, definitionWords } of indexFor(entries)) {
    let best: SearchResult | undefined;
    for (const form of forms) {
      const match = matchForm(compactQuery, form);
      if (!match) continue;
      const score = TIER_SCORE[match.kind] + FIELD_BONUS[form.field] + match.bonus;
      if (!best || score > best.score) {
        best = { entry, score, matchedOn: form.field, kind: match.kind, form: form.form };
      }
    }
    if (!best) {
      const matchedWords = matchDefinition(queryWords, definitionWords);
      if (matchedWords > 0) {
        best = {
          entry,
          score: TIER_SCORE.definition + matchedWords,
          matchedOn: 'definition',
          kind: 'definition',
          form: entry.short,
        };
      }
    }
    if (best) results.push(best);
  }

  results.sort(
    (a, b) =>
      b.score - a.score ||
      a.entry.name.localeCompare(b.entry.name, 'en', { sensitivity: 'base' }) ||
      a.entry.id.localeCompare(b.entry.id),
  );
  return results.slice(0, limit);
}
