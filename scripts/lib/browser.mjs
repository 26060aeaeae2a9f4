// Launching Chromium with the built extension, serving local pages, and watching the network.
// Plain ESM JavaScript so `node scripts/demo.mjs` runs without a TypeScript loader; the e2e tests
// import the same functions (types in browser.d.mts), so demo and tests cannot drift apart.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository root (this file is scripts/lib/browser.mjs). */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CHROME_BUILD = join(ROOT, '.output', 'chrome-mv3');
export const FIXTURE_PAGES = join(ROOT, 'tests', 'fixtures', 'pages');

/** The name of the User Timing measure the content script records after each highlighting pass. */
export const HIGHLIGHT_MEASURE = 'dpi-lens:highlight';

// Where Chromium or Chrome usually lives; CHROMIUM_PATH wins over all of them.
const CHROMIUM_CANDIDATES = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    join(process.env.LOCALAPPDATA ?? '', 'Chromium', 'Application', 'chrome.exe'),
  ],
};

/** The first Chromium/Chrome executable found, or undefined. */
export function findChromium(env = process.env, platform = process.platform) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return (CHROMIUM_CANDIDATES[platform] ?? []).find((path) => existsSync(path));
}

/** Like findChromium, but throws an error that says how to get a browser. */
export function requireChromium(env = process.env) {
  const path = findChromium(env);
  if (path) return path;
  const given = env.CHROMIUM_PATH ? ` CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist.` : '';
  throw new Error(
    `No Chromium or Chrome found.${given}\n` +
      '  On Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  Elsewhere: install Chrome or Chromium and set CHROMIUM_PATH=/path/to/chrome',
  );
}

/** Throws unless `npm run build` (or `npx wxt build`) has produced the Chrome build. */
export function requireBuild(extensionPath = CHROME_BUILD) {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npm run build\` first.`);
  }
  return extensionPath;
}

/**
 * Flags that keep Chromium quiet and offline; see /README.md "Privacy" and TOOLCHAIN notes. With
 * an `extensionPath`, the extension is loaded; without one, the same browser without it.
 * @param {string | undefined} extensionPath
 */
export function chromiumArgs(extensionPath) {
  return [
    ...(extensionPath ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
    // Chromium refuses to start as root with its sandbox on; CI and containers run as root.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    // Without these Chromium itself keeps calling Google hosts, which would drown the
    // extension's own (absent) traffic and hang on machines without network.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Chromium with the extension loaded, in a fresh temporary profile.
 * @param {{ headless?: boolean, extensionPath?: string, executablePath?: string, viewport?: { width: number, height: number } | null, colorScheme?: 'light' | 'dark' }} [options]
 */
export async function launchWithExtension(options = {}) {
  // DPI_LENS_EXTENSION_PATH: run the same tests against another build (e.g. a deliberately broken
  // copy, to check that a test fails when the behaviour it guards breaks).
  const extensionPath = requireBuild(options.extensionPath ?? process.env.DPI_LENS_EXTENSION_PATH ?? CHROME_BUILD);
  const executablePath = options.executablePath ?? requireChromium();
  const profile = await mkdtemp(join(tmpdir(), 'dpi-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    // Playwright disables extensions by default; we need ours.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(extensionPath),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  let closed = false;
  return {
    context,
    extensionId,
    /** The extension's service worker (the background script). */
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A static file server on 127.0.0.1 and a free port: content scripts do not run on file:// pages
 * unless the user allows it, so pages are served over http like real news sites.
 * @param {string} [root]
 */
export async function serveDirectory(root = FIXTURE_PAGES) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(base, pathname === '/' ? 'index.html' : pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    // Browsers keep connections alive: close them, or close() waits for the browser to go first.
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done(undefined));
    }),
  };
}

/** Protocols that never leave the machine. */
const LOCAL_PROTOCOLS = new Set(['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:']);

/**
 * Who made a request, for the guard's report. A navigation that opens a new window (the
 * context menu's look-up window) has no frame yet, and playwright-core throws when asked for it:
 * the request is still recorded, as 'new window'.
 * @param {import('playwright-core').Request} request
 */
function requestSource(request) {
  if (request.serviceWorker()) return 'service-worker';
  try {
    return request.frame().url();
  } catch {
    return 'new window';
  }
}

/**
 * Records every request the browser context makes, from pages and from the extension's service
 * worker (playwright-core reports both through context.on('request')).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string[]} allowedOrigins e.g. the fixture server's origin
 */
export function guardNetwork(context, allowedOrigins) {
  /** @type {{ url: string, from: string }[]} */
  const requests = [];
  context.on('request', (request) => {
    requests.push({ url: request.url(), from: requestSource(request) });
  });
  const isLocal = (url) => {
    const parsed = new URL(url);
    return LOCAL_PROTOCOLS.has(parsed.protocol) || allowedOrigins.includes(parsed.origin);
  };
  return {
    requests,
    /** Requests to anything but the allowed origins and the browser's own local schemes. */
    offenders: () => requests.filter((r) => !isLocal(r.url)),
  };
}

/**
 * Waits for the content script's first highlighting pass on the page and returns its detail.
 * @param {import('playwright-core').Page} page
 * @param {number} timeout
 */
export async function waitForHighlight(page, timeout) {
  const handle = await page.waitForFunction(
    (name) => {
      const entries = performance.getEntriesByName(name);
      return entries.length > 0 ? entries[entries.length - 1].detail ?? {} : false;
    },
    HIGHLIGHT_MEASURE,
    { timeout },
  );
  return handle.jsonValue();
}

/**
 * The id of the tab showing `page`, asked from the extension's service worker the way the toolbar
 * popup finds its tab. tab.url is hidden from an extension without the "tabs" permission (DPI Lens
 * has none), so the page is brought to the front and the active tab is taken.
 * @param {import('playwright-core').Worker} worker
 * @param {import('playwright-core').Page} page
 */
export async function tabIdFor(worker, page) {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** @type {WeakMap<import('playwright-core').Page, number>} */
const tabIds = new WeakMap();

/**
 * tabIdFor, asked once per page: bringing a tab to the front moves focus, which must not happen
 * while a test rests the pointer on a term. Call it before hovering.
 * @param {import('playwright-core').Worker} worker
 * @param {import('playwright-core').Page} page
 */
export async function knownTabId(worker, page) {
  let tabId = tabIds.get(page);
  if (tabId === undefined) tabIds.set(page, (tabId = await tabIdFor(worker, page)));
  return tabId;
}

/**
 * What the card shows, asked of the page's content script by the extension's service worker: the
 * card lives in a closed shadow root that neither the page nor Playwright can read.
 * @param {import('playwright-core').Worker} worker
 * @param {import('playwright-core').Page} page
 */
export async function cardSnapshot(worker, page) {
  const tabId = await knownTabId(worker, page);
  return worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'dpi-lens:card-snapshot' }), tabId);
}

/**
 * Scrolls the `nth` highlight of term `id` (a range in CSS.highlights, `dpi-lens-<id>`) into view
 * and returns its first line box in viewport coordinates.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 * @param {number} [nth]
 */
export function termBox(page, id, nth = 0) {
  return page.evaluate(
    ([term, index]) => {
      const stored = [...(CSS.highlights.get(`dpi-lens-${term}`) ?? [])][index];
      if (!stored) throw new Error(`no highlight of ${term}`);
      stored.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const range = document.createRange(); // the highlights are StaticRanges: geometry needs a live Range
      range.setStart(stored.startContainer, stored.startOffset);
      range.setEnd(stored.endContainer, stored.endOffset);
      const box = range.getClientRects()[0];
      return { x: box.left, y: box.top, width: box.width, height: box.height };
    },
    [id, nth],
  );
}

/**
 * The highlighted terms on the page, id -> count, in reading order of their first highlight.
 * @param {import('playwright-core').Page} page
 */
export function highlightedTermCounts(page) {
  return page.evaluate(() => {
    const found = [];
    for (const [name, ranges] of CSS.highlights) {
      if (!name.startsWith('dpi-lens-') || name.startsWith('dpi-lens--')) continue;
      for (const range of ranges) found.push([name.slice('dpi-lens-'.length), range]);
    }
    // StaticRanges: ordered by their node, then their offset.
    found.sort(([, a], [, b]) =>
      a.startContainer === b.startContainer
        ? a.startOffset - b.startOffset
        : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
    );
    const counts = new Map();
    for (const [id] of found) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts];
  });
}
