/**
 * A small, browser-neutral driver for the browser tests: what a test needs from a browser with the
 * extension installed, implemented for Chromium over playwright-core (chromium.ts) and for Firefox
 * over puppeteer-core and WebDriver BiDi (firefox.ts). Each *.e2e.ts describes a behaviour once and
 * runs it for every browser in BROWSERS.
 */
import type { CardSnapshot, LocalServer, SeenRequest } from '../../../scripts/lib/browser.mjs';

export type BrowserName = 'chromium' | 'firefox';
const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * The browsers to run, from DPI_LENS_BROWSERS ("chromium", "firefox" or "chromium,firefox"; the
 * default is both): `DPI_LENS_BROWSERS=firefox npm run test:e2e`.
 */
export const BROWSERS: BrowserName[] = (() => {
  const wanted = (process.env.DPI_LENS_BROWSERS ?? ALL_BROWSERS.join(','))
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !ALL_BROWSERS.includes(name as BrowserName));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new Error(`DPI_LENS_BROWSERS=${process.env.DPI_LENS_BROWSERS}: expected a comma-separated list of ${ALL_BROWSERS.join(', ')}`);
  }
  return [...new Set(wanted)] as BrowserName[];
})();

/** A document the test can run code in: a page's main frame or one of its frames. */
export interface Evaluator {
  /** Runs `fn(arg)` in the page (a self-contained function: it is serialised). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
}

/** A text to match: a string (case-insensitive substring, or whole and case-sensitive with `exact`) or a RegExp. */
export type TextMatch = string | RegExp;

/** An element found the way a reader (or a screen reader) finds it; see findElements. */
export interface Query {
  role?: string;
  /** The accessible name (with `role`) or the label (with `label`). */
  name?: TextMatch;
  label?: TextMatch;
  text?: TextMatch;
  exact?: boolean;
  /** Only elements whose text contains this. */
  hasText?: string;
  /** Only inside the first element this query finds. */
  within?: Query;
}

export const byRole = (role: string, name?: TextMatch, options: { exact?: boolean } = {}): Query => ({ role, name, ...options });
export const byLabel = (label: TextMatch, options: { exact?: boolean } = {}): Query => ({ label, ...options });
export const byText = (text: TextMatch, options: { exact?: boolean } = {}): Query => ({ text, ...options });
export const within = (parent: Query, child: Query): Query => ({ ...child, within: parent });

export interface TestPage extends Evaluator {
  readonly browserName: BrowserName;
  /** Runs a script's source in the page (through the driver: extension pages' CSP forbids inline scripts and eval). */
  runScript(source: string): Promise<void>;
  /** The document's address, read in the page (Firefox's driver does not follow extension pages). */
  url(): Promise<string>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
  /** The page's child frames (same-origin ones are the ones tests read). */
  childFrames(): Promise<Evaluator[]>;
  /** Polls `fn(arg)` in the page until it returns a truthy value, which it returns. */
  waitFor<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, options?: { timeout?: number; message?: string }): Promise<Awaited<R>>;
  sleep(ms: number): Promise<void>;
  /** Real (trusted) input, in viewport coordinates. */
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  /** A tap with a touch pointer (pointerType "touch"). */
  tap(x: number, y: number): Promise<void>;
  /** A key, or a chord written "Control+End". */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** A real click in the middle of the first element matching the CSS selector. */
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Uncaught errors of the page's own scripts since the page was opened. */
  readonly errors: string[];

  /** Accessible queries (see findElements); each acts on the first match and waits for it. */
  count(query: Query): Promise<number>;
  waitForElement(query: Query, timeout?: number): Promise<void>;
  clickElement(query: Query, timeout?: number): Promise<void>;
  fill(query: Query, value: string, timeout?: number): Promise<void>;
  textOf(query: Query, timeout?: number): Promise<string>;
  valueOf(query: Query, timeout?: number): Promise<string>;
  /** Chooses a file in an <input type=file>, as the file picker does. */
  chooseFile(query: Query, file: { name: string; mimeType: string; text: string }): Promise<void>;
}

/** What the extension's background can be asked: the API namespace and the handlers it exposes. */
export interface BackgroundScope {
  /** `chrome` in Chromium's service worker, `browser` in Firefox (both return promises). */
  ext: {
    storage: Record<'sync' | 'local', { set(items: Record<string, unknown>): Promise<void>; get(keys?: unknown): Promise<Record<string, unknown>> }>;
    tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown>; query(q: object): Promise<{ id?: number; url?: string }[]> };
    commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    runtime: { getManifest(): { manifest_version: number; background?: unknown } };
  };
  /** entrypoints/background/index.ts puts the command and context-menu handlers here. */
  dpiLens: {
    moveToTerm(tabId: number | undefined, direction: 1 | -1): Promise<string | undefined>;
    toggleHighlights(tabId: number | undefined): Promise<boolean | undefined>;
    lookUpSelection(text: string): Promise<string | undefined>;
  };
  /** The background's own global object (the service worker's, or the event page's window). */
  global: typeof globalThis;
  /** What runs the background: Chromium's service worker, or Firefox's event page (a window). */
  kind: 'service-worker' | 'event-page';
}

export interface NetworkRecord {
  /** Every request seen (so a test can show the guard saw traffic). */
  requests: SeenRequest[];
  /** Requests to anything but the allowed origins and the browser's own local schemes. */
  offenders(): SeenRequest[];
  /** What the guard covers in this browser, for failure messages and the README. */
  covers: string;
}

export interface LaunchOptions {
  /** The system's colour scheme the pages see (Firefox: a profile pref, so it is fixed at launch). */
  colorScheme?: 'light' | 'dark';
}

export interface ExtensionDriver {
  readonly name: BrowserName;
  /** A new tab, blank or at `url`; `initScript` runs in every document before the page's scripts. */
  newPage(url?: string, options?: { initScript?: () => void }): Promise<TestPage>;
  /** An extension page (popup.html, options.html...) in a new tab. */
  extensionPage(path: string): Promise<TestPage>;
  /** The address of an extension page, to compare with what the extension opens. */
  extensionUrl(path: string): string;
  /** Runs `action`, then waits for a tab that was not open before and whose address matches. */
  waitForNewPage(action: () => Promise<unknown>, match: (url: URL) => boolean, timeout?: number): Promise<TestPage>;
  /** Runs `fn(scope, arg)` where the extension's background lives; `arg` must be JSON. */
  background<R, A = undefined>(fn: (scope: BackgroundScope, arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** The extension's tabs.Tab id of `page`. */
  tabId(page: TestPage): Promise<number>;
  /** What the card shows, asked of the page's content script through the extension. */
  cardSnapshot(page: TestPage): Promise<CardSnapshot>;
  readonly network: NetworkRecord;
  /** Lines of the browser's own log that are errors of the extension (Firefox; see firefox.ts). */
  extensionErrors(): string[];
  close(): Promise<void>;
}

/** A browser without the extension, for baselines ("what the page looks like untouched"). */
export interface PlainBrowser {
  newPage(url: string): Promise<TestPage>;
  close(): Promise<void>;
}

export type { CardSnapshot, LocalServer, SeenRequest };

/** A serialisable form of a TextMatch (a RegExp does not survive the trip into the page). */
export type WireMatch = { source: string; flags: string } | string;
export type WireQuery = Omit<Query, 'name' | 'label' | 'text' | 'within'> & {
  name?: WireMatch;
  label?: WireMatch;
  text?: WireMatch;
  within?: WireQuery;
};

export function toWire(query: Query): WireQuery {
  const wire = (m: TextMatch | undefined): WireMatch | undefined => (m instanceof RegExp ? { source: m.source, flags: m.flags } : m);
  return {
    ...query,
    name: wire(query.name),
    label: wire(query.label),
    text: wire(query.text),
    within: query.within ? toWire(query.within) : undefined,
  };
}

export function describeQuery(query: Query): string {
  const parts = Object.entries(query)
    .filter(([key, value]) => value !== undefined && key !== 'within')
    .map(([key, value]) => `${key}=${value instanceof RegExp ? String(value) : JSON.stringify(value)}`);
  return `${parts.join(' ')}${query.within ? ` within (${describeQuery(query.within)})` : ''}`;
}

/**
 * Runs in the page: the visible elements matching `query`, in document order, found the way
 * Playwright's getByRole/getByLabel/getByText find them (an explicit or implicit ARIA role and an
 * accessible name from aria-labelledby, aria-label, a <label>, or the text), with the same
 * matching rules: a string matches case-insensitively as a substring unless `exact`. Marks the
 * matches with data-e2e-found="<index>" so the driver can reach them with a CSS selector.
 * Self-contained: it is serialised into the page.
 */
export function findElements(query: WireQuery): number {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const matches = (value: string, m: WireMatch, exact: boolean | undefined) => {
    if (typeof m !== 'string') return new RegExp(m.source, m.flags).test(value);
    return exact ? norm(value) === m : norm(value).toLowerCase().includes(m.toLowerCase());
  };
  const visible = (el: Element) =>
    el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]') && getComputedStyle(el).visibility !== 'hidden';
  const textOf = (el: Element) => norm((el as HTMLElement).innerText ?? el.textContent ?? '');
  const byIds = (ids: string) =>
    norm(ids.split(/\s+/).map((id) => (document.getElementById(id) ? textOf(document.getElementById(id)!) : '')).join(' '));
  const labelOf = (el: Element): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) return byIds(labelledBy);
    const aria = el.getAttribute('aria-label');
    if (aria) return norm(aria);
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
      const labels = [...(el.labels ?? [])].map(textOf).join(' ');
      if (labels) return norm(labels);
      return norm(el.getAttribute('placeholder') ?? el.getAttribute('title') ?? '');
    }
    return '';
  };
  const roleOf = (el: Element): string => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0]!;
    const tag = el.localName;
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'button' || tag === 'summary') return 'button';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'input') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (['button', 'submit', 'reset'].includes(type)) return 'button';
      if (type === 'checkbox' || type === 'radio') return type;
      if (el.hasAttribute('list')) return 'combobox';
      if (type === 'search') return 'searchbox';
      if (['text', 'email', 'url', 'tel'].includes(type)) return 'textbox';
      return '';
    }
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return el.hasAttribute('multiple') ? 'listbox' : 'combobox';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    if (tag === 'option') return 'option';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'output') return 'status';
    if (tag === 'nav') return 'navigation';
    if (tag === 'main') return 'main';
    if (tag === 'section' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return 'region';
    return '';
  };
  /** Name from content for roles that take it; otherwise only from labels. */
  const NAME_FROM_CONTENT = new Set(['button', 'link', 'heading', 'option', 'listitem', 'radio', 'checkbox', 'tab', 'menuitem', 'cell', 'row', 'treeitem']);
  const nameOf = (el: Element, role: string) => {
    const label = labelOf(el);
    if (label) return label;
    if (NAME_FROM_CONTENT.has(role)) return textOf(el);
    return '';
  };

  let roots: Element[] = [document.documentElement];
  if (query.within) {
    const count = findElements(query.within);
    const parent = count > 0 ? document.querySelector('[data-e2e-found="0"]') : null;
    document.querySelectorAll('[data-e2e-found]').forEach((el) => el.removeAttribute('data-e2e-found'));
    if (!parent) return 0;
    roots = [parent];
  }
  const all = roots.flatMap((root) => [root, ...root.querySelectorAll('*')]).filter(visible);
  let found: Element[];
  if (query.role !== undefined) {
    found = all.filter((el) => roleOf(el) === query.role && (query.name === undefined || matches(nameOf(el, query.role!), query.name, query.exact)));
  } else if (query.label !== undefined) {
    const labelled = (el: Element) =>
      ['input', 'textarea', 'select'].includes(el.localName) || el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
    found = all.filter((el) => {
      if (!labelled(el)) return false;
      const label = labelOf(el);
      return label !== '' && matches(label, query.label!, query.exact);
    });
  } else if (query.text !== undefined) {
    const hits = all.filter((el) => matches(textOf(el), query.text!, query.exact));
    // The innermost elements holding the text, as getByText finds them.
    found = hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)));
  } else {
    found = all;
  }
  if (query.hasText !== undefined) found = found.filter((el) => textOf(el).includes(query.hasText!));
  document.querySelectorAll('[data-e2e-found]').forEach((el) => el.removeAttribute('data-e2e-found'));
  found.forEach((el, i) => el.setAttribute('data-e2e-found', String(i)));
  return found.length;
}

/** Runs in the page: removes the data-e2e-found marks findElements left. */
export function clearFound(): void {
  document.querySelectorAll('[data-e2e-found]').forEach((el) => el.removeAttribute('data-e2e-found'));
}

/** Splits "Control+Shift+End" into modifiers and the key. */
export function chord(key: string): { modifiers: string[]; key: string } {
  const parts = key.split('+');
  if (parts.length > 1 && parts.at(-1) === '') return { modifiers: parts.slice(0, -2), key: '+' };
  return { modifiers: parts.slice(0, -1), key: parts.at(-1)! };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
