/**
 * What both browsers' pages do the same way on top of evaluate and real input: polling, the
 * accessible queries (findElements in driver.ts), clicks on elements, filling fields.
 */
import {
  clearFound,
  describeQuery,
  findElements,
  sleep,
  toWire,
  type BrowserName,
  type Evaluator,
  type Query,
  type TestPage,
} from './driver';
import { POPUP_TIMEOUT_MS } from './timeouts';

const FOUND = '[data-e2e-found="0"]';

export abstract class BasePage implements TestPage {
  readonly errors: string[] = [];
  abstract readonly browserName: BrowserName;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  abstract runScript(source: string): Promise<void>;
  abstract goto(url: string): Promise<void>;
  abstract reload(): Promise<void>;
  abstract close(): Promise<void>;
  abstract childFrames(): Promise<Evaluator[]>;
  abstract mouseMove(x: number, y: number, steps?: number): Promise<void>;
  abstract mouseClick(x: number, y: number): Promise<void>;
  abstract tap(x: number, y: number): Promise<void>;
  abstract press(key: string): Promise<void>;
  abstract type(text: string): Promise<void>;
  abstract setViewport(width: number, height: number): Promise<void>;
  abstract screenshot(path: string): Promise<void>;

  url(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  sleep(ms: number): Promise<void> {
    return sleep(ms);
  }

  async waitFor<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    { timeout = 10_000, message }: { timeout?: number; message?: string } = {},
  ): Promise<Awaited<R>> {
    const end = Date.now() + timeout;
    let lastError: unknown;
    for (;;) {
      try {
        const value = await this.evaluate(fn, arg as A);
        if (value) return value;
      } catch (error) {
        lastError = error; // the page may be between documents
      }
      if (Date.now() > end) {
        throw new Error(`${message ?? `waited ${timeout} ms for ${String(fn).slice(0, 120)}`}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
      }
      await sleep(50);
    }
  }

  async click(selector: string): Promise<void> {
    const point = await this.evaluate((css) => {
      const el = document.querySelector(css);
      if (!el) throw new Error(`no element ${css}`);
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
    }, selector);
    await this.mouseClick(point.x, point.y);
  }

  async focus(selector: string): Promise<void> {
    await this.evaluate((css) => (document.querySelector(css) as HTMLElement).focus(), selector);
  }

  count(query: Query): Promise<number> {
    return this.evaluate(findElements, toWire(query)).finally(() => this.evaluate(clearFound).catch(() => {}));
  }

  /** Waits until `query` finds an element, and leaves it marked as FOUND. */
  private async find(query: Query, timeout = POPUP_TIMEOUT_MS): Promise<void> {
    await this.waitFor(findElements, toWire(query), { timeout, message: `no element: ${describeQuery(query)}` });
  }

  async waitForElement(query: Query, timeout?: number): Promise<void> {
    await this.find(query, timeout);
    await this.evaluate(clearFound);
  }

  async clickElement(query: Query, timeout?: number): Promise<void> {
    await this.find(query, timeout);
    const point = await this.evaluate((css) => {
      const el = document.querySelector(css)!;
      el.removeAttribute('data-e2e-found');
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, FOUND);
    await this.evaluate(clearFound);
    await this.mouseClick(point.x, point.y);
  }

  async fill(query: Query, value: string, timeout?: number): Promise<void> {
    await this.find(query, timeout);
    await this.evaluate(
      ({ css, text }) => {
        const el = document.querySelector(css) as HTMLInputElement | HTMLTextAreaElement;
        el.focus();
        // The prototype's setter, so a framework that tracks the value sees a change.
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!;
        setter.call(el, text);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { css: FOUND, text: value },
    );
    await this.evaluate(clearFound);
  }

  async textOf(query: Query, timeout?: number): Promise<string> {
    await this.find(query, timeout);
    const text = await this.evaluate((css) => document.querySelector(css)!.textContent ?? '', FOUND);
    await this.evaluate(clearFound);
    return text;
  }

  async valueOf(query: Query, timeout?: number): Promise<string> {
    await this.find(query, timeout);
    const value = await this.evaluate((css) => (document.querySelector(css) as HTMLInputElement).value, FOUND);
    await this.evaluate(clearFound);
    return value;
  }

  async chooseFile(query: Query, file: { name: string; mimeType: string; text: string }): Promise<void> {
    await this.find(query);
    await this.evaluate(
      ({ css, name, mimeType, text }) => {
        const input = document.querySelector(css) as HTMLInputElement;
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: mimeType }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { css: FOUND, ...file },
    );
    await this.evaluate(clearFound);
  }
}
