/**
 * Cue lists ("subsid*", "bank statement", "e-KYC", "कार्ड") found as whole words, without building a
 * regular expression per list. A cue list used to be one `(?:a|b|...)(?![\p{L}\p{M}\p{N}_])` pattern
 * with the `iu` flags; V8 compiles such a pattern on its first use, about 1-2 ms each for the Unicode
 * case-folded classes, and an entry needs six of them (README "Performance": most of a news
 * article's cost over the scan floor). Here one shared word pattern (compiled once per page) splits
 * the text into words, and each cue is compared word by word.
 *
 * Same matches as that pattern: a cue starts at a word start and ends at a word end; a trailing `*`
 * accepts any continuation of its last word; whitespace inside a cue matches any run of spaces and
 * hyphens ("jan dhan" also finds "Jan-Dhan" and "jan  dhan"); other characters inside a cue ("e-KYC", "Moody's", "S&P") match themselves. Case-insensitive lists
 * compare lower-cased words. The first cue in list order that matches at the leftmost word wins, as
 * in an alternation. tests/unit/cues.test.ts checks this against the regular expression it replaces
 * for every cue in the glossary over the whole corpus.
 */

import { WORD_CHAR, escapeChar } from './matcher';

/** Runs of the matcher's word characters (letters, marks, digits, underscore, Indic joiners). */
const WORD_RUN = new RegExp(`${WORD_CHAR}+`, 'gu');
/** The same class, sticky, for one position: a copy, so a scan's `lastIndex` is never disturbed. */
const WORD_RUN_AT = new RegExp(`${WORD_CHAR}+`, 'uy');
/** What a space inside a cue matches. */
const CUE_GAP = /[\s-]/;

/** A cue list's matcher: the first cue found (its text as written on the page), or null. */
export interface CuePattern {
  exec(text: string): { 0: string; index: number } | null;
  test(text: string): boolean;
}

/** A cue split into words and what separates them: ' ' stands for one or more spaces or hyphens. */
interface Cue {
  words: string[];
  separators: string[];
  /** The last word may continue ("subsid*" finds "subsidies"). */
  prefix: boolean;
}

/** Where the run of word characters starting at `index` ends (`index` itself when there is none). */
function wordEnd(text: string, index: number): number {
  WORD_RUN_AT.lastIndex = index;
  return WORD_RUN_AT.test(text) ? WORD_RUN_AT.lastIndex : index;
}

class UnsupportedCueError extends Error {}

/**
 * Splits a cue into words and separators. Throws for a cue the word-by-word matcher cannot read
 * the way the pattern does (one starting or ending with a non-word character such as "e₹", or with
 * a space beside a hyphen): its list is then matched by the pattern (`patternCues`).
 */
function parseCue(raw: string, caseSensitive: boolean): Cue | undefined {
  let body = raw.trim();
  const prefix = body.endsWith('*');
  if (prefix) body = body.slice(0, -1);
  if (!body) return undefined;
  if (!caseSensitive) body = body.toLowerCase();
  const words: string[] = [];
  const separators: string[] = [];
  let last = 0;
  WORD_RUN.lastIndex = 0; // matchAll starts its copy where the shared scan last stopped
  for (const run of body.matchAll(WORD_RUN)) {
    if (words.length > 0) separators.push(body.slice(last, run.index).replace(/\s+/g, ' '));
    else if (run.index !== 0) throw new UnsupportedCueError(`cue "${raw}" must start with a letter or digit`);
    words.push(run[0]);
    last = run.index + run[0].length;
  }
  if (words.length === 0 || last !== body.length) throw new UnsupportedCueError(`cue "${raw}" must end with a letter or digit (or *)`);
  if (separators.some((separator) => / -|- /.test(separator))) throw new UnsupportedCueError(`cue "${raw}" has a space beside a hyphen`);
  return { words, separators, prefix };
}

/** Matches a separator at `index`; returns the index after it, or -1. */
function matchSeparator(text: string, index: number, separator: string): number {
  let at = index;
  for (const char of separator) {
    if (char === ' ') {
      if (!CUE_GAP.test(text[at] ?? '')) return -1;
      while (CUE_GAP.test(text[at] ?? '')) at += 1;
    } else {
      if (text[at] !== char) return -1;
      at += 1;
    }
  }
  return at;
}

/** Where `cue` ends when it starts at `index` (a word start), or -1. */
function matchCue(text: string, index: number, cue: Cue, caseSensitive: boolean): number {
  let at = index;
  for (let i = 0; i < cue.words.length; i += 1) {
    const word = cue.words[i]!;
    const piece = text.slice(at, at + word.length);
    if ((caseSensitive ? piece : piece.toLowerCase()) !== word) return -1;
    at += word.length;
    if (i < cue.separators.length) {
      at = matchSeparator(text, at, cue.separators[i]!);
      if (at < 0) return -1;
    }
  }
  const end = wordEnd(text, at);
  if (cue.prefix) return end;
  return end === at ? at : -1;
}

/** True when the word-by-word matcher reads `cue` (else its list falls back to a pattern). */
export function isWordCue(cue: string): boolean {
  try {
    return parseCue(cue, false) !== undefined;
  } catch (error) {
    if (error instanceof UnsupportedCueError) return false;
    throw error;
  }
}

/** A cue list as a whole-word matcher (case-insensitive unless `caseSensitive`); undefined when empty. */
export function cuePattern(cues: readonly string[], caseSensitive = false): CuePattern | undefined {
  let parsed: Cue[];
  try {
    parsed = cues.map((cue) => parseCue(cue, caseSensitive)).filter((cue): cue is Cue => cue !== undefined);
  } catch (error) {
    if (error instanceof UnsupportedCueError) return patternCues(cues, caseSensitive);
    throw error;
  }
  if (parsed.length === 0) return undefined;
  const exec = (text: string): { 0: string; index: number } | null => {
    const haystack = caseSensitive ? text : lowered(text);
    let best = -1;
    let bestEnd = -1;
    // Cues in list order; a later cue wins only by starting further left (as in an alternation).
    for (const cue of parsed) {
      const first = cue.words[0]!;
      for (let at = haystack.indexOf(first); at >= 0 && (best < 0 || at < best); at = haystack.indexOf(first, at + 1)) {
        if (wordCharBefore(text, at)) continue;
        const end = matchCue(text, at, cue, caseSensitive);
        if (end >= 0) {
          best = at;
          bestEnd = end;
          break;
        }
      }
    }
    return best >= 0 ? { 0: text.slice(best, bestEnd), index: best } : null;
  };
  return { exec, test: (text) => exec(text) !== null };
}

/** True when a word character ends `text` before `index` (a cue cannot start there). */
function wordCharBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const unit = text.charCodeAt(index - 1);
  const from = unit >= 0xdc00 && unit <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return wordEnd(text, from) > from;
}

/**
 * `text` lower-cased with every offset kept (String#toLowerCase lengthens "İ"), so a cue's first
 * word is found with indexOf, natively. Remembered for the last few texts: deciding one occurrence
 * reads its sentence with several lists, and a page's text with two or three per ambiguous entry.
 */
const RECENT_TEXTS = 4;
const recent: Array<{ text: string; lower: string }> = [];

function lowered(text: string): string {
  const known = recent.find((entry) => entry.text === text);
  if (known) return known.lower;
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    lower = Array.from(text, (char) => {
      const low = char.toLowerCase();
      return low.length === char.length ? low : char;
    }).join('');
  }
  recent.unshift({ text, lower });
  if (recent.length > RECENT_TEXTS) recent.pop();
  return lower;
}

/** A cue list as the first word after a gap of spaces or hyphens at the start ("BHIM app"). */
export function nextWordPattern(cues: readonly string[], gap: RegExp): CuePattern | undefined {
  // `gap` is anchored (^...+) and has no g/y flag: it is only ever read from the start.
  const parsed = cues.map((cue) => parseCue(cue, false)).filter((cue): cue is Cue => cue !== undefined);
  if (parsed.length === 0) return undefined;
  const exec = (text: string): { 0: string; index: number } | null => {
    const start = gap.exec(text)?.[0].length ?? 0;
    if (start === 0) return null;
    for (const cue of parsed) {
      const end = matchCue(text, start, cue, false);
      if (end >= 0) return { 0: text.slice(0, end), index: 0 };
    }
    return null;
  };
  return { exec, test: (text) => exec(text) !== null };
}

const WORD_CHAR_AT_END = new RegExp(`${WORD_CHAR}$`, 'u');

/**
 * The pattern `cuePattern` stands for, for lists with a cue it cannot split into words: whole-word
 * (the boundary before a match is checked in code), "subsid*" matching any continuation. Compiled
 * on first use, 1-2 ms. tests/unit/cues.test.ts compares the two matchers on the corpus.
 */
export function patternCues(cues: readonly string[], caseSensitive = false): CuePattern | undefined {
  const sources = cues
    .map((cue) => cue.trim())
    .filter(Boolean)
    .map((cue) => {
      const prefix = cue.endsWith('*');
      const body = [...(prefix ? cue.slice(0, -1) : cue)].map(escapeChar).join('').replace(/\s+/g, String.raw`[\s\-]+`);
      return prefix ? `${body}${WORD_CHAR}*` : body;
    });
  if (sources.length === 0) return undefined;
  const pattern = new RegExp(`(?:${sources.join('|')})(?!${WORD_CHAR})`, caseSensitive ? 'gu' : 'giu');
  const exec = (text: string): { 0: string; index: number } | null => {
    for (let from = 0; from <= text.length; ) {
      pattern.lastIndex = from;
      const match = pattern.exec(text);
      if (!match) return null;
      if (!WORD_CHAR_AT_END.test(text.slice(Math.max(0, match.index - 2), match.index))) return match;
      // Next code point: a match never starts inside a surrogate pair under the u flag.
      from = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
    }
    return null;
  };
  return { exec, test: (text) => exec(text) !== null };
}
