// Types for firefox.mjs (plain JS like browser.mjs).
import type { Browser, Page } from 'puppeteer-core';
import type { SeenRequest } from './browser.mjs';

export declare const FIREFOX_BUILD: string;
export declare function findFirefox(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | undefined;
export declare function requireFirefox(env?: NodeJS.ProcessEnv): string;
export declare function extensionErrors(log: string[], extension: { uuid: string; addonId: string }): string[];

interface LaunchOptions {
  headless?: boolean;
  executablePath?: string;
  viewport?: { width: number; height: number };
}

export interface PlainFirefox {
  browser: Browser;
  /** Firefox's stdout and stderr lines. */
  log: string[];
  /** Requests that tried to leave the machine (they reached the refusing proxy). */
  proxied: SeenRequest[];
  close(): Promise<void>;
}

export interface FirefoxWithExtension extends PlainFirefox {
  addonId: string;
  uuid: string;
  extensionUrl(path: string): string;
  /** Loads an extension page in `page` and waits for its new document. */
  gotoExtension(page: Page, path: string, timeout?: number): Promise<Page>;
  /** An extension page kept open to run extension code in (Firefox's event page is out of BiDi's reach). */
  controlPage(): Promise<Page>;
  /** location.href once the page's document is complete, '' otherwise. */
  loadedHref(page: Page): Promise<string>;
  /** Lines of the log that are errors naming the extension. */
  extensionErrors(): string[];
}

export declare function launchPlainFirefox(options?: LaunchOptions): Promise<PlainFirefox>;
export declare function launchFirefoxWithExtension(
  options?: LaunchOptions & {
    extensionPath?: string;
    colorScheme?: 'light' | 'dark';
    prefs?: Record<string, string | number | boolean>;
  },
): Promise<FirefoxWithExtension>;
