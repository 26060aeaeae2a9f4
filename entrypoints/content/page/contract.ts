/**
 * What the page layer promises to tests, benchmarks and the page's own scripts (docs/page-layer.md):
 * highlights are `CSS.highlights` entries named `dpi-lens-<id>` (paint.ts), every finished pass
 * records this User Timing measure, and the card's host element has this name. No code here.
 */

/** performance.measure name; content-script entries are visible to the page, so tests and benchmarks read it. */
export const HIGHLIGHT_MEASURE = 'dpi-lens:highlight';
/**
 * The extension's own UI in the page (the hover card's host, present only while a card is open). The highlighter never
 * walks into it, and the hover card mounts under this name, so both read it from here.
 */
export const OWN_UI_TAG = 'dpi-lens-card';
