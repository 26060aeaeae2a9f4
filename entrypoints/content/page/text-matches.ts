/**
 * One run of the matcher per text node, shared by the live highlighter's scan and the page-sense
 * filter's reading of the whole page (context-rules.ts), which happens at the first ambiguous form,
 * part-way through the scan. Until then the scan remembers what it matched (`scanned`); the reading
 * takes those and leaves what it matched itself for the scan (`read`). What the scan remembered is
 * dropped once the page has been read, and everything when a pass completes.
 */
import type { Matcher } from '@/glossary/matcher';
import { isFilteredMatcher, type MatchFilter } from '@/glossary/mention-filter';
import type { TermMatch } from '@/glossary/types';

interface Matched {
  data: string;
  matches: TermMatch[];
}

export interface SharedMatches {
  /** The scan's matches for `node`: the highlighter's matcher, including the reader's mention filter. */
  forScan(node: Text): TermMatch[];
  /** The page reading's matches for `node`: the unfiltered matcher. */
  forReading(node: Text): TermMatch[];
  /** Call after each scanned node's matches were filtered: if the page was read meanwhile, stop remembering. */
  afterVisit(): void;
  /** A pass completed: forget everything. */
  passDone(): void;
  /** The page will be read again (a client-side navigation): remember the scan's matches again. */
  pageReset(): void;
}

/** `matcher` is what the scan highlights with; `base` the same pattern before the reader's filter. */
export function createSharedMatches(matcher: Matcher, base: Matcher): SharedMatches {
  // Text nodes scanned before the page was read, with their matches. Nodes without a match are not
  // remembered (nothing is allocated per text node on a page without terms); the page reading, which
  // happens only at the first ambiguous form, matches those again.
  let scanned: Map<Text, Matched> | undefined = new Map();
  let read = new WeakMap<Text, Matched>();
  let readingNow = false;
  /** True: `matcher` is `base`; a function: `matcher` is `base` narrowed by it; undefined: unrelated (no sharing). */
  const narrowing: true | MatchFilter | undefined =
    matcher === base ? true : isFilteredMatcher(matcher) && matcher.base === base ? matcher.accept : undefined;

  return {
    forScan(node) {
      const data = node.data;
      if (narrowing === undefined) return matcher.findAll(data);
      const known = read.get(node);
      if (known) read.delete(node);
      const matches = known && known.data === data ? known.matches : base.findAll(data);
      if (matches.length > 0) scanned?.set(node, { data, matches });
      // The reader's mention filter runs here, in reading order, as `matcher.findAll` would run it.
      return narrowing === true ? matches : matches.filter(narrowing);
    },
    forReading(node) {
      readingNow = true;
      const known = scanned?.get(node);
      if (known && known.data === node.data) return known.matches;
      const matches = base.findAll(node.data);
      read.set(node, { data: node.data, matches });
      return matches;
    },
    afterVisit() {
      if (!readingNow) return;
      readingNow = false;
      scanned = undefined;
    },
    passDone() {
      scanned = undefined;
      read = new WeakMap();
    },
    pageReset() {
      scanned = new Map();
    },
  };
}
