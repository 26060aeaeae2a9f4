/**
 * The page side of context-aware detection: decides, for the matches the highlighter found in a
 * text node, which ones to highlight. It skips navigation and boilerplate, and hands ambiguous
 * forms ("DPI", "JAM", "आधार") to the same pure rules the eval scores (glossary/senses.ts), with
 * the node's block (paragraph, list item, cell) as the occurrence's context and the article text
 * as the page. Unambiguous matches cost a Set lookup; a page without matches costs nothing.
 */
import type { Detector } from '@/glossary/detect';
import { CONTEXT_WINDOW_CHARS, decideOccurrence, isAmbiguous, type Decision, type PageSenses } from '@/glossary/senses';
import type { TermMatch } from '@/glossary/types';
import { isSkippedElement } from './scan';

/** Set on <html> (by a tester, or a page under test) to see why each term was or was not marked. */
export const DEBUG_ATTRIBUTE = 'data-dpi-lens-debug';
/** performance.mark name for every decision in debug mode (its detail: id, text, keep, rule, explain). */
export const DECISION_MARK = 'dpi-lens:sense';

/** Navigation and page chrome: terms there are menu labels, not reading. */
const NAVIGATION_SELECTOR = 'nav, [role=navigation], [role=menu], [role=menubar]';
const NAVIGATION_ROLES = new Set(['navigation', 'menu', 'menubar']);
const PAGE_FOOTER_SELECTOR = 'footer, [role=contentinfo]';

/** `element.matches(NAVIGATION_SELECTOR)` without the selector engine: asked of every element read. */
function isNavigation(element: Element): boolean {
  return element.localName === 'nav' || NAVIGATION_ROLES.has(element.getAttribute('role') ?? '');
}

/** `element.matches(PAGE_FOOTER_SELECTOR)`, likewise. */
function isFooter(element: Element): boolean {
  return element.localName === 'footer' || element.getAttribute('role') === 'contentinfo';
}
/** A footer inside these belongs to an article or a card (a byline, tags), not to the page. */
const SECTIONING_SELECTOR = 'article, main, [role=main], section, aside';
/** A list is a link list when at least this share of its items are (mostly) one link: menus, "related stories". */
const LINK_LIST_SHARE = 0.6;
/** Shorter lists are too small to call: two bullet points that happen to be links stay readable text. */
const MIN_LINK_LIST_ITEMS = 3;
/** An item "is a link" when links cover at least this share of its text. */
const LINK_TEXT_SHARE = 0.8;
/**
 * The page's evidence is read from at most this much article text: a long news article is 5-10k
 * words (30-60k characters), and reading a 2 MB page whole took one 850 ms task (bench, large page).
 */
export const READING_TEXT_MAX_CHARS = 60_000;
/** Elements whose text is one block of reading: an occurrence's context is its nearest one of these. */
const BLOCK_TAGS = new Set([
  'p', 'li', 'dd', 'dt', 'td', 'th', 'caption', 'figcaption', 'blockquote', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'summary', 'div', 'section', 'article', 'main', 'aside', 'header', 'body',
]);

function isLinkList(list: Element): boolean {
  const items = Array.from(list.children).filter((child) => child.localName === 'li');
  if (items.length < MIN_LINK_LIST_ITEMS) return false;
  const linkItems = items.filter((item) => {
    const text = item.textContent?.trim().length ?? 0;
    if (text === 0) return false;
    let linked = 0;
    for (const link of item.querySelectorAll('a')) linked += link.textContent?.trim().length ?? 0;
    return linked / text >= LINK_TEXT_SHARE;
  });
  return linkItems.length / items.length >= LINK_LIST_SHARE;
}

export interface PageSenseFilter {
  /** The matches of `node` to highlight, in order. */
  filter(node: Text, matches: TermMatch[]): TermMatch[];
  /** Forget the page-level reading (after the page changed a lot, e.g. a client-side navigation). */
  reset(): void;
}

/**
 * `matchesOf` gives a text node's matches (the detector's matcher by default); the live
 * highlighter passes one that remembers them, so the text read here is not matched again when
 * its scan reaches it.
 */
export function createPageSenseFilter(
  doc: Document,
  detector: Detector,
  matchesOf: (node: Text) => TermMatch[] = (node) => detector.matcher.findAll(node.data),
): PageSenseFilter {
  const { senses } = detector;
  const linkLists = new WeakMap<Element, boolean>();
  const blockText = new WeakMap<Element, string>();
  let page: PageSenses | undefined;
  /** Text nodes counted in `page` (read with it, or counted since): their terms are evidence once. */
  let counted = new WeakSet<Text>();
  const debug = () => doc.documentElement?.hasAttribute(DEBUG_ATTRIBUTE) ?? false;

  function isBoilerplate(element: Element): boolean {
    if (element.closest(NAVIGATION_SELECTOR)) return true;
    const footer = element.closest(PAGE_FOOTER_SELECTOR);
    if (footer && !footer.parentElement?.closest(SECTIONING_SELECTOR)) return true;
    // Lazily, only where a hit is inside a list: is that list a list of links?
    for (let list = element.closest('ul, ol'); list; list = list.parentElement?.closest('ul, ol') ?? null) {
      let known = linkLists.get(list);
      if (known === undefined) {
        known = isLinkList(list);
        linkLists.set(list, known);
      }
      if (known) return true;
    }
    return false;
  }

  function blockOf(element: Element): Element {
    for (let el: Element | null = element; el; el = el.parentElement) {
      if (BLOCK_TAGS.has(el.localName)) return el;
    }
    return element;
  }

  /**
   * What the page says as a whole, read from the text a reader reads: article body, without
   * navigation, footers, link lists or skipped zones (at most READING_TEXT_MAX_CHARS). Matches are
   * found per text node (a term split across two nodes is not evidence) and placed in that text.
   */
  function readPage(): PageSenses {
    const root = doc.querySelector('main, [role=main]') ?? doc.body;
    if (!root) return detector.readPage('', []);
    // A text-only walk (no script callback per element); whether a node's parent is excluded is
    // worked out once per element, from its parent's answer.
    const excluded = new Map<Element, boolean>();
    const isExcluded = (element: Element): boolean => {
      const known = excluded.get(element);
      if (known !== undefined) return known;
      if (element === root) return false; // the walk's root is read whatever it is, as before
      let out =
        isSkippedElement(element) ||
        isNavigation(element) ||
        ((element.localName === 'ul' || element.localName === 'ol' || isFooter(element)) && isBoilerplate(element));
      if (!out && element.parentElement) out = isExcluded(element.parentElement);
      excluded.set(element, out);
      return out;
    };
    const parts: string[] = [];
    const matches: TermMatch[] = [];
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let length = 0;
    for (let node = walker.nextNode() as Text | null; node && length < READING_TEXT_MAX_CHARS; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent || isExcluded(parent)) continue;
      counted.add(node);
      for (const match of matchesOf(node)) matches.push({ ...match, start: match.start + length, end: match.end + length });
      parts.push(node.data);
      length += node.data.length;
    }
    return detector.readPage(parts.join(''), matches);
  }

  /** The block's text before and after the occurrence, within the rules' window. */
  function contextOf(node: Text, match: TermMatch): { before: string; after: string } {
    const block = blockOf(node.parentElement!);
    let text = blockText.get(block);
    if (text === undefined) {
      text = block.textContent ?? '';
      blockText.set(block, text);
    }
    // The node's offset in its block: the text of the nodes before it.
    let offset = 0;
    const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) offset += (n as Text).data.length;
    if (text.slice(offset + match.start, offset + match.end) !== match.text) {
      // The block changed since it was cached (a live page): read it again.
      text = block.textContent ?? '';
      blockText.set(block, text);
    }
    const start = offset + match.start;
    const end = offset + match.end;
    return {
      before: text.slice(Math.max(0, start - CONTEXT_WINDOW_CHARS), start),
      after: text.slice(end, end + CONTEXT_WINDOW_CHARS),
    };
  }

  function record(match: TermMatch, decision: Decision): void {
    try {
      performance.mark(DECISION_MARK, { detail: { id: match.id, text: match.text, ...decision } });
    } catch {
      // Instrumentation must never break highlighting.
    }
    if (!decision.keep) console.debug(`[DPI Lens] not marked: "${match.text}" (${match.id}) ${decision.rule}: ${decision.explain}`);
  }

  return {
    filter(node, matches) {
      if (matches.length === 0) return matches;
      const parent = node.parentElement;
      if (!parent || isBoilerplate(parent)) return [];
      const debugging = debug();
      const kept: TermMatch[] = [];
      // Text the page reading did not cover (added later, or beyond READING_TEXT_MAX_CHARS): its
      // unambiguous terms are evidence too, for this node's ambiguous forms and those after it.
      if (page && !counted.has(node)) {
        counted.add(node);
        page.evidence += matches.filter((match) => !isAmbiguous(senses, match)).length;
      }
      for (const match of matches) {
        if (!isAmbiguous(senses, match)) {
          if (debugging) record(match, { keep: true, rule: 'unambiguous', explain: 'no other common meaning' });
          kept.push(match);
          continue;
        }
        page ??= readPage();
        const decision = decideOccurrence(senses, { match, ...contextOf(node, match) }, page);
        if (debugging) record(match, decision);
        if (decision.keep) kept.push(match);
      }
      return kept;
    },
    reset() {
      page = undefined;
      counted = new WeakSet();
    },
  };
}
