import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clampHoverDelay,
  DEFAULT_SETTINGS,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  normaliseSite,
  parseSettings,
  SETTINGS_VERSION,
  updateSettings,
} from '@/utils/settings/settings';
import { changeSettings, loadSettings, SETTINGS_KEY, watchSettings } from '@/utils/settings/settings-storage';
import { OPEN_DELAY_MS } from '@/utils/hover-card/timings';

describe('settings defaults', () => {
  it('start on, first mention only, underline, every category, the card’s own delay, system theme, the glance card', () => {
    expect(parseSettings(undefined).settings).toEqual({
      version: SETTINGS_VERSION,
      enabled: true,
      siteMode: 'all-except',
      offSites: [],
      onlySites: [],
      density: 'first',
      style: 'underline',
      disabledCategories: [],
      hoverDelayMs: OPEN_DELAY_MS,
      theme: 'system',
      cardDetail: 'glance',
    });
  });

  it('are frozen, so no caller can change them by accident', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});

describe('migration', () => {
  it('carries every choice of the unversioned v0 shape into v1', () => {
    const v0 = {
      enabled: false,
      disabledSites: ['https://www.TheHindu.com/news/', 'indianexpress.com'],
      firstMentionOnly: false,
      underline: true,
      hoverDelay: 600,
      darkMode: 'on',
      hiddenCategories: ['payments', 'not-a-category'],
    };
    const result = parseSettings(v0);
    expect(result.migratedFrom).toBe(0);
    expect(result.settings).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      offSites: ['thehindu.com', 'indianexpress.com'],
      density: 'every',
      style: 'underline',
      hoverDelayMs: 600,
      theme: 'dark',
      disabledCategories: ['payments'],
    });
  });

  it.each([
    ['auto', 'system'],
    ['off', 'light'],
    ['on', 'dark'],
  ])('maps v0 darkMode %s to theme %s', (darkMode, theme) => {
    expect(parseSettings({ darkMode }).settings.theme).toBe(theme);
  });

  it('carries every v1 choice into v2 and gives v1 readers the glance card', () => {
    const v1 = {
      version: 1,
      enabled: false,
      siteMode: 'only-listed',
      offSites: [],
      onlySites: ['thehindu.com'],
      density: 'every',
      style: 'background',
      disabledCategories: ['payments'],
      hoverDelayMs: 600,
      theme: 'dark',
    };
    const result = parseSettings(v1);
    expect(result.migratedFrom).toBe(1);
    expect(result.invalid).toEqual([]);
    expect(result.settings).toEqual({ ...v1, version: 2, cardDetail: 'glance' });
  });

  it('keeps a stored v2 "detailed" card and repairs an unknown card setting', () => {
    expect(parseSettings({ ...DEFAULT_SETTINGS, cardDetail: 'detailed' }).settings.cardDetail).toBe('detailed');
    const broken = parseSettings({ ...DEFAULT_SETTINGS, cardDetail: 'huge' });
    expect(broken.settings.cardDetail).toBe('glance');
    expect(broken.invalid).toEqual(['cardDetail']);
  });

  it('reads a current value as it is, reporting no migration', () => {
    const stored = { ...DEFAULT_SETTINGS, style: 'background', offSites: ['ndtv.com'], cardDetail: 'detailed' };
    const result = parseSettings(stored);
    expect(result.migratedFrom).toBeUndefined();
    expect(result.settings).toEqual(stored);
  });

  it('reads a newer version field by field and flags it so it is not overwritten', () => {
    const result = parseSettings({ ...DEFAULT_SETTINGS, version: 7, theme: 'dark', sparkles: true });
    expect(result.fromNewerVersion).toBe(true);
    expect(result.settings.theme).toBe('dark');
    expect(result.settings.version).toBe(SETTINGS_VERSION);
  });
});

describe('corrupt values recover without throwing', () => {
  it.each([
    ['a string', 'oops'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['null', null],
  ])('%s gives the defaults', (_name, stored) => {
    expect(() => parseSettings(stored)).not.toThrow();
    expect(parseSettings(stored).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields and defaults only the broken ones', () => {
    const result = parseSettings({
      version: 1,
      enabled: 'yes',
      siteMode: 'only-listed',
      onlySites: ['thehindu.com', 12, '', 'not a site!'],
      density: 'sometimes',
      style: 'background',
      disabledCategories: 'payments',
      hoverDelayMs: Number.NaN,
      theme: 'dark',
    });
    expect(result.settings).toEqual({
      ...DEFAULT_SETTINGS,
      siteMode: 'only-listed',
      onlySites: ['thehindu.com'],
      style: 'background',
      theme: 'dark',
    });
    expect(result.invalid.sort()).toEqual(['density', 'disabledCategories', 'enabled', 'hoverDelayMs']);
  });

  it('treats a broken version number as the current shape', () => {
    expect(parseSettings({ version: 'one', theme: 'light' }).settings.theme).toBe('light');
  });
});

describe('hover delay', () => {
  it.each([
    [0, HOVER_DELAY_MIN_MS],
    [349, 350],
    [10_000, HOVER_DELAY_MAX_MS],
    [-5, HOVER_DELAY_MIN_MS],
  ])('%d ms is stored as %d ms', (input, stored) => {
    expect(clampHoverDelay(input)).toBe(stored);
    expect(updateSettings(DEFAULT_SETTINGS, { hoverDelayMs: input }).hoverDelayMs).toBe(stored);
  });
});

describe('normaliseSite', () => {
  it.each([
    ['thehindu.com', 'thehindu.com'],
    ['  WWW.TheHindu.com  ', 'thehindu.com'],
    ['https://www.livemint.com/news/india?x=1#top', 'livemint.com'],
    ['http://localhost:8080/', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['epaper.thehindu.com.', 'epaper.thehindu.com'],
    ['', undefined],
    ['not a site', undefined],
    ['a/b', 'a'],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseSite(input)).toBe(expected);
  });

  it('drops duplicates after normalising', () => {
    expect(parseSettings({ version: 1, offSites: ['ndtv.com', 'www.ndtv.com', 'https://ndtv.com/'] }).settings.offSites).toEqual([
      'ndtv.com',
    ]);
  });
});

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('writes a migrated v0 value back as the current version in sync storage', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: false, disabledSites: ['ndtv.com'] } });
    const settings = await loadSettings();
    expect(settings.enabled).toBe(false);
    const stored = (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toEqual(settings);
  });

  it('does not overwrite a value written by a newer release', async () => {
    const newer = { version: 99, theme: 'dark', future: 'field' };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    await loadSettings();
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(newer);
  });

  it('writes only the changed field into a value written by a newer release, keeping its version and fields', async () => {
    const newer = { version: 99, theme: 'dark', style: 'dotted', future: 'field' };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    const settings = await changeSettings({ density: 'every' });
    expect(settings).toMatchObject({ density: 'every', theme: 'dark' });
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({ ...newer, density: 'every' });
  });

  it('falls back to local storage when sync holds nothing', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, theme: 'light' } });
    expect((await loadSettings()).theme).toBe('light');
  });

  it('tells watchers about changes, and stops after the undo', async () => {
    const seen: string[] = [];
    const stop = watchSettings((settings) => seen.push(settings.theme));
    await changeSettings({ theme: 'dark' });
    stop();
    await changeSettings({ theme: 'light' });
    expect(seen).toEqual(['dark']);
  });

  it('changes one field and keeps the others', async () => {
    await changeSettings({ style: 'none' });
    await changeSettings({ density: 'every' });
    expect(await loadSettings()).toMatchObject({ style: 'none', density: 'every', theme: 'system' });
  });
});
