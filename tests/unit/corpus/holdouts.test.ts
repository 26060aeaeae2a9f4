/**
 * Guards the held-out corpora (tests/corpus/holdout*.json and their *-pages/ folders): each must
 * parse, use only known ids, and be big enough to measure with. Shape only, never how the detector
 * does on them (see tests/corpus/README.md, "Holdout", "Holdout 2", "Holdout 3", "Holdout 4: real text", "Holdout 5: fresh real text"). One table, since
 * the three sets differ only in their names, id prefixes and minimum sizes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadHoldout, loadHoldout2, loadHoldout3, loadHoldoutReal, loadHoldoutFresh, type Passage } from '../../corpus/corpus';
import { itHasPassageShape } from '../support/corpus-shape';

interface HoldoutSpec {
  name: string;
  load: () => Passage[];
  idPrefix: string;
  pagesFolder: string;
  minPassages: number;
  minConfounders: number;
  minMixed: number;
  /** Hindi and Hinglish passages the writer was asked for; the first set had no such minimum. */
  minDevanagari?: number;
  minPages: number;
  pageWords: [number, number];
}

const HOLDOUTS: HoldoutSpec[] = [
  { name: 'holdout 1', load: loadHoldout, idPrefix: 'h', pagesFolder: 'holdout-pages', minPassages: 160, minConfounders: 50, minMixed: 20, minPages: 8, pageWords: [300, 800] },
  { name: 'holdout 2', load: loadHoldout2, idPrefix: 'k', pagesFolder: 'holdout2-pages', minPassages: 150, minConfounders: 50, minMixed: 20, minDevanagari: 15, minPages: 6, pageWords: [300, 700] },
  { name: 'holdout 3', load: loadHoldout3, idPrefix: 'm', pagesFolder: 'holdout3-pages', minPassages: 100, minConfounders: 35, minMixed: 10, minDevanagari: 12, minPages: 4, pageWords: [300, 600] },
  // Written as 121 passages (37 confounders, 5 mixed, 17 in Devanagari); the 44 whose errors drove issue 15's
  // rules moved to passages.json, then r0002 and r0067 with holdout 5's (README, "Holdout 4: real text", "Holdout 5").
  { name: 'holdout 4 (real text)', load: loadHoldoutReal, idPrefix: 'r', pagesFolder: 'holdout-real-pages', minPassages: 75, minConfounders: 25, minMixed: 2, minDevanagari: 8, minPages: 4, pageWords: [300, 600] },
  // Written as 127 passages (35 confounders, 2 mixed, 23 in Devanagari), 459 labels; the 20 whose errors or label
  // corrections drove the next rules moved to passages.json, 107 remain (README, "Holdout 5: fresh real text").
  { name: 'holdout 5 (fresh real text)', load: loadHoldoutFresh, idPrefix: 'f', pagesFolder: 'holdout-fresh-pages', minPassages: 100, minConfounders: 30, minMixed: 2, minDevanagari: 15, minPages: 4, pageWords: [300, 600] },
];

describe.each(HOLDOUTS)('$name corpus', (spec) => {
  const passages = () => spec.load();

  it(`parses, with at least ${spec.minPassages} passages`, () => {
    expect(passages().length).toBeGreaterThanOrEqual(spec.minPassages);
  });

  it(`has unique ids prefixed ${spec.idPrefix}`, () => {
    const ids = passages().map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(`^${spec.idPrefix}\\d{4}$`));
  });

  it('shares no id with the tuning corpus or another holdout (a moved passage leaves the holdout)', () => {
    const others = [loadCorpus, ...HOLDOUTS.filter((h) => h !== spec).map((h) => h.load)];
    const other = new Set(others.flatMap((load) => load()).map((p) => p.id));
    expect(passages().map((p) => p.id).filter((id) => other.has(id))).toEqual([]);
  });

  it(`has at least ${spec.minConfounders} confounders and ${spec.minMixed} mixed passages`, () => {
    expect(passages().filter((p) => p.kind === 'confounder').length).toBeGreaterThanOrEqual(spec.minConfounders);
    expect(passages().filter((p) => p.kind === 'mixed').length).toBeGreaterThanOrEqual(spec.minMixed);
  });

  const { minDevanagari } = spec;
  if (minDevanagari !== undefined) {
    it(`has at least ${minDevanagari} passages in Devanagari`, () => {
      const devanagari = passages().filter((p) => /[\u0900-\u097F]/.test(p.text));
      expect(devanagari.length).toBeGreaterThanOrEqual(minDevanagari);
    });
  }

  itHasPassageShape(passages);
});

describe.each(HOLDOUTS)('$name pages', (spec) => {
  const pagesDir = join(__dirname, '..', '..', 'corpus', spec.pagesFolder);
  const files = readdirSync(pagesDir).filter((f) => f.endsWith('.txt'));
  const [minWords, maxWords] = spec.pageWords;

  it(`has at least ${spec.minPages} pages`, () => {
    expect(files.length).toBeGreaterThanOrEqual(spec.minPages);
  });

  it.each(files)(`%s is an unlabelled page of ${minWords}-${maxWords} words`, (f) => {
    const text = readFileSync(join(pagesDir, f), 'utf8');
    expect(text).not.toMatch(/\[\[|\]\]/);
    const words = text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(minWords);
    expect(words).toBeLessThanOrEqual(maxWords);
  });
});

describe.each([
  { name: 'holdout 4 (real text)', file: () => import('../../corpus/holdout-real.json') },
  { name: 'holdout 5 (fresh real text)', file: () => import('../../corpus/holdout-fresh.json') },
])('$name sources', ({ file }) => {
  it('every passage names the real text it paraphrases', async () => {
    const raw = (await file()).default as { id: string; source?: string }[];
    const missing = raw.filter((p) => typeof p.source !== 'string' || p.source.trim().length < 10).map((p) => p.id);
    expect(missing).toEqual([]);
  });
});
