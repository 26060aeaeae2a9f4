/**
 * How an imported file joins the terms a reader already has. Pure.
 *
 * The rule: the file ADDS its new terms and REPLACES a saved term of the same name (names compared
 * as forms are: "Jan Dhan" = "jan-dhan"); saved terms the file does not mention are KEPT. An import
 * never deletes. The reader sees this as a summary and confirms before anything is written, and
 * the whole merged list is checked first, so an import that would leave two terms sharing a form
 * is rejected as a whole (nothing saved changes).
 */
import { t, tCount } from '@/utils/i18n/i18n';
import {
  findCollisions,
  formKey,
  formatProblem,
  locateInFile,
  MAX_CUSTOM_TERMS,
  type BundledForms,
  type CustomTerm,
  type PlacedTerm,
  type Problem,
} from './schema';

export interface ImportPlan {
  /** The list to save: saved terms in their order (replaced in place), then the new ones. */
  terms: CustomTerm[];
  added: string[];
  /** Names of saved terms the file replaces. */
  replaced: string[];
  /** Saved terms the file leaves as they are. */
  kept: number;
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; errors: string[]; problems: Problem[] };

export function planImport(
  saved: readonly CustomTerm[],
  incoming: readonly CustomTerm[],
  bundled: BundledForms,
): PlanResult {
  const incomingByName = new Map(incoming.map((term) => [formKey(term.name), term]));
  const replaced: string[] = [];
  const terms = saved.map((term) => {
    const replacement = incomingByName.get(formKey(term.name));
    if (!replacement) return term;
    replaced.push(term.name);
    return replacement;
  });
  const savedNames = new Set(saved.map((term) => formKey(term.name)));
  const added = incoming.filter((term) => !savedNames.has(formKey(term.name)));
  terms.push(...added);

  if (terms.length > MAX_CUSTOM_TERMS) {
    const problem: Problem = {
      path: 'terms',
      message: `${added.length} new terms would make ${terms.length}, at most ${MAX_CUSTOM_TERMS}`,
      code: 'too-many-after-import',
      values: [String(added.length), String(terms.length), String(MAX_CUSTOM_TERMS)],
    };
    return { ok: false, errors: [formatProblem(problem)], problems: [problem] };
  }

  // The saved terms that stay come first, so a clash is reported on the file's side, where the
  // reader can fix it ("terms[1].aliases[0]: "X" is already used by your term "Y"").
  const kept: PlacedTerm[] = saved
    .filter((term) => !incomingByName.has(formKey(term.name)))
    .map((term) => ({ term, path: '', saved: true }));
  const fromFile: PlacedTerm[] = incoming.map((term, index) => ({ term, path: `terms[${index}]` }));
  const collisions = findCollisions([...kept, ...fromFile], bundled).filter(
    (collision) => collision.index >= kept.length,
  );
  if (collisions.length) {
    const problems = locateInFile(collisions, incoming);
    return { ok: false, errors: problems.map(formatProblem), problems };
  }

  return {
    ok: true,
    plan: { terms, added: added.map((term) => term.name), replaced, kept: kept.length },
  };
}

/** "2 new terms; replaces 1 saved term of the same name: Foo; 3 saved terms unchanged." (UI language) */
export function describeImportPlan(plan: ImportPlan): string {
  const parts = [tCount('planNewOne', 'planNewOther', plan.added.length)];
  if (plan.replaced.length) {
    parts.push(tCount('planReplacesOne', 'planReplacesOther', plan.replaced.length, plan.replaced.join(', ')));
  }
  parts.push(tCount('planKeptOne', 'planKeptOther', plan.kept));
  // The sentence's full stop is the language's: "." or the Hindi danda "।".
  return t('importPlan', parts.join('; '));
}
