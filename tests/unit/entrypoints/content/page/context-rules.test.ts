/**
 * The context rules on a page (entrypoints/content/page/context-rules.ts, run by the highlighter): an
 * ambiguous term is highlighted on a DPI page and not in a confounder block; navigation, page
 * footers and link lists stay unhighlighted; decisions are recorded only in debug mode.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glossary } from '@/glossary';
import { createDetector } from '@/glossary/detect';
import type { Matcher } from '@/glossary/matcher';
import { HIGHLIGHT_MEASURE } from '@/entrypoints/content/page/contract';
import { startHighlighter, type Highlighter } from '@/entrypoints/content/page/highlighter';
import { DEBUG_ATTRIBUTE, DECISION_MARK, createPageSenseFilter } from '@/entrypoints/content/page/context-rules';
import { passesComplete } from '@/tests/unit/support/highlighting';
import { highlightedTerms, installHighlightRegistry } from '@/tests/unit/support/highlight-registry';

const detector = createDetector(glossary);
let run: Highlighter | undefined;
let registry: ReturnType<typeof installHighlightRegistry>;
const highlighted = () => highlightedTerms(registry).map(([id, text]) => `${id}:${text}`);
const texts = () => highlightedTerms(registry).map(([, text]) => text);
beforeEach(() => {
  registry = installHighlightRegistry();
});

/** Stops the running highlighter (restoring its page) before `html` replaces the page, so it never follows the next page. */
function stopHighlighting(): void {
  run?.stop();
  run = undefined;
}

/** Highlights a page of `html` with the live highlighter and these rules; resolves with its marks, in reading order. */
async function highlightPage(html: string): Promise<string[]> {
  stopHighlighting();
  document.body.innerHTML = html;
  performance.clearMeasures(HIGHLIGHT_MEASURE);
  run = startHighlighter(document, detector.matcher, { density: 'every', senses: createPageSenseFilter(document, detector) });
  await passesComplete(1);
  return highlighted();
}

afterEach(() => {
  stopHighlighting();
  document.documentElement.removeAttribute(DEBUG_ATTRIBUTE);
});

describe('context rules on a page', () => {
  it.each([
    ['a printer review', '<p>The printer scans at 600 DPI and prints at 1200 DPI.</p>', []],
    ['a traffic report', '<p>The JAM on the highway lasted two hours, traffic police said.</p>', []],
    ['a therapy article', '<p>DBT (dialectical behaviour therapy) helps people manage emotions. DBT groups meet weekly.</p>', []],
    ['a Ruby tutorial', '<p>Install the GEM with bundler before you run the Ruby script.</p>', []],
    ['a DPI article', '<article><p>India\'s DPI rests on Aadhaar and UPI.</p><p>The JAM trinity let DBT reach Jan Dhan accounts.</p></article>',
      ['dpi:DPI', 'aadhaar:Aadhaar', 'upi:UPI', 'jam-trinity:JAM trinity', 'dbt:DBT', 'jan-dhan:Jan Dhan']],
  ])('%s', async (_name, html, expected) => {
    expect(await highlightPage(html)).toEqual(expected);
  });

  it('uses the page as evidence: an ambiguous term in a block without cues is marked on a DPI page only', async () => {
    const paragraph = '<p>Officials said DBT would follow soon.</p>';
    expect(await highlightPage(paragraph)).toEqual([]);
    expect(await highlightPage(`<p>Aadhaar enrolment rose.</p>${paragraph}`)).toEqual(['aadhaar:Aadhaar', 'dbt:DBT']);
  });

  it('counts terms in content the page adds later as evidence for the ambiguous terms that follow', async () => {
    const paragraph = '<p>Officials said DBT would follow soon.</p>';
    expect(await highlightPage(paragraph)).toEqual([]); // read now: no evidence on the page
    const passes = performance.getEntriesByName(HIGHLIGHT_MEASURE).length;
    document.body.insertAdjacentHTML('beforeend', `<p>Aadhaar enrolment rose.</p>${paragraph}`);
    await passesComplete(passes + 1);
    expect(texts()).toEqual(['Aadhaar', 'DBT']);
  });

  it('keeps the definition in another text node of the same block: "Deep packet inspection (<b>DPI</b>)"', async () => {
    expect(await highlightPage('<p>Aadhaar is safe. Deep packet inspection (<b>DPI</b>) reads packets.</p>')).toEqual(['aadhaar:Aadhaar']);
  });

  it.each([
    ['navigation', '<nav><a href="/upi">UPI</a></nav><p>Aadhaar news.</p>'],
    ['a menu', '<div role="menubar"><span>UPI</span></div><p>Aadhaar news.</p>'],
    ['the page footer', '<p>Aadhaar news.</p><footer>UPI is a trademark of NPCI.</footer>'],
    ['a list of links', '<p>Aadhaar news.</p><ul><li><a href="/a">UPI outage</a></li><li><a href="/b">ONDC sales</a></li><li><a href="/c">Cricket</a></li></ul>'],
  ])('does not mark terms in %s', async (_name, html) => {
    expect(await highlightPage(html)).toEqual(['aadhaar:Aadhaar']);
  });

  it.each([
    ['an article footer (a byline, not page chrome)', '<article><p>Aadhaar news.</p><footer>Filed under UPI</footer></article>', ['aadhaar:Aadhaar', 'upi:UPI']],
    ['a list of prose items', '<ul><li>UPI grew</li><li>Aadhaar grew</li><li>ONDC grew</li></ul>', ['upi:UPI', 'aadhaar:Aadhaar', 'ondc:ONDC']],
  ])('still marks terms in %s', async (_name, html, expected) => {
    expect(await highlightPage(html)).toEqual(expected);
  });

  it('records each decision with its rule in debug mode only', async () => {
    const html = '<p>India\'s DPI runs payments on UPI.</p>';
    performance.clearMarks(DECISION_MARK);
    await highlightPage(html);
    expect(performance.getEntriesByName(DECISION_MARK)).toHaveLength(0);
    stopHighlighting();
    document.documentElement.setAttribute(DEBUG_ATTRIBUTE, '');
    await highlightPage(html);
    const rules = performance.getEntriesByName(DECISION_MARK).map((m) => (m as PerformanceMark).detail as { id: string; rule: string });
    expect(rules.map(({ id, rule }) => `${id}:${rule}`)).toEqual(['dpi:india-marks-ours', 'upi:confirm-cue']);
  });
});

describe('reading the page and scanning it share one match per text node', () => {
  /** The detector's matcher, counting how often each text is matched. */
  function countingMatcher(counts: Map<string, number>): Matcher {
    const base = detector.matcher;
    return {
      get pattern() {
        return base.pattern;
      },
      findAll(text) {
        counts.set(text, (counts.get(text) ?? 0) + 1);
        return base.findAll(text);
      },
      idOf: (text) => base.idOf(text),
    };
  }
  // "DBT" is ambiguous: deciding it reads the whole page before the scan reaches the later paragraphs.
  const html = '<p>Officials said DBT would follow soon.</p><p>Aadhaar enrolment rose.</p><p>UPI grew again.</p><p>Aadhaar was seeded.</p>';

  it('matches each text node once, however the page reading and the scan interleave', async () => {
    stopHighlighting();
    document.body.innerHTML = html;
    performance.clearMeasures(HIGHLIGHT_MEASURE);
    const counts = new Map<string, number>();
    run = startHighlighter(document, countingMatcher(counts), { density: 'every' });
    await passesComplete(1);
    expect(texts()).toEqual(['DBT', 'Aadhaar', 'UPI', 'Aadhaar']);
    expect(Object.fromEntries(counts)).toEqual({
      'Officials said DBT would follow soon.': 1,
      'Aadhaar enrolment rose.': 1,
      'UPI grew again.': 1,
      'Aadhaar was seeded.': 1,
    });
  });

  it('paints first mentions from the same single matching, in reading order', async () => {
    stopHighlighting();
    document.body.innerHTML = html;
    performance.clearMeasures(HIGHLIGHT_MEASURE);
    const counts = new Map<string, number>();
    run = startHighlighter(document, countingMatcher(counts), { density: 'first' });
    await passesComplete(1);
    expect(texts()).toEqual(['DBT', 'Aadhaar', 'UPI']);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });
});
