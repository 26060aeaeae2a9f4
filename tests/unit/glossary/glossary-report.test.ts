import { describe, expect, it } from 'vitest';
import { glossary } from '@/glossary';
import {
  buildReport, formatDistribution, formatReport, HISTOGRAM_QUARTERS, monthsBetween, oneYearBefore, quarterOf,
} from '@/glossary/report';
import type { GlossaryEntry } from '@/glossary/types';

function entry(id: string, asOfs: string[], publisher = 'RBI'): GlossaryEntry {
  return {
    id, name: id, aliases: [], category: 'payments', short: 's', definition: 'd',
    significance: ['x'], challenges: ['y'], related: [],
    sources: asOfs.map((asOf, i) => ({ url: `https://example.org/${i}`, title: 't', publisher: i ? 'Other' : publisher, asOf })),
  };
}

describe('glossary report', () => {
  it('goes back one calendar year, clamping 29 February', () => {
    expect(oneYearBefore('2026-11-28')).toBe('2025-11-28');
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
    expect(oneYearBefore('2026-01-01')).toBe('2025-01-01');
  });

  it('reports sources, primary publisher, oldest and latest dates per entry, sorted by id', () => {
    const report = buildReport([entry('b', ['2025-06-01', '2023-08-11'], 'MeitY'), entry('a', ['2026-01-01'])], '2026-11-28');
    expect(report.entries).toEqual([
      { id: 'a', sourceCount: 1, primaryPublisher: 'RBI', oldestAsOf: '2026-01-01', latestAsOf: '2026-01-01', stale: false },
      { id: 'b', sourceCount: 2, primaryPublisher: 'MeitY', oldestAsOf: '2023-08-11', latestAsOf: '2025-06-01', stale: true },
    ]);
    expect(report.stale).toEqual(['b']);
  });

  it('flags stale only when even the latest asOf is more than a year old', () => {
    const r = buildReport([entry('edge', ['2025-11-28']), entry('old', ['2025-11-27']), entry('mixed', ['2014-07-23', '2026-06-01'])], '2026-11-28');
    expect(r.stale).toEqual(['old']);
  });

  it('lists entries without a source and says so in the text', () => {
    const r = buildReport([entry('bare', [])], '2026-11-28');
    expect(r.withoutSource).toEqual(['bare']);
    const text = formatReport(r);
    expect(text).toContain('NO SOURCE');
    expect(text).toMatch(/^Without a source: bare$/m);
    expect(text).toContain('Summary: 1 entries, 0 sources, 0 stale, 1 without a source (today 2026-11-28).');
  });

  it('names the calendar quarter of a date', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-06')).toBe('2026-Q4');
  });

  it('counts whole months between two dates, a month only once its day is reached', () => {
    expect(monthsBetween('2025-12-06', '2026-12-06')).toBe(12);
    expect(monthsBetween('2025-12-07', '2026-12-06')).toBe(11);
    expect(monthsBetween('2024-01-31', '2026-12-06')).toBe(34);
    expect(monthsBetween('2026-12-06', '2026-12-06')).toBe(0);
  });

  it('counts entries per quarter of their latest asOf over the last three years, older ones in one bar', () => {
    const r = buildReport(
      [
        entry('q4a', ['2026-10-01']), entry('q4b', ['2020-01-01', '2026-12-06']),
        entry('q2', ['2026-05-15']), entry('edge', ['2024-01-01']),
        entry('old1', ['2023-12-31']), entry('old2', ['2015-02-27']), entry('bare', []),
      ],
      '2026-12-06',
    );
    expect(r.distribution[0]).toEqual({ quarter: 'before 2024-Q1', count: 2 });
    const window = r.distribution.slice(1);
    expect(window).toHaveLength(HISTOGRAM_QUARTERS);
    expect(window[0]).toEqual({ quarter: '2024-Q1', count: 1 });
    expect(window.at(-1)).toEqual({ quarter: '2026-Q4', count: 2 });
    expect(window.find((d) => d.quarter === '2026-Q2')).toEqual({ quarter: '2026-Q2', count: 1 });
    // Empty quarters stay in, so a gap in checking is visible.
    expect(window.find((d) => d.quarter === '2025-Q2')).toEqual({ quarter: '2025-Q2', count: 0 });
    // Every entry with a source is counted exactly once; one without a source is not counted.
    expect(r.distribution.reduce((n, d) => n + d.count, 0)).toBe(6);
  });

  it('has no "before" bar when nothing is older than the window, and a bar for a future asOf', () => {
    const r = buildReport([entry('now', ['2026-11-01']), entry('ahead', ['2027-02-01'])], '2026-12-06');
    expect(r.distribution[0].quarter).toBe('2024-Q1');
    expect(r.distribution.at(-1)).toEqual({ quarter: '2027-Q1', count: 1 });
  });

  it('draws bars scaled to the largest count, with at least one mark for any entry', () => {
    const lines = formatDistribution([
      { quarter: 'before 2024-Q1', count: 1 },
      { quarter: '2024-Q1', count: 0 },
      { quarter: '2026-Q4', count: 80 },
      { quarter: '2026-Q3', count: 40 },
    ]);
    expect(lines[0]).toBe('before 2024-Q1   1  #');
    expect(lines[1]).toBe('       2024-Q1   0');
    expect(lines[2]).toBe(`       2026-Q4  80  ${'#'.repeat(40)}`);
    expect(lines[3]).toBe(`       2026-Q3  40  ${'#'.repeat(20)}`);
  });

  it('lists the entries to re-check oldest first with their latest asOf and age', () => {
    const r = buildReport(
      [entry('a-newer', ['2025-06-01']), entry('b-older', ['2023-08-11']), entry('fresh', ['2026-11-01'])],
      '2026-12-06',
    );
    expect(r.stale).toEqual(['b-older', 'a-newer']);
    const text = formatReport(r);
    expect(text).toContain('Figures older than 12 months (latest asOf before 2025-12-06), oldest first:\n');
    expect(text).toContain('\n  b-older  2023-08-11  39 months\n  a-newer  2025-06-01  18 months\n');
    expect(text).not.toContain('  fresh  ');
    expect(text).toMatch(/^Latest asOf per entry, by quarter:\n/m);
    expect(text).toMatch(/^ +2026-Q4 {2}1 {2}#+$/m);
  });

  it('says so when no entry needs a re-check', () => {
    const text = formatReport(buildReport([entry('fresh', ['2026-11-01'])], '2026-12-06'));
    expect(text).toMatch(/^Figures older than 12 months \(latest asOf before 2025-12-06\): none$/m);
  });

  it('rejects a malformed today', () => {
    expect(() => buildReport([], '28/11/2026')).toThrow();
  });

  it('finds no entry without a source in the real glossary', () => {
    const report = buildReport(glossary, new Date().toISOString().slice(0, 10));
    expect(report.withoutSource).toEqual([]);
    expect(formatReport(report)).toMatch(/^Summary: \d+ entries/m);
  });
});
