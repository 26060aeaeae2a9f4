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

/** One bar of the as-of histogram: the entries whose latest `asOf` falls in a calendar quarter. */
export interface QuarterCount {
  /** "2026-Q4", or "before 2024-Q1" for the bar that gathers everything older than the window. */
  quarter: string;
  count: number;
}

/** The histogram shows this many quarters up to today's one (three years); older ones share a bar. */
export const HISTOGRAM_QUARTERS = 12;

export interface GlossaryReport {
  today: string;
  /** today minus one year, YYYY-MM-DD: an entry whose latest asOf is before this is stale. */
  staleBefore: string;
  entries: EntryReport[];
  stale: string[];
  withoutSource: string[];
  /**
   * Entries per quarter of their latest `asOf`, oldest first: the last HISTOGRAM_QUARTERS quarters
   * up to today's (empty ones included, so a gap in checking shows as a gap), preceded by a
   * "before <quarter>" bar when some entries are older. Entries without a source are not counted.
   */
  distribution: QuarterCount[];
}

/** The calendar quarter of a YYYY-MM-DD date, "2026-Q4". */
export function quarterOf(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

const quarterIndex = (q: string) => {
  const [y, n] = q.split('-Q').map(Number);
  return y * 4 + (n - 1);
};
const quarterAt = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;

/** The quarter `n` quarters after `q` (before it when n < 0). */
function shiftQuarter(q: string, n: number): string {
  return quarterAt(quarterIndex(q) + n);
}

/** Every quarter from `first` to `last` inclusive ("2025-Q3" .. "2026-Q1"). */
function quartersBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = quarterIndex(first); i <= quarterIndex(last); i++) out.push(quarterAt(i));
  return out;
}

/** Whole months from `from` to `to` (both YYYY-MM-DD), counting a month only once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
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
  const counts = new Map<string, number>();
  for (const r of rows.filter((row) => row.latestAsOf !== '')) {
    counts.set(quarterOf(r.latestAsOf), (counts.get(quarterOf(r.latestAsOf)) ?? 0) + 1);
  }
  // A latest asOf after today is a data error the data tests catch; it still gets its bar here.
  const lastQuarter = [...counts.keys(), quarterOf(today)].sort().at(-1)!;
  const window = quartersBetween(shiftQuarter(quarterOf(today), -(HISTOGRAM_QUARTERS - 1)), lastQuarter);
  const older = [...counts].filter(([q]) => q < window[0]).reduce((n, [, c]) => n + c, 0);
  const distribution = [
    ...(older > 0 ? [{ quarter: `before ${window[0]}`, count: older }] : []),
    ...window.map((quarter) => ({ quarter, count: counts.get(quarter) ?? 0 })),
  ];
  return {
    today,
    staleBefore,
    entries: rows,
    // Oldest first: the entries most in need of a re-check lead the list.
    stale: rows
      .filter((r) => r.stale)
      .sort((a, b) => a.latestAsOf.localeCompare(b.latestAsOf) || a.id.localeCompare(b.id))
      .map((r) => r.id),
    withoutSource: rows.filter((r) => r.sourceCount === 0).map((r) => r.id),
    distribution,
  };
}

/** Width of the longest histogram bar, in characters. */
const BAR_MAX = 40;

/** The as-of histogram: one line per quarter, a bar scaled to the largest count. */
export function formatDistribution(distribution: readonly QuarterCount[]): string[] {
  const max = Math.max(0, ...distribution.map((d) => d.count));
  const countWidth = String(max).length;
  const labelWidth = Math.max(0, ...distribution.map((d) => d.quarter.length));
  return distribution.map((d) => {
    // Any non-zero count gets at least one mark, so a lone old entry is not drawn as nothing.
    const bar = max === 0 ? '' : '#'.repeat(Math.max(d.count > 0 ? 1 : 0, Math.round((d.count / max) * BAR_MAX)));
    return `${d.quarter.padStart(labelWidth)}  ${String(d.count).padStart(countWidth)}  ${bar}`.trimEnd();
  });
}

/**
 * Plain-text table, the as-of histogram, the entries to re-check (oldest first), entries without a
 * source and a summary line; ends with a newline.
 */
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
  out.push('Latest asOf per entry, by quarter:', ...formatDistribution(report.distribution), '');
  const byId = new Map(report.entries.map((r) => [r.id, r]));
  const staleHeading = `Figures older than 12 months (latest asOf before ${report.staleBefore})`;
  if (report.stale.length === 0) out.push(`${staleHeading}: none`);
  else {
    out.push(`${staleHeading}, oldest first:`);
    const idWidth = Math.max(...report.stale.map((id) => id.length));
    for (const id of report.stale) {
      const latest = byId.get(id)!.latestAsOf;
      out.push(`  ${id.padEnd(idWidth)}  ${latest}  ${monthsBetween(latest, report.today)} months`);
    }
  }
  out.push(`Without a source: ${report.withoutSource.length ? report.withoutSource.join(', ') : 'none'}`);
  out.push(
    `Summary: ${report.entries.length} entries, ` +
      `${report.entries.reduce((n, r) => n + r.sourceCount, 0)} sources, ` +
      `${report.stale.length} stale, ${report.withoutSource.length} without a source (today ${report.today}).`,
  );
  return `${out.join('\n')}\n`;
}
