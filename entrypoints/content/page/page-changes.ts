/**
 * Following pages that change: mutation records are collected for a frame and reduced to the few
 * subtrees that need scanning, so new content costs in proportion to what was added. The
 * reduction is pure (no timers, no globals) and unit-tested; the wiring is in highlighter.ts.
 */

/**
 * More added subtrees than this in one frame: scan the whole document once instead. After a
 * framework replaces a whole view, one walk is cheaper than thousands of small ones (the same
 * idea as Dark Reader's HUGE_MUTATIONS_COUNT).
 */
export const HUGE_MUTATIONS_COUNT = 1_000;

/** The parts of a MutationRecord the reduction reads (tests build these by hand). */
export interface MutationLike {
  type: string;
  target: Node;
  addedNodes: ArrayLike<Node>;
  removedNodes: ArrayLike<Node>;
}

export interface MutationPlan {
  /** Connected subtrees (elements or text nodes) to scan; none inside another. */
  roots: Node[];
  /** True when there are more roots than HUGE_MUTATIONS_COUNT: scan the whole document instead. */
  fullRescan: boolean;
  /** Text nodes the page took out or rewrote (characterData): their own marks must go. */
  touchedText: Set<Text>;
}

/**
 * Reduces a frame's mutation records to what must be scanned. `isOwn` says whether a node was
 * added by the extension (its marks and split text): those are never scanned again.
 */
export function planMutations(
  records: Iterable<MutationLike>,
  isOwn: (node: Node) => boolean,
  hugeCount = HUGE_MUTATIONS_COUNT,
): MutationPlan {
  const candidates = new Set<Node>();
  const touchedText = new Set<Text>();
  for (const record of records) {
    if (record.type === 'characterData') {
      touchedText.add(record.target as Text);
      candidates.add(record.target);
      continue;
    }
    for (let i = 0; i < record.removedNodes.length; i += 1) {
      const node = record.removedNodes[i]!;
      if (node.nodeType === Node.TEXT_NODE) touchedText.add(node as Text);
    }
    for (let i = 0; i < record.addedNodes.length; i += 1) {
      const node = record.addedNodes[i]!;
      if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) candidates.add(node);
    }
  }
  const roots: Node[] = [];
  for (const node of candidates) {
    if (!node.isConnected || isOwn(node) || hasAncestorIn(node, candidates)) continue;
    roots.push(node);
  }
  return { roots, fullRescan: roots.length > hugeCount, touchedText };
}

function hasAncestorIn(node: Node, set: ReadonlySet<Node>): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (set.has(p)) return true;
  return false;
}
