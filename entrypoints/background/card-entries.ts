/**
 * The background's answer to a content script's CARD_ENTRIES_MESSAGE: every bundled entry, so the
 * glossary's text (definitions, sources, history: most of its size) is not parsed on every page a
 * reader opens, only on pages where a card is mounted.
 */
import { browser } from 'wxt/browser';
import { glossary } from '@/glossary';
import { isCardEntriesRequest } from '@/glossary/messages';
import type { GlossaryEntry } from '@/glossary/types';

/** A runtime.onMessage listener body: the entries for the request, undefined for any other message. */
export function answerCardEntries(message: unknown): Promise<readonly GlossaryEntry[]> | undefined {
  return isCardEntriesRequest(message) ? Promise.resolve(glossary) : undefined;
}

/** Listens for the content scripts' requests; returns the undo. */
export function registerCardEntries(): () => void {
  browser.runtime.onMessage.addListener(answerCardEntries);
  return () => browser.runtime.onMessage.removeListener(answerCardEntries);
}
