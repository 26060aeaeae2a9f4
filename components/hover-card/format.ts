import type { Relation } from '../../glossary/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "2025-08-14" or "2025-08" -> "Aug 2025"; "2025" -> "2025". Fixed English month names rather
 * than Intl, so the card reads the same in every browser locale (the rest of the card is English).
 * Anything unparseable is shown as written.
 */
export function formatAsOf(date: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!match) return date;
  const [, year, month] = match;
  if (month === undefined) return year;
  const name = MONTHS[Number(month) - 1];
  return name ? `${name} ${year}` : year;
}

/** How a related term reads after this entry's name: "UPI" + "operated by" + "NPCI". */
export const RELATION_WORDS: Record<Relation, string> = {
  'part-of': 'part of',
  includes: 'includes',
  'built-on': 'built on',
  'operated-by': 'operated by',
  operates: 'operates',
  regulates: 'regulates',
  'regulated-by': 'regulated by',
  'alternative-to': 'alternative to',
  'see-also': 'see also',
};
