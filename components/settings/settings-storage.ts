/**
 * The settings' storage glue: `browser.storage.sync` (so a reader's choices follow them to their
 * other computers), falling back to `storage.local` where sync is unavailable or fails (sync
 * disabled by policy, a quota error). Everything about what a value means is in `settings.ts`.
 */
import { browser } from 'wxt/browser';
import { parseSettings, updateSettings, type Settings } from './settings';

/** The one storage key for settings. Reader-added terms use their own key (components/custom-terms/). */
export const SETTINGS_KEY = 'settings';

type Area = 'sync' | 'local';

async function readArea(area: Area): Promise<unknown> {
  const stored = await browser.storage[area].get(SETTINGS_KEY);
  return stored[SETTINGS_KEY];
}

/** Reads settings from sync, or local when sync fails or holds nothing but local does. */
export async function loadSettings(): Promise<Settings> {
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
  const result = parseSettings(value);
  // Write a migrated shape back once, so every part reads v1 from now on (never a newer shape).
  if (result.migratedFrom !== undefined && !result.fromNewerVersion) {
    await saveSettings(result.settings).catch(() => {});
  }
  return result.settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
  } catch {
    await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  }
}

/** Reads, changes and writes in one step; returns what was stored. */
export async function changeSettings(
  change: Partial<Omit<Settings, 'version'>> | ((current: Settings) => Settings),
): Promise<Settings> {
  const current = await loadSettings();
  const next = typeof change === 'function' ? updateSettings(change(current), {}) : updateSettings(current, change);
  await saveSettings(next);
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
