/**
 * Readers' own terms: the one shape they are stored and exported in, and the validator that
 * decides what may enter it. Pure: no browser APIs (storage glue is `storage.ts`), so every rule
 * is table-tested in tests/unit/utils/custom-terms/custom-terms.test.ts.
 *
 * Two ways in, two policies:
 * - an imported file is checked strictly: any problem rejects the whole file, with a message
 *   that says what is wrong and where (`terms[2].definition: 312 characters, at most 280`);
 * - the stored value is read leniently: it never throws, keeps every term that is valid, and
 *   reports what it had to leave out (a hand-edited profile, or a later release that bundles an
 *   entry under a reader's alias).
 */
import { compact, normalise } from '@/glossary/search';
import type { EntryHead, GlossaryEntry } from '@/glossary/types';

export const TERMS_FILE_FORMAT = 'dpi-lens-terms';
export const TERMS_FILE_VERSION = 1;
export const EXPORT_FILE_NAME = 'dpi-lens-terms.json';
/** Every custom id starts with this; no bundled id does (a data test checks), so they never collide. */
export const CUSTOM_ID_PREFIX = 'custom-';

/** The hover card's limit for bundled entries' `short`, for the same reason: it must fit the card. */
export const MAX_DEFINITION_CHARS = 280;
/** A name or alias longer than this is a sentence, not a term. */
export const MAX_FORM_CHARS = 80;
/** Fewer letters or digits than this would highlight "a" or "I" all over a page. */
export const MIN_FORM_LETTERS = 2;
export const MAX_ALIASES = 20;
/** "Why it matters" / "Challenges": a card shows a few points, not an essay. */
export const MAX_POINTS = 10;
export const MAX_POINT_CHARS = 280;
export const MAX_TITLE_CHARS = 200;
/** Longer than any real article address; keeps a pasted data: blob out of storage. */
export const MAX_URL_CHARS = 2000;
/**
 * Every term becomes forms in the page matcher's one pattern; 500 keeps its build well under
 * the bundled glossary's few hundred forms times two (USERS.md #1: 1,200-entry lists froze pages).
 */
export const MAX_CUSTOM_TERMS = 500;
/** 500 full terms are about 400 KB of JSON; a larger file is not a terms file. */
export const MAX_IMPORT_BYTES = 1_000_000;

export interface CustomSource {
  /** http(s) only: it becomes a link in the card. */
  url: string;
  title?: string;
  /** YYYY-MM-DD or YYYY-MM: when the reader checked it. */
  asOf?: string;
}

/** A reader's term as stored and exported. Lists are always present here (empty when unused). */
export interface CustomTerm {
  name: string;
  aliases: string[];
  /** Shown in the card and the popup; at most MAX_DEFINITION_CHARS. */
  definition: string;
  significance: string[];
  challenges: string[];
  source?: CustomSource;
}

export interface TermsFile {
  format: typeof TERMS_FILE_FORMAT;
  version: typeof TERMS_FILE_VERSION;
  terms: CustomTerm[];
}

const TERM_FIELDS = ['name', 'aliases', 'definition', 'significance', 'challenges', 'source'] as const;
const SOURCE_FIELDS = ['url', 'title', 'asOf'] as const;
const FILE_FIELDS = ['format', 'version', 'terms'] as const;

/**
 * What is wrong, as a code the options page turns into words in the UI language
 * (problem-text.ts); `values` fill its blanks (a length, a form, a name).
 */
export type ProblemCode =
  | 'missing'
  | 'empty'
  | 'not-text'
  | 'too-long'
  | 'too-short-form'
  | 'not-list'
  | 'too-many-items'
  | 'unknown-field'
  | 'not-term'
  | 'not-source'
  | 'bad-url'
  | 'bad-date'
  | 'bundled-form'
  | 'form-of-saved'
  | 'form-of-file-term'
  | 'not-terms-file'
  | 'format-missing'
  | 'format-wrong'
  | 'version-missing'
  | 'version-wrong'
  | 'terms-not-list'
  | 'too-many-terms'
  | 'too-many-after-import'
  | 'not-json'
  | 'too-large';

/**
 * A problem with one place in a file: rendered as `path: message` (English, for logs and the
 * saved-terms notice), or in words by the options page from `code`, `values` and `term`.
 */
export interface Problem {
  path: string;
  message: string;
  code?: ProblemCode;
  values?: string[];
  /** The file's term it is about: its position (0-based) and its name when it has a usable one. */
  term?: { index: number; name?: string };
}

export function formatProblem({ path, message }: Problem): string {
  return path ? `${path}: ${message}` : message;
}

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Counted in code points, as a reader counts: a Devanagari letter is one, not two. */
function charCount(text: string): number {
  return [...text].length;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** "Jan Dhan Yojana" -> "custom-jan-dhan-yojana"; "आधार कार्ड" keeps its letters. */
export function customId(name: string): string {
  return CUSTOM_ID_PREFIX + (normalise(name).match(WORD) ?? []).join('-');
}

export function isCustomId(id: string): boolean {
  return id.startsWith(CUSTOM_ID_PREFIX);
}

/**
 * The key under which two forms count as the same: letters and digits only, lower case, Latin
 * accents off (search.ts `compact`). Deliberately wider than the matcher's case rule: "Upi" (any
 * case) would highlight every "UPI", so it collides with it; so do "U.P.I." and "e RUPI".
 */
export function formKey(form: string): string {
  return compact(form);
}

// --- one term ---------------------------------------------------------------------------------

interface Checked<T> {
  value?: T;
  problems: Problem[];
}

function checkText(raw: unknown, path: string, max: number, required: boolean): Checked<string> {
  if (raw === undefined) return required ? { problems: [{ path, message: 'missing', code: 'missing' }] } : { problems: [] };
  if (typeof raw !== 'string') return { problems: [{ path, message: 'expected text', code: 'not-text' }] };
  const text = raw.trim();
  if (!text) return required ? { problems: [{ path, message: 'empty', code: 'empty' }] } : { problems: [] };
  const length = charCount(text);
  if (length > max) {
    return { problems: [{ path, message: `${length} characters, at most ${max}`, code: 'too-long', values: [String(length), String(max)] }] };
  }
  return { value: text, problems: [] };
}

function checkForm(raw: unknown, path: string, required: boolean): Checked<string> {
  const checked = checkText(raw, path, MAX_FORM_CHARS, required);
  if (checked.value !== undefined && formKey(checked.value).length < MIN_FORM_LETTERS) {
    return {
      problems: [
        {
          path,
          message: `"${checked.value}" is too short to highlight (at least ${MIN_FORM_LETTERS} letters or digits)`,
          code: 'too-short-form',
          values: [checked.value, String(MIN_FORM_LETTERS)],
        },
      ],
    };
  }
  return checked;
}

function checkList(
  raw: unknown,
  path: string,
  maxItems: number,
  item: (value: unknown, itemPath: string) => Checked<string>,
): Checked<string[]> {
  if (raw === undefined) return { value: [], problems: [] };
  if (!Array.isArray(raw)) return { problems: [{ path, message: 'expected a list of text', code: 'not-list' }] };
  if (raw.length > maxItems) {
    return { problems: [{ path, message: `${raw.length} items, at most ${maxItems}`, code: 'too-many-items', values: [String(raw.length), String(maxItems)] }] };
  }
  const problems: Problem[] = [];
  const values: string[] = [];
  raw.forEach((value, index) => {
    const checked = item(value, `${path}[${index}]`);
    problems.push(...checked.problems);
    if (checked.value !== undefined) values.push(checked.value);
  });
  return problems.length ? { problems } : { value: values, problems };
}

function unknownFields(raw: Raw, allowed: readonly string[], path: string): Problem[] {
  // Strict, so a typo ("defintion") is reported instead of silently dropping what was under it.
  return Object.keys(raw)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ path, message: `unknown ${path ? '' : 'top-level '}field "${key}"`, code: 'unknown-field' as const, values: [key] }));
}

export function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** YYYY-MM-DD or YYYY-MM, and a real calendar date ("2024-02-30" is not). */
export function isAsOfDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number | undefined];
  if (month < 1 || month > 12) return false;
  if (day === undefined || Number.isNaN(day)) return true;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkSource(raw: unknown, path: string): Checked<CustomSource | undefined> {
  if (raw === undefined || raw === null) return { value: undefined, problems: [] };
  if (!isRecord(raw)) return { problems: [{ path, message: 'expected an object with "url", "title", "asOf"', code: 'not-source' }] };
  const problems = unknownFields(raw, SOURCE_FIELDS, path);
  const url = checkText(raw.url, `${path}.url`, MAX_URL_CHARS, true);
  problems.push(...url.problems);
  if (url.value !== undefined && !isHttpUrl(url.value)) {
    problems.push({ path: `${path}.url`, message: `"${url.value}" is not an http or https address`, code: 'bad-url', values: [url.value] });
  }
  const title = checkText(raw.title, `${path}.title`, MAX_TITLE_CHARS, false);
  problems.push(...title.problems);
  const asOf = checkText(raw.asOf, `${path}.asOf`, MAX_FORM_CHARS, false);
  problems.push(...asOf.problems);
  if (asOf.value !== undefined && !isAsOfDate(asOf.value)) {
    problems.push({ path: `${path}.asOf`, message: `"${asOf.value}" is not a date (YYYY-MM-DD or YYYY-MM)`, code: 'bad-date', values: [asOf.value] });
  }
  if (problems.length) return { problems };
  const source: CustomSource = { url: url.value! };
  if (title.value !== undefined) source.title = title.value;
  if (asOf.value !== undefined) source.asOf = asOf.value;
  return { value: source, problems };
}

/** The shape and field rules of one term (not its collisions with others: see `findCollisions`). */
export function checkTerm(raw: unknown, path: string): Checked<CustomTerm> {
  if (!isRecord(raw)) return { problems: [{ path, message: 'expected an object with at least "name" and "definition"', code: 'not-term' }] };
  const problems = unknownFields(raw, TERM_FIELDS, path);
  const name = checkForm(raw.name, `${path}.name`, true);
  const aliases = checkList(raw.aliases, `${path}.aliases`, MAX_ALIASES, (value, itemPath) =>
    checkForm(value, itemPath, true),
  );
  const definition = checkText(raw.definition, `${path}.definition`, MAX_DEFINITION_CHARS, true);
  const point = (value: unknown, itemPath: string) => checkText(value, itemPath, MAX_POINT_CHARS, true);
  const significance = checkList(raw.significance, `${path}.significance`, MAX_POINTS, point);
  const challenges = checkList(raw.challenges, `${path}.challenges`, MAX_POINTS, point);
  const source = checkSource(raw.source, `${path}.source`);
  for (const checked of [name, aliases, definition, significance, challenges, source]) {
    problems.push(...checked.problems);
  }
  if (problems.length) return { problems };
  const term: CustomTerm = {
    name: name.value!,
    aliases: aliases.value!,
    definition: definition.value!,
    significance: significance.value!,
    challenges: challenges.value!,
  };
  if (source.value) term.source = source.value;
  return { value: term, problems };
}

// --- collisions -------------------------------------------------------------------------------

/** Every form of the bundled glossary by its key: name, Hindi name, expansion, aliases, search-only forms. */
export type BundledForms = ReadonlyMap<string, EntryHead>;

/** Takes entry heads (names and forms only): the content script has no more of the bundled entries. */
export function indexBundledForms(entries: readonly EntryHead[]): BundledForms {
  const forms = new Map<string, EntryHead>();
  for (const entry of entries) {
    const all = [entry.name, entry.nameHi, entry.expansion, ...entry.aliases, ...(entry.searchOnly ?? [])];
    for (const form of all) {
      const key = form ? formKey(form) : '';
      if (key && !forms.has(key)) forms.set(key, entry);
    }
  }
  return forms;
}

/** A term together with where it came from, for messages (`terms[3]`, or "your term" in storage). */
export interface PlacedTerm {
  term: CustomTerm;
  path: string;
  /** Existing saved terms are named in messages as "your term "X"" rather than by a file path. */
  saved?: boolean;
}

export interface Collision extends Problem {
  /** Index into the list given to `findCollisions`. */
  index: number;
  /** -1: the name collides (the term cannot be kept); otherwise the alias at this index. */
  alias: number;
}

function describeOwner(owner: { placed: PlacedTerm; field: string }): string {
  return owner.placed.saved ? `your term "${owner.placed.term.name}"` : `${owner.placed.path}.${owner.field}`;
}

/**
 * Forms that another term already has: a bundled entry (a custom term may not silently shadow
 * one), or an earlier term in the list. Earlier terms win, so a file's order decides which of two
 * duplicates is reported, and saved terms listed first keep their forms against an import.
 */
export function findCollisions(terms: readonly PlacedTerm[], bundled: BundledForms): Collision[] {
  const collisions: Collision[] = [];
  const owners = new Map<string, { placed: PlacedTerm; field: string }>();
  terms.forEach((placed, index) => {
    const forms = [placed.term.name, ...placed.term.aliases];
    forms.forEach((form, position) => {
      const key = formKey(form);
      const alias = position - 1;
      const field = alias < 0 ? 'name' : `aliases[${alias}]`;
      const path = `${placed.path}.${field}`;
      const entry = bundled.get(key);
      if (entry) {
        collisions.push({
          index,
          alias,
          path,
          message: `"${form}" is already a form of the bundled entry "${entry.name}" (${entry.id})`,
          code: 'bundled-form',
          values: [form, entry.name],
        });
        return;
      }
      const owner = owners.get(key);
      if (owner && owner.placed !== placed) {
        const ownerIndex = Number(/^terms\[(\d+)\]/.exec(owner.placed.path)?.[1] ?? -1);
        collisions.push({
          index,
          alias,
          path,
          message: `"${form}" is already used by ${describeOwner(owner)}`,
          ...(owner.placed.saved
            ? { code: 'form-of-saved' as const, values: [form, owner.placed.term.name] }
            : { code: 'form-of-file-term' as const, values: [form, String(ownerIndex + 1), owner.placed.term.name] }),
        });
        return;
      }
      if (!owner) owners.set(key, { placed, field });
    });
  });
  return collisions;
}

// --- files and storage ------------------------------------------------------------------------

/** `errors`: English `path: message` lines; `problems`: the same, for the UI to put in words. */
export type ImportResult = { ok: true; terms: CustomTerm[] } | { ok: false; errors: string[]; problems: Problem[] };

/** The file's name for term `index` (trimmed), when it has a usable one: messages name terms by it. */
export function termNameAt(rawTerms: unknown, index: number): string | undefined {
  const item = Array.isArray(rawTerms) ? (rawTerms[index] as unknown) : undefined;
  const name = isRecord(item) && typeof item.name === 'string' ? item.name.trim() : '';
  return name ? name : undefined;
}

/** Adds `term` (position and name) to problems whose path is inside `terms[N]`. */
export function locateInFile(problems: Problem[], rawTerms: unknown): Problem[] {
  return problems.map((problem) => {
    const match = /^terms\[(\d+)\]/.exec(problem.path);
    if (!match) return problem;
    const index = Number(match[1]);
    const name = termNameAt(rawTerms, index);
    return { ...problem, term: name === undefined ? { index } : { index, name } };
  });
}

function failed(problems: Problem[]): ImportResult {
  return { ok: false, errors: problems.map(formatProblem), problems };
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/** The envelope's rules, shared by files and storage. Undefined: fine. */
function checkEnvelope(raw: unknown): Problem[] {
  if (!isRecord(raw)) {
    return [
      {
        path: '',
        message: `not a DPI Lens terms file: expected an object with "format": "${TERMS_FILE_FORMAT}", "version" and "terms"`,
        code: 'not-terms-file',
      },
    ];
  }
  const problems = unknownFields(raw, FILE_FIELDS, '');
  if (raw.format === undefined) {
    problems.push({ path: 'format', message: `missing (expected "${TERMS_FILE_FORMAT}")`, code: 'format-missing', values: [TERMS_FILE_FORMAT] });
  } else if (raw.format !== TERMS_FILE_FORMAT) {
    problems.push({
      path: 'format',
      message: `expected "${TERMS_FILE_FORMAT}", found ${describeValue(raw.format)}`,
      code: 'format-wrong',
      values: [TERMS_FILE_FORMAT, describeValue(raw.format)],
    });
  }
  if (raw.version === undefined) {
    problems.push({ path: 'version', message: `missing (expected ${TERMS_FILE_VERSION})`, code: 'version-missing', values: [String(TERMS_FILE_VERSION)] });
  } else if (raw.version !== TERMS_FILE_VERSION) {
    problems.push({
      path: 'version',
      message: `${describeValue(raw.version)} is not supported (this version of DPI Lens reads version ${TERMS_FILE_VERSION})`,
      code: 'version-wrong',
      values: [describeValue(raw.version), String(TERMS_FILE_VERSION)],
    });
  }
  if (!Array.isArray(raw.terms)) problems.push({ path: 'terms', message: 'expected a list of terms', code: 'terms-not-list' });
  else if (raw.terms.length > MAX_CUSTOM_TERMS) {
    problems.push({
      path: 'terms',
      message: `${raw.terms.length} terms, at most ${MAX_CUSTOM_TERMS}`,
      code: 'too-many-terms',
      values: [String(raw.terms.length), String(MAX_CUSTOM_TERMS)],
    });
  }
  return problems;
}

/**
 * Reads an imported file's text. All or nothing: any problem and no term is returned, only every
 * problem found (in file order), so a reader can fix the file in one go.
 */
export function parseTermsFile(text: string, bundled: BundledForms): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) {
    const mb = String(MAX_IMPORT_BYTES / 1_000_000);
    return failed([{ path: '', message: `The file is too large for a terms file (at most ${mb} MB).`, code: 'too-large', values: [mb] }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return failed([{ path: '', message: 'The file is not JSON: it could not be read as a DPI Lens terms file.', code: 'not-json' }]);
  }
  const envelope = checkEnvelope(raw);
  if (envelope.length) return failed(envelope);
  const problems: Problem[] = [];
  const placed: PlacedTerm[] = [];
  ((raw as Raw).terms as unknown[]).forEach((item, index) => {
    const checked = checkTerm(item, `terms[${index}]`);
    problems.push(...checked.problems);
    if (checked.value) placed.push({ term: checked.value, path: `terms[${index}]` });
  });
  problems.push(...findCollisions(placed, bundled));
  if (problems.length) return failed(locateInFile(sortByPath(problems), (raw as Raw).terms));
  return { ok: true, terms: placed.map(({ term }) => term) };
}

/** Problems in file order: terms[2] before terms[10], each term's fields as found. */
function sortByPath(problems: Problem[]): Problem[] {
  const indexOf = (path: string) => Number(/^terms\[(\d+)\]/.exec(path)?.[1] ?? -1);
  return problems.map((problem, order) => ({ problem, order }))
    .sort((a, b) => indexOf(a.problem.path) - indexOf(b.problem.path) || a.order - b.order)
    .map(({ problem }) => problem);
}

export interface StoredTerms {
  terms: CustomTerm[];
  /** What could not be kept, as messages for the options page ("1 saved term could not be read"). */
  problems: string[];
  /** Written by a newer release: shown, but never written over by this one. */
  fromNewerVersion: boolean;
}

/**
 * Reads whatever storage holds. Never throws: keeps every valid term, drops an alias that a
 * bundled entry (or an earlier term) now has, drops a term whose name is taken or which is
 * malformed, and reports each.
 */
export function parseStoredTerms(stored: unknown, bundled: BundledForms | (() => BundledForms)): StoredTerms {
  if (stored === undefined || stored === null) return { terms: [], problems: [], fromNewerVersion: false };
  // The bundled forms' index is built only when there are terms to check against it: most readers
  // have none, and every page load reads the stored terms.
  if (typeof bundled === 'function') bundled = bundled();
  if (!isRecord(stored) || !Array.isArray(stored.terms)) {
    return { terms: [], problems: ['Your saved terms could not be read (not a list of terms).'], fromNewerVersion: false };
  }
  const fromNewerVersion = typeof stored.version === 'number' && stored.version > TERMS_FILE_VERSION;
  const problems: string[] = [];
  const placed: PlacedTerm[] = [];
  stored.terms.slice(0, MAX_CUSTOM_TERMS).forEach((item, index) => {
    // A newer release may have added fields: read the ones this release knows.
    const known = fromNewerVersion && isRecord(item) ? pick(item, TERM_FIELDS) : item;
    const checked = checkTerm(known, `terms[${index}]`);
    if (checked.value) placed.push({ term: checked.value, path: `terms[${index}]` });
    else problems.push(...checked.problems.map(formatProblem));
  });
  if (stored.terms.length > MAX_CUSTOM_TERMS) {
    problems.push(`terms: ${stored.terms.length} terms, at most ${MAX_CUSTOM_TERMS}; the rest were left out`);
  }
  const collisions = findCollisions(placed, bundled);
  const dropped = new Set(collisions.filter((c) => c.alias < 0).map((c) => c.index));
  const droppedAliases = new Map<number, Set<number>>();
  for (const collision of collisions) {
    problems.push(formatProblem(collision));
    if (collision.alias >= 0) {
      droppedAliases.set(collision.index, (droppedAliases.get(collision.index) ?? new Set()).add(collision.alias));
    }
  }
  const terms = placed.flatMap(({ term }, index) => {
    if (dropped.has(index)) return [];
    const skip = droppedAliases.get(index);
    return [skip ? { ...term, aliases: term.aliases.filter((_, i) => !skip.has(i)) } : term];
  });
  return { terms, problems, fromNewerVersion };
}

function pick(raw: Raw, keys: readonly string[]): Raw {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => keys.includes(key)));
}

/** The file (and stored value) for a list of terms; empty optional lists are left out for readability. */
export function toTermsFile(terms: readonly CustomTerm[]): TermsFile {
  return {
    format: TERMS_FILE_FORMAT,
    version: TERMS_FILE_VERSION,
    terms: terms.map((term) => {
      const out: Partial<CustomTerm> = { name: term.name };
      if (term.aliases.length) out.aliases = term.aliases;
      out.definition = term.definition;
      if (term.significance.length) out.significance = term.significance;
      if (term.challenges.length) out.challenges = term.challenges;
      if (term.source) out.source = term.source;
      return out as CustomTerm;
    }),
  };
}

export function serializeTermsFile(terms: readonly CustomTerm[]): string {
  return `${JSON.stringify(toTermsFile(terms), null, 2)}\n`;
}

// --- into the glossary's shape ----------------------------------------------------------------

/**
 * A reader's term as a glossary entry, so the matcher, search, card and popup take it like a
 * bundled one. What it cannot honestly claim it leaves empty: no related terms, and no source
 * unless the reader gave one (publisher and date then stay empty rather than invented).
 * `category` is required by the type only: readers' terms belong to no category, and the UI
 * labels them "Your term" by their id (`isCustomId`), never by it.
 */
export function toGlossaryEntry(term: CustomTerm): GlossaryEntry {
  const source = term.source;
  return {
    id: customId(term.name),
    name: term.name,
    aliases: term.aliases,
    category: 'concepts',
    short: term.definition,
    definition: term.definition,
    significance: term.significance,
    challenges: term.challenges,
    related: [],
    sources: source
      ? [{ url: source.url, title: source.title ?? new URL(source.url).hostname, publisher: '', asOf: source.asOf ?? '' }]
      : [],
  };
}
