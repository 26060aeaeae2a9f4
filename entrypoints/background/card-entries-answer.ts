/**
 * The background's answer to a content script's CARD_ENTRIES_MESSAGE (asked by
 * entrypoints/content/card-entries-request.ts): every bundled entry, so the
 * glossary's text (definitions, sources, history: most of its size) is not parsed on every page a
 * reader opens, only on pages where a card is mounted.
 */
import { browser } from 'wxt/browser';
import { glossary } from '@/glossary';
import { isCardEntriesRequest, type CardEntriesResponse } from '@/utils/messages';

/** A runtime.onMessage listener body: the entries for the request, undefined for any other message. */
export function answerCardEntries(message: unknown): Promise<CardEntriesResponse> | undefined {
  return isCardEntriesRequest(message) ? Promise.resolve(glossary) : undefined;
}

/** Listens for the content scripts' requests; returns the undo. */
export function registerCardEntries(): () => void {
  browser.runtime.onMessage.addListener(answerCardEntries);
  return () => browser.runtime.onMessage.removeListener(answerCardEntries);
}
