/**
 * What the page layer promises to tests, benchmarks and the page's own scripts (README "Page
 * layer"): highlights are `CSS.highlights` entries named `dpi-lens-<id>` (page/paint.ts), and every
 * finished pass records this User Timing measure. No highlighting code here.
 */

/** performance.measure name; content-script entries are visible to the page, so tests and benchmarks read it. */
export const HIGHLIGHT_MEASURE = 'dpi-lens:highlight';
