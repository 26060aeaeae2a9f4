import type { Source } from '../../glossary/types';
import { tAround } from '@/utils/i18n/i18n';

interface SourceLineProps {
  source: Source;
  /** How the as-of date reads: the card's "Aug 2025", the popup's "1 October 2025". */
  formatDate: (date: string) => string;
  /** Between the publisher and the date: ", " in the popup, " · " on the card. */
  separator: string;
  /** The card keeps the title and the rest on one line, so the separator comes after the title too. */
  leadingSeparator?: boolean;
}

/**
 * One source as the card and the popup show it: its title as a link that opens in a new tab, then
 * its publisher and "as of <date>", each only when given (a reader's own source may have neither,
 * and nothing is invented for it).
 */
export function SourceLine({ source, formatDate, separator, leadingSeparator = false }: SourceLineProps) {
  const { publisher, asOf } = source;
  return (
    <>
      <a href={source.url} target="_blank" rel="noopener noreferrer">
        {source.title}
      </a>
      {(publisher || asOf) && (
        <span class="source-meta">
          {leadingSeparator && separator}
          {publisher}
          {publisher && asOf && separator}
          {asOf && <AsOf date={asOf} formatDate={formatDate} />}
        </span>
      )}
    </>
  );
}

/** "as of 1 October 2025" with the date as a <time>, wherever the language puts it ("… तक"). */
function AsOf({ date, formatDate }: { date: string; formatDate: (date: string) => string }) {
  const [before, after] = tAround('cardAsOf');
  return (
    <>
      {before}
      <time dateTime={date}>{formatDate(date)}</time>
      {after}
    </>
  );
}
