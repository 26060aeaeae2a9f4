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
 * each with its case rule (`caseOverrides` wins over the automatic rule).
 * A form listed twice for the same entry appears once.
 */
export function compileTerms(entries: readonly EntryHead[]): TermForm[] {
  const forms: TermForm[] = [];
  for (const entry of entries) {
    const hidden = new Set((entry.searchOnly ?? []).map((form) => form.trim()));
    const seen = new Set<string>();
    const candidates = [entry.name, entry.expansion, ...entry.aliases];
    for (const candidate of candidates) {
      const text = candidate?.trim();
      if (!text || hidden.has(text) || seen.has(text)) continue;
      seen.add(text);
      const override = entry.caseOverrides?.[text];
      const exactCase = override ? override === 'exact' : isExactCaseForm(text);
      forms.push({ id: entry.id, text, exactCase });
    }
  }
  return forms;
}
