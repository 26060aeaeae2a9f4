// Every wait in the end-to-end tests, with why it is that long. The machine running them may be
// two slow cores shared with other jobs, so these are generous ceilings, not expected durations:
// a passing test returns as soon as the awaited condition holds. The per-test and per-hook
// ceilings (browser launch) are in vitest.e2e.config.ts.

/** document_idle plus one highlighting pass over a ~1,200-word article (well under 1 s here). */
export const HIGHLIGHT_TIMEOUT_MS = 10_000;

/** The card's hover-intent delay (Page Previews' 500 ms show delay) plus rendering, with room. */
export const CARD_TIMEOUT_MS = 5_000;

/** The popup is a local page; it renders from the bundled glossary without any fetch. */
export const POPUP_TIMEOUT_MS = 5_000;

/**
 * How long to give the content script to react (or rightly not react) to an edit. Its mutation
 * debounce is a few hundred ms at most; if no new pass comes within this, none is coming.
 */
export const MUTATION_SETTLE_MS = 1_500;
