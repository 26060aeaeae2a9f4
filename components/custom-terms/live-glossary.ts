/**
 * The glossary a content script or the popup works with: the bundled entries plus the reader's
 * own terms, kept current as the reader edits them (storage.onChanged). Builds the matcher for
 * the combined list, so a custom term is matched by the same one pattern as the bundled ones.
 */
import { createMatcher, type Matcher } from '@/glossary/matcher';
import { compileTerms } from '@/glossary/terms';
import type { GlossaryEntry } from '@/glossary/types';
import type { CustomTerm } from './schema';
import { combineGlossary, loadCustomTerms, watchCustomTerms } from './storage';

export interface LiveGlossary {
  /** Bundled entries, then the reader's. */
  readonly entries: readonly GlossaryEntry[];
  readonly matcher: Matcher;
  /** Resolves bundled and custom ids (for the hover card's `lookup`); always the current list. */
  lookup(id: string): GlossaryEntry | undefined;
  /** Calls `onChange` after each change of the reader's terms has been applied. Returns the undo. */
  watch(onChange: () => void): () => void;
}

/** The combined glossary for `custom`, without storage: what `loadLiveGlossary` keeps current. */
export function createLiveGlossary(bundled: readonly GlossaryEntry[], custom: readonly CustomTerm[] = []): LiveGlossary & {
  replace(custom: readonly CustomTerm[]): void;
} {
  let combined = combineGlossary(bundled, custom);
  let matcher = createMatcher(compileTerms(combined.entries));
  const replace = (next: readonly CustomTerm[]) => {
    combined = combineGlossary(bundled, next);
    matcher = createMatcher(compileTerms(combined.entries));
  };
  return {
    get entries() {
      return combined.entries;
    },
    get matcher() {
      return matcher;
    },
    lookup: (id) => combined.lookup(id),
    replace,
    watch(onChange) {
      return watchCustomTerms((stored) => {
        replace(stored.terms);
        onChange();
      });
    },
  };
}

/**
 * Reads the reader's terms once (one storage.local read: a few milliseconds, so a page's first
 * highlighting pass already includes them rather than being redone a moment later).
 */
export async function loadLiveGlossary(bundled: readonly GlossaryEntry[]): Promise<LiveGlossary> {
  const { terms } = await loadCustomTerms();
  return createLiveGlossary(bundled, terms);
}
