/**
 * Guards the second held-out corpus (tests/corpus/holdout2.json and tests/corpus/holdout2-pages/):
 * it must parse, use only known ids, and be big enough to measure with. It checks shape only,
 * never how the detector does on it (see tests/corpus/README.md, "Holdout 2").
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadHoldout, loadHoldout2 } from '../corpus/corpus';
import { itHasPassageShape } from './support/corpus-shape';

const holdout2 = loadHoldout2();
const pagesDir = join(__dirname, '..', 'corpus', 'holdout2-pages');

describe('holdout 2 corpus', () => {
  it('parses, with at least 150 passages', () => {
    expect(holdout2.length).toBeGreaterThanOrEqual(150);
  });

  it('has unique ids prefixed k', () => {
    const ids = holdout2.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^k\d{4}$/);
  });

  it('shares no id with the tuning corpus or the first holdout', () => {
    const other = new Set([...loadCorpus(), ...loadHoldout()].map((p) => p.id));
    expect(holdout2.map((p) => p.id).filter((id) => other.has(id))).toEqual([]);
  });

  it('has at least 50 confounders and some mixed passages', () => {
    expect(holdout2.filter((p) => p.kind === 'confounder').length).toBeGreaterThanOrEqual(50);
    expect(holdout2.filter((p) => p.kind === 'mixed').length).toBeGreaterThanOrEqual(20);
  });

  it('has at least 15 passages in Devanagari', () => {
    expect(holdout2.filter((p) => /[\u0900-\u097F]/.test(p.text)).length).toBeGreaterThanOrEqual(15);
  });

  itHasPassageShape(() => holdout2);
});

describe('holdout 2 pages', () => {
  const files = readdirSync(pagesDir).filter((f) => f.endsWith('.txt'));

  it('has at least 6 pages', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s is an unlabelled page of 300-700 words', (f) => {
    const text = readFileSync(join(pagesDir, f), 'utf8');
    expect(text).not.toMatch(/\[\[|\]\]/);
    const words = text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(300);
    expect(words).toBeLessThanOrEqual(700);
  });
});
