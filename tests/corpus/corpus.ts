/**
 * Loader for the labelled term-detection corpus (see ./README.md for the labelling rules).
 * Pure: no file system access, so it runs the same in vitest, vite-node/tsx and a bundler.
 */
import rawPassages from './passages.json';
import rawHoldout from './holdout.json';
import rawHoldout2 from './holdout2.json';
import rawHoldout3 from './holdout3.json';
import rawHoldoutReal from './holdout-real.json';
import rawHoldoutFresh from './holdout-fresh.json';

export const TERM_IDS = [
  'dpi', 'dpg', 'dpga', 'india-stack', 'jam-trinity', 'jan-dhan', 'aadhaar', 'uidai', 'ekyc',
  'esign', 'digilocker', 'upi', 'npci', 'bhim', 'rupay', 'upi-lite', 'upi-123pay', 'imps',
  'e-rupi', 'cbdc', 'bbps', 'fastag', 'netc', 'aeps', 'dbt', 'pfms', 'gem', 'ondc', 'beckn',
  'account-aggregator', 'depa', 'ocen', 'dpdp-act', 'data-protection-board', 'mygov', 'umang',
  'api-setu', 'cowin', 'aarogya-setu', 'abdm', 'abha', 'diksha', 'bhashini', 'cert-in', 'mosip',
  'g20', 'one-future-alliance', 'digital-divide', 'data-localisation', 'data-sovereignty',
  'linkage-attack', 'co-creation-model',
] as const;
export type TermId = (typeof TERM_IDS)[number];

export const KINDS = ['dpi', 'confounder', 'mixed'] as const;
export type PassageKind = (typeof KINDS)[number];

/** A passage as stored in passages.json: `text` carries `[[surface|term-id]]` markup. */
export interface RawPassage {
  id: string;
  kind: PassageKind;
  genre: string;
  text: string;
}

/** One span that should be highlighted. Offsets are UTF-16 indices into the clean text. */
export interface Label {
  id: string;
  start: number;
  end: number;
  text: string;
}

export interface Passage {
  id: string;
  kind: PassageKind;
  genre: string;
  /** The passage with the markup removed: what a page would show. */
  text: string;
  /** In order of appearance; never overlapping. */
  labels: Label[];
}

export class CorpusMarkupError extends Error {}

/**
 * Strip `[[surface|term-id]]` markup. Throws CorpusMarkupError on unbalanced or nested brackets,
 * a missing or empty surface/id, or a stray `]]`. Does not check ids against TERM_IDS (the test
 * does, so that it can name every bad id at once).
 */
export function parseMarkup(marked: string): { text: string; labels: Label[] } {
  let text = '';
  const labels: Label[] = [];
  let i = 0;
  while (i < marked.length) {
    const open = marked.indexOf('[[', i);
    const strayClose = marked.indexOf(']]', i);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      throw new CorpusMarkupError(`stray "]]" at ${strayClose}`);
    }
    if (open === -1) {
      text += marked.slice(i);
      break;
    }
    text += marked.slice(i, open);
    const close = marked.indexOf(']]', open + 2);
    if (close === -1) throw new CorpusMarkupError(`unclosed "[[" at ${open}`);
    const inner = marked.slice(open + 2, close);
    if (inner.includes('[[')) throw new CorpusMarkupError(`nested "[[" at ${open}`);
    const bar = inner.lastIndexOf('|');
    if (bar === -1 || inner.indexOf('|') !== bar) {
      throw new CorpusMarkupError(`label at ${open} needs exactly one "|": "${inner}"`);
    }
    const surface = inner.slice(0, bar);
    const id = inner.slice(bar + 1);
    if (!surface || !id || surface.trim() !== surface || id.trim() !== id) {
      throw new CorpusMarkupError(`empty or padded surface/id at ${open}: "${inner}"`);
    }
    const start = text.length;
    text += surface;
    labels.push({ id, start, end: text.length, text: surface });
    i = close + 2;
  }
  return { text, labels };
}

export function parsePassage(raw: RawPassage): Passage {
  try {
    const { text, labels } = parseMarkup(raw.text);
    return { id: raw.id, kind: raw.kind, genre: raw.genre, text, labels };
  } catch (e) {
    if (e instanceof CorpusMarkupError) throw new CorpusMarkupError(`${raw.id}: ${e.message}`);
    throw e;
  }
}

/** The raw passages, markup intact. */
export function rawCorpus(): RawPassage[] {
  return rawPassages as RawPassage[];
}

/** Every passage, parsed. */
export function loadCorpus(): Passage[] {
  return rawCorpus().map(parsePassage);
}

/**
 * The held-out passages (holdout.json, ids `h0001`...), parsed. Written blind after the rules;
 * for measuring only, never for tuning (see README.md, "Holdout").
 */
export function loadHoldout(): Passage[] {
  return (rawHoldout as RawPassage[]).map(parsePassage);
}

/**
 * The second held-out set (holdout2.json, ids `k0001`...), parsed. Written blind after the first
 * holdout's errors were tuned on; for measuring only, never for tuning (see README.md, "Holdout 2").
 */
export function loadHoldout2(): Passage[] {
  return (rawHoldout2 as RawPassage[]).map(parsePassage);
}

/**
 * The third held-out set (holdout3.json, ids `m0001`...), parsed. Written blind after the second
 * holdout's errors were tuned on; for measuring only, never for tuning (see README.md, "Holdout 3").
 */
export function loadHoldout3(): Passage[] {
  return (rawHoldout3 as RawPassage[]).map(parsePassage);
}

/**
 * The fourth held-out set (holdout-real.json, ids `r0001`...), parsed: paraphrases of real third-party
 * text (news, government releases, explainers, forums, 2013-2026) that keep the terms' surfaces and
 * cues, each with a `source` note. Labelled before any detector was run on it; for measuring only,
 * never for tuning (see README.md, "Holdout 4: real text").
 */
export function loadHoldoutReal(): Passage[] {
  return (rawHoldoutReal as RawPassage[]).map(parsePassage);
}

/**
 * The fifth held-out set (holdout-fresh.json, ids `f0001`...), parsed: paraphrases of real third-party
 * text found after holdout 4's rules were written (news, PIB/NPCI/UIDAI/RBI material, explainers,
 * forums, 2012-2026), with a `source` note each. Labelled before any detector was run on it; for
 * measuring only, never for tuning (see README.md, "Holdout 5: fresh real text").
 */
export function loadHoldoutFresh(): Passage[] {
  return (rawHoldoutFresh as RawPassage[]).map(parsePassage);
}
