/** The reader session's collaborators as the unit tests stand them in. */
import { vi } from 'vitest';
import type { Matcher } from '@/glossary/matcher';
import type { HoverCardController } from '@/entrypoints/content/hover';
import { startLiveHighlighter } from '@/entrypoints/content/live-highlighter';
import type { Highlighting } from '@/entrypoints/content/reader-session';
import { KEEP_ALL_HITS } from './highlighting';

/**
 * `startHighlighting` as the content script wires it (reader-controls.ts): the live highlighter on
 * the document, keeping every hit instead of applying the bundled glossary's context rules.
 * Its marks arrive asynchronously: await `passesComplete` (./highlighting) before reading them.
 */
export function highlightBody(matcher: Matcher, onFirstMarks: () => void): Highlighting {
  return startLiveHighlighter(document, matcher, { onFirstMarks, senses: KEEP_ALL_HITS });
}

/** A hover card whose every method is a spy. */
export function fakeCard() {
  return {
    setTheme: vi.fn(),
    close: vi.fn(),
    open: vi.fn(),
    setOpenDelay: vi.fn(),
    setPointerOpens: vi.fn(),
    remove: vi.fn(),
  } satisfies HoverCardController;
}
