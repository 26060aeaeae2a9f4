/**
 * Turns glossary entries into the written forms the matcher looks for. Pure: no DOM.
 */
import type { EntryHead } from './types';

/** One written form of a term, e.g. { id: 'upi', text: 'UPI', exactCase: true }. */
export interface TermForm {
  id: string;
  text: string;
  /** True: only this exact case matches ("UPI", not "upi"). False: any case matches. */
  exactCase: boolean;
}

/** A word with this many capitals is an acronym or a brand (UPI, GeM, DigiLocker): its case is part of it. */
const CAPITALS_THAT_MAKE_CASE_MEANINGFUL = 2;

/**
 * The case rule of glossary/types.ts, applied per word: a form is exact-case when one of its words
 * has two or more capital letters ("UPI", "UPI Lite", "e-RUPI", "DigiLocker", "JAM Trinity").
 * Counting per word keeps multi-word names such as "Jan Dhan" or "Digital Public Infrastructure"
 * case-insensitive: a headline or a lower-case sentence writes them differently and means the same.
 * Scripts without case (Devanagari) have no capitals, so their forms are never exact-case.
 */
export function isExactCaseForm(text: string): boolean {
  return text
    .split(/\s+/)
    .some((word) => countCapitals(word) >= CAPITALS_THAT_MAKE_CASE_MEANINGFUL);
}

function countCapitals(word: string): number {
  let count = 0;
  for (const char of word) {
    if (char !== char.toLowerCase() && char === char.toUpperCase()) count += 1;
  }
  return count;
}

/**
 * Every highlightable form of every entry: name, expansion and aliases, minus `searchOnly`,
 * each with its case rule (`caseOverrides` wins over the automatic rule), followed by the
 * spellings that real text writes for the same forms (`spellingVariants`).
 * A form listed twice for the same entry appears once.
 */
export function compileTerms(entries: readonly EntryHead[]): TermForm[] {
  const forms: TermForm[] = [];
  for (const entry of entries) {
    const hidden = new Set((entry.searchOnly ?? []).map((form) => form.trim()));
    const seen = new Set<string>();
    const own: TermForm[] = [];
    const candidates = [entry.name, entry.expansion, ...entry.aliases];
    for (const candidate of candidates) {
      const text = candidate?.trim();
      if (!text || hidden.has(text) || seen.has(text)) continue;
      seen.add(text);
      const override = entry.caseOverrides?.[text];
      const exactCase = override ? override === 'exact' : isExactCaseForm(text);
      own.push({ id: entry.id, text, exactCase });
    }
    forms.push(...own);
    for (const variant of spellingVariants(entry, own)) {
      if (hidden.has(variant.text) || seen.has(variant.text)) continue;
      // An any-case form already matches every casing of the variant.
      if (own.some((form) => !form.exactCase && form.text.toLowerCase() === variant.text.toLowerCase())) continue;
      seen.add(variant.text);
      forms.push(variant);
    }
  }
  return forms;
}

/** utils/custom-terms/schema.ts CUSTOM_ID_PREFIX (tests/unit/terms.test.ts keeps them equal). */
const READER_TERM_PREFIX = 'custom-';

/**
 * Spellings of an entry's forms that pages write and the glossary should not have to list one by
 * one (glossary README, "Term detection"):
 * - A hyphenated spelling the entry lists for part of a longer name carries into that name:
 *   with "Jan Dhan" and "Jan-Dhan" listed, "Pradhan Mantri Jan Dhan Yojana" also matches
 *   "Pradhan Mantri Jan-Dhan Yojana".
 * - An "e-"/"e" prefix capitalised at a sentence or headline start: "eSign" -> "ESign",
 *   "e-Sign" -> "E-Sign".
 * - The ALL-CAPS spelling of a mixed-case brand ("RuPay" -> "RUPAY", "DigiLocker" ->
 *   "DIGILOCKER", corpus rule 6: headlines are labelled); not for forms with context rules, not
 *   for single words of three letters or fewer (their capitals are an English word or another
 *   acronym: "GeM" -> "GEM"), nor for acronym plurals ("DPIs", "AAs").
 * (Devanagari ज/फ with or without a nukta are one spelling in the matcher: glossary/matcher.ts.)
 */
export function spellingVariants(entry: EntryHead, own: readonly TermForm[]): TermForm[] {
  const variants: TermForm[] = [];
  // A reader's own term (utils/custom-terms: ids start with CUSTOM_ID_PREFIX) matches as written.
  if (entry.id.startsWith(READER_TERM_PREFIX)) return variants;
  const ambiguous = new Set(entry.senses?.forms ?? []);
  const add = (text: string, exactCase: boolean) => variants.push({ id: entry.id, text, exactCase });
  // Hyphenated spellings of a part: "Jan Dhan" / "Jan-Dhan".
  const spaced = new Map<string, string>();
  for (const form of own) {
    if (!/[-\u2010\u2011]/.test(form.text)) continue;
    const asSpaced = form.text.replace(/[-\u2010\u2011]/gu, ' ');
    if (own.some((other) => other.text === asSpaced)) spaced.set(asSpaced, form.text);
  }
  for (const form of own) {
    for (const [part, hyphenated] of spaced) {
      if (form.text !== part && form.text.includes(part)) add(form.text.replace(part, hyphenated), form.exactCase);
    }
  }
  for (const form of own) {
    if (!form.exactCase || ambiguous.has(form.text)) continue;
    if (/^e(?:[-\u2010\u2011]|\p{Lu})/u.test(form.text)) add(`E${form.text.slice(1)}`, true);
    const upper = form.text.toUpperCase();
    const lowerLetters = form.text.replace(/s$/u, '').match(/\p{Ll}/gu) ?? [];
    const shortWord = !/[\s\-\u2010\u2011]/u.test(form.text) && [...form.text].length <= 3;
    if (upper !== form.text && lowerLetters.length > 0 && !shortWord) add(upper, true);
  }
  return variants;
}
