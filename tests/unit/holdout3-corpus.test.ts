/**
 * Guards the third held-out corpus (tests/corpus/holdout3.json and tests/corpus/holdout3-pages/):
 * it must parse, use only known ids, and be big enough to measure with. It checks shape only,
 * never how the detector does on it (see tests/corpus/README.md, "Holdout 3").
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadHoldout, loadHoldout2, loadHoldout3 } from '../corpus/corpus';
import { itHasPassageShape } from './support/corpus-shape';

const holdout3 = loadHoldout3();
const pagesDir = join(__dirname, '..', 'corpus', 'holdout3-pages');

describe('holdout 3 corpus', () => {
  it('parses, with at least 100 passages', () => {
    expect(holdout3.length).toBeGreaterThanOrEqual(100);
  });

  it('has unique ids prefixed m', () => {
    const ids = holdout3.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^m\d{4}$/);
  });

  it('shares no id with the tuning corpus or the earlier holdouts', () => {
    const other = new Set([...loadCorpus(), ...loadHoldout(), ...loadHoldout2()].map((p) => p.id));
    expect(holdout3.map((p) => p.id).filter((id) => other.has(id))).toEqual([]);
  });

  it('has at least 35 confounders and some mixed passages', () => {
    expect(holdout3.filter((p) => p.kind === 'confounder').length).toBeGreaterThanOrEqual(35);
    expect(holdout3.filter((p) => p.kind === 'mixed').length).toBeGreaterThanOrEqual(10);
  });

  it('has at least 12 passages in Devanagari', () => {
    expect(holdout3.filter((p) => /[\u0900-\u097F]/.test(p.text)).length).toBeGreaterThanOrEqual(12);
  });

  itHasPassageShape(() => holdout3);
});

describe('holdout 3 pages', () => {
  const files = readdirSync(pagesDir).filter((f) => f.endsWith('.txt'));

  it('has at least 4 pages', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s is an unlabelled page of 300-600 words', (f) => {
    const text = readFileSync(join(pagesDir, f), 'utf8');
    expect(text).not.toMatch(/\[\[|\]\]/);
    const words = text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(300);
    expect(words).toBeLessThanOrEqual(600);
  });
});
