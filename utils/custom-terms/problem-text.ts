/**
 * An import problem in the reader's words and language: "Term 3, “Kisan Credit Card”: the
 * definition is empty", not `terms[2].definition: empty`. The schema (schema.ts) says what is
 * wrong as a code with values; this module only words it, from public/_locales.
 */
import { t, type MessageKey } from '@/utils/i18n/i18n';
import type { Problem, ProblemCode } from './schema';

/** A field's path inside a term ("definition", "aliases[2]", "source.url") as the reader says it. */
export function fieldWords(path: string): string {
  const item = /^(aliases|significance|challenges)\[(\d+)\]$/.exec(path);
  if (item) {
    const n = String(Number(item[2]) + 1);
    if (item[1] === 'aliases') return t('importFieldAlias', n);
    if (item[1] === 'significance') return t('importFieldSignificancePoint', n);
    return t('importFieldChallenge', n);
  }
  const whole: Record<string, MessageKey> = {
    '': 'importFieldTerm',
    name: 'importFieldName',
    aliases: 'importFieldAliases',
    definition: 'importFieldDefinition',
    significance: 'importFieldSignificance',
    challenges: 'importFieldChallenges',
    source: 'importFieldSource',
    'source.url': 'importFieldSourceUrl',
    'source.title': 'importFieldSourceTitle',
    'source.asOf': 'importFieldSourceAsOf',
  };
  const key = whole[path];
  return key ? t(key) : path;
}

/** Problems about one field: the message's first blank is the field. */
const FIELD_MESSAGES: Partial<Record<ProblemCode, MessageKey>> = {
  missing: 'importProblemMissing',
  empty: 'importProblemEmpty',
  'not-text': 'importProblemNotText',
  'too-long': 'importProblemTooLong',
  'too-short-form': 'importProblemTooShortForm',
  'not-list': 'importProblemNotList',
  'too-many-items': 'importProblemTooManyItems',
  'bad-url': 'importProblemBadUrl',
  'bad-date': 'importProblemBadDate',
};

/** Problems whose blanks are the values alone. */
const VALUE_MESSAGES: Partial<Record<ProblemCode, MessageKey>> = {
  'unknown-field': 'importProblemUnknownField',
  'not-term': 'importProblemNotTerm',
  'not-source': 'importProblemNotSource',
  'bundled-form': 'importProblemBundledForm',
  'form-of-saved': 'importProblemFormOfSaved',
  'form-of-file-term': 'importProblemFormOfFileTerm',
  'not-terms-file': 'importProblemNotTermsFile',
  'format-missing': 'importProblemFormatMissing',
  'format-wrong': 'importProblemFormatWrong',
  'version-missing': 'importProblemVersionMissing',
  'version-wrong': 'importProblemVersionWrong',
  'terms-not-list': 'importProblemTermsNotList',
  'too-many-terms': 'importProblemTooManyTerms',
  'too-many-after-import': 'importProblemTooManyAfterImport',
  'not-json': 'importProblemNotJson',
  'too-large': 'importProblemTooLarge',
};

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** One problem as a sentence in the UI language, naming the term by its number and name. */
export function describeProblem(problem: Problem): string {
  const values = problem.values ?? [];
  const inTerm = problem.path.replace(/^terms\[\d+\]\.?/, '');
  let text: string;
  const fieldKey = problem.code && FIELD_MESSAGES[problem.code];
  const valueKey = problem.code && VALUE_MESSAGES[problem.code];
  if (fieldKey) text = t(fieldKey, fieldWords(inTerm), ...values);
  else if (valueKey) text = t(valueKey, ...values);
  else text = problem.message; // a code this build does not word (never expected): the English
  if (!problem.term) return capitalise(text);
  const n = String(problem.term.index + 1);
  return problem.term.name ? t('importTermNamed', n, problem.term.name, text) : t('importTermNumbered', n, text);
}
