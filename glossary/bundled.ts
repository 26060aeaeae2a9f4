/**
 * The bundled glossary as the content script uses it: built at build time (see ./heads.ts), so
 * a page only compiles the matcher's small start pattern and, when an ambiguous form occurs, reads
 * that entry's cue lists.
 * One matcher and one sense model per page, shared by detection and highlighting.
 */
import data from 'virtual:dpi-lens/glossary-data';
import type { EntryHead } from './heads';
import { matcherFromData, type Matcher } from './matcher';
import { compileSenses, type SenseModel } from './senses';
import { compileTerms, type TermForm } from './terms';
import type { Category } from './types';

export const bundledHeads: readonly EntryHead[] = data.heads;

let matcher: Matcher | undefined;
let senses: SenseModel | undefined;
let forms: TermForm[] | undefined;
let categories: Map<string, Category> | undefined;

/** The bundled glossary's matcher; its start pattern is compiled by the engine at the first scan. */
export function bundledMatcher(): Matcher {
  return (matcher ??= matcherFromData(data.matcher));
}

/** The bundled context rules (cue patterns are built per entry, at its first ambiguous match). */
export function bundledSenses(): SenseModel {
  return (senses ??= compileSenses(data.heads));
}

/** Every highlightable bundled form: only needed to build a matcher that adds the reader's terms. */
export function bundledForms(): readonly TermForm[] {
  return (forms ??= compileTerms(data.heads));
}

export function bundledCategory(id: string): Category | undefined {
  categories ??= new Map(data.heads.map((head) => [head.id, head.category]));
  return categories.get(id);
}
