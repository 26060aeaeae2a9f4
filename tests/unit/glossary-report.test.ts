import { describe, expect, it } from 'vitest';
import { glossary } from '@/glossary';
import { buildReport, formatReport, oneYearBefore } from '@/glossary/report';
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

  it('rejects a malformed today', () => {
    expect(() => buildReport([], '28/11/2026')).toThrow();
  });

  it('finds no entry without a source in the real glossary', () => {
    const report = buildReport(glossary, new Date().toISOString().slice(0, 10));
    expect(report.withoutSource).toEqual([]);
    expect(formatReport(report)).toMatch(/^Summary: \d+ entries/m);
  });
});
