/**
 * A synchronous, one-pass highlight of a subtree with the production pieces (the mark contract's
 * protected zones, the matcher, the context-rule filter, wrap.ts's wrapper): for unit tests of the
 * reader session, which need marks on the page without the live highlighter's scheduler. The
 * content script itself marks pages only through live-highlighter.ts (tests/unit/live-highlighter.test.ts).
 *
 * TODO(remove): once reader-session.test.ts and tests/unit/support/reader-session.ts stop importing
 * `highlight`, this module goes; new code imports the contract from ./mark-contract.
 */
import type { Matcher } from '@/glossary/matcher';
import type { PageTerm, TermMatch } from '@/glossary/types';
import { HIGHLIGHT_MEASURE, MARK_CLASS, MARK_CSS, MARK_SELECTOR, TERM_ATTRIBUTE, isSkippedElement, readPageTerms } from './mark-contract';
import { adoptMarkStyle } from './mark-style';
import { REASON_ATTRIBUTE, type PageSenseFilter } from './page-senses';
import { unwrapText, wrapText, type WrappedText } from './wrap';

export { HIGHLIGHT_MEASURE, MARK_CLASS, MARK_CSS, MARK_SELECTOR, TERM_ATTRIBUTE, isSkippedElement, readPageTerms };

export interface HighlightOptions {
  /** Which matches to wrap, asked once per match in reading order (the reader's mention filter). */
  filter?: (match: TermMatch) => boolean;
  /** Context rules (page-senses.ts), applied before `filter`. */
  senses?: PageSenseFilter;
}

export interface HighlightRun {
  readonly marks: number;
  readonly terms: PageTerm[];
  /** Removes this run's marks and restores the original text nodes. Safe to call twice. */
  undo(): void;
}

function isInsideSkipped(element: Element | null): boolean {
  for (let el = element; el; el = el.parentElement) if (isSkippedElement(el)) return true;
  return false;
}

/** Wraps every term under `root` (never in protected zones) at once; `undo()` restores it exactly. */
export function highlight(root: Element | Document, matcher: Matcher, options: HighlightOptions = {}): HighlightRun {
  const doc = root instanceof Document ? root : root.ownerDocument;
  const start = root instanceof Document ? (root.body ?? root.documentElement) : root;
  if (!start || doc.designMode === 'on' || isInsideSkipped(start)) return { marks: 0, terms: [], undo() {} };
  const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : isSkippedElement(node as Element)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  const hits: Array<[Text, TermMatch[]]> = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const all = matcher.findAll(text.data);
    const found = options.senses && all.length > 0 ? options.senses.filter(text, all) : all;
    const matches = options.filter ? found.filter(options.filter) : found;
    if (matches.length) hits.push([text, matches]);
  }
  const wrapped: WrappedText[] = hits.map(([text, matches]) => {
    const result = wrapText(text, matches);
    const marks = result.created.filter((n): n is Element => n.nodeType === Node.ELEMENT_NODE);
    marks.forEach((mark, i) => {
      const reason = options.senses?.reasonOf(matches[i]!); // debug mode only
      if (reason) mark.setAttribute(REASON_ATTRIBUTE, reason);
    });
    return result;
  });
  const ids = wrapped.flatMap((w) => w.ids);
  const undoStyle = ids.length ? adoptMarkStyle(doc) : () => {};
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let undone = false;
  return {
    marks: ids.length,
    terms: [...counts].map(([id, count]) => ({ id, count })),
    undo() {
      if (undone) return;
      undone = true;
      for (let i = wrapped.length - 1; i >= 0; i -= 1) unwrapText(wrapped[i]!);
      undoStyle();
    },
  };
}
