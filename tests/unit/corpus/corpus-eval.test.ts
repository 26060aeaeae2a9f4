/**
 * The targets of `npm run eval`, as a test: a change that drops the project's corpus below them
 * fails CI, with the errors listed in the message.
 */
import { describe, expect, it } from 'vitest';
import { glossary } from '@/glossary';
import { createDetector } from '@/glossary/detect';
import { loadCorpus } from '../../corpus/corpus';
import { CORPUS_TARGETS, evaluate, evaluateDetector, noTermPage } from '../../corpus/eval';

const report = evaluateDetector(loadCorpus(), createDetector(glossary));
const errors = report.errors.map((e) => `${e.kind} ${e.passage} ${e.id}: ${e.context}`).join('\n');

describe('term detection on the labelled corpus', () => {
  it(`has precision >= ${CORPUS_TARGETS.precision}`, () => {
    expect(report.overall.precision, errors).toBeGreaterThanOrEqual(CORPUS_TARGETS.precision);
  });

  it(`has recall >= ${CORPUS_TARGETS.recall}`, () => {
    expect(report.overall.recall, errors).toBeGreaterThanOrEqual(CORPUS_TARGETS.recall);
  });

  it('highlights nothing on a long page without DPI terms', () => {
    expect(createDetector(glossary).detect(noTermPage(20_000))).toEqual([]);
  });
});

describe('evaluate', () => {
  const passage = { id: 'x', kind: 'dpi' as const, genre: 'news', text: 'UPI Lite and UPI', labels: [
    { id: 'upi-lite', start: 0, end: 8, text: 'UPI Lite' },
    { id: 'upi', start: 13, end: 16, text: 'UPI' },
  ] };

  it.each([
    ['counts an exact span as a true positive', [{ id: 'upi', start: 13, end: 16, text: 'UPI' }], { tp: 1, fp: 0, fn: 1 }],
    ['counts a shorter span as a false positive and a miss', [{ id: 'upi', start: 0, end: 3, text: 'UPI' }], { tp: 0, fp: 1, fn: 2 }],
    ['counts the same span twice once', [{ id: 'upi', start: 13, end: 16, text: 'UPI' }, { id: 'upi', start: 13, end: 16, text: 'UPI' }], { tp: 1, fp: 0, fn: 1 }],
  ])('%s', (_name, predicted, counts) => {
    const { overall } = evaluate([passage], () => predicted);
    expect({ tp: overall.tp, fp: overall.fp, fn: overall.fn }).toEqual(counts);
  });
});

describe('evaluateDetector', () => {
  it('does not score a label inside a longer out-of-scope name, and still scores one beside it', () => {
    // "NPCI International" is the nipl entry, which the corpus cannot label: the "NPCI" label inside
    // it is neither a hit nor a miss; a stand-alone "NPCI" is still scored.
    const text = 'NPCI International signed a deal. NPCI said so.';
    const passage = { id: 'x', kind: 'dpi' as const, genre: 'news', text, labels: [
      { id: 'npci', start: 0, end: 4, text: 'NPCI' },
      { id: 'npci', start: 34, end: 38, text: 'NPCI' },
    ] };
    const result = evaluateDetector([passage], createDetector(glossary));
    expect(result.coveredByOutOfScope.map((l) => l.start)).toEqual([0]);
    expect({ tp: result.overall.tp, fn: result.overall.fn }).toEqual({ tp: 1, fn: 0 });
  });
});
