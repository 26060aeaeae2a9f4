/**
 * Which of the matcher's hits become highlights, by the reader's settings: first mention of each
 * term only (the calm default) and categories switched off. Pure: the highlighter calls the
 * returned filter once per match, in reading order, and wraps only what it accepts.
 */
import type { Matcher } from './matcher';
import type { Category, TermMatch } from './types';

export interface MentionOptions {
  /** 'first': accept only the first match of each term; 'every': accept them all. */
  density: 'first' | 'every';
  /** Matches of entries in these categories are never accepted. */
  disabledCategories: readonly Category[];
}

export type MatchFilter = (match: TermMatch) => boolean;

/** The reader's filter, which can be told that a term's marks are all gone from the page. */
export interface MentionFilter extends MatchFilter {
  /**
   * Forgets that these terms were marked (their marks are gone: the page removed or re-rendered
   * them), so the next occurrence is marked as the first. Returns the ids it had remembered.
   */
  forget(ids: Iterable<string>): string[];
}

export function isMentionFilter(filter: MatchFilter): filter is MentionFilter {
  return typeof (filter as Partial<MentionFilter>).forget === 'function';
}

/**
 * A stateful filter for one page: in 'first' mode it remembers the terms it has accepted, and
 * `alreadyMarked` seeds that memory for a later pass over new content (infinite scroll), so a
 * term marked earlier on the page is not marked again further down.
 */
export function createMentionFilter(
  { density, disabledCategories }: MentionOptions,
  categoryOf: (id: string) => Category | undefined,
  alreadyMarked: Iterable<string> = [],
): MentionFilter {
  const off = new Set(disabledCategories);
  const seen = new Set(alreadyMarked);
  const accept = (match: TermMatch) => {
    const category = categoryOf(match.id);
    if (category !== undefined && off.has(category)) return false;
    if (density === 'every') return true;
    if (seen.has(match.id)) return false;
    seen.add(match.id);
    return true;
  };
  return Object.assign(accept, {
    forget: (ids: Iterable<string>) => [...ids].filter((id) => seen.delete(id)),
  });
}

/** The matches a fresh filter accepts from `matches` (in reading order): for tests and previews. */
export function selectMentions(
  matches: readonly TermMatch[],
  options: MentionOptions,
  categoryOf: (id: string) => Category | undefined,
): TermMatch[] {
  return matches.filter(createMentionFilter(options, categoryOf));
}

/** A matcher whose matches a filter has narrowed; the highlighter may apply `accept` to `base`'s matches. */
export interface FilteredMatcher extends Matcher {
  readonly base: Matcher;
  readonly accept: MatchFilter;
}

/** A matcher whose findAll returns only what `accept` accepts; the pattern is shared. */
export function filterMatcher(base: Matcher, accept: MatchFilter): FilteredMatcher {
  return {
    base,
    accept,
    get pattern() {
      return base.pattern;
    },
    findAll: (text) => base.findAll(text).filter(accept),
    idOf: (text) => base.idOf(text),
  };
}

export function isFilteredMatcher(matcher: Matcher): matcher is FilteredMatcher {
  return 'base' in matcher && 'accept' in matcher;
}
