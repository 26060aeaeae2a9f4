/**
 * The glossary data the build computes (glossary/heads.ts through scripts/lib/glossary-plugin.mjs)
 * and the content script's cold start: the build's pattern is exactly the one glossary/matcher.ts
 * builds from the entries, the content script's startup data carries no entry text, and context
 * rules build an entry's cue patterns only when one of its ambiguous forms occurs.
 */
import { describe, expect, it } from 'vitest';
import { glossary } from '@/glossary';
import { bundledForms, bundledHeads, bundledMatcher } from '@/glossary/bundled';
import { createDetector, detectorOf } from '@/glossary/detect';
import { buildGlossaryData } from '@/glossary/heads';
import { compileMatcherData, createMatcher } from '@/glossary/matcher';
import { compileSenses } from '@/glossary/senses';
import { compileTerms } from '@/glossary/terms';
import { CARD_ENTRIES_MESSAGE } from '@/utils/messages';
import { answerCardEntries } from '@/entrypoints/background/card-entries-answer';

const SAMPLE = [
  'India’s UPI and Aadhaar-based eKYC; the DPI debate (a 600 DPI scanner) and a JAM on the road.',
  'आधार कार्ड और यूपीआई लाइट; Unified Payments Interface; name@upi and https://upi.example/x.',
].join('\n');

describe('build-time glossary data', () => {
  it('has the pattern and form table glossary/matcher.ts builds from the bundled entries', () => {
    const data = buildGlossaryData(glossary);
    expect(data.matcher).toEqual(compileMatcherData(compileTerms(glossary)));
    expect(bundledMatcher().pattern.source).toBe(createMatcher(compileTerms(glossary)).pattern.source);
    expect(bundledMatcher().findAll(SAMPLE)).toEqual(createMatcher(compileTerms(glossary)).findAll(SAMPLE));
  });

  it('carries every entry head but none of the entries’ text (definitions, sources, history)', () => {
    expect(bundledHeads.map((head) => head.id)).toEqual(glossary.map((entry) => entry.id));
    for (const head of bundledHeads) {
      expect(head).not.toHaveProperty('short');
      expect(head).not.toHaveProperty('definition');
      expect(head).not.toHaveProperty('sources');
      expect(head).not.toHaveProperty('history');
    }
    expect(bundledForms()).toEqual(compileTerms(glossary));
  });
});

describe('context rules on a cold page', () => {
  it('build no cue patterns for a page whose matches are all unambiguous', () => {
    const senses = compileSenses(bundledHeads);
    const detector = detectorOf(bundledMatcher(), senses);
    expect(detector.detect('Aadhaar and MOSIP, nothing else.').map((t) => t.text)).toEqual(['Aadhaar', 'MOSIP']);
    expect(senses.cuesBuilt.size).toBe(0);
  });

  it('build the cue patterns of only the entries whose ambiguous forms occur', () => {
    const senses = compileSenses(bundledHeads);
    const detector = detectorOf(bundledMatcher(), senses);
    detector.detect('A 600 DPI scanner.');
    expect([...senses.cuesBuilt]).toEqual(['dpi']);
  });

  it('decide exactly as a detector that builds everything itself', () => {
    const shared = detectorOf(bundledMatcher(), compileSenses(bundledHeads));
    const own = createDetector(glossary);
    expect(shared.decide(SAMPLE)).toEqual(own.decide(SAMPLE));
  });
});

describe('the card’s entries', () => {
  it('come from the background, whole, for the content script’s request only', async () => {
    await expect(answerCardEntries({ type: CARD_ENTRIES_MESSAGE })).resolves.toEqual(glossary);
    expect(answerCardEntries({ type: 'dpi-lens:page-terms' })).toBeUndefined();
  });
});
