/**
 * The add/edit form's fields, to and from a term, and its inline messages. Pure: the same
 * `checkTerm` and `findCollisions` that judge an imported file judge what a reader types, so the
 * form can never save what an import would reject.
 */
import { t } from '@/utils/i18n/i18n';
import {
  checkTerm,
  findCollisions,
  type BundledForms,
  type CustomTerm,
  type PlacedTerm,
  type Problem,
} from './schema';

export interface TermFields {
  name: string;
  /** One per line. */
  aliases: string;
  definition: string;
  /** One point per line. */
  significance: string;
  challenges: string;
  sourceUrl: string;
  sourceTitle: string;
  sourceAsOf: string;
}

export type FieldName = keyof TermFields;

export const EMPTY_FIELDS: Readonly<TermFields> = Object.freeze({
  name: '',
  aliases: '',
  definition: '',
  significance: '',
  challenges: '',
  sourceUrl: '',
  sourceTitle: '',
  sourceAsOf: '',
});

export function fieldsOf(term: CustomTerm): TermFields {
  return {
    name: term.name,
    aliases: term.aliases.join('\n'),
    definition: term.definition,
    significance: term.significance.join('\n'),
    challenges: term.challenges.join('\n'),
    sourceUrl: term.source?.url ?? '',
    sourceTitle: term.source?.title ?? '',
    sourceAsOf: term.source?.asOf ?? '',
  };
}

/** Blank lines are the reader's spacing, not empty items. */
function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The raw shape `checkTerm` reads; blank fields are left out, as in a file. */
export function rawOf(fields: TermFields): Record<string, unknown> {
  const raw: Record<string, unknown> = { name: fields.name, definition: fields.definition };
  if (lines(fields.aliases).length) raw.aliases = lines(fields.aliases);
  if (lines(fields.significance).length) raw.significance = lines(fields.significance);
  if (lines(fields.challenges).length) raw.challenges = lines(fields.challenges);
  const source = { url: fields.sourceUrl.trim(), title: fields.sourceTitle.trim(), asOf: fields.sourceAsOf.trim() };
  if (source.url || source.title || source.asOf) {
    raw.source = Object.fromEntries(Object.entries(source).filter(([, value]) => value));
  }
  return raw;
}

const PATH = 'term';
const FIELD_OF_PATH: [RegExp, FieldName][] = [
  [/^term\.name$/, 'name'],
  [/^term\.aliases/, 'aliases'],
  [/^term\.definition$/, 'definition'],
  [/^term\.significance/, 'significance'],
  [/^term\.challenges/, 'challenges'],
  [/^term\.source\.url$/, 'sourceUrl'],
  [/^term\.source\.title$/, 'sourceTitle'],
  [/^term\.source\.asOf$/, 'sourceAsOf'],
];

/** "term.aliases[1]" -> "Line 2: ..." (the reader sees lines, not indices). */
function inlineMessage({ path, message }: Problem): string {
  const line = /\[(\d+)\]/.exec(path);
  return line ? t('fieldLine', String(Number(line[1]) + 1), message) : message;
}

export type FieldErrors = Partial<Record<FieldName, string>>;

export type FormResult = { ok: true; term: CustomTerm } | { ok: false; errors: FieldErrors };

/**
 * Checks the form against the schema, the bundled glossary and the reader's other terms
 * (`others`: every saved term except the one being edited). One message per field, the first.
 */
export function checkForm(fields: TermFields, others: readonly CustomTerm[], bundled: BundledForms): FormResult {
  const raw = rawOf(fields);
  const checked = checkTerm(raw, PATH);
  const problems: Problem[] = [...checked.problems];
  // The name and spellings are checked for clashes even while another field is still wrong, so
  // the reader learns at once that "UPI" is taken rather than after fixing the definition.
  const forms = checkTerm({ name: raw.name, aliases: raw.aliases, definition: '-' }, PATH).value;
  if (forms) {
    const placed: PlacedTerm[] = [
      ...others.map((term) => ({ term, path: '', saved: true })),
      { term: forms, path: PATH },
    ];
    problems.push(...findCollisions(placed, bundled).filter((c) => c.index === others.length));
  }
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const field = FIELD_OF_PATH.find(([pattern]) => pattern.test(problem.path))?.[1];
    // An unknown field cannot come from the form; anything unmapped is the name's business.
    const key = field ?? 'name';
    errors[key] ??= inlineMessage(problem);
  }
  if (Object.keys(errors).length || !checked.value) return { ok: false, errors };
  return { ok: true, term: checked.value };
}

/** The saved list with `term` put in place of the one at `index` (or added at the end). */
export function upsert(terms: readonly CustomTerm[], term: CustomTerm, index: number | undefined): CustomTerm[] {
  if (index === undefined || index < 0 || index >= terms.length) return [...terms, term];
  return terms.map((existing, i) => (i === index ? term : existing));
}
