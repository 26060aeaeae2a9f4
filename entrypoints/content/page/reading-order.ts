/**
 * Reading order across the trees a page is made of: the document, open shadow roots (ordered at
 * their host) and same-origin frames (ordered at their <iframe>). `compareDocumentPosition` alone
 * calls nodes of different trees "disconnected"; this lifts both to the first tree they share.
 */

/** `node`, then its shadow host or frame element, and so on up to the top document, top first. */
function levels(node: Node): Node[] {
  const out: Node[] = [node];
  for (let n: Node = node; ; ) {
    const root = n.getRootNode();
    let up: Node | null = null;
    if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) up = (root as ShadowRoot).host ?? null;
    else if (root.nodeType === Node.DOCUMENT_NODE) {
      try {
        up = (root as Document).defaultView?.frameElement ?? null;
      } catch {
        up = null; // a cross-origin parent: this is as high as we can see
      }
    }
    if (!up) break;
    out.push(up);
    n = up;
  }
  return out.reverse();
}

/** Negative when `a` comes before `b` in reading order, positive after, 0 for the same node. */
export function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  if (a.getRootNode() === b.getRootNode()) return orderInTree(a, b);
  const la = levels(a);
  const lb = levels(b);
  for (let i = 0; i < Math.min(la.length, lb.length); i += 1) {
    if (la[i] !== lb[i]) return orderInTree(la[i]!, lb[i]!);
  }
  return la.length - lb.length;
}

function orderInTree(a: Node, b: Node): number {
  const position = a.compareDocumentPosition(b);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}
