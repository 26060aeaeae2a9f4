/**
 * Guards the held-out corpus (tests/corpus/holdout.json and tests/corpus/holdout-pages/): it must
 * parse, use only known ids, and be big enough to measure with. It checks shape only, never how
 * the detector does on it (see tests/corpus/README.md, "Holdout").
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadHoldout } from '../corpus/corpus';
import { itHasPassageShape } from './support/corpus-shape';

const holdout = loadHoldout();
const pagesDir = join(__dirname, '..', 'corpus', 'holdout-pages');

describe('holdout corpus', () => {
  it('parses, with at least 160 passages', () => {
    expect(holdout.length).toBeGreaterThanOrEqual(160);
  });

  it('has unique ids prefixed h', () => {
    const ids = holdout.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^h\d{4}$/);
  });

  it('shares no passage with the tuning corpus (a moved passage leaves the holdout)', () => {
    const tuned = new Set(loadCorpus().map((p) => p.id));
    expect(holdout.map((p) => p.id).filter((id) => tuned.has(id))).toEqual([]);
  });

  it('has at least 50 confounders and some mixed passages', () => {
    expect(holdout.filter((p) => p.kind === 'confounder').length).toBeGreaterThanOrEqual(50);
    expect(holdout.filter((p) => p.kind === 'mixed').length).toBeGreaterThanOrEqual(20);
  });

  itHasPassageShape(() => holdout);
});

describe('holdout pages', () => {
  const files = readdirSync(pagesDir).filter((f) => f.endsWith('.txt'));

  it('has at least 8 pages', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s is an unlabelled page of 300-800 words', (f) => {
    const text = readFileSync(join(pagesDir, f), 'utf8');
    expect(text).not.toMatch(/\[\[|\]\]/);
    const words = text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(300);
    expect(words).toBeLessThanOrEqual(800);
  });
});
