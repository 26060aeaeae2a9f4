/**
 * Guards the labelled detection corpus (tests/corpus): it must parse, use only known ids, and be
 * large and varied enough for precision/recall to mean something.
 */
import { describe, expect, it } from 'vitest';
import {
  CorpusMarkupError,
  TERM_IDS,
  loadCorpus,
  parseMarkup,
  rawCorpus,
} from '../../corpus/corpus';
import { itHasPassageShape } from '../support/corpus-shape';

const raw = rawCorpus();

describe('corpus markup parser', () => {
  it('strips markup and gives UTF-16 offsets', () => {
    const { text, labels } = parseMarkup('Pay 🙂 via [[UPI|upi]]; [[आधार|aadhaar]]-linked.');
    expect(text).toBe('Pay 🙂 via UPI; आधार-linked.');
    expect(labels).toEqual([
      { id: 'upi', start: 11, end: 14, text: 'UPI' },
      { id: 'aadhaar', start: 16, end: 20, text: 'आधार' },
    ]);
  });
  it.each([
    ['unclosed', 'a [[UPI|upi b'],
    ['stray close', 'a UPI|upi]] b'],
    ['nested', 'a [[x [[UPI|upi]]|y]] b'],
    ['no bar', 'a [[UPI]] b'],
    ['two bars', 'a [[UPI|upi|x]] b'],
    ['empty id', 'a [[UPI|]] b'],
  ])('rejects %s', (_name, marked) => {
    expect(() => parseMarkup(marked)).toThrow(CorpusMarkupError);
  });
});

describe('corpus passages', () => {
  it('has at least 260 passages with unique, well-formed ids', () => {
    expect(raw.length).toBeGreaterThanOrEqual(260);
    const ids = raw.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    // "h", "k", "r" and "f" ids were held out and moved here after their errors motivated a rule change
    // (README, "Holdout", "Holdout 2", "Holdout 4: real text" and "Holdout 5: fresh real text").
    for (const id of ids) expect(id).toMatch(/^[phkrf]\d{4}$/);
  });

  it('is at least a third confounders, and has mixed passages', () => {
    const confounders = raw.filter((p) => p.kind === 'confounder').length;
    expect(confounders).toBeGreaterThanOrEqual(90);
    expect(confounders * 3).toBeGreaterThanOrEqual(raw.length);
    expect(raw.filter((p) => p.kind === 'mixed').length).toBeGreaterThanOrEqual(20);
  });

  it.each(raw.map((p) => [p.id, p] as const))('%s parses', (_id, p) => {
    expect(() => parseMarkup(p.text)).not.toThrow();
  });

  itHasPassageShape(loadCorpus);

  it('labels each of the 52 term ids at least 3 times', () => {
    expect(TERM_IDS).toHaveLength(52);
    const counts = new Map<string, number>();
    for (const p of loadCorpus()) for (const l of p.labels) counts.set(l.id, (counts.get(l.id) ?? 0) + 1);
    const thin = TERM_IDS.filter((id) => (counts.get(id) ?? 0) < 3).map((id) => `${id}: ${counts.get(id) ?? 0}`);
    expect(thin).toEqual([]);
  });
});
