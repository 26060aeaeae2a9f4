/**
 * Term detection on one piece of text treated as a page: the matcher finds candidates, the sense
 * rules decide the ambiguous ones. Pure: no DOM. The eval runs exactly this; the page layer runs
 * the same two steps with each candidate's block text as its context (entrypoints/content/highlighter.ts).
 */
import { createMatcher, type Matcher } from './matcher';
import { CONTEXT_WINDOW_CHARS, compileSenses, decidePage, isAmbiguous, type Decision, type SenseModel } from './senses';
import { compileTerms } from './terms';
import type { GlossaryEntry, TermMatch } from './types';

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
}

export function createDetector(entries: readonly GlossaryEntry[]): Detector {
  const matcher = createMatcher(compileTerms(entries));
  const senses = compileSenses(entries);
  function decide(text: string): DetectedTerm[] {
    const matches = matcher.findAll(text);
    if (matches.length === 0) return [];
    // Only ambiguous forms read their context; the rules never look further than the window.
    const occurrences = matches.map((match) =>
      isAmbiguous(senses, match)
        ? {
            match,
            before: text.slice(Math.max(0, match.start - CONTEXT_WINDOW_CHARS), match.start),
            after: text.slice(match.end, match.end + CONTEXT_WINDOW_CHARS),
          }
        : { match, before: '', after: '' },
    );
    const decisions = decidePage(senses, occurrences, () => text);
    return matches.map((match, i) => ({ ...match, decision: decisions[i]! }));
  }
  return {
    matcher,
    senses,
    decide,
    detect: (text) => decide(text).filter((term) => term.decision.keep),
  };
}
