/**
 * The reader's highlight style, layered over the marks' base style (mark-style.ts) as one more
 * constructed stylesheet on the document. 'underline' is the base style itself, so it adds
 * nothing. The undo takes the sheet out again.
 */
import type { HighlightStyle } from '@/components/settings/settings';
import { MARK_CLASS } from './mark-contract';

/** `html` raises specificity above the base rule, whose properties are !important too. */
const SELECTOR = `html mark.${MARK_CLASS}`;

/**
 * 'background': a tint mixed from the text's own colour, so it is a light wash on light pages and
 * a faint glow on dark ones, never a fixed yellow that turns white text unreadable.
 * 'none': nothing to see; the card opens when the reader selects the term (and by keyboard focus).
 * Neither changes the box: layout stays as it was.
 */
export const STYLE_CSS: Record<HighlightStyle, string> = {
  underline: '',
  background: `${SELECTOR} {
  background: color-mix(in srgb, currentColor 13%, transparent) !important;
  text-decoration: none !important;
  border-radius: 2px;
}`,
  none: `${SELECTOR} {
  text-decoration: none !important;
  cursor: inherit !important;
}`,
};

/** Applies `style` to `doc`; returns the undo. */
export function applyReaderStyle(doc: Document, style: HighlightStyle): () => void {
  const css = STYLE_CSS[style];
  const view = doc.defaultView;
  if (!css || !view) return () => {};
  try {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    // No constructable stylesheets (very old engines): the base underline stays.
    return () => {};
  }
}
