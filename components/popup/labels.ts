/** Words for the glossary's machine values: readers see "Data exchange", never "data-exchange". */
import type { Category, Relation } from '@/glossary/types';

export const CATEGORY_LABELS: Record<Category, string> = {
  identity: 'Identity',
  payments: 'Payments',
  'data-exchange': 'Data exchange',
  commerce: 'Commerce',
  'service-delivery': 'Service delivery',
  'governance-law': 'Governance and law',
  concepts: 'Concepts',
};

/** Read as "<this entry> <label> <other entry>": "UPI · Operated by · NPCI". */
export const RELATION_LABELS: Record<Relation, string> = {
  'part-of': 'Part of',
  includes: 'Includes',
  'built-on': 'Built on',
  'operated-by': 'Operated by',
  operates: 'Operates',
  regulates: 'Regulates',
  'regulated-by': 'Regulated by',
  'alternative-to': 'Alternative to',
  'see-also': 'See also',
};

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * "2025-10-01" -> "1 October 2025", "2025-10" -> "October 2025". Written out by hand rather
 * than with Intl so the date reads the same in every browser locale and cannot shift by a
 * time zone (a bare ISO date parses as UTC midnight). Anything else is shown as written.
 */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  const [, year, , day] = match;
  return day ? `${Number(day)} ${month} ${year}` : `${month} ${year}`;
}
