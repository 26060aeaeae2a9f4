// Firefox (Debian's firefox-esr, or any Firefox 128+) with the built extension installed as a
// temporary add-on, driven by puppeteer-core over WebDriver BiDi: no geckodriver, nothing
// downloaded. The browser tests' Firefox driver (tests/e2e/support/firefox.ts) is built on this.
// Plain ESM JavaScript like browser.mjs; types in firefox.d.mts.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT } from './browser.mjs';

export const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv3');

// Where Firefox usually lives; FIREFOX_PATH wins over all of them.
const FIREFOX_CANDIDATES = {
  linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/snap/bin/firefox'],
  darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox', '/Applications/Firefox ESR.app/Contents/MacOS/firefox'],
  win32: [
    join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Mozilla Firefox', 'firefox.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Mozilla Firefox', 'firefox.exe'),
  ],
};

/** The first Firefox executable found, or undefined. */
export function findFirefox(env = process.env, platform = process.platform) {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : undefined;
  return (FIREFOX_CANDIDATES[platform] ?? []).find((path) => existsSync(path));
}

/** Like findFirefox, but throws an error that says how to get one. */
export function requireFirefox(env = process.env) {
  const path = findFirefox(env);
  if (path) return path;
  const given = env.FIREFOX_PATH ? ` FIREFOX_PATH=${env.FIREFOX_PATH} does not exist.` : '';
  throw new Error(
    `No Firefox found.${given}\n` +
      '  On Debian/Ubuntu: sudo apt-get update && sudo apt-get install firefox-esr\n' +
      '  Elsewhere: install Firefox (or Firefox ESR) and set FIREFOX_PATH=/path/to/firefox\n' +
      '  Or run the Chromium tests only: DPI_LENS_BROWSERS=chromium npm run test:e2e',
  );
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** location.href once the document has loaded, '' before that or while the page is between documents. */
function loadedHref(page) {
  return page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
}

/** A console line of one of Firefox's own modules: its name, unquoted, then a colon. */
const FIREFOX_MODULE_LINE = /^console\.\w+: [A-Za-z][\w.-]*: /;

/** An error line: a JavaScript error, an uncaught exception or rejection. */
const ERROR_WORDS = /\b(error|exception|uncaught)\b/i;

/**
 * The lines of Firefox's log that are errors of the extension: a JavaScript error or uncaught
 * rejection whose line names its moz-extension:// origin or add-on id (background, content
 * script, extension page), and every console.error line. Firefox prints console.error without its
 * source ('console.error: "message"', arguments quoted), so those cannot be told apart by origin:
 * the pages the tests load never log errors. Firefox's own modules' lines name the module unquoted
 * ('console.error: RSLoader: ...') and are not counted. A page that logged errors would be.
 * @param {string[]} log
 * @param {{ uuid: string, addonId: string }} extension
 */
export function extensionErrors(log, { uuid, addonId }) {
  return log.filter(
    (line) =>
      (line.startsWith('console.error:') && !FIREFOX_MODULE_LINE.test(line)) ||
      ((line.includes(uuid) || line.includes(addonId)) && ERROR_WORDS.test(line)),
  );
}

/**
 * A forward proxy that forwards nothing: Firefox is pointed at it for every http and https request
 * (pages, the extension's background, its pages, Firefox itself), except to localhost, which
 * Firefox never proxies. Whatever reaches it would have left the machine; it is recorded and refused.
 */
async function startRefusingProxy() {
  /** @type {{ url: string, from: string }[]} */
  const seen = [];
  const proxy = createServer((request, response) => {
    // A path, not an address: a direct request to this port (Firefox's settings service, pointed
    // here by a pref below), which stays on the machine.
    if (request.url?.startsWith('/')) return void response.writeHead(404).end();
    seen.push({ url: request.url ?? '', from: 'firefox (http via proxy)' });
    response.writeHead(502).end();
  });
  proxy.on('connect', (request, socket) => {
    seen.push({ url: `https://${request.url}`, from: 'firefox (https via proxy)' });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((done, fail) => {
    proxy.once('error', fail);
    proxy.listen(0, '127.0.0.1', () => done(undefined));
  });
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    seen,
    close: () => {
      proxy.closeAllConnections();
      return new Promise((done) => proxy.close(() => done(undefined)));
    },
  };
}

/** Firefox's stdout and stderr, line by line, as they arrive. */
function collectLog(browser) {
  const log = [];
  for (const stream of [browser.process()?.stdout, browser.process()?.stderr]) {
    let partial = '';
    stream?.on('data', (chunk) => {
      const lines = (partial + String(chunk)).split('\n');
      partial = lines.pop() ?? '';
      log.push(...lines.filter(Boolean));
    });
  }
  return log;
}

/**
 * Firefox in a fresh temporary profile (puppeteer removes it on close), offline but for
 * localhost, logging to stdout.
 * @param {{ headless?: boolean, executablePath?: string, colorScheme?: 'light' | 'dark', viewport?: { width: number, height: number }, prefs?: Record<string, string | number | boolean> }} options
 */
async function launchFirefox(options) {
  const executablePath = options.executablePath ?? requireFirefox();
  const proxy = await startRefusingProxy();
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  try {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? true,
      defaultViewport: viewport,
      // Release builds honour services.settings.server (below) only with this set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      // Lets BiDi's browsingContext.navigate open moz-extension:// pages (otherwise "Navigation to
      // moz-extension://… is not allowed in this context").
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // Console messages and JavaScript errors of pages, content scripts, extension pages and the
        // background, on stdout: the only place a background page's errors can be read.
        'devtools.console.stdout.content': true,
        // Every non-local request through the refusing proxy (see startRefusingProxy).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        // Firefox's remote-settings client polls Mozilla's server at start; it asks this machine
        // instead, so that what reaches the proxy is never Firefox's own routine traffic.
        'services.settings.server': `http://127.0.0.1:${proxy.port}/v1`,
        // The system's dark mode, for content and extension pages alike (BiDi cannot emulate it).
        ...(options.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 } : {}),
        ...options.prefs,
      },
    });
    const log = collectLog(browser);
    return {
      browser,
      log,
      /** Every request that tried to leave the machine (through the refusing proxy). */
      proxied: proxy.seen,
      async close() {
        await browser.close().catch(() => {});
        await proxy.close();
      },
    };
  } catch (error) {
    await proxy.close();
    throw error;
  }
}

/**
 * The same Firefox without the extension: what a page looks like untouched.
 * @param {{ headless?: boolean, executablePath?: string, viewport?: { width: number, height: number } }} [options]
 */
export function launchPlainFirefox(options = {}) {
  return launchFirefox(options);
}

/**
 * Firefox with the extension installed as a temporary add-on, in a fresh temporary profile.
 * @param {{ headless?: boolean, extensionPath?: string, executablePath?: string, colorScheme?: 'light' | 'dark', viewport?: { width: number, height: number }, prefs?: Record<string, string | number | boolean> }} [options]
 */
export async function launchFirefoxWithExtension(options = {}) {
  // DPI_LENS_FIREFOX_EXTENSION_PATH: run the same tests against another build (e.g. a deliberately
  // broken copy, to check that the browser-log check fails).
  const extensionPath = options.extensionPath ?? process.env.DPI_LENS_FIREFOX_EXTENSION_PATH ?? FIREFOX_BUILD;
  const manifestPath = join(extensionPath, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build at ${extensionPath}: run \`npm run build\` first.`);
  const addonId = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings.gecko.id;
  // The moz-extension:// host is a random per-profile UUID; Firefox takes it from this pref if set.
  const uuid = randomUUID();
  const firefox = await launchFirefox({
    ...options,
    prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }), ...options.prefs },
  });
  const { browser, log } = firefox;
  try {
    const installed = await browser.installExtension(extensionPath);
    if (installed !== addonId) throw new Error(`installed ${installed}, expected ${addonId}`);
  } catch (error) {
    await firefox.close();
    throw error;
  }
  const extensionUrl = (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;

  /**
   * Loads an extension page in `page`. Firefox's BiDi reports no navigation events for
   * moz-extension:// documents, so page.goto() would wait forever: start the load without waiting
   * and poll the document instead. puppeteer's page.url() may stay at the previous address.
   */
  async function gotoExtension(page, path, timeout = 10_000) {
    const url = extensionUrl(path);
    // Marks the current document, so that loading the same address again (a reload) is told apart.
    await page.evaluate(() => ((window).__dpiLensLeaving = true)).catch(() => {});
    await page.mainFrame().browsingContext.navigate(url, 'none');
    const arrived = () =>
      page
        .evaluate(() => (document.readyState === 'complete' && !(window).__dpiLensLeaving ? location.href : ''))
        .catch(() => '');
    for (const end = Date.now() + timeout; (await arrived()) !== url; await sleep(50)) {
      if (Date.now() > end) throw new Error(`${url} did not load in ${timeout} ms`);
    }
    return page;
  }

  /**
   * Runs `fn` in an extension page kept open for the purpose (a tab with popup.html?control, which
   * the tests never look at): Firefox's MV3 background is an event page that BiDi cannot reach, so
   * this stands in for Playwright's worker.evaluate; the background's own globals are one call
   * away, (await browser.runtime.getBackgroundPage()).dpiLens. popup.html, not options.html:
   * runtime.openOptionsPage() would reuse an open options tab.
   */
  let control;
  async function controlPage() {
    control ??= browser.newPage().then((page) => gotoExtension(page, 'popup.html?control'));
    return control;
  }

  let closed = false;
  return {
    browser,
    addonId,
    uuid,
    log,
    proxied: firefox.proxied,
    extensionUrl,
    gotoExtension,
    controlPage,
    loadedHref,
    extensionErrors: () => extensionErrors(log, { uuid, addonId }),
    async close() {
      if (closed) return;
      closed = true;
      await firefox.close();
    },
  };
}
