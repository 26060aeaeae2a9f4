/**
 * What the highlighter reads: the text of the page a reader reads, never what a reader types or
 * picks (form controls, editors), code, machine text, embedded contexts or hidden text. The walk
 * itself is a TreeWalker over elements and text; on its way it notes open shadow roots, custom
 * elements that may attach one later, and same-origin frames, for the highlighter to follow.
 */
import { OWN_UI_TAG } from './contract';

/**
 * Elements whose text is never read: form controls, code and machine text, non-HTML content
 * (SVG, MathML), embedded contexts, and invisible text.
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
 * skipped too: the page declared that text decorative or not shown (carousel clones, templates).
 */
export function isSkippedElement(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.localName) ||
    isEditable(element) ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    element.localName === OWN_UI_TAG
  );
}

/** True when `element` or an ancestor (across shadow hosts) is skipped. */
export function isInsideSkipped(element: Element | null): boolean {
  for (let el: Element | null = element; el; ) {
    if (isSkippedElement(el)) return true;
    const parent: Element | null = el.parentElement;
    if (parent) el = parent;
    else {
      const root = el.parentNode;
      el = root && root.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (root as ShadowRoot).host : null;
    }
  }
  return false;
}

/** What a walk found besides text. */
export interface Discoveries {
  shadowRoots: ShadowRoot[];
  /** Custom elements without a shadow root yet: they may attach one when their definition loads. */
  shadowless: Element[];
  frames: HTMLIFrameElement[];
}

export function emptyDiscoveries(): Discoveries {
  return { shadowRoots: [], shadowless: [], frames: [] };
}

/**
 * A walker over the text nodes under `root` that may be read, or undefined when `root` is inside a
 * skipped zone (or an editable document). A text node `root` is returned through `single`.
 */
export function openWalk(
  root: Node,
  found: Discoveries,
): { walker?: TreeWalker; single?: Text } | undefined {
  if (!root.isConnected) return undefined;
  const ownerDoc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
  if (ownerDoc.designMode === 'on') return undefined;
  if (root.nodeType === Node.TEXT_NODE) {
    return isInsideSkipped(root.parentElement) ? undefined : { single: root as Text };
  }
  const start = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).body : root;
  if (!start) return undefined;
  if (start.nodeType === Node.ELEMENT_NODE && isInsideSkipped(start as Element)) return undefined;
  if (start.nodeType === Node.DOCUMENT_FRAGMENT_NODE && isInsideSkipped((start as ShadowRoot).host)) return undefined;
  const acceptNode = (node: Node): number => {
    if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
    const element = node as Element;
    if (element.shadowRoot) found.shadowRoots.push(element.shadowRoot);
    else if (element.localName.includes('-')) found.shadowless.push(element);
    if (element.localName === 'iframe') found.frames.push(element as HTMLIFrameElement);
    return isSkippedElement(element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
  };
  return { walker: ownerDoc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, { acceptNode }) };
}
