/**
 * The marks' style, as a constructed stylesheet adopted by each document or shadow root that has
 * marks. Unlike a <style> element it adds nothing to the page's HTML (turning off restores the
 * serialised DOM exactly), it is not inline style under a page's Content-Security-Policy, and it
 * reaches marks inside open shadow roots, which a document stylesheet cannot.
 */
import { MARK_CSS } from './mark-contract';

type StyleRoot = Document | ShadowRoot;

/** One sheet per window: a constructed sheet may only be adopted in the document that made it. */
const sheets = new WeakMap<Window, CSSStyleSheet>();

function sheetFor(root: StyleRoot): CSSStyleSheet | undefined {
  // nodeType, not instanceof: a same-origin frame's document comes from another realm.
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument;
  const view = doc?.defaultView;
  if (!view || !('adoptedStyleSheets' in root)) return undefined;
  let sheet = sheets.get(view);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(MARK_CSS);
    sheets.set(view, sheet);
  }
  return sheet;
}

/** Adopts the mark style in `root`; returns the undo. */
export function adoptMarkStyle(root: StyleRoot): () => void {
  const sheet = sheetFor(root);
  if (!sheet) return () => {};
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
