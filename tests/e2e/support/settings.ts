/**
 * Reader settings for end-to-end tests, written where the extension keeps them (storage.sync,
 * key "settings"; components/settings/settings-storage.ts) from its service worker: content
 * scripts pick them up live. Only the changed fields are written: the extension fills in the
 * defaults for the rest, as it would for a partial value from an older release.
 */
import type { Worker } from 'playwright-core';

/** The service worker's extension API (these callbacks run there, not in Node). */
declare const chrome: { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } };

const SETTINGS_KEY = 'settings';
const SETTINGS_VERSION = 1;

export async function storeSettings(worker: Worker, change: Record<string, unknown>): Promise<void> {
  const value = { version: SETTINGS_VERSION, ...change };
  await worker.evaluate(([key, settings]) => chrome.storage.sync.set({ [key as string]: settings }), [
    SETTINGS_KEY,
    value,
  ] as const);
}

/** Runs `body` with `change` applied, then puts the defaults back (tests in a file share one browser). */
export async function withSettings<T>(
  worker: Worker,
  change: Record<string, unknown>,
  body: () => Promise<T>,
): Promise<T> {
  await storeSettings(worker, change);
  try {
    return await body();
  } finally {
    await storeSettings(worker, {});
  }
}
