/** The reader session's collaborators as the unit tests stand them in. */
import { vi } from 'vitest';
import type { Matcher } from '@/glossary/matcher';
import { highlight } from '@/entrypoints/content/highlighter';
import type { HoverCardController } from '@/entrypoints/content/hover';
import type { Highlighting } from '@/entrypoints/content/reader-session';

/** `startHighlighting` without the scheduler: the whole body in one pass, undone exactly on stop. */
export function highlightBody(matcher: Matcher, onFirstMarks: () => void): Highlighting {
  const run = highlight(document.body, matcher);
  if (run.marks > 0) onFirstMarks();
  return { stop: () => run.undo() };
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
