/**
 * The settings' storage glue: `browser.storage.sync` (so a reader's choices follow them to their
 * other computers), falling back to `storage.local` where sync is unavailable or fails (sync
 * disabled by policy, a quota error). Everything about what a value means is in `settings.ts`.
 */
import { browser } from 'wxt/browser';
import { parseSettings, updateSettings, type Settings } from './settings';

/** The one storage key for settings. Reader-added terms use their own key (utils/custom-terms/). */
export const SETTINGS_KEY = 'settings';

type Area = 'sync' | 'local';

async function readArea(area: Area): Promise<unknown> {
  const stored = await browser.storage[area].get(SETTINGS_KEY);
  return stored[SETTINGS_KEY];
}

/** The stored value as it is: sync, or local when sync fails or holds nothing but local does. */
async function readStored(): Promise<unknown> {
  let value: unknown;
  try {
    value = await readArea('sync');
  } catch {
    value = undefined;
  }
  if (value === undefined) {
    try {
      value = await readArea('local');
    } catch {
      value = undefined;
    }
  }
  return value;
}

/** Reads settings from sync, or local when sync fails or holds nothing but local does. */
export async function loadSettings(): Promise<Settings> {
  const result = parseSettings(await readStored());
  // Write a migrated shape back once, so every part reads v1 from now on (never a newer shape).
  if (result.migratedFrom !== undefined && !result.fromNewerVersion) {
    await saveSettings(result.settings).catch(() => {});
  }
  return result.settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await writeStored(settings);
}

async function writeStored(value: Settings | Record<string, unknown>): Promise<void> {
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: value });
  } catch {
    await browser.storage.local.set({ [SETTINGS_KEY]: value });
  }
}

/**
 * Reads, changes and writes in one step; returns the settings as this release reads them. A value
 * written by a newer release is never downgraded: only the fields the reader changed are written
 * into it, and its version and every field this release does not know are kept.
 */
export async function changeSettings(
  change: Partial<Omit<Settings, 'version'>> | ((current: Settings) => Settings),
): Promise<Settings> {
  const stored = await readStored();
  const result = parseSettings(stored);
  const current = result.settings;
  const next = typeof change === 'function' ? updateSettings(change(current), {}) : updateSettings(current, change);
  if (result.fromNewerVersion) {
    const changed = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(current[key as keyof Settings])),
    );
    await writeStored({ ...(stored as Record<string, unknown>), ...changed });
  } else {
    await saveSettings(next);
  }
  return next;
}

/** Calls `onChange` with the new settings whenever another part stores them. Returns the undo. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if ((area !== 'sync' && area !== 'local') || !(SETTINGS_KEY in changes)) return;
    onChange(parseSettings(changes[SETTINGS_KEY]!.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
