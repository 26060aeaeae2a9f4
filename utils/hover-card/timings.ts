/**
 * Hover-card timings. Each value says why it is what it is; the hover state machine asks for
 * timers by kind ('open' | 'close') and the page glue maps the kind to one of these.
 */

/** Pointer must rest this long on a term before its card opens: shorter than Page Previews' 500 ms because our cards are a lookup readers asked for, long enough that a pointer sweeping across a paragraph opens nothing. */
export const OPEN_DELAY_MS = 350;

/** After the pointer leaves the term or the card, wait this long before closing: Page Previews' 300 ms, enough to cross the gap between term and card or to overshoot slightly. */
export const CLOSE_GRACE_MS = 300;
