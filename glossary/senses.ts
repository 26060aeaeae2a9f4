/**
 * Decides whether an occurrence of an ambiguous form is the DPI term ("600 DPI scanner" is not;
 * "India's DPI" is). Pure: no DOM. The rules are data (`senses` in glossary/entries/*.json, see
 * SenseRules in ./types.ts); this module only applies them, in one fixed order, and says which
 * rule decided. The eval (scripts/eval.mjs, through `decidePage`) and the page layer
 * (entrypoints/content/page/context-rules.ts) both decide with `decideOccurrence`, so the score the eval
 * prints is the behaviour readers get.
 */
import { cuePattern, nextWordPattern, type CuePattern } from './cues';
import { isExactCaseForm } from './terms';
import type { EntryHead, SenseRules, TermMatch } from './types';

export interface Decision {
  keep: boolean;
  /** Machine name of the rule that decided, e.g. 'reject-cue'; stable for tests and debug views. */
  rule: DecisionRule;
  /** For people: 'rejected: "printer" in the same sentence'. */
  explain: string;
}

export type DecisionRule =
  | 'unambiguous'
  | 'defined-here-as-ours'
  | 'defined-here-otherwise'
  | 'mentioned-as-string'
  | 'confirm-next-word'
  | 'confirm-before'
  | 'india-marks-ours'
  | 'reject-before'
  | 'reject-after'
  | 'person-name'
  | 'reject-cue'
  | 'page-other-sense'
  | 'page-defines-ours'
  | 'confirm-cue'
  | 'all-caps-word'
  | 'ordinary-word'
  | 'page-evidence'
  | 'default-keep'
  | 'no-evidence';

/** One occurrence with the text of its block (paragraph, list item, cell) around it. */
export interface Occurrence {
  match: TermMatch;
  /** Block text before the occurrence (only needed for ambiguous forms; the page layer reads it lazily). */
  before: string;
  after: string;
}

/**
 * Unambiguous DPI terms elsewhere on the page that make an ambiguous one count without a cue in
 * its own sentence. One is enough: a page that mentions Aadhaar or UPI is about Indian public
 * systems, and the sentence-level reject rules (numbers before "DPI", "therapy", "traffic") run
 * first, so evidence only decides occurrences that nothing in their sentence speaks against.
 */
export const MIN_PAGE_EVIDENCE = 1;
/**
 * How much block text around an occurrence the rules read. A sentence is rarely longer; bounding it
 * keeps a page-long text node (or the eval's whole passage) linear instead of quadratic.
 */
export const CONTEXT_WINDOW_CHARS = 400;
/** The end of `before` that rules anchored at its end read ("600 ", "Dr. ", "European "). */
const TAIL_CHARS = 60;
/** How far around an occurrence to look for a definition like "Department of Biotechnology (DBT)". */
const DEFINITION_WINDOW_CHARS = 100;
/** Small words skipped when checking that an expansion's initials spell an acronym ("Department of Public Instruction"). */
const STOP_WORDS = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'to', 'a', 'an', '&', 'de', 'da', 'du']);
/** Abbreviations whose full stop does not end a sentence ("Rs. 500", "Dr. Abha", "U.S. Navy"). */
const ABBREVIATIONS = new Set([
  'rs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'shri', 'smt', 'st', 'sr', 'jr', 'vs', 'no', 'nos', 'vol',
  'fig', 'approx', 'govt', 'dept', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'etc', 'viz', 'cf', 'al',
]);
/**
 * "India's DEPA", "Indian NETC": for entries whose other senses all belong to other countries
 * (`indiaMarksOurs`), this says which one is meant, whatever else the sentence names.
 */
const INDIA_BEFORE = /(?<![\p{L}\p{M}])(?:India['\u2019]s|Indian)\s+$/u;
/**
 * Between an occurrence and the word after it: a space or a hyphen ("BHIM app", "Aadhaar-linked"),
 * after a closing quote when the name is quoted ("the 'Bhim' app", "“BHIM” ऐप").
 */
const NEXT_WORD_GAP = /^['\u2019"\u201D]?[\s\-\u2010\u2011\u2013]+/u;

/** Words that show a string is being talked about rather than used: 'both meanings of "DBT"'. */
const METALINGUISTIC = /(?<![\p{L}\p{N}])(?:meanings?|means|mean|stands?\s+for|acronyms?|abbreviations?|abbreviated|letters|spell(?:s|ed|ing)?)(?![\p{L}\p{N}])/iu;

/**
 * A given name is announced by a title or followed by a surname. Short, common lists on purpose:
 * they only apply to forms marked `personalName`, and a miss falls through to the cue rules.
 */
const NAME_TITLE_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?:Mr|Mrs|Ms|Miss|Dr|Prof|Shri|Smt|Sushri|Kumari|nurse|teacher|actor|actress|student|daughter|sister|doctor|named|नर्स|शिक्षिका|शिक्षक|डॉ|श्रीमती|सुश्री|श्री|कुमारी|बेटी|बहन|छात्रा|छात्र|नाम)\.?\s+$`,
  'iu',
);
const SURNAME_AFTER = new RegExp(
  String.raw`^\s+(?:Sharma|Verma|Yadav|Singh|Gupta|Rao|Kumar|Kumari|Patel|Reddy|Nair|Iyer|Joshi|Mehta|Shah|Jain|Das|Mishra|Pandey|Tiwari|Chauhan|Thakur|Agarwal|Saxena|Kapoor|Malhotra|Sinha|Chaudhary|Bose|Ghosh|Mukherjee|Banerjee|Pillai|Menon|Khan|Devi|शर्मा|वर्मा|यादव|सिंह|गुप्ता|राव|कुमार|कुमारी|पटेल|जोशी|मिश्रा|पांडे|तिवारी|चौहान|ठाकुर|अग्रवाल|सक्सेना|सिन्हा|चौधरी|दास|जैन|शाह|देवी)(?![\p{L}\p{M}])`,
  'iu',
);


/** The cue patterns of one entry: built on first read (see `compileSenses`). */
interface CuePatterns {
  confirm: CuePattern | undefined;
  /** A confirm cue as the very next word: the noun the term modifies ("BHIM app", "जन धन खातों"). */
  confirmNext: CuePattern | undefined;
  reject: CuePattern | undefined;
  /** Other meanings written out ("dots per inch"): on the page, they speak against our sense. */
  others: CuePattern | undefined;
  rejectBefore: RegExp[];
  rejectAfter: RegExp[];
  /** A payment verb and "through"/"with" right before it ("paid through DBT"): outranks reject cues. */
  confirmBefore: RegExp[];
  /** The entry's unambiguous forms (expansion, full names): their presence on a page is ours. */
  ours: { test(text: string): boolean };
}

interface CompiledSense extends Readonly<CuePatterns> {
  entry: EntryHead;
  rules: SenseRules;
  /** Normalised ambiguous forms (see `formKey`). */
  forms: Array<{ key: string; exactCase: boolean; acronym: string | undefined }>;
}

export interface SenseModel {
  readonly byId: ReadonlyMap<string, CompiledSense>;
  /** Ids of the entries whose cue patterns have been built so far (they are built on first use). */
  readonly cuesBuilt: ReadonlySet<string>;
}

/**
 * Devanagari writes a nasal before a consonant either as anusvara or as a half letter
 * ("इंफ्रास्ट्रक्चर" / "इन्फ्रास्ट्रक्चर", "उमंग" / "उमन्ग"): the matcher accepts both
 * (glossary/matcher.ts), so forms compare in the anusvara spelling.
 */
export function foldDevanagariNasals(text: string): string {
  return text.replace(/[नमणङञ]\u094D(?=[\u0915-\u0939\u0958-\u095F])/gu, '\u0902');
}

/**
 * ज/फ with a nukta, either encoding, read as the plain letter; ॉ typed as ा + ॅ read as ॉ; र with a
 * virama before a consonant read as र (glossary/matcher.ts accepts all of these spellings).
 */
function foldNukta(text: string): string {
  return text
    .replace(/\u095B/gu, 'ज')
    .replace(/\u095E/gu, 'फ')
    .replace(/([जफ])\u093C/gu, '$1')
    .replace(/\u093E\u0945/gu, '\u0949')
    .replace(/र\u094D(?=[\u0915-\u0939\u0958-\u095F])/gu, 'र');
}

/** Case-folds and flattens spaces/hyphens/dashes so "Digi Locker"/"digi-locker" compare equal. */
function formKey(text: string, exactCase: boolean): string {
  const flat = foldNukta(foldDevanagariNasals(text.replace(/[\s\-\u2010\u2011\u2013\u2014]+/gu, ' ').trim()));
  return exactCase ? flat : flat.toLowerCase();
}

/** Finds any of the forms with the matcher's case rule: "GeM" must not find "GEM detectors". */
function formsPattern(entry: EntryHead, forms: readonly string[]): { test(text: string): boolean } {
  const exact = forms.filter((form) => (entry.caseOverrides?.[form] ?? (isExactCaseForm(form) ? 'exact' : 'any')) === 'exact');
  const patterns = [cuePattern(exact, true), cuePattern(forms.filter((form) => !exact.includes(form)))];
  return { test: (text) => patterns.some((pattern) => pattern?.test(text) ?? false) };
}

/** The capital letters of an acronym form ("DPIs" -> "DPI"); undefined for words and other scripts. */
function acronymOf(form: string): string | undefined {
  const letters = form.replace(/s$/, '');
  return /^[A-Z]{2,6}$/.test(letters) ? letters : undefined;
}

function buildCues(entry: EntryHead, rules: SenseRules): CuePatterns {
  // A form is ours-on-the-page only if it is not an ambiguous form in another spelling: not its
  // acronym plural ("DPIs" beside "DPI": gaming mice have DPIs too) and not the same words in
  // another case ("Digital Locker" beside an ambiguous "digital locker").
  const ambiguousKeys = new Set(rules.forms.map((form) => formKey(form, false)));
  const isAmbiguousSpelling = (form: string): boolean => {
    const key = formKey(form, false);
    return ambiguousKeys.has(key) || (acronymOf(form) !== undefined && ambiguousKeys.has(key.replace(/s$/, '')));
  };
  const oursForms = [entry.name, entry.expansion, ...entry.aliases].filter(
    (form): form is string => !!form && !isAmbiguousSpelling(form) && !(entry.searchOnly ?? []).includes(form),
  );
  return {
    confirm: cuePattern(rules.confirm),
    confirmNext: nextWordPattern(rules.confirm, NEXT_WORD_GAP),
    reject: cuePattern(rules.reject),
    others: cuePattern(rules.others ?? []),
    rejectBefore: (rules.rejectBefore ?? []).map((source) => new RegExp(source, 'iu')),
    rejectAfter: (rules.rejectAfter ?? []).map((source) => new RegExp(source, 'iu')),
    confirmBefore: (rules.confirmBefore ?? []).map((source) => new RegExp(source, 'iu')),
    ours: formsPattern(entry, oursForms),
  };
}

/**
 * The sense model. Only the ambiguous forms' keys are computed here (every match is checked
 * against them); an entry's cue patterns are built the first time one of its ambiguous
 * occurrences is decided, so a page without ambiguous matches builds none (they were about
 * 100 ms of the article's cold start in the bench traces).
 */
export function compileSenses(entries: readonly EntryHead[]): SenseModel {
  const byId = new Map<string, CompiledSense>();
  const cuesBuilt = new Set<string>();
  for (const entry of entries) {
    const rules = entry.senses;
    if (!rules || rules.forms.length === 0) continue;
    let cues: CuePatterns | undefined;
    const get = (): CuePatterns => {
      if (!cues) {
        cues = buildCues(entry, rules);
        cuesBuilt.add(entry.id);
      }
      return cues;
    };
    byId.set(entry.id, {
      entry,
      rules,
      forms: rules.forms.map((form) => {
        const exactCase = entry.caseOverrides?.[form]
          ? entry.caseOverrides[form] === 'exact'
          : isExactCaseForm(form);
        return { key: formKey(form, exactCase), exactCase, acronym: acronymOf(form) };
      }),
      get confirm() { return get().confirm; },
      get confirmNext() { return get().confirmNext; },
      get reject() { return get().reject; },
      get others() { return get().others; },
      get rejectBefore() { return get().rejectBefore; },
      get rejectAfter() { return get().rejectAfter; },
      get confirmBefore() { return get().confirmBefore; },
      get ours() { return get().ours; },
    });
  }
  return { byId, cuesBuilt };
}

/** The sense rules that apply to this match, or undefined when the written form is unambiguous. */
export function senseOf(model: SenseModel, match: TermMatch): CompiledSense | undefined {
  const sense = model.byId.get(match.id);
  if (!sense) return undefined;
  for (const form of sense.forms) {
    const text = formKey(match.text, form.exactCase);
    // Acronym plurals ("DPIs", "AAs") are matched by the same form.
    if (text === form.key || (form.acronym && text === `${form.key}s`)) return sense;
    // Plurals of multi-word names (glossary/matcher.ts pluralOf): "data protection boards".
    if (!form.exactCase && form.key.includes(' ') && text.replace(/(?:ies|e?s)$/, '') === form.key.replace(/y$/, '').replace(/s$/, '')) return sense;
  }
  return undefined;
}

function isExactCaseMatch(sense: CompiledSense, match: TermMatch): boolean {
  return sense.forms.some((form) => form.exactCase && formKey(match.text, true).replace(/s$/, '') === form.key.replace(/s$/, ''));
}

export function isAmbiguous(model: SenseModel, match: TermMatch): boolean {
  return senseOf(model, match) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Sentences

/** True when the "." at `text[dot]` ends an abbreviation or an initial, not a sentence. */
function isAbbreviationDot(text: string, dot: number): boolean {
  const token = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (!token) return false; // "in 2023." ends a sentence; "3.5" never reaches here (no space after)
  const bare = token.replace(/^\.+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  // Initials and dotted abbreviations: "U.S.", "J.", "e.g".
  return /^(?:\p{L}\.)*\p{L}$/u.test(token) && token.replace(/\./g, '').length <= 3 && /\p{Lu}/u.test(token);
}

/** Sentence (clause) ends: . ! ? ; the Devanagari danda and double danda, and line breaks. */
const BOUNDARY = /[.!?;।॥]+(?=[\s"'”’)\]]|$)|\n/gu;

function boundaries(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(BOUNDARY)) {
    if (m[0] === '.' && isAbbreviationDot(text, m.index)) continue;
    found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The part of `before` and `after` that belongs to the occurrence's sentence (clause). */
export function sentenceAround(before: string, after: string): { before: string; after: string } {
  const starts = boundaries(before);
  const start = starts.length ? starts[starts.length - 1]!.end : 0;
  const end = boundaries(after)[0]?.start ?? after.length;
  return { before: before.slice(start), after: after.slice(0, end) };
}

// ---------------------------------------------------------------------------------------------
// Definitions: "Digital Public Infrastructure (DPI)", "DBT (dialectical behaviour therapy)",
// "the Department of Biotechnology, or DBT", "JAM stands for Jan Dhan, Aadhaar and mobile".

type DefinitionSense = 'ours' | 'other' | undefined;

function words(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}&']+/u)
    .filter(Boolean)
    .filter((word) => !STOP_WORDS.has(word.toLowerCase()));
}

/** Whether the last (or first) words of `text` have initials spelling `acronym`. */
function initialsFit(text: string, acronym: string, from: 'end' | 'start'): boolean {
  const list = words(text);
  const n = acronym.length;
  if (list.length < n) return false;
  const chosen = from === 'end' ? list.slice(-n) : list.slice(0, n);
  return chosen.map((w) => w[0]!.toUpperCase()).join('') === acronym.toUpperCase();
}

/**
 * The words of `text` that spell `acronym` with their initials, at its end ("... should not be
 * confused with the Digital Economy Partnership Agreement" -> "Digital Economy Partnership
 * Agreement"), or undefined when they do not fit.
 */
function spelledAtEnd(text: string, acronym: string): string | undefined {
  const found = [...text.matchAll(/[\p{L}\p{N}&']+/gu)].filter((m) => !STOP_WORDS.has(m[0].toLowerCase()));
  const chosen = found.slice(-acronym.length);
  if (chosen.length < acronym.length) return undefined;
  if (chosen.map((m) => m[0][0]!.toUpperCase()).join('') !== acronym.toUpperCase()) return undefined;
  return text.slice(chosen[0]!.index);
}

function classify(sense: CompiledSense, definition: string, acronym: string | undefined, from: 'end' | 'start'): DefinitionSense {
  // "X Y Z (XYZ)": the expansion is the words right before the parenthesis; cues earlier in the
  // sentence are about something else ("India's DEPA, a consent architecture, is not the Digital
  // Economy Partnership Agreement (DEPA)").
  const spelled = acronym && from === 'end' ? spelledAtEnd(definition, acronym) : undefined;
  if (spelled) return sense.ours.test(spelled) || sense.confirm?.test(spelled) ? 'ours' : 'other';
  if (sense.ours.test(definition) || sense.confirm?.test(definition)) return 'ours';
  if (sense.others?.test(definition)) return 'other';
  if (acronym && initialsFit(definition, acronym, from)) return 'other';
  return undefined;
}

/** The definition written right at the occurrence, if any, and whose it is. */
function localDefinition(sense: CompiledSense, occurrence: Occurrence, page?: PageSenses): LocalDefinition {
  const cached = page?.definitions.get(occurrence);
  if (cached) return cached;
  const found = findLocalDefinition(sense, occurrence);
  page?.definitions.set(occurrence, found);
  return found;
}

interface LocalDefinition {
  sense: DefinitionSense;
  text: string;
}

function findLocalDefinition(sense: CompiledSense, occurrence: Occurrence): LocalDefinition {
  const before = occurrence.before.slice(-DEFINITION_WINDOW_CHARS);
  const after = occurrence.after.slice(0, DEFINITION_WINDOW_CHARS);
  const acronym = acronymOf(occurrence.match.text);
  const candidates: Array<[string, 'end' | 'start']> = [];
  // "<expansion> (DPI)" and "<expansion>, or DBT": only worth a look-behind when the text after fits.
  if (/^\s*\)/.test(after)) {
    const parenBefore = /([^().;:]+?)\s*\(\s*$/u.exec(before);
    if (parenBefore) candidates.push([parenBefore[1]!, 'end']);
  }
  if (/^\s*[,)]/.test(after) && /\sor\s+(?:the\s+)?$/iu.test(before)) {
    const orBefore = /([^().;:,]+?),?\s+or\s+(?:the\s+)?$/iu.exec(before);
    if (orBefore) candidates.push([orBefore[1]!, 'end']);
  }
  const parenAfter = /^\s*\(([^()]+)\)/u.exec(after);
  if (parenAfter) candidates.push([parenAfter[1]!, 'start']);
  const orAfter = /^,\s+or\s+([^,.;()]+)/iu.exec(after);
  if (orAfter) candidates.push([orAfter[1]!, 'start']);
  const standsFor = /^\s+(?:stands\s+for|is\s+short\s+for|short\s+for|means)\s+([^.;]+)/iu.exec(after);
  if (standsFor) candidates.push([standsFor[1]!, 'start']);
  // "BHIM यानी Bharat Interface for Money", "UPI, i.e. the Unified Payments Interface", and the
  // other way round, "यूनिफाइड पेमेंट्स इंटरफेस यानी UPI": "यानी"/"अर्थात" (that is) introduce an
  // expansion or a gloss as surely as parentheses do.
  const thatIsAfter = /^,?\s+(?:यानी|यानि|अर्थात्?|i\.\s?e\.,?)\s+([^,.;()।]+)/iu.exec(after);
  if (thatIsAfter) candidates.push([thatIsAfter[1]!, 'start']);
  const thatIsBefore = /([^().;:,।]+?),?\s+(?:यानी|यानि|अर्थात्?|i\.\s?e\.,?)\s+$/iu.exec(before);
  if (thatIsBefore) candidates.push([thatIsBefore[1]!, 'end']);
  for (const [text, from] of candidates) {
    const verdict = classify(sense, text, acronym, from);
    if (verdict) return { sense: verdict, text: text.trim() };
  }
  return { sense: undefined, text: '' };
}

// ---------------------------------------------------------------------------------------------
// Page context and the decision

/** What the whole page says about each ambiguous entry, collected before any occurrence is decided. */
export interface PageSenses {
  /** Unambiguous DPI matches on the page (from content the reader reads, not navigation). */
  evidence: number;
  /** Per entry id: how often the page defines/names it as ours, and as something else. */
  byId: Map<string, { ours: number; other: number; otherText?: string }>;
  /** Ambiguous occurrences counted in `evidence`: an occurrence is never evidence for itself. */
  selfEvident: Set<Occurrence>;
  /** Definitions found at each occurrence in phase 1, reused in phase 2. */
  definitions: Map<Occurrence, LocalDefinition>;
}

function quoted(occurrence: Occurrence): boolean {
  return /["“‘']\s*$/u.test(occurrence.before) && /^\s*["”’']/u.test(occurrence.after);
}

/** An ALL-CAPS sentence (a headline): at least two other capitalised words and no lower-case letter. */
function allCaps(sentenceText: string, term: string): boolean {
  const rest = sentenceText.replace(term, ' ');
  return !/\p{Ll}/u.test(rest) && (rest.match(/\p{Lu}{2,}/gu)?.length ?? 0) >= 2;
}

const keep = (rule: DecisionRule, explain: string): Decision => ({ keep: true, rule, explain });
const drop = (rule: DecisionRule, explain: string): Decision => ({ keep: false, rule, explain });

function firstMatch(pattern: CuePattern | undefined, text: string): string | undefined {
  return pattern?.exec(text)?.[0];
}

/**
 * The decision for one occurrence, in a fixed order: the first rule that applies decides.
 * 1 unambiguous form; 2 a definition at the occurrence; 3 a string talked about, not used;
 * 4 a confirm cue as the very next word, the noun it modifies ("BHIM app", "आधार कार्ड"): the
 * strongest local evidence, so it outranks everything below; 5 rejectBefore/rejectAfter, then a
 * person's name (title before, surname after); 5b a payment verb and "through"/"with" right before
 * it (`confirmBefore`: "paid through DBT"); 6 "India's X" where every other sense is foreign
 * (`indiaMarksOurs`); 7 a reject cue (or another meaning written out) in the sentence; 8 the page
 * gives it only another meaning; 9 the page names it as ours (then a `nextWordOnly` form, an
 * ordinary word, is dropped); 10 a confirm cue in the sentence (then a `capsWord` form in an
 * ALL-CAPS sentence is dropped); 11 enough unambiguous DPI terms on the page; 12 the entry's fallback.
 */
export function decideOccurrence(model: SenseModel, occurrence: Occurrence, page: PageSenses): Decision {
  const sense = senseOf(model, occurrence.match);
  if (!sense) return keep('unambiguous', `"${occurrence.match.text}" has no other common meaning`);
  const { rules } = sense;
  const term = occurrence.match.text;

  const local = localDefinition(sense, occurrence, page);
  if (local.sense === 'ours') return keep('defined-here-as-ours', `defined here as ours: "${local.text}"`);
  if (local.sense === 'other') return drop('defined-here-otherwise', `defined here as "${local.text}"`);

  const sentence = sentenceAround(occurrence.before, occurrence.after);
  const sentenceText = `${sentence.before} ${sentence.after}`;
  if (quoted(occurrence) && METALINGUISTIC.test(sentenceText)) {
    return drop('mentioned-as-string', `"${term}" is quoted and talked about as a word`);
  }

  const next = sense.confirmNext?.exec(occurrence.after)?.[0].replace(NEXT_WORD_GAP, '');
  if (next) return keep('confirm-next-word', `confirmed: "${next}" right after it`);

  const tail = occurrence.before.slice(-TAIL_CHARS);
  const before = sense.rejectBefore.find((re) => re.test(tail));
  if (before) return drop('reject-before', `rejected: text before matches /${before.source}/`);
  const after = sense.rejectAfter.find((re) => re.test(occurrence.after));
  if (after) return drop('reject-after', `rejected: text after matches /${after.source}/`);

  if (rules.personalName) {
    if (NAME_TITLE_BEFORE.test(tail)) return drop('person-name', 'a title before it: a person\'s name');
    if (SURNAME_AFTER.test(occurrence.after)) return drop('person-name', 'a surname after it: a person\'s name');
  }

  const confirmBefore = sense.confirmBefore.find((re) => re.test(tail));
  if (confirmBefore) return keep('confirm-before', `confirmed: text before matches /${confirmBefore.source}/`);

  if (rules.indiaMarksOurs && INDIA_BEFORE.test(tail)) {
    return keep('india-marks-ours', `"India's ${term}": its other senses are other countries'`);
  }

  const rejectCue = firstMatch(sense.reject, sentenceText) ?? firstMatch(sense.others, sentenceText);
  if (rejectCue) return drop('reject-cue', `rejected: "${rejectCue}" in the same sentence`);

  const onPage = page.byId.get(occurrence.match.id) ?? { ours: 0, other: 0 };
  if (onPage.other > 0 && onPage.ours === 0) {
    return drop('page-other-sense', `the page uses "${term}" as "${onPage.otherText ?? 'something else'}", never as ours`);
  }
  if (onPage.ours > 0) return keep('page-defines-ours', `the page names or defines "${term}" as ours`);
  if (rules.nextWordOnly?.some((form) => formKey(form, false) === formKey(term, false))) {
    return drop('ordinary-word', `"${term}" is also an ordinary word: only a confirm cue right after it counts`);
  }

  const confirmCue = firstMatch(sense.confirm, sentenceText);
  if (confirmCue) return keep('confirm-cue', `confirmed: "${confirmCue}" in the same sentence`);
  if (rules.capsWord && allCaps(sentenceText, term)) {
    return drop('all-caps-word', `"${term}" in an ALL-CAPS sentence may be the English word; no confirm cue`);
  }

  const evidence = page.evidence - (page.selfEvident.has(occurrence) ? 1 : 0);
  if ((rules.pageEvidence ?? true) && evidence >= MIN_PAGE_EVIDENCE) {
    return keep('page-evidence', `${evidence} other DPI term(s) on the page`);
  }
  if (rules.fallback === 'keep') return keep('default-keep', `no cue either way; "${term}" usually means the DPI term`);
  return drop('no-evidence', `no cue in the sentence and no DPI terms on the page`);
}

/** A page that says nothing: for deciding an occurrence on its own sentence alone. */
const NO_PAGE: PageSenses = { evidence: 0, byId: new Map(), selfEvident: new Set(), definitions: new Map() };
/** Decisions made from the occurrence's own sentence that make it count as page evidence. */
const SELF_EVIDENT_RULES = new Set<DecisionRule>([
  'defined-here-as-ours', 'confirm-next-word', 'confirm-before', 'india-marks-ours', 'confirm-cue', 'default-keep',
]);
/**
 * Decisions from the occurrence's own text that name another organisation or thing outright (a
 * wire dateline "(UPI) --", "DPG Media", "600 DPI"): for an acronym (an exact-case form), the page
 * uses the string that way. Not for case-free forms such as "आधार": "के आधार पर" (on the basis of)
 * is an everyday phrase on pages about Aadhaar too.
 */
const OTHER_SENSE_RULES = new Set<DecisionRule>(['reject-before', 'reject-after']);

/** Collects page-level evidence and definitions (phase 1 of `decidePage`). */
export function collectPageSenses(
  model: SenseModel,
  occurrences: readonly Occurrence[],
  pageText: () => string,
): PageSenses {
  const page: PageSenses = { evidence: 0, byId: new Map(), selfEvident: new Set(), definitions: new Map() };
  const ambiguousIds = new Set<string>();
  for (const occurrence of occurrences) {
    const sense = senseOf(model, occurrence.match);
    if (!sense) {
      page.evidence += 1;
      continue;
    }
    ambiguousIds.add(sense.entry.id);
    // An ambiguous occurrence that its own sentence settles as ours ("UPI" with no sign of the news
    // agency, "JAM" beside "subsidy") is evidence too: on many pages "UPI" is the only DPI term.
    const alone = decideOccurrence(model, occurrence, NO_PAGE);
    if (alone.keep && SELF_EVIDENT_RULES.has(alone.rule)) {
      page.evidence += 1;
      page.selfEvident.add(occurrence);
    }
    if (OTHER_SENSE_RULES.has(alone.rule) && isExactCaseMatch(sense, occurrence.match)) {
      const counts = page.byId.get(sense.entry.id) ?? { ours: 0, other: 0 };
      counts.other += 1;
      counts.otherText ??= `${occurrence.match.text}${occurrence.after.slice(0, 20)}`.trim();
      page.byId.set(sense.entry.id, counts);
    }
    const local = localDefinition(sense, occurrence, page);
    if (!local.sense) continue;
    const counts = page.byId.get(sense.entry.id) ?? { ours: 0, other: 0 };
    counts[local.sense] += 1;
    if (local.sense === 'other') counts.otherText ??= local.text;
    page.byId.set(sense.entry.id, counts);
  }
  // Other meanings written out anywhere ("Deep packet inspection is also how ...") and the entry's
  // own unambiguous names: read from the page text only when an ambiguous form was found.
  if (ambiguousIds.size > 0) {
    const text = pageText();
    for (const id of ambiguousIds) {
      const sense = model.byId.get(id)!;
      const counts = page.byId.get(id) ?? { ours: 0, other: 0 };
      const other = firstMatch(sense.others, text);
      if (other) {
        counts.other += 1;
        counts.otherText ??= other;
      }
      if (sense.ours.test(text)) counts.ours += 1;
      page.byId.set(id, counts);
    }
  }
  return page;
}

/**
 * Decides every occurrence on one page, in two phases: what the page says as a whole (evidence,
 * definitions, other meanings), then each occurrence. Returns one decision per occurrence, same order.
 * `pageText` is called at most once, and only when an ambiguous form occurs.
 */
export function decidePage(
  model: SenseModel,
  occurrences: readonly Occurrence[],
  pageText: () => string,
): Decision[] {
  const page = collectPageSenses(model, occurrences, pageText);
  return occurrences.map((occurrence) => decideOccurrence(model, occurrence, page));
}
