/**
 * The driver in Chromium: playwright-core driving the Chromium or Chrome found on the machine
 * (scripts/lib/browser.mjs), with the built extension (.output/chrome-mv3) loaded. The background
 * is an MV3 service worker, which Playwright evaluates in directly.
 */
import { chromium, type BrowserContext, type ConsoleMessage, type Frame, type Page } from 'playwright-core';
import {
  guardNetwork,
  launchWithExtension,
  requireChromium,
  tabIdFor,
  type ExtensionBrowser,
} from '../../../scripts/lib/browser.mjs';
import type { BackgroundScope, CardSnapshot, Evaluator, ExtensionDriver, LaunchOptions, PlainBrowser, TestPage } from './driver';
import { sleep } from './driver';
import { BasePage } from './page-base';

class FrameEvaluator implements Evaluator {
  constructor(private readonly frame: Frame) {}
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    return this.frame.evaluate(fn as (arg: unknown) => unknown, arg as unknown) as Promise<Awaited<R>>;
  }
}

export class ChromiumPage extends BasePage {
  readonly browserName = 'chromium' as const;
  constructor(readonly page: Page) {
    super();
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    return this.page.evaluate(fn as (arg: unknown) => unknown, arg as unknown) as Promise<Awaited<R>>;
  }
  async runScript(source: string): Promise<void> {
    await this.page.evaluate(source);
  }
  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
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
  /**
   * A touch tap through the DevTools protocol (Playwright's touchscreen needs a context created with
   * hasTouch, which would make every page of the suite a touch device).
   */
  async tap(x: number, y: number): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } finally {
      await cdp.detach();
    }
  }
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: true });
  }
}

/** Console errors and uncaught errors whose source is the extension (its service worker, pages or content script). */
function watchExtensionErrors(context: BrowserContext, extension: ExtensionBrowser, errors: string[]): void {
  const ours = (url: string | undefined) => url?.startsWith(`chrome-extension://${extension.extensionId}/`) ?? false;
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error' && ours(message.location().url)) errors.push(`console.error ${message.location().url}: ${message.text()}`);
  };
  extension.worker.on('console', onConsole);
  context.on('console', onConsole);
  context.on('weberror', (webError) => {
    const stack = webError.error().stack ?? '';
    if (stack.includes(`chrome-extension://${extension.extensionId}/`)) errors.push(`uncaught: ${stack.split('\n').slice(0, 3).join(' | ')}`);
  });
}

/** The service worker's extension API (the callbacks below run there, not in Node). */
declare const chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };

export async function launchChromium(allowedOrigins: string[], options: LaunchOptions = {}): Promise<ExtensionDriver> {
  const extension = await launchWithExtension({ headless: true, colorScheme: options.colorScheme });
  const { context, worker } = extension;
  const guard = guardNetwork(context, allowedOrigins);
  const errors: string[] = [];
  watchExtensionErrors(context, extension, errors);
  const wrappers = new WeakMap<Page, ChromiumPage>();
  const wrap = (page: Page) => {
    let wrapped = wrappers.get(page);
    if (!wrapped) wrappers.set(page, (wrapped = new ChromiumPage(page)));
    return wrapped;
  };
  const unwrap = (page: TestPage) => (page as ChromiumPage).page;
  /**
   * Asked once per tab (tabIdFor brings the tab to the front to find it, which moves focus and
   * would end a hover in progress).
   */
  const tabIds = new WeakMap<TestPage, number>();
  async function tabId(page: TestPage): Promise<number> {
    let id = tabIds.get(page);
    if (id === undefined) tabIds.set(page, (id = await tabIdFor(worker, unwrap(page))));
    return id;
  }

  return {
    name: 'chromium',
    async newPage(url, { initScript } = {}) {
      // The context's first tab, while it is still blank, is used like any other.
      const blank = context.pages().find((p) => p.url() === 'about:blank' && !wrappers.has(p));
      const page = blank ?? (await context.newPage());
      const wrapped = wrap(page);
      if (initScript) await page.addInitScript(initScript);
      if (url) await wrapped.goto(url);
      return wrapped;
    },
    async extensionPage(path) {
      const page = wrap(await context.newPage());
      await page.goto(extension.extensionUrl(path));
      return page;
    },
    extensionUrl: (path) => extension.extensionUrl(path),
    async waitForNewPage(action, match, timeout = 5_000) {
      const before = new Set(context.pages());
      await action();
      for (const end = Date.now() + timeout; Date.now() < end; await sleep(50)) {
        const page = context.pages().find((p) => !before.has(p) && p.url() !== 'about:blank' && match(new URL(p.url())));
        if (page) {
          await page.waitForLoadState('load');
          return wrap(page);
        }
      }
      throw new Error(`no new tab matched in ${timeout} ms; open: ${context.pages().map((p) => p.url()).join(', ')}`);
    },
    async background<R, A>(fn: (scope: BackgroundScope, arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
      const call = `(async () => (${String(fn)})({ ext: chrome, dpiLens: globalThis.dpiLens, global: globalThis, kind: typeof ServiceWorkerGlobalScope !== 'undefined' && self instanceof ServiceWorkerGlobalScope ? 'service-worker' : 'unknown' }, ${JSON.stringify(arg ?? null)}))()`;
      return (await worker.evaluate(call)) as Awaited<R>;
    },
    tabId,
    cardSnapshot: async (page) => {
      const id = await tabId(page);
      return (await worker.evaluate((tab) => chrome.tabs.sendMessage(tab, { type: 'dpi-lens:card-snapshot' }), id)) as CardSnapshot;
    },
    network: {
      requests: guard.requests,
      offenders: guard.offenders,
      covers: 'every request of the browser context: pages, frames, extension pages and the service worker (playwright-core request events)',
    },
    extensionErrors: () => [...errors],
    close: () => extension.close(),
  };
}

/** The same Chromium without the extension. */
export async function launchPlainChromium(): Promise<PlainBrowser> {
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    async newPage(url) {
      const page = new ChromiumPage(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
      await page.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}
