/**
 * The card layer's code, loaded when a page first has terms to explain. It is built apart from the
 * content script (scripts/lib/card-module.mjs -> content-scripts/card.js): Preact, the card's
 * components and styles and the interface's strings are most of what a page without a DPI term
 * would otherwise parse for nothing. Unit tests import page/card.tsx directly.
 */
import { browser } from 'wxt/browser';
import type * as CardModule from './page/card';

/** The built module's path in the extension; scripts/lib/card-module.mjs names the same file. */
const CARD_MODULE_PATH = '/content-scripts/card.js';

let loading: Promise<typeof CardModule> | undefined;

/** Imports the card module once per content script; a failed import is retried on the next call. */
export function loadCardModule(): Promise<typeof CardModule> {
  loading ??= (import(/* @vite-ignore */ browser.runtime.getURL(CARD_MODULE_PATH)) as Promise<typeof CardModule>).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
