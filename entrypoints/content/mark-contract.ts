/**
 * What a mark is, for everything that reads or writes marks (the live highlighter, the wrapper,
 * the card, the reader's style, the popup's page terms, the e2e tests and the bench), and which
 * parts of a page are never marked. No highlighting code: so reading the contract does not pull
 * a highlighter in, and the context rules (page-senses.ts) and the highlighter share it without
 * importing each other.
 */
import type { PageTerm } from '@/glossary/types';
import { OWN_UI_TAG } from './own-ui';

/** The contract with the hover card and the e2e tests: `<mark class="dpi-lens-term" data-dpi-term="ID">`. */
export const MARK_CLASS = 'dpi-lens-term';
export const TERM_ATTRIBUTE = 'data-dpi-term';
export const MARK_SELECTOR = `mark.${MARK_CLASS}`;
/** performance.measure name; content-script entries are visible to the page, so tests and benchmarks read it. */
export const HIGHLIGHT_MEASURE = 'dpi-lens:highlight';

/**
 * Calm marks: a thin dotted underline in the text's own colour, readable on light and dark pages.
 * <mark> has UA styles (yellow background, black text) that must be reset; `!important` on the
 * properties pages most often set on `mark` keeps a site's own mark styling from leaking in.
 * Nothing here changes the box, so layout stays as it was.
 *
 * The reader's style (reader-style.ts) sets the `--dpi-lens-mark-*` custom properties on the
 * document's root element: custom properties inherit into shadow trees, so marks inside open
 * shadow roots (which adopt this sheet, not the document's) take the reader's style too.
 */
export const MARK_STYLE_PROPERTIES = {
  background: '--dpi-lens-mark-background',
  decoration: '--dpi-lens-mark-decoration',
  radius: '--dpi-lens-mark-radius',
  cursor: '--dpi-lens-mark-cursor',
} as const;
const P = MARK_STYLE_PROPERTIES;

export const MARK_CSS = `
mark.${MARK_CLASS} {
  background: var(${P.background}, transparent) !important;
  color: inherit !important;
  font: inherit;
  letter-spacing: inherit;
  margin: 0;
  padding: 0;
  border: 0;
  border-radius: var(${P.radius}, 0);
  box-shadow: none;
  text-decoration: var(${P.decoration}, underline dotted) !important;
  text-decoration-thickness: 1px !important;
  text-underline-offset: 0.2em;
  cursor: var(${P.cursor}, help) !important;
}
mark.${MARK_CLASS}:focus-visible {
  outline: 2px solid currentColor;
  outline-offset: 2px;
}
`;

/**
 * Elements whose text is never touched: what a reader types or picks (form controls), code and
 * machine text, non-HTML content (SVG, MathML), embedded contexts, and invisible text.
 * `button`: a mark inside a control would nest interactive content.
 */
const SKIPPED_TAGS = new Set([
  'input', 'textarea', 'select', 'option', 'optgroup', 'button',
  'script', 'style', 'noscript', 'template', 'head', 'title',
  'code', 'pre', 'kbd', 'samp', 'var',
  'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio',
]);

function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/**
 * True when nothing inside `element` may be highlighted. aria-hidden="true" and [hidden] are
 * skipped too: the page declared that text decorative or not shown (carousel clones, templates),
 * and a focusable mark inside aria-hidden content would break assistive technology.
 */
export function isSkippedElement(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.localName) ||
    isEditable(element) ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    (element.localName === 'mark' && element.classList.contains(MARK_CLASS)) ||
    element.localName === OWN_UI_TAG
  );
}

/** The terms marked under `root` right now, in document (reading) order, with counts. */
export function readPageTerms(root: ParentNode): PageTerm[] {
  const counts = new Map<string, number>();
  for (const mark of root.querySelectorAll(`${MARK_SELECTOR}[${TERM_ATTRIBUTE}]`)) {
    const id = mark.getAttribute(TERM_ATTRIBUTE)!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count }));
}
