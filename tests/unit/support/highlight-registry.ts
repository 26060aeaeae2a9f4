/**
 * happy-dom has no CSS Custom Highlight API. This stands in for it with the same shape (a registry
 * that maps names to sets of ranges), installed on the window the page layer paints into, so the
 * unit tests read what the page layer registered exactly as a page's script would.
 */
type Registry = Map<string, Set<AbstractRange>>;

export function installHighlightRegistry(): Registry {
  const registry: Registry = new Map();
  class Highlight extends Set<AbstractRange> {}
  for (const target of new Set<object>([globalThis, document.defaultView as object])) {
    const w = target as { Highlight?: unknown; CSS?: object };
    w.Highlight = Highlight;
    // happy-dom's CSS is a getter that makes a new object each time: pin one that has a registry.
    const css = Object.assign(Object.create(w.CSS ?? null) as object, { highlights: registry });
    Object.defineProperty(target, 'CSS', { value: css, configurable: true, writable: true });
  }
  return registry;
}

/** `[id, text]` of every range registered as `dpi-lens-<id>`, in document order. */
export function highlightedTerms(registry: Registry, within?: Node): [string, string][] {
  const found: { id: string; range: Range }[] = [];
  for (const [name, ranges] of registry) {
    if (!name.startsWith('dpi-lens-') || name.startsWith('dpi-lens--')) continue;
    for (const range of ranges) {
      const r = range as Range;
      if (!within || within.contains(r.startContainer)) found.push({ id: name.slice('dpi-lens-'.length), range: r });
    }
  }
  found.sort((a, b) => {
    if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
    return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return found.map(({ id, range }) => [id, range.toString()]);
}
