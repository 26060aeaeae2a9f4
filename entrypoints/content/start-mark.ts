/**
 * Imported first by the content script, so it runs before any other module's top-level code: the
 * moment the content script started, for `npm run bench:real` (time to the first highlight on the
 * page's own clock). Like the other User Timing entries, the page can see it.
 */
export const START_MARK = 'dpi-lens:start';

try {
  performance.mark(START_MARK);
} catch {
  // Instrumentation must never stop the content script.
}
