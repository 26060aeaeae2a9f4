/**
 * The glossary a content script or the popup works with: the bundled entries plus the reader's
 * own terms, kept current as the reader edits them (storage.onChanged). Builds the matcher for
 * the combined list, so a custom term is matched by the same one pattern as the bundled ones.
 */
import { bundledForms, bundledMatcher } from '@/glossary/bundled';
import { createMatcher, type Matcher } from '@/glossary/matcher';
import { compileTerms } from '@/glossary/terms';
import type { GlossaryEntry } from '@/glossary/types';
import type { CustomTerm } from './schema';
import { toGlossaryEntry } from './schema';
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

/** The content script's live glossary: matching for every term, entries for the reader's own. */
export interface PageGlossary {
  readonly matcher: Matcher;
  /** The reader's own terms by id (the bundled entries' text comes with the card: entrypoints/content/card-entries-request.ts). */
  customEntry(id: string): GlossaryEntry | undefined;
  watch(onChange: () => void): () => void;
}

/**
 * Like `createLiveGlossary`, without the bundled entries: without custom terms the matcher is the
 * one the build computed (glossary/bundled.ts); with them, it is built from the bundled forms plus
 * theirs (the same pattern `createLiveGlossary` builds from the combined entries).
 */
export function createPageGlossary(custom: readonly CustomTerm[] = []): PageGlossary & {
  replace(custom: readonly CustomTerm[]): void;
} {
  let matcher = bundledMatcher();
  let byId = new Map<string, GlossaryEntry>();
  const replace = (next: readonly CustomTerm[]) => {
    const entries = next.map(toGlossaryEntry);
    byId = new Map(entries.map((entry) => [entry.id, entry]));
    matcher = entries.length ? createMatcher([...bundledForms(), ...compileTerms(entries)]) : bundledMatcher();
  };
  replace(custom);
  return {
    get matcher() {
      return matcher;
    },
    customEntry: (id) => byId.get(id),
    replace,
    watch(onChange) {
      return watchCustomTerms((stored) => {
        replace(stored.terms);
        onChange();
      });
    },
  };
}

/** `createPageGlossary` with the reader's stored terms (one storage.local read). */
export async function loadPageGlossary(): Promise<PageGlossary> {
  const { terms } = await loadCustomTerms();
  return createPageGlossary(terms);
}
