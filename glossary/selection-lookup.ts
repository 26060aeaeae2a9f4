/**
 * "Look up in DPI Lens" (the context menu): from the text a reader selected to the entry they
 * most likely mean, or a search when nothing matches. Pure; the background opens the result.
 */
import type { Matcher } from './matcher';
import { searchGlossary } from './search';
import type { GlossaryEntry } from './types';

export type LookupTarget = { kind: 'entry'; id: string } | { kind: 'search'; query: string };

/** A search box query longer than this is a paragraph, not a term: keep its start. */
export const MAX_LOOKUP_QUERY_CHARS = 100;

/**
 * 1. The selection is a written form of an entry ("upi", "Aadhar", "आधार"): that entry.
 * 2. The selection contains a term as the page would highlight it ("UPI payments rose"): the
 *    first one, the reader's likely subject.
 * 3. Otherwise a search for the selection (misspellings such as "adhaar" are ranked there).
 * Empty or whitespace-only selections give undefined.
 */
export function lookupSelection(
  selection: string,
  entries: readonly GlossaryEntry[],
  matcher: Matcher,
): LookupTarget | undefined {
  const text = selection.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const [best] = searchGlossary(entries, text, 1);
  if (best?.kind === 'exact' && best.matchedOn !== 'definition') return { kind: 'entry', id: best.entry.id };
  const [first] = matcher.findAll(text);
  if (first) return { kind: 'entry', id: first.id };
  return { kind: 'search', query: text.slice(0, MAX_LOOKUP_QUERY_CHARS).trim() };
}

/** The popup page's address for a target (its URL parameters are parsed by popup-params.ts). */
export function lookupPath(target: LookupTarget): string {
  const params = new URLSearchParams(
    target.kind === 'entry' ? { term: target.id } : { q: target.query },
  );
  return `popup.html?${params}`;
}
