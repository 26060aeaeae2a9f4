/**
 * Scores predicted highlights against the labelled corpus. Pure: the caller supplies the
 * predictions (scripts/eval.mjs and tests/unit/corpus-eval.test.ts run the extension's own
 * matching code to get them), so this module only counts.
 *
 * A prediction is correct only when its id, start and end equal a label's exactly: a highlight
 * that covers "UPI" inside "UPI Lite" or stops short of "Aadhaar" in "Aadhaar-linked" is a
 * different highlight from the one a reader should see.
 */
import type { Detector } from '@/glossary/detect';
import { TERM_IDS, type Label, type Passage } from './corpus';

/** What the issue asks for on the project's own corpus. */
export const CORPUS_TARGETS = { precision: 0.98, recall: 0.96 } as const;
/** The context rules may make a page without DPI terms at most this much slower than plain matching. */
export const SPEED_BUDGET = 1.2;
/** Repetitions per timing; the median resists GC pauses and JIT warm-up. */
const SPEED_REPETITIONS = 21;
/** Size of the generated no-term page: about a long article with comments (~200 KB of text). */
const NO_TERM_PAGE_CHARS = 200_000;

/** Characters of passage text shown on each side of an error, enough to see the cue that decided it. */
const ERROR_CONTEXT_CHARS = 60;

export interface Prediction {
  id: string;
  start: number;
  end: number;
  text: string;
  /** The decision rule that kept it, for tracing a false positive to its cause. */
  rule?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalError {
  kind: 'false-positive' | 'miss';
  passage: string;
  id: string;
  text: string;
  start: number;
  /** The passage around the span, with the span in »guillemets«. */
  context: string;
  rule?: string;
}

export interface EvalReport {
  overall: Scores;
  /**
   * Highlights of glossary entries the corpus has no id for (it was labelled with 52 ids; later
   * entries such as Sahamati or NIPL cannot be right or wrong there): listed, not scored.
   */
  outOfScope: Prediction[];
  /**
   * Labels that lie inside an out-of-scope highlight of a longer name ("NPCI" in "NPCI International",
   * "DPI" in "Global DPI Repository"): by labelling rule 3 the longer name is the right highlight, and
   * the corpus could only label the shorter one because it has no id for the longer. Not scored.
   */
  coveredByOutOfScope: Label[];
  /** Per term id (labelled or predicted), sorted by id. */
  perTerm: Array<{ id: string } & Scores>;
  errors: EvalError[];
}

export function scoresOf({ tp, fp, fn }: Counts): Scores {
  // With nothing predicted (or nothing to find) there is nothing wrong: score 1, not NaN.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - ERROR_CONTEXT_CHARS);
  const to = Math.min(text.length, end + ERROR_CONTEXT_CHARS);
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return (
    (from > 0 ? '…' : '') +
    squash(text.slice(from, start)) +
    `»${text.slice(start, end)}«` +
    squash(text.slice(end, to)) +
    (to < text.length ? '…' : '')
  );
}

const keyOf = (span: { id: string; start: number; end: number }) => `${span.id}@${span.start}-${span.end}`;

/** Scores `predict(passage)` over every passage, each passage scored as one page. */
export function evaluate(
  passages: readonly Passage[],
  predict: (passage: Passage) => readonly Prediction[],
): EvalReport {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const byTerm = new Map<string, Counts>();
  const errors: EvalError[] = [];
  const count = (id: string, field: keyof Counts) => {
    const counts = byTerm.get(id) ?? { tp: 0, fp: 0, fn: 0 };
    counts[field] += 1;
    byTerm.set(id, counts);
    total[field] += 1;
  };

  for (const passage of passages) {
    const labels = new Map<string, Label>(passage.labels.map((l) => [keyOf(l), l]));
    const predicted = predict(passage);
    const seen = new Set<string>();
    for (const p of predicted) {
      const key = keyOf(p);
      if (seen.has(key)) continue; // the same span twice is one highlight
      seen.add(key);
      if (labels.has(key)) {
        count(p.id, 'tp');
        continue;
      }
      count(p.id, 'fp');
      errors.push({
        kind: 'false-positive',
        passage: passage.id,
        id: p.id,
        text: p.text,
        start: p.start,
        context: contextOf(passage.text, p.start, p.end),
        rule: p.rule,
      });
    }
    for (const [key, label] of labels) {
      if (seen.has(key)) continue;
      count(label.id, 'fn');
      errors.push({
        kind: 'miss',
        passage: passage.id,
        id: label.id,
        text: label.text,
        start: label.start,
        context: contextOf(passage.text, label.start, label.end),
      });
    }
  }

  return {
    overall: scoresOf(total),
    outOfScope: [],
    coveredByOutOfScope: [],
    perTerm: [...byTerm]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, counts]) => ({ id, ...scoresOf(counts) })),
    errors,
  };
}

export function meetsCorpusTargets(overall: Scores): boolean {
  return overall.precision >= CORPUS_TARGETS.precision && overall.recall >= CORPUS_TARGETS.recall;
}

const CORPUS_IDS = new Set<string>(TERM_IDS);

/** Scores the detector the extension runs, each passage as one page. */
export function evaluateDetector(passages: readonly Passage[], detector: Detector): EvalReport {
  const outOfScope: Prediction[] = [];
  const coveredByOutOfScope: Label[] = [];
  const predictions = new Map<string, Prediction[]>();
  // Out-of-scope highlights first: a label inside one is not scored (see EvalReport.coveredByOutOfScope).
  const scored = passages.map((passage) => {
    const all = detector.detect(passage.text).map((term) => ({
      id: term.id, start: term.start, end: term.end, text: term.text, rule: term.decision.rule,
    }));
    const outside = all.filter((p) => !CORPUS_IDS.has(p.id));
    outOfScope.push(...outside);
    predictions.set(passage.id, all.filter((p) => CORPUS_IDS.has(p.id)));
    const covered = (l: Label) => outside.some((p) => p.start <= l.start && l.end <= p.end && p.end - p.start > l.end - l.start);
    coveredByOutOfScope.push(...passage.labels.filter(covered));
    return { ...passage, labels: passage.labels.filter((l) => !covered(l)) };
  });
  const report = evaluate(scored, (passage) => predictions.get(passage.id) ?? []);
  // A miss is easier to trace with the rule that dropped the candidate at the same place, if any.
  const byPassage = new Map(passages.map((p) => [p.id, p]));
  for (const error of report.errors) {
    if (error.kind !== 'miss') continue;
    const dropped = detector
      .decide(byPassage.get(error.passage)!.text)
      .find((term) => term.start === error.start && !term.decision.keep);
    if (dropped) error.rule = `${dropped.decision.rule}: ${dropped.decision.explain}`;
  }
  return { ...report, outOfScope, coveredByOutOfScope };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median times of two runs, sampled alternately so that both see the same machine load (other
 * processes, GC, CPU frequency): a ratio of two separately timed runs is mostly noise.
 */
function timePair(plain: () => void, withContext: () => void): [number, number] {
  plain(); // warm-up: compile the pattern, let the JIT see both loops
  withContext();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < SPEED_REPETITIONS; i += 1) {
    let start = performance.now();
    plain();
    a.push(performance.now() - start);
    start = performance.now();
    withContext();
    b.push(performance.now() - start);
  }
  return [median(a), median(b)];
}

/** Ordinary news prose without DPI terms, with the look-alikes that do not match ("dpi", "Jam"). */
const NO_TERM_SENTENCES = [
  'The monsoon reached Kerala three days early, the weather office said on Monday.',
  'Traffic on the ring road was slow after a lorry broke down near the flyover.',
  'The team chased down 287 with four overs to spare, thanks to a calm century at number four.',
  'Scan your old photographs at 600 dpi if you plan to print them larger than postcards.',
  'A strawberry jam recipe needs ripe fruit, sugar and a squeeze of lemon.',
  'Shares of the cement maker rose 3% after it reported higher quarterly profit.',
];

export function noTermPage(chars = NO_TERM_PAGE_CHARS): string {
  let page = '';
  for (let i = 0; page.length < chars; i += 1) {
    // A paragraph break every few sentences, as a page's text nodes would have.
    page += NO_TERM_SENTENCES[i % NO_TERM_SENTENCES.length]! + (i % 5 === 4 ? '\n' : ' ');
  }
  return page;
}

export interface SpeedCase {
  name: string;
  plainMs: number;
  contextMs: number;
  ratio: number;
}

/** Plain matching vs matching + context rules, measured in the same run on the same texts. */
export function measureSpeed(
  detector: Detector,
  passages: readonly Passage[],
): { cases: SpeedCase[]; noTermRatio: number } {
  const page = noTermPage();
  const texts = passages.map((p) => p.text);
  const pair = (name: string, plain: () => void, withContext: () => void): SpeedCase => {
    const [plainMs, contextMs] = timePair(plain, withContext);
    return { name, plainMs, contextMs, ratio: contextMs / plainMs };
  };
  const cases = [
    pair(
      `no DPI terms (${Math.round(page.length / 1000)} KB)`,
      () => detector.matcher.findAll(page),
      () => detector.detect(page),
    ),
    pair(
      `corpus (${texts.length} passages as pages)`,
      () => texts.forEach((t) => detector.matcher.findAll(t)),
      () => texts.forEach((t) => detector.detect(t)),
    ),
  ];
  return { cases, noTermRatio: cases[0]!.ratio };
}
