/**
 * The bundled entries' text for the hover card, asked of the background once per page, when the
 * card is mounted (with the first marks): the content script itself carries only the entries'
 * heads (glossary/heads.ts). Mounting happens long before a reader can rest the pointer on a term
 * for the hover delay, so the first card does not wait for it.
 */
import { CARD_ENTRIES_MESSAGE, type CardEntriesRequest } from '@/utils/messages';
import type { GlossaryEntry } from '@/glossary/types';

/** performance.measure name: how long the background took to hand over the entries. */
export const CARD_ENTRIES_MEASURE = 'dpi-lens:card-entries';

let loading: Promise<ReadonlyMap<string, GlossaryEntry>> | undefined;

async function request(): Promise<ReadonlyMap<string, GlossaryEntry>> {
  const start = performance.now();
  const message: CardEntriesRequest = { type: CARD_ENTRIES_MESSAGE };
  const entries = ((await browser.runtime.sendMessage(message)) ?? []) as GlossaryEntry[];
  try {
    performance.measure(CARD_ENTRIES_MEASURE, { start, end: performance.now(), detail: { entries: entries.length } });
  } catch {
    // Instrumentation must never break the card.
  }
  return new Map(entries.map((entry) => [entry.id, entry]));
}

/** The bundled entries by id; one request per page (a failed one is asked again next time). */
export function loadCardEntries(): Promise<ReadonlyMap<string, GlossaryEntry>> {
  loading ??= request().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
