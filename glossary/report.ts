/**
 * A maintainer's view of the glossary's sources: per entry, how many sources it cites, who
 * publishes the primary (first) one, and how old its dated facts are. Pure: the caller passes the
 * entries and today's date (scripts/glossary-report.mjs, `npm run glossary:report`).
 */
import type { GlossaryEntry } from './types';

export interface EntryReport {
  id: string;
  sourceCount: number;
  /** Publisher of the first source, the one the card shows; '' when there is none. */
  primaryPublisher: string;
  /** Earliest and latest `asOf` among the sources; '' when there is none. */
  oldestAsOf: string;
  latestAsOf: string;
  /**
   * True when even the latest `asOf` is more than a year before today: nothing in the entry was
   * checked in the last year. (The oldest date alone says little: an Act's text is dated the day
   * it was passed and stays right.)
   */
  stale: boolean;
}

export interface GlossaryReport {
  today: string;
  /** today minus one year, YYYY-MM-DD: an entry whose latest asOf is before this is stale. */
  staleBefore: string;
  entries: EntryReport[];
  stale: string[];
  withoutSource: string[];
}

/** The same calendar day one year earlier (29 February becomes 28 February). */
export function oneYearBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y - 1, m - 1, 1));
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, lastDay));
  return date.toISOString().slice(0, 10);
}

export function buildReport(entries: readonly GlossaryEntry[], today: string): GlossaryReport {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got "${today}"`);
  const staleBefore = oneYearBefore(today);
  const rows = [...entries]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((entry): EntryReport => {
      const sources = entry.sources ?? [];
      const dates = sources.map((s) => s.asOf).filter(Boolean).sort();
      const latestAsOf = dates.at(-1) ?? '';
      return {
        id: entry.id,
        sourceCount: sources.length,
        primaryPublisher: sources[0]?.publisher ?? '',
        oldestAsOf: dates[0] ?? '',
        latestAsOf,
        stale: latestAsOf !== '' && latestAsOf < staleBefore,
      };
    });
  return {
    today,
    staleBefore,
    entries: rows,
    stale: rows.filter((r) => r.stale).map((r) => r.id),
    withoutSource: rows.filter((r) => r.sourceCount === 0).map((r) => r.id),
  };
}

/** Plain-text table plus flags and a summary line; ends with a newline. */
export function formatReport(report: GlossaryReport): string {
  const header = ['id', 'sources', 'oldest asOf', 'latest asOf', 'flag', 'primary publisher'];
  const body = report.entries.map((r) => [
    r.id,
    String(r.sourceCount),
    r.oldestAsOf || '-',
    r.latestAsOf || '-',
    r.sourceCount === 0 ? 'NO SOURCE' : r.stale ? 'STALE' : '',
    r.primaryPublisher || '-',
  ]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ''];
  out.push(
    report.stale.length
      ? `Stale (latest asOf before ${report.staleBefore}): ${report.stale.join(', ')}`
      : `Stale (latest asOf before ${report.staleBefore}): none`,
  );
  out.push(`Without a source: ${report.withoutSource.length ? report.withoutSource.join(', ') : 'none'}`);
  out.push(
    `Summary: ${report.entries.length} entries, ` +
      `${report.entries.reduce((n, r) => n + r.sourceCount, 0)} sources, ` +
      `${report.stale.length} stale, ${report.withoutSource.length} without a source (today ${report.today}).`,
  );
  return `${out.join('\n')}\n`;
}
