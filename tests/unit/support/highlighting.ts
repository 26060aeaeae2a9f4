/** The page highlighter (entrypoints/content/page/highlighter.ts) as unit tests drive it. */
import { expect, vi } from 'vitest';
import { HIGHLIGHT_MEASURE } from '@/entrypoints/content/page/contract';
import type { PageSenseFilter } from '@/entrypoints/content/page/context-rules';

/** Every hit is kept: for tests about the DOM or the reader session, not about the context rules. */
export const KEEP_ALL_HITS: PageSenseFilter = { filter: (_node, matches) => matches, reset() {} };

/**
 * Resolves when at least `count` highlighting passes have completed (their measure is recorded)
 * since `performance.clearMeasures(HIGHLIGHT_MEASURE)`, then lets queued microtasks run.
 */
export async function passesComplete(count: number): Promise<void> {
  await vi.waitFor(() => expect(performance.getEntriesByName(HIGHLIGHT_MEASURE).length).toBeGreaterThanOrEqual(count));
  await Promise.resolve();
}
