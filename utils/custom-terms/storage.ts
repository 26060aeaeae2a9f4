/**
 * Readers' terms in `browser.storage.local`, under one key holding the same versioned shape as an
 * exported file (`{ format, version, terms }`), written in one `set` so a save is all or nothing.
 *
 * Why local, not sync (where settings live): sync allows 8 KB per item and 100 KB in all, and a
 * few dozen terms with 280-character definitions and sources pass 8 KB; splitting the list over
 * many sync items would lose the one-write atomicity. Readers move their terms between computers
 * by export and import instead.
 */
import { browser } from 'wxt/browser';
import { bundledHeads } from '@/glossary/bundled';
import { t } from '@/utils/i18n/i18n';
import type { GlossaryEntry } from '@/glossary/types';
import {
  indexBundledForms,
  parseStoredTerms,
  toGlossaryEntry,
  toTermsFile,
  type BundledForms,
  type CustomTerm,
  type StoredTerms,
} from './schema';

export const CUSTOM_TERMS_KEY = 'customTerms';

let bundledIndex: BundledForms | undefined;
/** The bundled glossary's forms, indexed once (custom terms may not reuse them). */
export function bundledForms(): BundledForms {
  return (bundledIndex ??= indexBundledForms(bundledHeads));
}

/** Never throws: storage that cannot be read counts as no terms, with the reason reported. */
export async function loadCustomTerms(bundled: BundledForms | (() => BundledForms) = bundledForms): Promise<StoredTerms> {
  let stored: unknown;
  try {
    stored = (await browser.storage.local.get(CUSTOM_TERMS_KEY))[CUSTOM_TERMS_KEY];
  } catch {
    return { terms: [], problems: [t('termsStorageUnreadable')], fromNewerVersion: false };
  }
  return parseStoredTerms(stored, bundled);
}

/** Thrown instead of writing over terms saved by a newer release of DPI Lens. */
export class NewerTermsError extends Error {
  constructor() {
    super(t('termsFromNewerVersion'));
    this.name = 'NewerTermsError';
  }
}

export async function saveCustomTerms(terms: readonly CustomTerm[]): Promise<void> {
  const current = await loadCustomTerms();
  if (current.fromNewerVersion) throw new NewerTermsError();
  await browser.storage.local.set({ [CUSTOM_TERMS_KEY]: toTermsFile(terms) });
}

/** Calls `onChange` whenever the stored terms change (another tab, the options page). Returns the undo. */
export function watchCustomTerms(
  onChange: (stored: StoredTerms) => void,
  bundled: BundledForms | (() => BundledForms) = bundledForms,
): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(CUSTOM_TERMS_KEY in changes)) return;
    onChange(parseStoredTerms(changes[CUSTOM_TERMS_KEY]!.newValue, bundled));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export interface CombinedGlossary {
  /** Bundled entries, then the reader's (bundled ids and custom ids never collide). */
  entries: GlossaryEntry[];
  lookup(id: string): GlossaryEntry | undefined;
}

/** The bundled glossary with the reader's terms added, for the matcher, the card and the popup. */
export function combineGlossary(
  bundled: readonly GlossaryEntry[],
  custom: readonly CustomTerm[],
): CombinedGlossary {
  const entries = [...bundled, ...custom.map(toGlossaryEntry)];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return { entries, lookup: (id) => byId.get(id) };
}
