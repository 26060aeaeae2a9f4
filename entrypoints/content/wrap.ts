/**
 * Wraps the hits of one text node in marks, and takes them out again. One DOM insertion per text
 * node: the original node keeps the text before the first hit (frameworks such as React hold
 * references to it), and one fragment with the marks and the text between them goes after it.
 * No Range objects and no NodeIterators are created, so nothing live is left behind that would
 * slow the page's own DOM work later.
 */
import type { TermMatch } from '@/glossary/types';
import { MARK_CLASS, TERM_ATTRIBUTE } from './mark-contract';

/** One wrapped text node, as it was before, and what was added after it. */
export interface WrappedText {
  readonly node: Text;
  /** The node's text before wrapping. */
  readonly data: string;
  /** What the original node holds after wrapping (the text before the first mark). */
  readonly prefix: string;
  /** Marks and text nodes inserted after `node`, in document order. */
  readonly created: readonly ChildNode[];
  /** The glossary id of each mark, in order. */
  readonly ids: readonly string[];
}

/** Wraps `matches` (non-overlapping, ascending, offsets into `node.data`) in marks. */
export function wrapText(node: Text, matches: readonly TermMatch[]): WrappedText {
  const doc = node.ownerDocument;
  const data = node.data;
  const created: ChildNode[] = [];
  const ids: string[] = [];
  let at = matches[0]!.start;
  for (const match of matches) {
    if (match.start > at) created.push(doc.createTextNode(data.slice(at, match.start)));
    const mark = doc.createElement('mark');
    mark.className = MARK_CLASS;
    mark.setAttribute(TERM_ATTRIBUTE, match.id);
    mark.textContent = data.slice(match.start, match.end);
    created.push(mark);
    ids.push(match.id);
    at = match.end;
  }
  if (at < data.length) created.push(doc.createTextNode(data.slice(at)));
  const prefix = data.slice(0, matches[0]!.start);
  const fragment = doc.createDocumentFragment();
  fragment.append(...created);
  node.data = prefix;
  node.after(fragment);
  return { node, data, prefix, created, ids };
}

function isInPlace({ node, created }: WrappedText): boolean {
  if (!node.parentNode) return false;
  let previous: ChildNode = node;
  for (const current of created) {
    if (previous.nextSibling !== current) return false;
    previous = current;
  }
  return true;
}

/**
 * Puts the text back as it was. When the page moved things meanwhile, each mark is replaced by
 * its own text where it now is, so no text is lost or duplicated. `untouched`: the caller knows
 * the page changed no children of the node's parent since wrapping, so the siblings need no check.
 */
export function unwrapText(wrapped: WrappedText, untouched = false): void {
  const { node, created } = wrapped;
  if ((untouched || isInPlace(wrapped)) && node.data === wrapped.prefix) {
    node.data = wrapped.data;
    for (const n of created) n.remove();
    return;
  }
  for (const n of created) {
    if (n.nodeType === Node.ELEMENT_NODE && n.parentNode) {
      n.replaceWith(n.ownerDocument!.createTextNode(n.textContent ?? ''));
    }
  }
}

/**
 * The page took the original node out or rewrote its text (a React or Vue re-render): the text
 * that was split off belongs to the old content, so it goes too. The original node gets its full
 * text back unless the page wrote new text into it. Nothing the page did is undone.
 */
export function discardWrap(wrapped: WrappedText): void {
  const { node, created } = wrapped;
  for (const n of created) n.remove();
  if (node.data === wrapped.prefix) node.data = wrapped.data;
}
