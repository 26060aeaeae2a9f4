/**
 * Glossary search for the popup: pure ranking, no DOM. Readers type half-remembered names
 * ("adhaar", "digilockr"), spaced or hyphen-free spellings ("e rupi"), expansions ("unified")
 * and Devanagari ("आधार"); every one of those should put the intended entry first.
 *
 * Ranking tiers, best first: exact form (name, alias, acronym, expansion), prefix of a form,
 * prefix of a word in a form, substring of a word, near miss (edit distance, then subsequence),
 * and then the entries that are ABOUT the query's words: a BM25 score over the entry's category,
 * one-line definitions (English and Hindi) and full definition, so "payment" finds BHIM and NEFT
 * (payment systems whose names do not say so) before an entry that mentions payments once.
 * Stop words ("the", "of", "का") are not searched for; a query of stop words alone finds nothing.
 *
 * Hand-written rather than MiniSearch: the form tiers (exact before prefix before typo, acronyms
 * never fuzzed, Devanagari nukta folding) are what readers rely on and MiniSearch's single BM25
 * score cannot express them; the "about" tier over ~90 entries is forty lines of BM25 here.
 */
import type { GlossaryEntry } from './types';

/** Which part of an entry a result matched on ('definition': the entry is about the query's words). */
export type MatchField = 'name' | 'nameHi' | 'expansion' | 'alias' | 'searchOnly' | 'definition';
export type MatchKind = 'exact' | 'prefix' | 'word-prefix' | 'substring' | 'fuzzy' | 'subsequence' | 'definition';

export interface SearchResult {
  entry: GlossaryEntry;
  score: number;
  matchedOn: MatchField;
  kind: MatchKind;
  /** The form as written in the entry (e.g. the alias "Aadhar"), for showing why it matched. */
  form: string;
  /** For an entry found by what it is about: the query's words it is about ("payment"). */
  about?: string[];
}

/** Enough for the popup's list; the full list is one scroll away in "Browse". */
export const DEFAULT_SEARCH_LIMIT = 20;

// Tier bases are far apart so that no bonus inside a tier can lift a result into the next
// (field bonus <= 40, closeness <= 20, aboutness < 30).
const TIER_SCORE: Record<MatchKind, number> = {
  exact: 1000,
  prefix: 800,
  'word-prefix': 700,
  substring: 500,
  fuzzy: 400,
  subsequence: 300,
  definition: 100,
};

/** A near miss of a word the glossary itself uses ranks below every entry about that word. */
const NEAR_MISS_OF_KNOWN_WORD = 0;

/** Within a form tier, an entry about the query's words goes first ("payment": UPI before "Pix payments"). */
const ABOUT_BONUS_MAX = 29;

/**
 * Words that say nothing about a term, in the languages readers type. A query of these alone
 * ("the", "of the", "का") finds nothing; in longer queries they are not looked for in definitions.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'how', 'in', 'into', 'is', 'it', 'its',
  'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'what', 'when', 'which', 'who', 'why',
  'with', 'does', 'do', 'mean', 'means', 'meaning',
  'का', 'के', 'की', 'है', 'हैं', 'में', 'और', 'से', 'को', 'पर', 'क्या', 'यह', 'एक', 'लिए',
]);

/**
 * How much each part of an entry says about what it is, for the "about" score. The category is
 * the strongest signal that an entry is about a word ("payments"), then its names, its one-line
 * definitions, and its full definition (long, so each mention counts for less).
 */
const ABOUT_FIELDS = { category: 3, names: 2.5, short: 1.5, definition: 1 } as const;
type AboutField = keyof typeof ABOUT_FIELDS;
/** BM25's usual constants: term-frequency saturation and length normalisation. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** An "about" result scoring below this share of the best one is noise, not an answer. */
const ABOUT_MIN_SHARE = 0.3;

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
  /** Each field's word stems, for the "about" score. */
  fields: Record<AboutField, string[]>;
}

interface GlossaryIndex {
  entries: IndexedEntry[];
  /** Per field, the average length in words (BM25's length normalisation). */
  averageLength: Record<AboutField, number>;
  /** How many entries contain each stem anywhere (BM25's inverse document frequency). */
  entriesWith: Map<string, number>;
}

/**
 * A word's searchable stem: lower case (already), and an English plural's "s" dropped
 * ("payments" -> "payment", "services" -> "service"), never "ss" ("access") or short words ("ids").
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

const stemsOf = (text: string): string[] => wordsOf(normalise(text)).map(stem);

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
  const names = [entry.name, entry.nameHi, entry.expansion, ...entry.aliases, ...(entry.searchOnly ?? [])];
  const forms: IndexedForm[] = [indexForm('name', entry.name)];
  if (entry.nameHi) forms.push(indexForm('nameHi', entry.nameHi));
  if (entry.expansion) forms.push(indexForm('expansion', entry.expansion));
  for (const alias of entry.aliases) forms.push(indexForm('alias', alias));
  for (const form of entry.searchOnly ?? []) forms.push(indexForm('searchOnly', form));
  return {
    entry,
    forms: forms.filter((form) => form.compact.length > 0),
    fields: {
      category: stemsOf(entry.category.replace(/-/g, ' ')),
      names: stemsOf(names.filter(Boolean).join(' ')),
      short: stemsOf(`${entry.short} ${entry.shortHi ?? ''}`),
      definition: stemsOf(entry.definition),
    },
  };
}

// Normalising every form on every keystroke would be wasted work: the entries array is fixed
// for the popup's lifetime, so its index is built once and kept as long as the array lives.
const indexCache = new WeakMap<readonly GlossaryEntry[], GlossaryIndex>();

function indexFor(entries: readonly GlossaryEntry[]): GlossaryIndex {
  let index = indexCache.get(entries);
  if (!index) {
    const indexed = entries.map(indexEntry);
    const averageLength = {} as Record<AboutField, number>;
    for (const field of Object.keys(ABOUT_FIELDS) as AboutField[]) {
      averageLength[field] = indexed.reduce((sum, e) => sum + e.fields[field].length, 0) / Math.max(1, indexed.length) || 1;
    }
    const entriesWith = new Map<string, number>();
    for (const e of indexed) {
      const seen = new Set(Object.values(e.fields).flat());
      for (const word of seen) entriesWith.set(word, (entriesWith.get(word) ?? 0) + 1);
    }
    index = { entries: indexed, averageLength, entriesWith };
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
  // Within one word ("locker" in DigiLocker), never across two ("the" in "bharaTHEalth").
  if (query.length >= MIN_SUBSTRING_LENGTH && form.words.some((word) => word.includes(query))) {
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

/**
 * How much an entry is about the query's words: BM25 over its fields, each weighted by
 * ABOUT_FIELDS. A word counts where an entry's word equals it or, for words of four letters or
 * more, starts with it ("biometric" finds "biometrics"). An entry about only some of a query's
 * words scores by the square of that share. Returns the score and the words found.
 */
function aboutScore(index: GlossaryIndex, entry: IndexedEntry, words: readonly string[]): { score: number; found: string[] } {
  let score = 0;
  const found: string[] = [];
  const total = index.entries.length;
  for (const word of words) {
    const prefix = word.length >= MIN_DEFINITION_WORD_LENGTH;
    const matches = (candidate: string) => candidate === word || (prefix && candidate.startsWith(word));
    let wordScore = 0;
    for (const field of Object.keys(ABOUT_FIELDS) as AboutField[]) {
      const fieldWords = entry.fields[field];
      const frequency = fieldWords.reduce((n, candidate) => n + (matches(candidate) ? 1 : 0), 0);
      if (frequency === 0) continue;
      const norm = 1 - BM25_B + BM25_B * (fieldWords.length / index.averageLength[field]);
      wordScore += ABOUT_FIELDS[field] * ((frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * norm));
    }
    if (wordScore === 0) continue;
    const having = index.entriesWith.get(word) ?? 1;
    const idf = Math.log(1 + (total - having + 0.5) / (having + 0.5));
    score += wordScore * idf;
    found.push(word);
  }
  // Coordination: an entry about every word of the query beats one about a single word of it.
  return { score: score * (found.length / words.length) ** 2, found };
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
  const queryWords = wordsOf(normalise(query));
  const contentWords = [...new Set(queryWords.filter((word) => !STOP_WORDS.has(word)).map(stem))];
  // "the", "of the", "का": nothing to look for.
  if (contentWords.length === 0) return [];
  const compactQuery = queryWords.join('');
  const index = indexFor(entries);
  // Every word is one the glossary uses ("consent", "payment"): a near miss of some name
  // ("Bharat Connect") is not what the reader meant, so those tiers go below the "about" tier.
  const knownWords = contentWords.every((word) => index.entriesWith.has(word));

  const formResults: SearchResult[] = [];
  const aboutResults: SearchResult[] = [];
  for (const indexed of index.entries) {
    const { entry, forms } = indexed;
    let best: SearchResult | undefined;
    for (const form of forms) {
      const match = matchForm(compactQuery, form);
      if (!match) continue;
      const nearMiss = match.kind === 'fuzzy' || match.kind === 'subsequence';
      const base = nearMiss && knownWords ? NEAR_MISS_OF_KNOWN_WORD : TIER_SCORE[match.kind];
      const score = base + FIELD_BONUS[form.field] + match.bonus;
      if (!best || score > best.score) {
        best = { entry, score, matchedOn: form.field, kind: match.kind, form: form.form };
      }
    }
    const about = aboutScore(index, indexed, contentWords);
    if (best) {
      formResults.push({ ...best, aboutRaw: about.score } as SearchResult & { aboutRaw: number });
    } else if (about.score > 0) {
      aboutResults.push({
        entry,
        score: about.score,
        matchedOn: 'definition',
        kind: 'definition',
        form: entry.short,
        about: about.found,
      });
    }
  }

  // Within a form tier, entries more about the query come first; the bonus stays inside the tier.
  const topFormAbout = Math.max(0, ...formResults.map((r) => (r as SearchResult & { aboutRaw: number }).aboutRaw));
  for (const result of formResults) {
    const raw = (result as SearchResult & { aboutRaw?: number }).aboutRaw ?? 0;
    delete (result as SearchResult & { aboutRaw?: number }).aboutRaw;
    if (topFormAbout > 0) result.score += Math.round((raw / topFormAbout) * ABOUT_BONUS_MAX);
  }
  // "About" results: ranked by relevance, the weakest (a single passing mention) left out.
  const topAbout = Math.max(0, ...aboutResults.map((r) => r.score));
  const relevant = aboutResults
    .filter((r) => r.score >= topAbout * ABOUT_MIN_SHARE)
    .map((r) => ({ ...r, score: TIER_SCORE.definition + Math.round((r.score / topAbout) * 99) / 100 * ABOUT_BONUS_MAX }));

  const results = [...formResults, ...relevant];
  results.sort(
    (a, b) =>
      b.score - a.score ||
      a.entry.name.localeCompare(b.entry.name, 'en', { sensitivity: 'base' }) ||
      a.entry.id.localeCompare(b.entry.id),
  );
  return results.slice(0, limit);
}
