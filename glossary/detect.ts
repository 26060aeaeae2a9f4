/**
 * Term detection on one piece of text treated as a page: the matcher finds candidates, the sense
 * rules decide the ambiguous ones. Pure: no DOM. The eval runs exactly this; the page layer runs
 * the same two steps with each candidate's block text as its context (entrypoints/content/page/context-rules.ts).
 */
import { createMatcher, type Matcher } from './matcher';
import {
  CONTEXT_WINDOW_CHARS,
  collectPageSenses,
  compileSenses,
  decideOccurrence,
  isAmbiguous,
  type Decision,
  type Occurrence,
  type PageSenses,
  type SenseModel,
} from './senses';
import { compileTerms } from './terms';
import type { EntryHead, TermMatch } from './types';

export interface DetectedTerm extends TermMatch {
  decision: Decision;
}

export interface Detector {
  readonly matcher: Matcher;
  readonly senses: SenseModel;
  /** Every candidate with its decision, in text order (kept and dropped). */
  decide(text: string): DetectedTerm[];
  /** Only the candidates to highlight. */
  detect(text: string): DetectedTerm[];
  /**
   * Phase 1 alone: what a page's text says as a whole (evidence, definitions, other meanings).
   * `matches`: the text's matches when the caller has them already (default: found here).
   */
  readPage(text: string, matches?: readonly TermMatch[]): PageSenses;
}

/** The occurrences of `matches` in `text`, with context read only for ambiguous forms. */
export function occurrencesIn(senses: SenseModel, text: string, matches: readonly TermMatch[]): Occurrence[] {
  // The rules never look further than the window, so a page-long text stays linear.
  return matches.map((match) =>
    isAmbiguous(senses, match)
      ? {
          match,
          before: text.slice(Math.max(0, match.start - CONTEXT_WINDOW_CHARS), match.start),
          after: text.slice(match.end, match.end + CONTEXT_WINDOW_CHARS),
        }
      : { match, before: '', after: '' },
  );
}

export function createDetector(entries: readonly EntryHead[]): Detector {
  return detectorOf(createMatcher(compileTerms(entries)), compileSenses(entries));
}

/**
 * A detector over an existing matcher and sense model: the content script passes the matcher it
 * highlights with, so a page compiles the combined pattern once.
 */
export function detectorOf(matcher: Matcher, senses: SenseModel): Detector {
  function decide(text: string): DetectedTerm[] {
    const matches = matcher.findAll(text);
    if (matches.length === 0) return [];
    const occurrences = occurrencesIn(senses, text, matches);
    const page = collectPageSenses(senses, occurrences, () => text);
    return occurrences.map((occurrence) => ({
      ...occurrence.match,
      decision: decideOccurrence(senses, occurrence, page),
    }));
  }
  return {
    matcher,
    senses,
    decide,
    detect: (text) => decide(text).filter((term) => term.decision.keep),
    readPage: (text, matches = matcher.findAll(text)) => collectPageSenses(senses, occurrencesIn(senses, text, matches), () => text),
  };
}
