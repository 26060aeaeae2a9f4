import { formatMonthYear } from '@/utils/i18n/dates';

/**
 * "2025-08-14" or "2025-08" -> "Aug 2025" ("अगस्त 2025" in Hindi); "2025" -> "2025". In the
 * interface's language, like the rest of the card. Anything unparseable is shown as written.
 */
export function formatAsOf(date: string, language?: string): string {
  return formatMonthYear(date, language);
}
