/**
 * The word-by-word cue matcher (glossary/cues.ts) must find exactly what the whole-word pattern it
 * replaced finds: same first match, same text, for every cue list in the glossary, over every
 * passage of the corpus and the holdouts and a set of edge cases.
 */
import { describe, expect, it } from 'vitest';
import { cuePattern, isWordCue, nextWordPattern, patternCues } from '@/glossary/cues';
import { glossary } from '@/glossary';
import { loadCorpus, loadHoldout, loadHoldout2, loadHoldout3 } from '../../corpus/corpus';

const ruleEntries = glossary.filter((entry) => entry.senses);
const lists = ruleEntries.flatMap((entry) => {
  const rules = entry.senses!;
  const forms = [entry.name, entry.expansion, ...entry.aliases].filter((form): form is string => !!form);
  return [
    { name: `${entry.id} confirm`, cues: rules.confirm, caseSensitive: false },
    { name: `${entry.id} reject`, cues: rules.reject, caseSensitive: false },
    { name: `${entry.id} others`, cues: rules.others ?? [], caseSensitive: false },
    { name: `${entry.id} forms`, cues: forms, caseSensitive: false },
    { name: `${entry.id} forms (exact case)`, cues: forms, caseSensitive: true },
  ].filter((list) => list.cues.length > 0);
});

const texts = [...loadCorpus(), ...loadHoldout(), ...loadHoldout2(), ...loadHoldout3()].map((passage) => passage.text);

const EDGE_TEXTS = [
  'LPG subsidies reached', 'unsubsidised', 'आधार कार्ड बनवाएं', 'आधार कार्डों', 'share bank  statements',
  'IDs and cards', 'bank-statement', 'bank \u2014 statement', 'e-KYC done', 'ekyc', 'E-KYC', 'Moody\u2019s',
  "Moody's rated it", 'S&P Global', 'S & P', 'M.Sc student', 'Jan-Dhan accounts', 'jan  dhan', '𝐔PI 🙂 upi',
  'upi\u200Dx', 'paid-in capital', 'the app.', '', '   ', 'APP', 'payment payments', 'pay-ment',
  'İstanbul İD: app İn payments', 'ǅ ﬁ app',
];

const GAP = /^[\s\-\u2010\u2011]+/u;
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_\u200C\u200D]`;
/** The next-word pattern as a regular expression, for comparison. */
function nextWordRegExp(cues: readonly string[]): RegExp {
  const source = cues
    .map((cue) => cue.trim())
    .filter(Boolean)
    .map((cue) => {
      const prefix = cue.endsWith('*');
      const body = (prefix ? cue.slice(0, -1) : cue).replace(/[\^$\\.*+?()[\]{}|/]/g, '\\$&').replace(/\s+/g, String.raw`[\s\-]+`);
      return prefix ? `${body}${WORD_CHAR}*` : body;
    })
    .join('|');
  return new RegExp(String.raw`^[\s\-\u2010\u2011]+(?:${source})(?!${WORD_CHAR})`, 'iu');
}

describe('cue lists in the glossary', () => {
  it('has lists to check (the comparison below is not vacuous)', () => {
    expect(lists.length).toBeGreaterThan(50);
    expect(texts.length).toBeGreaterThan(700);
  });

  it('every confirm, reject and others cue is read word by word (no list falls back to a pattern)', () => {
    const unsupported = ruleEntries.flatMap((entry) =>
      [...entry.senses!.confirm, ...entry.senses!.reject, ...(entry.senses!.others ?? [])].filter((cue) => !isWordCue(cue)),
    );
    expect(unsupported).toEqual([]);
  });

  it.each(lists)('$name: finds what the whole-word pattern finds, in every corpus passage', ({ cues, caseSensitive }) => {
    const words = cuePattern(cues, caseSensitive)!;
    const pattern = patternCues(cues, caseSensitive)!;
    const differences = [...texts, ...EDGE_TEXTS]
      .map((text) => ({ text: text.slice(0, 80), words: words.exec(text)?.[0], pattern: pattern.exec(text)?.[0] }))
      .filter((row) => row.words !== row.pattern);
    expect(differences).toEqual([]);
  });

  it.each(ruleEntries.filter((entry) => entry.senses!.confirm.length > 0))(
    '$id: a confirm cue as the next word is found as the pattern finds it',
    (entry) => {
      const words = nextWordPattern(entry.senses!.confirm, GAP)!;
      const pattern = nextWordRegExp(entry.senses!.confirm);
      // Every occurrence of a space in the corpus starts an "after" text, as after a term.
      const afters = texts.flatMap((text) => [...text.matchAll(/ /g)].slice(0, 40).map((m) => text.slice(m.index, m.index + 40)));
      const differences = [...afters, ...EDGE_TEXTS.map((text) => ` ${text}`)]
        .map((after) => ({ after, words: words.exec(after)?.[0], pattern: pattern.exec(after)?.[0] }))
        .filter((row) => row.words !== row.pattern);
      expect(differences).toEqual([]);
    },
  );
});

describe('cuePattern', () => {
  it.each([
    ['a prefix cue takes any continuation', ['subsid*'], 'LPG subsidies reached', 'subsidies'],
    ['a cue never starts inside a word', ['subsid*'], 'unsubsidised', undefined],
    ['a cue never ends inside a Devanagari word', ['कार्ड'], 'आधार कार्डों', undefined],
    ['a space in a cue matches spaces and hyphens', ['jan dhan'], 'the Jan-Dhan  scheme', 'Jan-Dhan'],
    ['a space in a cue does not match a dash', ['bank statement'], 'bank \u2014 statement', undefined],
    ['a hyphen in a cue matches only a hyphen', ['e-KYC'], 'an e KYC and an E-KYC', 'E-KYC'],
    ['punctuation inside a cue matches itself', ['S&P'], 'S & P or S&P', 'S&P'],
    ['the leftmost match wins over list order', ['card', 'app'], 'the app and card', 'app'],
    ['list order decides at the same word', ['pay', 'pay later'], 'buy now pay later', 'pay'],
    ['a longer cue is tried when the first one ends inside a word', ['pay', 'payment'], 'payment', 'payment'],
    ['an astral letter after a cue is a word character', ['upi'], 'upi𝐀 then UPI.', 'UPI'],
  ])('%s', (_name, cues, text, found) => {
    expect(cuePattern(cues)!.exec(text)?.[0]).toBe(found);
    expect(patternCues(cues)!.exec(text)?.[0]).toBe(found);
  });

  it('is case-sensitive on request', () => {
    expect(cuePattern(['GeM'], true)!.test('GEM detectors')).toBe(false);
    expect(cuePattern(['GeM'], true)!.exec('on GeM today')).toEqual({ 0: 'GeM', index: 3 });
    expect(cuePattern(['GeM'])!.test('GEM detectors')).toBe(true);
  });

  it('reports where the match starts', () => {
    expect(cuePattern(['aadhaar card'])!.exec('My Aadhaar  card.')?.index).toBe(3);
  });

  it('falls back to the pattern for a cue that does not start and end with a word character', () => {
    expect(isWordCue('e₹')).toBe(false);
    expect(isWordCue('-aware')).toBe(false);
    expect(isWordCue('a - b')).toBe(false);
    expect(cuePattern(['e₹', 'rupee'])!.exec('paid in e₹ today')?.[0]).toBe('e₹');
  });

  it('is undefined for an empty list', () => {
    expect(cuePattern([])).toBeUndefined();
    expect(cuePattern(['  '])).toBeUndefined();
  });
});

describe('nextWordPattern', () => {
  it('finds a cue only as the first word after a space or hyphen', () => {
    const next = nextWordPattern(['app', 'card*'], GAP)!;
    expect(next.exec(' app users')?.[0]).toBe(' app');
    expect(next.exec('-cards')?.[0]).toBe('-cards');
    expect(next.test('app')).toBe(false); // no gap: the term runs on
    expect(next.test(' the app')).toBe(false);
    expect(next.test(' apps')).toBe(false);
  });
});

describe('offsets in text that lower-cases longer', () => {
  it('finds a cue after "İ" (two code units when lower-cased) at its place in the original text', () => {
    expect(cuePattern(['app'])!.exec('İİİ app')).toEqual({ 0: 'app', index: 4 });
  });
});
