/**
 * The context rules on a page (entrypoints/content/page-senses.ts through highlight()): an
 * ambiguous term is marked on a DPI page and not in a confounder block; navigation, page footers
 * and link lists stay unmarked; the reasons appear on marks only in debug mode.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { glossary } from '@/glossary';
import { createDetector } from '@/glossary/detect';
import { MARK_SELECTOR, TERM_ATTRIBUTE, highlight, type HighlightRun } from '@/entrypoints/content/highlighter';
import { DEBUG_ATTRIBUTE, REASON_ATTRIBUTE, createPageSenseFilter } from '@/entrypoints/content/page-senses';

const detector = createDetector(glossary);
let runs: HighlightRun[] = [];

function highlightPage(html: string): string[] {
  document.body.innerHTML = html;
  const run = highlight(document.body, detector.matcher, { senses: createPageSenseFilter(document, detector) });
  runs.push(run);
  return Array.from(document.querySelectorAll(MARK_SELECTOR), (m) => `${m.getAttribute(TERM_ATTRIBUTE)}:${m.textContent}`);
}

afterEach(() => {
  for (const run of runs.reverse()) run.undo();
  runs = [];
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
  ])('%s', (_name, html, expected) => {
    expect(highlightPage(html)).toEqual(expected);
  });

  it('uses the page as evidence: an ambiguous term in a block without cues is marked on a DPI page only', () => {
    const paragraph = '<p>Officials said DBT would follow soon.</p>';
    expect(highlightPage(paragraph)).toEqual([]);
    expect(highlightPage(`<p>Aadhaar enrolment rose.</p>${paragraph}`)).toEqual(['aadhaar:Aadhaar', 'dbt:DBT']);
  });

  it('keeps the definition in another text node of the same block: "Deep packet inspection (<b>DPI</b>)"', () => {
    expect(highlightPage('<p>Aadhaar is safe. Deep packet inspection (<b>DPI</b>) reads packets.</p>')).toEqual(['aadhaar:Aadhaar']);
  });

  it.each([
    ['navigation', '<nav><a href="/upi">UPI</a></nav><p>Aadhaar news.</p>'],
    ['a menu', '<div role="menubar"><span>UPI</span></div><p>Aadhaar news.</p>'],
    ['the page footer', '<p>Aadhaar news.</p><footer>UPI is a trademark of NPCI.</footer>'],
    ['a list of links', '<p>Aadhaar news.</p><ul><li><a href="/a">UPI outage</a></li><li><a href="/b">ONDC sales</a></li><li><a href="/c">Cricket</a></li></ul>'],
  ])('does not mark terms in %s', (_name, html) => {
    expect(highlightPage(html)).toEqual(['aadhaar:Aadhaar']);
  });

  it.each([
    ['an article footer (a byline, not page chrome)', '<article><p>Aadhaar news.</p><footer>Filed under UPI</footer></article>', ['aadhaar:Aadhaar', 'upi:UPI']],
    ['a list of prose items', '<ul><li>UPI grew</li><li>Aadhaar grew</li><li>ONDC grew</li></ul>', ['upi:UPI', 'aadhaar:Aadhaar', 'ondc:ONDC']],
  ])('still marks terms in %s', (_name, html, expected) => {
    expect(highlightPage(html)).toEqual(expected);
  });

  it('adds the reason to marks in debug mode only', () => {
    const html = '<p>India\'s DPI runs payments on UPI.</p>';
    highlightPage(html);
    expect(document.querySelector(`[${REASON_ATTRIBUTE}]`)).toBeNull();
    runs.pop()!.undo();
    document.documentElement.setAttribute(DEBUG_ATTRIBUTE, '');
    highlightPage(html);
    const reasons = Array.from(document.querySelectorAll(MARK_SELECTOR), (m) => m.getAttribute(REASON_ATTRIBUTE));
    expect(reasons).toEqual([
      'india-marks-ours: "India\'s DPI": its other senses are other countries\'',
      'confirm-cue: confirmed: "payments" in the same sentence',
    ]);
  });
});
