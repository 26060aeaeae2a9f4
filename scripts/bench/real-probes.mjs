// Helpers for `npm run bench:real` (scripts/bench-real.mjs): functions that run in the page (no
// closures: Playwright serialises them), the naive floor's pattern, and the trace analysis that
// attributes renderer work to the extension's content script.
import { loadTs } from '../lib/load-ts.mjs';

/** performance.mark the content script sets when its first highlight is registered (page/highlighter.ts FIRST_PAINT_MARK). */
export const FIRST_MARK = 'dpi-lens:first-mark';
/**
 * A mark the content script could set as the first statement it runs (not set today: the bench
 * then takes the start of the content script's evaluation from the trace). Used when present.
 */
export const START_MARK = 'dpi-lens:start';
/** The User Timing measure of every finished highlighting pass (entrypoints/content/page/contract.ts). */
const HIGHLIGHT_MEASURE = 'dpi-lens:highlight';

/**
 * The naive floor's pattern: the glossary's combined RegExp of every form (`Matcher.pattern`, the
 * definition `findAll` equals; README "Performance"), computed in Node from the glossary sources,
 * as the build computes its data (scripts/lib/glossary-plugin.mjs).
 */
export async function floorPattern() {
  const [{ glossary }, { buildGlossaryData }, { matcherFromData }] = await Promise.all([
    loadTs('glossary/index.ts'),
    loadTs('glossary/heads.ts'),
    loadTs('glossary/matcher.ts'),
  ]);
  const data = buildGlossaryData(glossary);
  const { source, flags } = matcherFromData(data.matcher).pattern;
  return { source, flags, forms: data.matcher.forms.length };
}

// ---- in the page ------------------------------------------------------------------------------

/** Init script (main world, every page): long tasks for the page's whole life. */
export function recordLongTasks() {
  const w = /** @type {any} */ (window);
  w.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: reported as n/a
  }
}

/** What the page has, after the load, as the page sees it (its main world). */
export function pageState(names) {
  const [measureName, firstMarkName, startMarkName] = names;
  const measures = performance.getEntriesByName(measureName).map((e) => ({
    start: e.startTime,
    end: e.startTime + e.duration,
    ...(/** @type {any} */ (e).detail ?? {}),
  }));
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  const tasks = /** @type {any} */ (window).__benchLongTasks;
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    url: location.href,
    measures,
    firstMark: mark(firstMarkName),
    startMark: mark(startMarkName),
    longTasks: Array.isArray(tasks) ? tasks : null,
    loadEnd: nav ? nav.loadEventEnd : null,
    frames: window.frames.length,
  };
}

/**
 * The naive scan floor: compile one combined RegExp of every form, then one TreeWalker pass over
 * the body's text (the skipped zones of `npm run bench`'s floor), no DOM change. In a fresh tab the
 * first call is the cold floor (the compile included, per string width V8 meets), the second the
 * warm one (V8 reuses the compiled pattern).
 */
export function floorScan([source, flags]) {
  const skip = new Set(['input', 'textarea', 'select', 'option', 'optgroup', 'button', 'script', 'style', 'noscript',
    'template', 'head', 'title', 'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'frame', 'object',
    'embed', 'canvas', 'video', 'audio']);
  const t = performance.now();
  const re = new RegExp(source, flags);
  let hits = 0;
  let nodes = 0;
  if (document.body) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === 3 ? 1 : skip.has(/** @type {Element} */ (n).localName) ? 2 : 3),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes += 1;
      re.lastIndex = 0;
      while (re.exec(/** @type {Text} */ (n).data)) hits += 1;
    }
  }
  return { ms: performance.now() - t, hits, nodes };
}

/** Every text node under the body (the size figure of the per-page table). */
export function textNodeCount() {
  if (!document.body) return 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let count = 0;
  while (walker.nextNode()) count += 1;
  return count;
}

// ---- trace analysis ---------------------------------------------------------------------------

const EXTENSION_URL = 'chrome-extension://';

function urlOf(event) {
  const data = event.args?.data;
  return data?.url ?? data?.stackTrace?.[0]?.url ?? event.args?.fileName ?? '';
}

/** Merged length (ms) of [start, end) intervals in µs. */
function unionMs(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total / 1000;
}

/**
 * From one load's trace (devtools.timeline, blink.user_timing): the renderer main thread of the
 * page at `url`, the script the extension ran there (EvaluateScript / FunctionCall / compile events
 * whose script is a chrome-extension:// URL, overlaps merged), the longest task containing any of
 * it, the start of the content script's evaluation, and the first-highlight mark, on one clock.
 * Work the extension causes outside its own script (style, paint, microtasks V8 reports without a
 * URL) is not in `ownScriptMs`: the CDP difference with minus without covers it.
 */
export function analyseTrace(events, url) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
  const extEvents = events.filter((e) => e.ph === 'X' && urlOf(e).startsWith(EXTENSION_URL));
  const pid = nav?.pid ?? extEvents[0]?.pid;
  const tid = nav?.tid ?? extEvents[0]?.tid;
  const onMain = (e) => e.pid === pid && e.tid === tid;
  const ours = extEvents.filter(onMain);
  const intervals = ours.map((e) => [e.ts, e.ts + (e.dur ?? 0)]);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e));
  let longestOurTask = 0;
  let longestTask = 0;
  for (const task of tasks) {
    const dur = (task.dur ?? 0) / 1000;
    longestTask = Math.max(longestTask, dur);
    const end = task.ts + (task.dur ?? 0);
    if (dur > longestOurTask && intervals.some(([s, e]) => s < end && e > task.ts)) longestOurTask = dur;
  }
  const evaluate = ours.filter((e) => e.name === 'EvaluateScript').sort((a, b) => a.ts - b.ts)[0];
  const userMark = (name) => events.find((e) => e.name === name && e.cat?.includes('user_timing'));
  const firstMark = userMark(FIRST_MARK);
  const startMark = userMark(START_MARK);
  const start = startMark ?? evaluate;
  const passBegin = events.find((e) => e.name === HIGHLIGHT_MEASURE && e.ph === 'b');
  // The first frame committed after the first highlight was registered: when it can be on screen.
  const commit = firstMark
    ? events.filter((e) => e.ph === 'X' && e.name === 'Commit' && onMain(e) && e.ts >= firstMark.ts).sort((a, b) => a.ts - b.ts)[0]
    : undefined;
  const fromStart = (event, end = false) => (start && event ? (event.ts + (end ? event.dur ?? 0 : 0) - start.ts) / 1000 : NaN);
  return {
    found: Boolean(nav),
    ownScriptMs: unionMs(intervals),
    evaluateMs: evaluate ? (evaluate.dur ?? 0) / 1000 : NaN,
    longestTask,
    longestOurTask,
    startSource: startMark ? START_MARK : evaluate ? 'EvaluateScript' : null,
    startToFirstMarkMs: fromStart(firstMark),
    startToCommitMs: fromStart(commit, true),
    startToEvaluatedMs: fromStart(evaluate, true),
    startToPassMs: fromStart(passBegin),
    navToStartMs: start && nav ? (start.ts - nav.ts) / 1000 : NaN,
  };
}
