/**
 * The reader's settings: one versioned shape, parsed from whatever storage holds. Pure: no
 * browser APIs here (storage glue is `settings-storage.ts`), so every rule below is table-tested.
 *
 * Guarantees:
 * - `parseSettings` never throws: a corrupt or partial value keeps every field that is valid and
 *   falls back to the default for each field that is not;
 * - older shapes are migrated step by step (v0 -> v1 -> ...), so an upgrade never loses a choice;
 * - a newer version than this build knows is read field by field and never downgraded on disk
 *   (`parseSettings` reports it; the storage glue then writes only the fields a reader changed
 *   into it, keeping its version and the fields this build does not know).
 *
 * Reader-added terms are NOT stored here: they live under their own storage key, owned by
 * `utils/custom-terms/`, so a large term list never crowds the settings item's sync quota.
 */
import { CATEGORIES, type Category } from '@/glossary/types';
import { OPEN_DELAY_MS } from '@/utils/hover-card/timings';

export const SETTINGS_VERSION = 2;

/** 'all-except': on everywhere but `offSites`. 'only-listed': on only on `onlySites`. */
export type SiteMode = 'all-except' | 'only-listed';
/** 'first': only the first mention of each term is marked; 'every': every mention. */
export type Density = 'first' | 'every';
/** 'none' draws nothing; a term's card still opens when the reader selects the term's text. */
export type HighlightStyle = 'underline' | 'background' | 'none';
export type ThemeSetting = 'system' | 'light' | 'dark';
/**
 * 'glance': the card shows one line of each kind (definition, why it matters, challenge, source)
 * and "More" expands it in place; 'detailed': the card opens expanded (every point, related terms).
 */
export type CardDetail = 'glance' | 'detailed';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  enabled: boolean;
  siteMode: SiteMode;
  /** Sites (hostnames, no "www.") where highlighting is off in 'all-except' mode. */
  offSites: string[];
  /** Sites where highlighting is on in 'only-listed' mode. */
  onlySites: string[];
  density: Density;
  style: HighlightStyle;
  /** Stored as the categories switched OFF, so a category added in a later release starts on. */
  disabledCategories: Category[];
  hoverDelayMs: number;
  theme: ThemeSetting;
  /** How much the card shows before "More" (v2). */
  cardDetail: CardDetail;
}

export const SITE_MODES: readonly SiteMode[] = ['all-except', 'only-listed'];
export const DENSITIES: readonly Density[] = ['first', 'every'];
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'none'];
export const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];
export const CARD_DETAILS: readonly CardDetail[] = ['glance', 'detailed'];

/** Below this a pointer sweeping across a paragraph opens cards (Page Previews starts work at 150 ms). */
export const HOVER_DELAY_MIN_MS = 150;
/** Above this a reader who rests on a term thinks nothing will happen. */
export const HOVER_DELAY_MAX_MS = 1500;
/** The slider's step: finer differences cannot be felt. */
export const HOVER_DELAY_STEP_MS = 50;

/** A site list longer than this is not a reader's list; the cap keeps the item under sync's 8 KB per-item quota. */
export const MAX_SITES = 200;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  siteMode: 'all-except',
  offSites: [],
  onlySites: [],
  // First mention only: readers of long articles complain of "too many highlights" (USERS.md #8);
  // one mark per term says "this is explained" without colouring every paragraph.
  density: 'first',
  style: 'underline',
  disabledCategories: [],
  hoverDelayMs: OPEN_DELAY_MS,
  theme: 'system',
  // A glance, like Page Previews: readers of similar extensions found full cards too big to read
  // beside an article (issue 12); the detailed card is one setting away.
  cardDetail: 'glance',
} satisfies Settings);

export interface ParseResult {
  settings: Settings;
  /** The version found in storage (0 for the unversioned shape), when it differs from ours. */
  migratedFrom?: number;
  /** Stored value was written by a newer release: read it, but do not write over it. */
  fromNewerVersion: boolean;
  /** Fields that were invalid and fell back to their defaults (for logs and tests). */
  invalid: string[];
}

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * A site as the reader typed or the popup took it from a tab: "https://www.TheHindu.com/news/x"
 * -> "thehindu.com". Undefined when there is no plausible host in it.
 */
export function normaliseSite(input: string): string | undefined {
  let text = input.trim().toLowerCase();
  if (!text) return undefined;
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, ''); // scheme
  text = text.replace(/[/?#].*$/, ''); // path, query, fragment
  text = text.replace(/^[^@]*@/, ''); // user info
  text = text.replace(/:\d+$/, ''); // port
  text = text.replace(/\.$/, ''); // fully qualified "example.com."
  text = text.replace(/^www\d*\./, '');
  // Every page's address is ASCII (the browser's hostname): checked without the Unicode classes,
  // whose first use compiles for milliseconds on every page.
  if (ASCII_HOST.test(text)) return text;
  // Letters of any script (IDN hosts as typed), digits, hyphens and dots.
  if (!ANY_SCRIPT_HOST.test(text)) return undefined;
  return text;
}

const ASCII_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
const ANY_SCRIPT_HOST = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u;

function parseSites(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const sites = new Set<string>();
  for (const item of value) {
    const site = typeof item === 'string' ? normaliseSite(item) : undefined;
    if (site) sites.add(site);
    if (sites.size >= MAX_SITES) break;
  }
  return [...sites];
}

function parseCategories(value: unknown): Category[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return CATEGORIES.filter((category) => value.includes(category));
}

function parseDelay(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return clampHoverDelay(value);
}

export function clampHoverDelay(ms: number): number {
  const stepped = Math.round(ms / HOVER_DELAY_STEP_MS) * HOVER_DELAY_STEP_MS;
  return Math.min(HOVER_DELAY_MAX_MS, Math.max(HOVER_DELAY_MIN_MS, stepped));
}

/**
 * v0: the unversioned flat shape of the prototype (before settings had a version):
 * `{ enabled, disabledSites: string[], firstMentionOnly: boolean, underline: boolean,
 *    hoverDelay: number, darkMode: 'auto' | 'on' | 'off', hiddenCategories: string[] }`.
 * Unknown or malformed keys are left for the v1 parser to default.
 */
function migrateV0(raw: Raw): Raw {
  const next: Raw = { version: 1 };
  if ('enabled' in raw) next.enabled = raw.enabled;
  if ('disabledSites' in raw) next.offSites = raw.disabledSites;
  if (typeof raw.firstMentionOnly === 'boolean') next.density = raw.firstMentionOnly ? 'first' : 'every';
  if (typeof raw.underline === 'boolean') next.style = raw.underline ? 'underline' : 'none';
  if ('hoverDelay' in raw) next.hoverDelayMs = raw.hoverDelay;
  const theme = { auto: 'system', on: 'dark', off: 'light' }[String(raw.darkMode)];
  if (theme) next.theme = theme;
  if ('hiddenCategories' in raw) next.disabledCategories = raw.hiddenCategories;
  return next;
}

/**
 * v1 -> v2: adds `cardDetail`. Every v1 reader had the long card; they get the glance card, which
 * is the new default, and keep every other choice.
 */
function migrateV1(raw: Raw): Raw {
  return { cardDetail: 'glance', ...raw, version: 2 };
}

/** Each step takes the shape of version N to N + 1. */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = { 0: migrateV0, 1: migrateV1 };

function versionOf(raw: Raw): number {
  const { version } = raw;
  if (version === undefined) return 0;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : -1;
}

/** Reads any stored value into valid settings. Never throws. */
export function parseSettings(stored: unknown): ParseResult {
  if (!isRecord(stored)) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      fromNewerVersion: false,
      invalid: stored === undefined || stored === null ? [] : ['settings'],
    };
  }
  let raw = stored;
  const found = versionOf(raw);
  let version = found;
  while (version >= 0 && version < SETTINGS_VERSION && MIGRATIONS[version]) {
    raw = MIGRATIONS[version]!(raw);
    version += 1;
  }

  const invalid: string[] = found === -1 ? ['version'] : [];
  function field<T>(key: keyof Settings, parsed: T | undefined, fallback: T): T {
    if (parsed !== undefined) return parsed;
    if (key in raw) invalid.push(key);
    return fallback;
  }
  const d = DEFAULT_SETTINGS;
  const settings: Settings = {
    version: SETTINGS_VERSION,
    enabled: field('enabled', typeof raw.enabled === 'boolean' ? raw.enabled : undefined, d.enabled),
    siteMode: field('siteMode', oneOf(SITE_MODES, raw.siteMode), d.siteMode),
    offSites: field('offSites', parseSites(raw.offSites), [...d.offSites]),
    onlySites: field('onlySites', parseSites(raw.onlySites), [...d.onlySites]),
    density: field('density', oneOf(DENSITIES, raw.density), d.density),
    style: field('style', oneOf(HIGHLIGHT_STYLES, raw.style), d.style),
    disabledCategories: field('disabledCategories', parseCategories(raw.disabledCategories), [
      ...d.disabledCategories,
    ]),
    hoverDelayMs: field('hoverDelayMs', parseDelay(raw.hoverDelayMs), d.hoverDelayMs),
    theme: field('theme', oneOf(THEMES, raw.theme), d.theme),
    cardDetail: field('cardDetail', oneOf(CARD_DETAILS, raw.cardDetail), d.cardDetail),
  };
  return {
    settings,
    migratedFrom: found !== SETTINGS_VERSION && found >= 0 ? found : undefined,
    fromNewerVersion: found > SETTINGS_VERSION,
    invalid,
  };
}

/** Applies a change and re-validates it, so no caller can store an invalid value. */
export function updateSettings(current: Settings, change: Partial<Omit<Settings, 'version'>>): Settings {
  return parseSettings({ ...current, ...change, version: SETTINGS_VERSION }).settings;
}
