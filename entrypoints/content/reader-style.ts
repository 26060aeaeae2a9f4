/**
 * The reader's highlight style, layered over the marks' base style (mark-style.ts) as one more
 * constructed stylesheet on the document that sets the base style's custom properties.
 * 'underline' is the base style itself, so it adds nothing. The undo takes the sheet out again.
 */
import type { HighlightStyle } from '@/components/settings/settings';
import { MARK_STYLE_PROPERTIES as P } from './mark-contract';

/**
 * The reader's style as values of the marks' custom properties (mark-contract.ts), set on the
 * root element so they reach marks in the document and in open shadow roots alike.
 * 'background': a tint mixed from the text's own colour (currentColor is resolved on the mark), so
 * it is a light wash on light pages and a faint glow on dark ones, never a fixed yellow that turns
 * white text unreadable. 'none': nothing to see; the card opens when the reader selects the term
 * (and by keyboard focus). Neither changes the box: layout stays as it was.
 */
export const STYLE_CSS: Record<HighlightStyle, string> = {
  underline: '',
  background: `:root {
  ${P.background}: color-mix(in srgb, currentColor 13%, transparent);
  ${P.decoration}: none;
  ${P.radius}: 2px;
}`,
  // A custom property cannot hold \`inherit\`; a value that is not a cursor makes the marks'
  // cursor invalid at computed-value time, and an invalid inherited property inherits: the
  // page's own cursor (the hand inside a link).
  none: `:root {
  ${P.decoration}: none;
  ${P.cursor}: page-cursor;
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
