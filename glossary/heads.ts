/**
 * What the content script needs of the glossary before any card opens: each entry's forms, case
 * rules, context rules and category ("heads"), and the combined pattern as data. Computed at build
 * time (scripts/lib/glossary-plugin.mjs calls `buildGlossaryData` on the bundled entries) and
 * imported as `virtual:dpi-lens/glossary-data`, so pages never pay for building the pattern's
 * source, and the entries' text (definitions, sources, history) stays out of the content script.
 * Pure: no DOM.
 */
import { compileMatcherData, type MatcherData } from './matcher';
import { compileTerms } from './terms';
import type { EntryHead, GlossaryEntry } from './types';

export type { EntryHead };

export interface GlossaryData {
  heads: EntryHead[];
  /** The matcher's data for every bundled form (glossary/matcher.ts, the one definition of what matches). */
  matcher: MatcherData;
}

export function headOf(entry: GlossaryEntry): EntryHead {
  const { id, name, nameHi, expansion, aliases, caseOverrides, searchOnly, senses, category } = entry;
  return { id, name, nameHi, expansion, aliases, caseOverrides, searchOnly, senses, category };
}

export function buildGlossaryData(entries: readonly GlossaryEntry[]): GlossaryData {
  return { heads: entries.map(headOf), matcher: compileMatcherData(compileTerms(entries)) };
}
