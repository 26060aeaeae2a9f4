/**
 * Painting highlights without touching the page: every highlighted term is a live `Range` in a
 * CSS Custom Highlight (`CSS.highlights`), which the browser paints from the `::highlight()` rules
 * in highlights.css. No element, attribute, class, style or text of the page changes, and painting
 * needs no layout.
 *
 * The contract (README "Page layer"; tests and a page's own scripts may read it): for each term
 * with highlighted text, `CSS.highlights` holds `dpi-lens-<id>` whose ranges (StaticRanges) are
 * exactly that text.
 * Besides, one paint highlight holds every range under the name of the reader's style
 * (`dpi-lens--underline`, `dpi-lens--background`; none for style "none") and `dpi-lens--current`
 * the term whose card is open. Same-origin frames have their own registry: each window gets its
 * own set. `clear()` undoes everything.
 */
import type { HighlightStyle } from '@/utils/settings/settings';
import highlightCss from './highlights.css?inline';

export const HIGHLIGHT_PREFIX = 'dpi-lens-';
/** The highlight that holds a term's ranges: `dpi-lens-upi`, `dpi-lens-custom-gram-sabha`. */
export const highlightName = (id: string): string => `${HIGHLIGHT_PREFIX}${id}`;
/** The styled highlight, named after the reader's style (see highlights.css). */
export const PAINT_NAMES: Record<HighlightStyle, string | undefined> = {
  underline: 'dpi-lens--underline',
  background: 'dpi-lens--background',
  none: undefined,
};
export const CURRENT_NAME = 'dpi-lens--current';

type HighlightLike = Set<AbstractRange>;
interface RegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
}
interface PaintWindow {
  CSS?: { highlights?: RegistryLike };
  Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
  CSSStyleSheet: typeof CSSStyleSheet;
}

/** One window's highlights (the top document, or a same-origin frame's). */
interface WindowPaint {
  registry: RegistryLike;
  make: () => HighlightLike;
  perTerm: Map<string, HighlightLike>;
  paint: HighlightLike;
  current: HighlightLike;
  sheet?: CSSStyleSheet;
}

export interface Painter {
  /** Paints `range` as term `id`. */
  add(id: string, range: AbstractRange): void;
  /** Stops painting `range` (and drops the term's highlight when it was its last range). */
  remove(id: string, range: AbstractRange): void;
  /** The reader's style: renames the paint highlight in every window. */
  setStyle(style: HighlightStyle): void;
  /** The term the reader is on (card open): painted more strongly, or nothing. */
  setCurrent(range: AbstractRange | null): void;
  /** Shadow roots and frame documents with terms: the highlight rules, adopted (undone by `clear`). */
  adoptStyle(root: Document | ShadowRoot): void;
  /** Takes every highlight and adopted sheet out again. */
  clear(): void;
}

/** True where the browser paints custom highlights (Chrome 105+, Firefox 140+, Safari 17.2+). */
export function highlightsSupported(view: Window = window): boolean {
  const w = view as unknown as PaintWindow;
  return typeof w.Highlight === 'function' && !!w.CSS?.highlights;
}

export function createPainter(initialStyle: HighlightStyle = 'underline'): Painter {
  let style = initialStyle;
  const windows = new Map<Window, WindowPaint>();
  const adopted = new Map<Document | ShadowRoot, CSSStyleSheet>();

  function paintOf(node: Node): WindowPaint | undefined {
    const doc = node.nodeType === Node.DOCUMENT_NODE ? (node as Document) : node.ownerDocument;
    const view = doc?.defaultView;
    if (!view) return undefined;
    let paint = windows.get(view);
    if (paint) return paint;
    const w = view as unknown as PaintWindow;
    const registry = w.CSS?.highlights;
    const Ctor = w.Highlight;
    if (!registry || !Ctor) return undefined;
    const make = () => new Ctor();
    paint = { registry, make, perTerm: new Map(), paint: make(), current: make() };
    registry.set(CURRENT_NAME, paint.current);
    const name = PAINT_NAMES[style];
    if (name) registry.set(name, paint.paint);
    windows.set(view, paint);
    return paint;
  }

  return {
    add(id, range) {
      const paint = paintOf(range.startContainer);
      if (!paint) return;
      let term = paint.perTerm.get(id);
      if (!term) {
        term = paint.make();
        paint.perTerm.set(id, term);
        paint.registry.set(highlightName(id), term);
      }
      term.add(range);
      paint.paint.add(range);
    },
    remove(id, range) {
      const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
      const paint = doc.defaultView ? windows.get(doc.defaultView) : undefined;
      if (!paint) return;
      paint.paint.delete(range);
      paint.current.delete(range);
      const term = paint.perTerm.get(id);
      if (!term) return;
      term.delete(range);
      if (term.size === 0) {
        paint.perTerm.delete(id);
        paint.registry.delete(highlightName(id));
      }
    },
    setStyle(next) {
      if (next === style) return;
      const before = PAINT_NAMES[style];
      const after = PAINT_NAMES[next];
      style = next;
      for (const paint of windows.values()) {
        if (before) paint.registry.delete(before);
        if (after) paint.registry.set(after, paint.paint);
      }
    },
    setCurrent(range) {
      for (const paint of windows.values()) paint.current.clear();
      if (range) paintOf(range.startContainer)?.current.add(range);
    },
    adoptStyle(root) {
      if (adopted.has(root) || !('adoptedStyleSheets' in root)) return;
      const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
      const view = doc?.defaultView as unknown as PaintWindow | undefined;
      if (!view) return;
      try {
        // A constructed sheet may only be adopted in the document that made it: one per root's window.
        const sheet = new view.CSSStyleSheet();
        sheet.replaceSync(highlightCss);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        adopted.set(root, sheet);
      } catch {
        // No constructable stylesheets: terms there are found and explained, only not painted.
      }
    },
    clear() {
      for (const paint of windows.values()) {
        for (const id of paint.perTerm.keys()) paint.registry.delete(highlightName(id));
        const name = PAINT_NAMES[style];
        if (name) paint.registry.delete(name);
        paint.registry.delete(CURRENT_NAME);
      }
      windows.clear();
      for (const [root, sheet] of adopted) {
        try {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // The root's document is gone (a removed frame): nothing to undo.
        }
      }
      adopted.clear();
    },
  };
}
