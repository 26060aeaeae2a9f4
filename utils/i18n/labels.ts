/** Words for the glossary's machine values: readers see "Data exchange", never "data-exchange". */
import type { Category, Relation } from '@/glossary/types';
import { t, type MessageKey } from '@/utils/i18n/i18n';

// Functions, not a table of strings: t() is read at render time, in the UI language.
const CATEGORY_KEYS: Record<Category, MessageKey> = {
  identity: 'categoryIdentity',
  payments: 'categoryPayments',
  'data-exchange': 'categoryDataExchange',
  commerce: 'categoryCommerce',
  'service-delivery': 'categoryServiceDelivery',
  'governance-law': 'categoryGovernanceLaw',
  concepts: 'categoryConcepts',
};

export function categoryLabel(category: Category): string {
  return t(CATEGORY_KEYS[category]);
}

/**
 * Read as "<this entry> <label> <other entry>": "UPI · Operated by · NPCI". The popup uses them
 * as headings over the related terms and the hover card before each one, so Hindi gives them as
 * labels ("संचालक", operator) rather than as a phrase whose verb would come after the name.
 */
const RELATION_KEYS: Record<Relation, MessageKey> = {
  'part-of': 'relationPartOf',
  includes: 'relationIncludes',
  'built-on': 'relationBuiltOn',
  'operated-by': 'relationOperatedBy',
  operates: 'relationOperates',
  regulates: 'relationRegulates',
  'regulated-by': 'relationRegulatedBy',
  'alternative-to': 'relationAlternativeTo',
  'see-also': 'relationSeeAlso',
};

export function relationLabel(relation: Relation): string {
  return t(RELATION_KEYS[relation]);
}
