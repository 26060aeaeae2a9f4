/**
 * Glossary dates ("2025-10-01", "2025-10", "2025") in the interface's language: "1 October 2025"
 * or "1 अक्टूबर 2025". Intl does the month names; the date is built in UTC and formatted in UTC,
 * because a bare ISO date parses as UTC midnight and would show the day before west of Greenwich.
 */
import { uiLanguage } from './i18n';

/** Indian English and Hindi as written in India (day before month, no commas). */
export function dateLocale(language: string = uiLanguage()): string {
  return language === 'hi' ? 'hi-IN' : 'en-IN';
}

interface IsoParts {
  year: number;
  /** 1-12, when given and valid. */
  month?: number;
  day?: number;
}

function parseIso(date: string): IsoParts | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return { year };
  return { year, month, day };
}

function format(parts: IsoParts, options: Intl.DateTimeFormatOptions, language: string): string {
  const at = new Date(Date.UTC(parts.year, (parts.month ?? 1) - 1, parts.day ?? 1));
  return new Intl.DateTimeFormat(dateLocale(language), { ...options, year: 'numeric', timeZone: 'UTC' }).format(at);
}

/**
 * The popup's long form: "1 October 2025", "October 2025". Anything that is not a valid
 * YYYY-MM(-DD) date is shown as written (a reader sees the data, not "Invalid Date").
 */
export function formatLongDate(date: string, language: string = uiLanguage()): string {
  const parts = /^\d{4}-\d{2}(?:-\d{2})?$/.test(date) ? parseIso(date) : undefined;
  if (!parts || parts.month === undefined) return date;
  return format(parts, parts.day === undefined ? { month: 'long' } : { day: 'numeric', month: 'long' }, language);
}

/**
 * The card's short form, month and year: "Aug 2025" ("अगस्त 2025": Hindi's abbreviated months,
 * "अग॰", are rarer in print than the full names, and the card has room for them). A bare year, or
 * a date with an impossible month, shows the year; anything else is shown as written.
 */
export function formatMonthYear(date: string, language: string = uiLanguage()): string {
  const match = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!match) return date;
  const parts = parseIso(match[0]);
  if (!parts || parts.month === undefined) return match[1]!;
  return format(parts, { month: language === 'hi' ? 'long' : 'short' }, language);
}
