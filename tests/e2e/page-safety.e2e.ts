/**
 * What highlighting must never do to a page (USERS.md 2, 3, 10): change its text or its layout,
 * disturb a reader typing, trip a strict Content-Security-Policy, add inline <script>/<style>,
 * leave anything behind when it is turned off, or send anything over the network.
 *
 * Baselines come from the same page in the same browser without the extension (text, boxes, element
 * counts) or from the same page before the content script ran (the serialised DOM).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PAGES } from '../../scripts/lib/browser.mjs';
import type { PlainBrowser } from './support/driver';
import {
  BROWSERS,
  highlights,
  launchPlain,
  openCardByKeyboard,
  toggleHighlights,
  useExtension,
  waitForHighlight,
  waitForHighlightOf,
  waitForHighlights,
  type TestPage,
} from './support/suite';
import { MUTATION_SETTLE_MS } from './support/timeouts';

/** The article and the saved replicas of real news pages (nav, mega-menus, ads, comment boxes). */
const PAGES = ['article.html', 'replicas/national-daily.html', 'replicas/business-live.html', 'replicas/hindi-portal.html'];

/** The policy of a strict news site: nothing inline, nothing from elsewhere. */
const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self'";

/** Sub-pixel differences come from rounding, not from a mark changing a box. */
const BOX_TOLERANCE_PX = 1;

/** Blocks whose boxes a reader sees move if a mark changed the layout. */
const BLOCK_SELECTOR = 'p, li, h1, h2, h3, h4, h5, h6';

interface Box {
  tag: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the block's last character sits: text pushed along a line moves it, even when no line wraps. */
  endX: number;
  endY: number;
}

/** Everything these tests compare, read in the page. */
function readPage(blockSelector: string) {
  const boxes = [...document.querySelectorAll(blockSelector)].map((el) => {
    const r = el.getBoundingClientRect();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) last = n as Text;
    let end = { right: -1, top: -1 };
    if (last) {
      const range = document.createRange();
      const length = last.data.trimEnd().length;
      range.setStart(last, length - 1);
      range.setEnd(last, length);
      end = range.getBoundingClientRect();
    }
    return { tag: el.localName, x: r.x, y: r.y, width: r.width, height: r.height, endX: end.right, endY: end.top };
  });
  return {
    text: document.body.innerText,
    boxes,
    scripts: document.querySelectorAll('script').length,
    styles: document.querySelectorAll('style').length,
    styleAttributes: document.querySelectorAll('[style]').length,
    /** Ranges the extension registered (CSS.highlights is empty without it). */
    marks: [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('dpi-lens-') && !name.startsWith('dpi-lens--'))
      .reduce((sum, [, ranges]) => sum + ranges.size, 0),
  };
}
type PageReading = ReturnType<typeof readPage>;

/**
 * Runs before the page's scripts: the body as served, before a document_idle content script runs,
 * and a MutationObserver of the page's own that records every change from then on.
 */
function recordBodyBeforeHighlighting() {
  const seen: string[] = [];
  (window as unknown as { pageMutations: string[] }).pageMutations = seen;
  document.addEventListener('DOMContentLoaded', () => {
    (window as unknown as { bodyBefore: string }).bodyBefore = document.body.innerHTML;
    new MutationObserver((records) => {
      for (const r of records) seen.push(`${r.type} ${(r.target as Element).localName ?? '#text'} +${r.addedNodes.length} -${r.removedNodes.length} ${r.attributeName ?? ''}`);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Runs before the page's scripts: every CSP violation the page reports. */
function recordCspViolations() {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** Two frames and a task: lets a pass that a change scheduled run (or show that none is coming). */
function afterFrames(page: TestPage): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))),
  );
}

function expectSameBoxes(actual: Box[], expected: Box[]): void {
  expect(actual.length).toBe(expected.length);
  const moved = actual.filter((box, i) => {
    const base = expected[i]!;
    return (
      box.tag !== base.tag ||
      Math.abs(box.x - base.x) > BOX_TOLERANCE_PX ||
      Math.abs(box.y - base.y) > BOX_TOLERANCE_PX ||
      Math.abs(box.width - base.width) > BOX_TOLERANCE_PX ||
      Math.abs(box.height - base.height) > BOX_TOLERANCE_PX ||
      Math.abs(box.endX - base.endX) > BOX_TOLERANCE_PX ||
      Math.abs(box.endY - base.endY) > BOX_TOLERANCE_PX
    );
  });
  expect(moved).toEqual([]);
}

/** '' when equal; otherwise where two long serialisations first differ, short enough to read in a report. */
function firstDifference(actual: string, expected: string): string {
  if (actual === expected) return '';
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i += 1;
  const from = Math.max(0, i - 80);
  return `at ${i}: expected ...${expected.slice(from, i + 120)}... got ...${actual.slice(from, i + 120)}...`;
}

/** The caret as an offset into `#id`'s text (form field or contenteditable). */
function caretIn(page: TestPage, id: string): Promise<{ text: string; start: number; end: number }> {
  return page.evaluate((elementId) => {
    const el = document.getElementById(elementId)!;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      return { text: el.value, start: el.selectionStart ?? -1, end: el.selectionEnd ?? -1 };
    }
    const selection = getSelection()!;
    const range = document.createRange();
    range.setStart(el, 0);
    range.setEnd(selection.focusNode!, selection.focusOffset);
    const offset = el.contains(selection.focusNode) ? range.toString().length : -1;
    return { text: el.textContent ?? '', start: offset, end: selection.isCollapsed ? offset : -1 };
  }, id);
}

describe.each(BROWSERS)('page safety in %s', (browserName) => {
  const suite = useExtension(browserName);
  /** The same browser without the extension: what each page looks like untouched. */
  let plain: PlainBrowser;
  /** The strict-CSP page's own server (it needs a response header the shared server does not send). */
  let cspOrigin = '';
  const baselines = new Map<string, PageReading>();

  beforeAll(async () => {
    plain = await launchPlain(browserName);
  });
  afterAll(async () => {
    await plain?.close();
  });

  async function baseline(path: string): Promise<PageReading> {
    const known = baselines.get(path);
    if (known) return known;
    const page = await plain.newPage(suite.server.url(path));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const reading = await page.evaluate(readPage, BLOCK_SELECTOR);
    await page.close();
    baselines.set(path, reading);
    return reading;
  }

  /** A page with the extension, after its first pass and any follow-up it scheduled. */
  async function highlighted(path: string): Promise<TestPage> {
    const page = await suite.driver.newPage(suite.server.url(path), { initScript: recordBodyBeforeHighlighting });
    await waitForHighlight(page);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await afterFrames(page);
    return page;
  }

  /**
   * What a highlighted page reads as, once per page for the three read-only checks below (each
   * page load costs seconds in two browsers; the checks read the same state).
   */
  const readings = new Map<string, Promise<PageReading>>();
  function highlightedReading(path: string): Promise<PageReading> {
    if (!readings.has(path)) {
      readings.set(path, (async () => {
        const page = await highlighted(path);
        const reading = await page.evaluate(readPage, BLOCK_SELECTOR);
        await page.close();
        return reading;
      })());
    }
    return readings.get(path)!;
  }

  describe.each(PAGES)('%s', (path) => {
    it('keeps the page text (innerText) identical to the page without the extension', async () => {
      const expected = await baseline(path);
      const actual = await highlightedReading(path);
      expect(actual.marks).toBeGreaterThan(0); // otherwise this would prove nothing
      expect(actual.text).toBe(expected.text);
    });

    it('keeps every paragraph, list item and heading box where it was (within 1 px)', async () => {
      const expected = await baseline(path);
      const actual = await highlightedReading(path);
      expect(actual.marks).toBeGreaterThan(0);
      expectSameBoxes(actual.boxes, expected.boxes);
    });

    it('adds no <script>, <style> or style attribute to the page', async () => {
      const expected = await baseline(path);
      const actual = await highlightedReading(path);
      expect(actual.marks).toBeGreaterThan(0);
      expect({ scripts: actual.scripts, styles: actual.styles, styleAttributes: actual.styleAttributes }).toEqual({
        scripts: expected.scripts,
        styles: expected.styles,
        styleAttributes: expected.styleAttributes,
      });
    });

    it('never changes the DOM: a page observer sees nothing from highlighting or turning off, and the body serialises as served', async () => {
      const page = await highlighted(path);
      expect((await highlights(page)).length).toBeGreaterThan(0);
      expect(await toggleHighlights(suite, page)).toBe(false);
      await afterFrames(page);
      const { before, after, mutations } = await page.evaluate(() => ({
        before: (window as unknown as { bodyBefore: string }).bodyBefore,
        after: document.body.innerHTML,
        mutations: (window as unknown as { pageMutations: string[] }).pageMutations,
      }));
      expect(mutations).toEqual([]);
      expect(firstDifference(after, before)).toBe('');
      expect(await highlights(page)).toEqual([]);
      await page.close();
    });
  });

  describe('typing', () => {
    /** Puts the caret `fromEnd` characters before the end of `#id`'s text, by keyboard. */
    async function placeCaret(page: TestPage, id: string, fromEnd: number): Promise<void> {
      await page.click(`#${id}`);
      await page.press(id === 'comment' ? 'Control+End' : 'End');
      for (let i = 0; i < fromEnd; i += 1) await page.press('ArrowLeft');
    }

    /** Types `typed` into `#id` mid-text and checks text and caret, now and after any pass could run. */
    async function typeAndCheck(page: TestPage, id: string, typed: string): Promise<void> {
      const fromEnd = 3;
      await placeCaret(page, id, fromEnd);
      const before = await caretIn(page, id);
      await page.type(typed);
      const at = before.start;
      const expected = {
        text: before.text.slice(0, at) + typed + before.text.slice(at),
        start: at + typed.length,
        end: at + typed.length,
      };
      expect(await caretIn(page, id)).toEqual(expected);
      // A highlighting pass (new content is handled within a frame or two) must not change that.
      await page.sleep(MUTATION_SETTLE_MS);
      expect(await caretIn(page, id)).toEqual(expected);
      expect(await page.evaluate((elementId) => document.activeElement?.id === elementId, id)).toBe(true);
      expect(await highlights(page, `#${id}`)).toEqual([]);
    }

    /**
     * The typed terms appear nowhere else on the article, so their first mention (the default
     * density marks only that) would be in the field: a highlighter that walked into fields or
     * editors would highlight them there. The closing check shows the same terms are highlighted in a paragraph.
     */
    async function expectMarkedOutsideEditors(page: TestPage, text: string, ids: string[]): Promise<void> {
      await page.evaluate((t) => {
        const p = document.createElement('p');
        p.id = 'control';
        p.textContent = t;
        document.querySelector('main')!.append(p);
      }, text);
      for (const id of ids) await waitForHighlightOf(page, id, '#control');
    }

    it('leaves text and caret exactly as typed in an input, a textarea and a contenteditable holding terms', async () => {
      const page = await highlighted('article.html');
      expect((await highlights(page)).length).toBeGreaterThan(0);
      await typeAndCheck(page, 'comment-title', ' FASTag');
      await typeAndCheck(page, 'comment', ' CoWIN');
      await typeAndCheck(page, 'draft', ' RuPay');
      await expectMarkedOutsideEditors(page, 'FASTag, CoWIN and RuPay.', ['fastag', 'cowin', 'rupay']);
      await page.close();
    });

    it('leaves text and caret exactly as typed in editors that appear after load', async () => {
      const page = await highlighted('article.html');
      await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const editor = document.createElement('div');
        editor.id = 'late-editor';
        editor.contentEditable = 'true';
        editor.textContent = 'Reply about FASTag here';
        const field = document.createElement('textarea');
        field.id = 'late-field';
        field.value = 'Reply about RuPay here';
        main.append(editor, field);
      });
      await afterFrames(page);
      await typeAndCheck(page, 'late-editor', ' (CoWIN)');
      await typeAndCheck(page, 'late-field', ' (FASTag)');
      await expectMarkedOutsideEditors(page, 'FASTag, CoWIN and RuPay.', ['fastag', 'cowin', 'rupay']);
      await page.close();
    });
  });

  describe('a page with a strict Content-Security-Policy', () => {
    let server: Server;

    beforeAll(async () => {
      server = createServer(async (request, response) => {
        const path = new URL(request.url ?? '/', 'http://x').pathname;
        const file = path === '/' ? 'index.html' : path.slice(1);
        if (!/^[\w-]+\.(html|css)$/.test(file)) return void response.writeHead(404).end();
        try {
          const body = await readFile(join(FIXTURE_PAGES, 'strict-csp', file));
          response.writeHead(200, {
            'content-type': extname(file) === '.css' ? 'text/css' : 'text/html; charset=utf-8',
            'content-security-policy': STRICT_CSP,
          });
          response.end(body);
        } catch {
          response.writeHead(404).end();
        }
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const address = server.address();
      cspOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      server?.closeAllConnections(); // the browser keeps connections alive; close() would wait for them
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    });

    it('is highlighted and painted, the card opens, and no violation is reported', async () => {
      const page = await suite.driver.newPage(`${cspOrigin}/`, { initScript: recordCspViolations });
      await waitForHighlights(page, (found) => found.length > 0, '#lede');
      // Painted: the paint highlight (styled by the manifest's CSS, no <style> of ours) holds them.
      expect(await page.evaluate(() => [...(CSS.highlights.get('dpi-lens--underline') ?? [])].length)).toBeGreaterThan(0);
      // The card (a closed shadow root with an adopted sheet) is part of what the extension adds.
      const card = await openCardByKeyboard(suite, page);
      expect(card.open).toBe(true);
      await afterFrames(page);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);

      // The probe works: an inline <style> added by the page itself is reported.
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'p { color: red }';
        document.head.append(style);
      });
      await page.waitFor(() => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0);
      await page.close();
    });
  });
});
