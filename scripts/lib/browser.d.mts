// Types for browser.mjs (plain JS so the demo runs without a TypeScript loader).
import type { BrowserContext, Page, Worker } from 'playwright-core';

export declare const ROOT: string;
export declare const CHROME_BUILD: string;
export declare const FIXTURE_PAGES: string;
export declare const HIGHLIGHT_MEASURE: 'dpi-lens:highlight';

export declare function findChromium(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | undefined;
export declare function requireChromium(env?: NodeJS.ProcessEnv): string;
export declare function requireBuild(extensionPath?: string): string;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export declare function launchWithExtension(options?: {
  headless?: boolean;
  extensionPath?: string;
  executablePath?: string;
  viewport?: { width: number; height: number } | null;
  colorScheme?: 'light' | 'dark';
}): Promise<ExtensionBrowser>;

export interface LocalServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export declare function serveDirectory(root?: string): Promise<LocalServer>;

export interface SeenRequest {
  url: string;
  /** 'service-worker', or the URL of the frame that made the request. */
  from: string;
}

export interface NetworkGuard {
  requests: SeenRequest[];
  offenders(): SeenRequest[];
}

export declare function guardNetwork(context: BrowserContext, allowedOrigins: string[]): NetworkGuard;

/** The `detail` of the content script's `dpi-lens:highlight` measure. */
export interface HighlightDetail {
  marks?: number;
  terms?: number;
  busyMs?: number;
  deferred?: number;
  /** Text nodes the pass read: the whole page on load, only what was added afterwards. */
  textNodes?: number;
}

export declare function chromiumArgs(extensionPath?: string): string[];
export declare function waitForHighlight(page: Page, timeout: number): Promise<HighlightDetail>;
export declare function tabIdFor(worker: Worker, page: Page): Promise<number>;
/** What the card shows (entrypoints/content/page/card.tsx), as the content script answers it. */
export type { CardSnapshot } from '../../entrypoints/content/page/card';
import type { CardSnapshot } from '../../entrypoints/content/page/card';
export declare function knownTabId(worker: Worker, page: Page): Promise<number>;
export declare function cardSnapshot(worker: Worker, page: Page): Promise<CardSnapshot>;
export declare function termBox(page: Page, id: string, nth?: number): Promise<{ x: number; y: number; width: number; height: number }>;
export declare function highlightedTermCounts(page: Page): Promise<[string, number][]>;
