/**
 * The page layer's highlighter: the only code that wraps glossary terms on the page.
 * One TreeWalker pass finds the text nodes with hits (using the matcher's one combined pattern);
 * one mark.js pass wraps exactly those hits; `undo()` puts the page back as it was, keeping the
 * original text nodes in place (frameworks such as React hold references to them).
 */
import Mark from 'mark.js';
import type { Matcher } from '@/glossary/matcher';
import type { PageTerm, TermMatch } from '@/glossary/types';
import { OWN_UI_SELECTOR } from './own-ui';
import { REASON_ATTRIBUTE, type PageSenseFilter } from './page-senses';

/** The contract with the hover card and the e2e tests: `<mark class="dpi-lens-term" data-dpi-term="ID">`. */
export const MARK_CLASS = 'dpi-lens-term';
export const TERM_ATTRIBUTE = 'data-dpi-term';
export const MARK_SELECTOR = `mark.${MARK_CLASS}`;
/** performance.measure name; content-script entries are visible to the page, so tests and benchmarks read it. */
export const HIGHLIGHT_MEASURE = 'dpi-lens:highlight';
/** The <style> element for marks; added with the first mark, removed with the last run's undo. */
export const MARK_STYLE_ID = 'dpi-lens-mark-style';

/**
 * Calm marks: a thin dotted underline in the text's own colour, readable on light and dark pages.
 * <mark> has UA styles (yellow background, black text) that must be reset; `!important` on the
 * properties pages most often set on `mark` keeps a site's own mark styling from leaking in.
 * Nothing here changes the box, so layout stays as it was.
 */
export const MARK_CSS = `
mark.${MARK_CLASS} {
  background: transparent !important;
  color: inherit !important;
  font: inherit;
  letter-spacing: inherit;
  margin: 0;
  padding: 0;
  border: 0;
  border-radius: 0;
  box-shadow: none;
  text-decoration: underline dotted !important;
  text-decoration-thickness: 1px !important;
  text-underline-offset: 0.2em;
  cursor: help;
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
    element.matches(OWN_UI_SELECTOR)
  );
}

function isInsideSkipped(element: Element | null): boolean {
  for (let el = element; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

export interface HighlightOptions {
  /** Add the marks' <style> to the document when marks are inserted (default true). */
  injectStyle?: boolean;
  /**
   * Which matches to wrap, asked once per match in reading order (the reader's settings: first
   * mention only, categories off; see glossary/mention-filter.ts). Default: every match.
   */
  filter?: (match: TermMatch) => boolean;
  /**
   * Context rules (page-senses.ts): drops navigation/boilerplate hits and ambiguous forms used in
   * another sense ("600 DPI"). Applied before `filter`, so "first mention" is the first real one.
   */
  senses?: PageSenseFilter;
}

export interface HighlightRun {
  /** Number of marks this run inserted. */
  readonly marks: number;
  /** The terms this run marked, in reading order (first appearance), with counts. */
  readonly terms: PageTerm[];
  /** Removes this run's marks and restores the original text nodes. Safe to call twice. */
  undo(): void;
}

/** One text node with hits, as it was before wrapping. */
interface TextRecord {
  node: Text;
  data: string;
  /** Expected matches by start offset in `data`: mark.js may wrap these and only these. */
  byStart: Map<number, TermMatch>;
  /** Marks and split-off text nodes this run created after `node`, in document order. */
  created: ChildNode[];
}

/** Reference count of runs that rely on the style element, per document. */
const styleUsers = new WeakMap<Document, number>();

function retainStyle(doc: Document): void {
  const users = styleUsers.get(doc) ?? 0;
  if (users === 0 && !doc.getElementById(MARK_STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = MARK_STYLE_ID;
    style.textContent = MARK_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  styleUsers.set(doc, users + 1);
}

function releaseStyle(doc: Document): void {
  const users = (styleUsers.get(doc) ?? 1) - 1;
  styleUsers.set(doc, users);
  if (users <= 0) doc.getElementById(MARK_STYLE_ID)?.remove();
}

function termsOf(ids: Iterable<string>): PageTerm[] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ id, count }));
}

/** The terms marked under `root` right now, in document (reading) order, with counts. */
export function readPageTerms(root: ParentNode): PageTerm[] {
  const marks = root.querySelectorAll(`${MARK_SELECTOR}[${TERM_ATTRIBUTE}]`);
  return termsOf(Array.from(marks, (mark) => mark.getAttribute(TERM_ATTRIBUTE)!));
}

function measure(startTime: number, marks: number, terms: number): void {
  try {
    performance.measure(HIGHLIGHT_MEASURE, {
      start: startTime,
      end: performance.now(),
      detail: { marks, terms },
    });
  } catch {
    // Instrumentation must never break highlighting (very old engines lack measure options).
  }
}

/** Finds the text nodes under `start` that contain terms, skipping every protected subtree. */
function collectTextWithHits(
  start: Element,
  matcher: Matcher,
  filter?: (match: TermMatch) => boolean,
  senses?: PageSenseFilter,
): TextRecord[] {
  const doc = start.ownerDocument;
  const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      // REJECT prunes the whole subtree; SKIP walks into an element without returning it.
      return isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  const records: TextRecord[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const all = matcher.findAll(text.data);
    const found = senses && all.length > 0 ? senses.filter(text, all) : all;
    const matches = filter ? found.filter(filter) : found;
    if (matches.length === 0) continue;
    records.push({
      node: text,
      data: text.data,
      byStart: new Map(matches.map((m) => [m.start, m])),
      created: [],
    });
  }
  return records;
}

function restore(record: TextRecord): void {
  const { node, created } = record;
  const contiguous = created.every(
    (current, i) => (i === 0 ? node.nextSibling : created[i - 1]!.nextSibling) === current,
  );
  if (contiguous && node.parentNode) {
    // The common case: put the text back into the original node and drop what was split off.
    node.data = node.data + created.map((n) => n.textContent ?? '').join('');
    for (const n of created) n.remove();
    return;
  }
  // The page moved things meanwhile: unwrap what is left, so no text is lost or duplicated.
  for (const n of created) {
    if (n instanceof Element && n.parentNode) n.replaceWith(...Array.from(n.childNodes));
  }
}

const EMPTY_RUN: HighlightRun = { marks: 0, terms: [], undo() {} };

/**
 * Wraps every term under `root` in `<mark class="dpi-lens-term" data-dpi-term="ID">`.
 * Never touches form controls, editors, code, scripts, SVG/MathML, hidden text, existing marks or
 * the extension's own UI; running it again adds nothing where marks already are.
 */
export function highlight(
  root: Element | Document,
  matcher: Matcher,
  options: HighlightOptions = {},
): HighlightRun {
  const startTime = performance.now();
  const doc = root instanceof Document ? root : root.ownerDocument;
  const start = root instanceof Document ? (root.body ?? root.documentElement) : root;
  if (!start || doc.designMode === 'on' || isInsideSkipped(start)) {
    measure(startTime, 0, 0);
    return EMPTY_RUN;
  }

  const records = collectTextWithHits(start, matcher, options.filter, options.senses);
  if (records.length === 0) {
    measure(startTime, 0, 0);
    return EMPTY_RUN;
  }

  // mark.js wraps, but only the hits found above: its context is just these text nodes (it walks
  // every text node of its context), and `filter` accepts a hit only at an offset the walker
  // found. mark.js re-runs the pattern on the text left after each wrap, where a look-behind
  // no longer sees the real preceding text; checking offsets keeps its result equal to findAll.
  const recordOf = new Map<Text, TextRecord>(records.map((r) => [r.node, r]));
  const markedIds: string[] = [];
  let pending: { record: TextRecord; id: string; match: TermMatch } | undefined;
  const { pattern } = matcher;
  pattern.lastIndex = 0;
  new Mark(records.map((r) => r.node) as unknown as HTMLElement[]).markRegExp(pattern, {
    element: 'mark',
    className: MARK_CLASS,
    acrossElements: false,
    ignoreGroups: 0,
    filter(textNode, matched) {
      const record = recordOf.get(textNode);
      if (!record) return false;
      // `textNode` is the original or the rest split off after the previous mark: a suffix.
      const end = record.data.length - textNode.data.length + pattern.lastIndex;
      const expected = record.byStart.get(end - matched.length);
      if (!expected || expected.end !== end) return false;
      pending = { record, id: expected.id, match: expected };
      return true;
    },
    each(element) {
      if (!pending) return;
      const { record, id, match } = pending;
      pending = undefined;
      element.setAttribute(TERM_ATTRIBUTE, id);
      const reason = options.senses?.reasonOf(match); // only in debug mode
      if (reason) element.setAttribute(REASON_ATTRIBUTE, reason);
      element.removeAttribute('data-markjs'); // mark.js's own flag; the contract has just class + id
      record.created.push(element);
      const rest = element.nextSibling; // mark.js always splits off the text after the mark
      if (rest instanceof Text) {
        record.created.push(rest);
        recordOf.set(rest, record);
      }
      markedIds.push(id);
    },
  });
  pattern.lastIndex = 0;

  const terms = termsOf(markedIds);
  const injectStyle = options.injectStyle ?? true;
  if (injectStyle && markedIds.length > 0) retainStyle(doc);
  measure(startTime, markedIds.length, terms.length);

  let undone = false;
  return {
    marks: markedIds.length,
    terms,
    undo() {
      if (undone) return;
      undone = true;
      // Last record first, so restoring one text node never shifts another that is still marked.
      for (let i = records.length - 1; i >= 0; i -= 1) restore(records[i]!);
      if (injectStyle && markedIds.length > 0) releaseStyle(doc);
    },
  };
}
