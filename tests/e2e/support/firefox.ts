/**
 * The driver in Firefox: puppeteer-core over WebDriver BiDi driving the Firefox found on the machine
 * (Debian's firefox-esr in CI), with the Firefox build (.output/firefox-mv3) installed as a
 * temporary add-on (scripts/lib/firefox.mjs). What differs from Chromium, and how it is bridged:
 * - The MV3 background is an event page, not a service worker, and BiDi cannot run code in it:
 *   background() runs in an extension page kept open for the purpose (the "control" tab) and
 *   reaches the event page's window (its globals, its fetch) with runtime.getBackgroundPage().
 * - Extension pages load without BiDi navigation events: they are opened and reloaded by polling
 *   their document (firefox.mjs, gotoExtension).
 * - The first tab of headless Firefox never gets focus: every test page is a new tab.
 * - No request interception over BiDi: a refusing proxy for the whole browser stands in (firefox.mjs).
 */
import type { Frame, KeyInput, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, launchPlainFirefox, type FirefoxWithExtension } from '../../../scripts/lib/firefox.mjs';
import type { BackgroundScope, CardSnapshot, Evaluator, ExtensionDriver, LaunchOptions, PlainBrowser, SeenRequest, TestPage } from './driver';
import { chord, sleep } from './driver';
import { BasePage } from './page-base';

class FrameEvaluator implements Evaluator {
  constructor(private readonly frame: Frame) {}
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    return this.frame.evaluate(fn as (arg: unknown) => unknown, arg as unknown) as Promise<Awaited<R>>;
  }
}

export class FirefoxPage extends BasePage {
  readonly browserName = 'firefox' as const;
  constructor(
    readonly page: Page,
    private readonly firefox?: FirefoxWithExtension,
  ) {
    super();
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    return this.page.evaluate(fn as (arg: unknown) => unknown, arg as unknown) as Promise<Awaited<R>>;
  }
  private extensionPath(url: string): string | undefined {
    const prefix = this.firefox?.extensionUrl('');
    return prefix && url.startsWith(prefix) ? url.slice(prefix.length) : undefined;
  }
  async runScript(source: string): Promise<void> {
    await this.page.evaluate(source);
  }
  async goto(url: string): Promise<void> {
    const path = this.extensionPath(url);
    if (path !== undefined) await this.firefox!.gotoExtension(this.page, path);
    else await this.page.goto(url, { waitUntil: 'load' });
  }
  async reload(): Promise<void> {
    const path = this.extensionPath(await this.url());
    if (path !== undefined) await this.firefox!.gotoExtension(this.page, path);
    else await this.page.reload({ waitUntil: 'load' });
  }
  async close(): Promise<void> {
    await this.page.close();
  }
  async childFrames(): Promise<Evaluator[]> {
    return this.page.frames().filter((f) => f !== this.page.mainFrame()).map((f) => new FrameEvaluator(f));
  }
  async mouseMove(x: number, y: number, steps = 1): Promise<void> {
    await this.page.mouse.move(x, y, { steps });
  }
  async mouseClick(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }
  /** BiDi input.performActions with a touch pointer. */
  async tap(x: number, y: number): Promise<void> {
    await this.page.touchscreen.tap(x, y);
  }
  async press(key: string): Promise<void> {
    const { modifiers, key: main } = chord(key);
    for (const modifier of modifiers) await this.page.keyboard.down(modifier as KeyInput);
    await this.page.keyboard.press(main as KeyInput);
    for (const modifier of modifiers.reverse()) await this.page.keyboard.up(modifier as KeyInput);
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewport({ width, height });
  }
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png`, fullPage: true });
  }
}

/** Protocols that never leave the machine. */
const LOCAL_PROTOCOLS = new Set(['moz-extension:', 'data:', 'blob:', 'about:', 'resource:', 'chrome:']);

export async function launchFirefoxDriver(allowedOrigins: string[], options: LaunchOptions = {}): Promise<ExtensionDriver> {
  const firefox = await launchFirefoxWithExtension({ headless: true, colorScheme: options.colorScheme });
  const { browser } = firefox;
  /** Requests the tabs made, from puppeteer's BiDi network events (the proxy is the authority: see offenders). */
  const requests: SeenRequest[] = [];
  const wrappers = new WeakMap<Page, FirefoxPage>();
  const wrap = (page: Page) => {
    let wrapped = wrappers.get(page);
    if (!wrapped) {
      wrappers.set(page, (wrapped = new FirefoxPage(page, firefox)));
      page.on('request', (request) => requests.push({ url: request.url(), from: page.url() }));
    }
    return wrapped;
  };
  const unwrap = (page: TestPage) => (page as FirefoxPage).page;

  async function background<R, A>(fn: (scope: BackgroundScope, arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    const control = await firefox.controlPage();
    const call = `(async () => {
      const page = await browser.runtime.getBackgroundPage();
      const kind = page && page.document && typeof page.ServiceWorkerGlobalScope === 'undefined' ? 'event-page' : 'unknown';
      return (${String(fn)})({ ext: browser, dpiLens: page && page.dpiLens, global: page, kind }, ${JSON.stringify(arg ?? null)});
    })()`;
    return (await control.evaluate(call)) as Awaited<R>;
  }

  /**
   * The tab's id, from tabs.query in an extension page: by address when one tab shows it (the host
   * permission makes http(s) addresses visible), else the active tab once the page is brought to front.
   */
  const tabIds = new WeakMap<TestPage, number>();
  async function tabId(page: TestPage): Promise<number> {
    let id = tabIds.get(page);
    if (id === undefined) tabIds.set(page, (id = await findTabId(page)));
    return id;
  }
  async function findTabId(page: TestPage): Promise<number> {
    const href = await page.url();
    const byUrl = await background(async ({ ext }, url) => (await ext.tabs.query({})).filter((t) => t.url === url).map((t) => t.id), href);
    if (byUrl.length === 1 && byUrl[0] !== undefined) return byUrl[0];
    await unwrap(page).bringToFront();
    const active = await background(async ({ ext }) => (await ext.tabs.query({ active: true, lastFocusedWindow: true }))[0]);
    if (active?.id === undefined || active.url !== href) throw new Error(`no tab found for ${href}`);
    return active.id;
  }

  // The control tab first, so that it is never the newest tab: test pages opened later are active.
  await firefox.controlPage();

  const isLocal = (url: string) => {
    const parsed = new URL(url);
    return LOCAL_PROTOCOLS.has(parsed.protocol) || allowedOrigins.includes(parsed.origin);
  };

  return {
    name: 'firefox',
    async newPage(url, { initScript } = {}) {
      // Always a new tab: the first tab of headless Firefox never has focus.
      const page = wrap(await browser.newPage());
      if (initScript) await page.page.evaluateOnNewDocument(initScript);
      if (url) await page.goto(url);
      return page;
    },
    async extensionPage(path) {
      const page = wrap(await browser.newPage());
      await firefox.gotoExtension(page.page, path);
      return page;
    },
    extensionUrl: (path) => firefox.extensionUrl(path),
    async waitForNewPage(action, match, timeout = 5_000) {
      const before = new Set(await browser.pages());
      await action();
      for (const end = Date.now() + timeout; Date.now() < end; await sleep(100)) {
        for (const page of await browser.pages()) {
          if (before.has(page)) continue;
          const href = await firefox.loadedHref(page);
          if (href && match(new URL(href))) return wrap(page);
        }
      }
      throw new Error(`no new tab matched in ${timeout} ms`);
    },
    background,
    tabId,
    async cardSnapshot(page) {
      const id = await tabId(page);
      return background(({ ext }, tab) => ext.tabs.sendMessage(tab, { type: 'dpi-lens:card-snapshot' }) as Promise<CardSnapshot>, id);
    },
    network: {
      requests,
      offenders: () => [...firefox.proxied, ...requests.filter((r) => !isLocal(r.url))],
      covers:
        'every http(s) request Firefox makes (tabs, frames, extension pages, the event page, Firefox itself) goes to a local proxy that records and refuses it; ' +
        'Firefox never proxies 127.0.0.1, so the fixture servers are reached directly. Tabs’ requests are also listed from BiDi network events.',
    },
    extensionErrors: () => firefox.extensionErrors(),
    close: () => firefox.close(),
  };
}

/** The same Firefox without the extension. */
export async function launchPlainFirefoxBrowser(): Promise<PlainBrowser> {
  const firefox = await launchPlainFirefox({ viewport: { width: 1280, height: 900 } });
  return {
    async newPage(url) {
      const page = new FirefoxPage(await firefox.browser.newPage());
      await page.goto(url);
      return page;
    },
    close: () => firefox.close(),
  };
}
