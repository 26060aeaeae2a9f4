/**
 * The shape of a glossary entry. Entries live in `glossary/entries/<id>.json`, one per file;
 * this file is the single definition of what such a file may contain.
 */

export const CATEGORIES = [
  'identity',
  'payments',
  'data-exchange',
  'commerce',
  'service-delivery',
  'governance-law',
  'concepts',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How a related entry relates to this one, read as "<this entry> <relation> <other entry>". */
export const RELATIONS = [
  'part-of', // UPI part-of india-stack
  'includes', // india-stack includes upi
  'built-on', // aeps built-on aadhaar
  'operated-by', // upi operated-by npci
  'operates', // npci operates upi
  'regulates', // dpdp-act regulates ...
  'regulated-by',
  'alternative-to',
  'see-also',
] as const;
export type Relation = (typeof RELATIONS)[number];

export interface RelatedTerm {
  id: string;
  relation: Relation;
}

export interface Source {
  /** https:// address of the source, preferably primary (the Act, NPCI, UIDAI, MOSIP, MeitY, RBI). */
  url: string;
  title: string;
  publisher: string;
  /** YYYY-MM-DD: the date the facts taken from this source were true/checked. */
  asOf: string;
}

/** A dated change in the entry's facts (bill -> Act -> Rules, a limit raised...). */
export interface HistoryItem {
  date: string; // YYYY-MM-DD or YYYY-MM
  text: string;
}

/**
 * How to tell an ambiguous form of a term from its look-alikes, applied by glossary/senses.ts.
 * Cues are whole words or phrases, case-insensitive; a trailing "*" matches any continuation
 * ("subsid*": subsidy, subsidies). Cues are looked for in the occurrence's sentence (clause).
 */
export interface SenseRules {
  /** The entry's forms that are ambiguous; its other forms (e.g. the full expansion) always count. */
  forms: string[];
  /** Words that confirm the DPI sense in the same sentence ("Jan Dhan", "subsid*"). */
  confirm: string[];
  /** Words that rule it out in the same sentence ("printer", "traffic", "Ruby"). */
  reject: string[];
  /**
   * Other meanings written out ("dots per inch", "deep packet inspection"). Anywhere on a page
   * that never names the term as ours, they rule it out; in the sentence they act as reject cues.
   */
  others?: string[];
  /** RegExp sources (flags "iu") tested on the text just before the occurrence: "\\d[\\d,.]*\\s*$" (600 DPI). */
  rejectBefore?: string[];
  /** RegExp sources (flags "iu") tested on the text just after it: "^\\s+Army" (BHIM Army). */
  rejectAfter?: string[];
  /**
   * RegExp sources (flags "iu") tested on the text just before the occurrence that confirm our sense
   * even when a reject cue or another sense elsewhere on the page speaks against it: a payment verb
   * and "through"/"with" right before it ("paid through DBT", "pay for chai with UPI"), "NBFC-" (AA).
   */
  confirmBefore?: string[];
  /**
   * Forms that are ordinary words of their language ("आभा" = radiance): a cue elsewhere in the
   * sentence or other DPI terms on the page are not enough; only a confirm cue as the very next
   * word ("आभा कार्ड") or the page naming the term as ours keeps them.
   */
  nextWordOnly?: string[];
  /**
   * The form is also an English word (IMPS, GEM, JAM): in an ALL-CAPS sentence its case says
   * nothing, so only a confirm cue in the sentence (or a definition, or the page naming it as ours) keeps it.
   */
  capsWord?: boolean;
  /**
   * The form is also a given name (Abha, Diksha, Umang, Bhim): a title before it ("Dr", "नर्स")
   * or a common surname after it ("Sharma", "यादव") rules it out.
   */
  personalName?: boolean;
  /**
   * Every other sense of the form belongs to another country (Singapore's DEPA trade pact,
   * Australia's myGov, the US Navy's NETC): "India's X" / "Indian X" then marks ours, even in a
   * sentence that also names the other one ("India's DEPA ... not the Digital Economy Partnership
   * Agreement").
   */
  indiaMarksOurs?: boolean;
  /** Whether unambiguous DPI terms elsewhere on the page are enough to keep it (default true). */
  pageEvidence?: boolean;
  /**
   * When no rule applies: "drop" (default) for forms whose other senses are common, "keep" for
   * forms that almost always mean the DPI term and are ruled out only by specific evidence
   * (a news agency dateline "(UPI) --", "Aadhar Housing Finance").
   */
  fallback?: 'keep' | 'drop';
}

export interface GlossaryEntry {
  /** Stable id, kebab-case; readers' saved settings and tests rely on it. Equals the file name. */
  id: string;
  /** The name shown as the card title, e.g. "UPI" or "Aadhaar". */
  name: string;
  /** Hindi name in Devanagari, where one is established. */
  nameHi?: string;
  /** What an acronym stands for, e.g. "Unified Payments Interface". */
  expansion?: string;
  /**
   * Other written forms the matcher looks for besides `name` and `expansion`: spelling
   * variants ("Aadhar"), common misspellings, Devanagari forms ("आधार").
   * Case rule (see glossary/terms.ts): a form with two or more capital letters
   * ("UPI", "GeM", "e-RUPI") must match with exactly that case; any other form
   * ("Aadhaar", "Jan Dhan", "digital divide") matches in any case.
   * `caseOverrides` can force a form either way.
   */
  aliases: string[];
  caseOverrides?: Record<string, 'exact' | 'any'>;
  /** Forms that are listed for search but must never be highlighted on pages. */
  searchOnly?: string[];
  /**
   * Context rules for forms that are also something else ("DPI" = dots per inch, "JAM" = a traffic
   * jam, "आधार" = basis). Without it every highlightable form is highlighted wherever it occurs.
   */
  senses?: SenseRules;
  category: Category;
  /** One or two sentences that fit the hover card (<= 280 characters). */
  short: string;
  /**
   * The same one-line definition in plain newspaper Hindi (Devanagari, the English term in
   * brackets where readers know it so), shown by the card and the popup when the UI is Hindi.
   */
  shortHi?: string;
  /** The longer definition shown in the popup's entry view. */
  definition: string;
  /** "Why it matters": short bullet points. */
  significance: string[];
  /** "Challenges": short bullet points. */
  challenges: string[];
  /** A popular claim that the primary source does not support, and what it does say. */
  misconception?: string;
  related: RelatedTerm[];
  /** At least one; the first is the main (primary) source shown on the card. */
  sources: Source[];
  history?: HistoryItem[];
}

/**
 * The fields matching, the context rules, the mention filter and custom-term checks read: what the
 * content script gets of each entry at startup (glossary/heads.ts); the text comes with the card.
 */
export type EntryHead = Pick<
  GlossaryEntry,
  'id' | 'name' | 'nameHi' | 'expansion' | 'aliases' | 'caseOverrides' | 'searchOnly' | 'senses' | 'category'
>;

/** One occurrence of a term in a piece of text. Offsets are UTF-16 indices into that text. */
export interface TermMatch {
  id: string;
  start: number;
  end: number;
  /** The text as written on the page. */
  text: string;
}

/** What the content script reports to the popup: terms in reading order, with counts. */
export interface PageTerm {
  id: string;
  count: number;
}
