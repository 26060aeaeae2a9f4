// npm run bench:real [-- options] : the SHIPPED extension (.output/chrome-mv3) on real pages
// (postlight/parser's fixtures, copied by `npm run real-pages` into .cache/real-pages/), against the
// same pages without it and against a naive scan measured in the same tab. README "Performance".
//
//   --reps N            repetitions per page (default 1: all 170 pages in ~10 minutes on two idle
//                       cores; use --reps 3 --pages 40 for the spread); each loads the page without and with the
//                       extension in fresh tabs, the order alternating by page and repetition
//   --pages N           N pages spread evenly over the (matched) list, by name (default: all)
//   --match a,b         only pages whose name contains one of these (case-insensitive)
//   --settle MS         metrics are read this long after the load event (default 1000); the
//                       extension's first pass is waited for beyond it if it is not done
//   --memory-pages N    pages whose memory is compared after --memory-settle (default 3; 0: none)
//   --memory-settle S   seconds the memory pages stay open before the reading (default 30)
//   --no-trace          no Chromium trace: no attribution (our script, our longest task, start of
//                       the content script to the first highlight), a little faster
//   --no-term-pages     skip the project's own pages with terms (tests/fixtures/pages: the article and
//                       the replicas), measured for the first-highlight target, outside the totals
//   --extension DIR     another build (default .output/chrome-mv3, or DPI_LENS_EXTENSION_PATH)
//   --json FILE         also write every measurement (default .cache/bench-real/<time>.json)
//
// Every request to another origin fails at once (Chromium's host resolver maps every host but
// 127.0.0.1 to "not found"), so the pages' ads, analytics and CDN scripts fail fast and equally with
// and without the extension; their inline scripts still run.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_BUILD, chromiumArgs, FIXTURE_PAGES, HIGHLIGHT_MEASURE, ROOT, requireBuild, requireChromium, serveDirectory } from './lib/browser.mjs';
import {
  FIRST_MARK, START_MARK, analyseTrace, floorPattern, floorScan, pageState, recordLongTasks, textNodeCount,
} from './bench/real-probes.mjs';

const PAGES_DIR = join(ROOT, '.cache', 'real-pages');
const MANIFEST = join(PAGES_DIR, 'manifest.json');
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'].join(',');
/** How long to wait past the settle point for the extension's first pass before calling it missing. */
const PASS_TIMEOUT_MS = 10_000;
const LOAD_TIMEOUT_MS = 30_000;
/**
 * The real pages have no DPI term (that is the point of them: the fixed cost). The first-highlight
 * target needs pages with terms: the project's own article and replicas (tests/fixtures/pages/),
 * measured the same way and reported apart, outside the real pages' totals.
 */
const TERM_PAGES = ['article.html', 'replicas/national-daily.html', 'replicas/business-live.html', 'replicas/hindi-portal.html'];

// Targets from issue 14, summed over the real pages of one run.
const TARGET = {
  addedScriptTotal: 2, // x the cold floor, summed
  busyTotal: 1, // x the cold floor, summed
  addedScriptPage: 4, // x the page's own cold floor, every page
  longestTaskMs: 50,
  memoryBytes: 1024 * 1024,
  firstHighlightMs: 100,
};

// ---- options -----------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = {
    reps: 1, pages: Infinity, match: [], settle: 1000, memoryPages: 3, memorySettle: 30, trace: true, termPages: true,
    extension: process.env.DPI_LENS_EXTENSION_PATH ?? CHROME_BUILD, json: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const number = () => {
      const v = Number(value());
      if (!Number.isFinite(v) || v < 0) throw new Error(`${arg} needs a number`);
      return v;
    };
    if (arg === '--reps') options.reps = Math.max(1, Math.round(number()));
    else if (arg === '--pages') options.pages = Math.max(1, Math.round(number()));
    else if (arg === '--match') options.match = value().toLowerCase().split(',').filter(Boolean);
    else if (arg === '--settle') options.settle = number();
    else if (arg === '--memory-pages') options.memoryPages = Math.round(number());
    else if (arg === '--memory-settle') options.memorySettle = number();
    else if (arg === '--no-trace') options.trace = false;
    else if (arg === '--no-term-pages') options.termPages = false;
    else if (arg === '--extension') options.extension = resolve(value());
    else if (arg === '--json') options.json = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return options;
}

/** `count` items spread evenly over `list` (first and last included). */
function spreadPick(list, count) {
  if (count >= list.length) return list;
  if (count === 1) return [list[0]];
  const picked = new Set();
  for (let i = 0; i < count; i += 1) picked.add(Math.round((i * (list.length - 1)) / (count - 1)));
  return [...picked].map((i) => list[i]);
}

// ---- statistics ----------------------------------------------------------------------------------

const finite = (values) => values.filter((v) => typeof v === 'number' && Number.isFinite(v));
function quantile(values, q) {
  const sorted = finite(values).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}
const median = (values) => quantile(values, 0.5);
const min = (values) => (finite(values).length ? Math.min(...finite(values)) : NaN);
const max = (values) => (finite(values).length ? Math.max(...finite(values)) : NaN);
const sum = (values) => finite(values).reduce((a, b) => a + b, 0);
const fmt = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const range = (values, digits = 1) => (finite(values).length ? `${fmt(min(values), digits)}-${fmt(max(values), digits)}` : 'n/a');

// ---- browsers -------------------------------------------------------------------------------------

/** Identical flags for both browsers; only the extension differs. */
function browserArgs(extensionPath) {
  return [
    ...chromiumArgs(extensionPath),
    // Every host but the page server's fails to resolve: third-party requests fail at once.
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  ];
}

async function launch(extensionPath) {
  const profile = await mkdtemp(join(tmpdir(), 'dpi-lens-bench-real-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: browserArgs(extensionPath),
  });
  if (extensionPath && !context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  await context.addInitScript(recordLongTasks);
  // The launch's own blank tab stays open (closing a persistent context's last tab ends it).
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

// ---- one load ---------------------------------------------------------------------------------------

/**
 * Loads `url` in a fresh tab of `context` and measures it: CDP metrics from before the navigation to
 * load + settle, the page's own view (measures, marks, long tasks), the trace's attribution, and
 * (without the extension) the naive floor, cold then warm, in the same tab after the reading.
 */
async function measureLoad(context, variant, url, pattern, options) {
  const page = await context.newPage();
  const failed = [];
  const foreign = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('response', (response) => {
    // Chromium's preloaded HSTS list answers http:// requests to some hosts with an internal 307: no network.
    if (response.headers()['non-authoritative-reason']) return;
    const origin = new URL(response.url()).origin;
    if (origin !== new URL(url).origin && !/^(data|blob|about|chrome|chrome-extension|chrome-error):/.test(response.url())) {
      foreign.push(response.url());
    }
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const events = [];
  let traced;
  if (options.trace) {
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  }
  const result = { variant, error: undefined };
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const loadedAt = Date.now();
    await page.waitForTimeout(Math.max(0, loadedAt + options.settle - Date.now()));
    const names = [HIGHLIGHT_MEASURE, FIRST_MARK, START_MARK];
    let state = await page.evaluate(pageState, names);
    // The extension's first pass normally ends well inside the settle period; wait for a late one.
    if (variant === 'with' && !state.measures.length) {
      const deadline = Date.now() + PASS_TIMEOUT_MS;
      while (!state.measures.length && Date.now() < deadline) {
        await page.waitForTimeout(250);
        state = await page.evaluate(pageState, names);
      }
      result.passAfterSettleMs = state.measures.length ? Date.now() - loadedAt - options.settle : NaN;
    }
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    result.scriptMs = metric('ScriptDuration');
    result.taskMs = metric('TaskDuration');
    result.layoutStyleMs = metric('LayoutDuration') + metric('RecalcStyleDuration');
    result.url = state.url;
    result.navigatedAway = state.url !== url;
    result.passes = state.measures.length;
    result.busyMs = sum(state.measures.map((m) => m.busyMs));
    result.marks = sum(state.measures.map((m) => m.marks));
    result.terms = max(state.measures.map((m) => m.terms));
    result.passTextNodes = state.measures[0]?.textNodes;
    result.firstPassEnd = state.measures[0]?.end;
    result.firstMarkAt = state.firstMark;
    result.startMarkAt = state.startMark;
    result.pageFirstMarkFromStartMs = state.startMark !== null && state.firstMark !== null ? state.firstMark - state.startMark : NaN;
    result.longestLongTask = state.longTasks ? max([0, ...state.longTasks.map((t) => t.duration)]) : NaN;
    result.frames = state.frames;
    if (options.trace) {
      await cdp.send('Tracing.end');
      await traced;
      result.trace = analyseTrace(events, url);
    }
    if (variant === 'without') {
      result.textNodes = await page.evaluate(textNodeCount);
      result.cold = await page.evaluate(floorScan, [pattern.source, pattern.flags]);
      result.warm = await page.evaluate(floorScan, [pattern.source, pattern.flags]);
    }
  } catch (error) {
    result.error = String(error?.message ?? error).split('\n')[0];
  }
  result.failedRequests = failed.length;
  result.foreignResponses = foreign.length;
  if (foreign.length) result.foreignUrls = foreign.slice(0, 5);
  await page.close().catch(() => {});
  return result;
}

// ---- memory -------------------------------------------------------------------------------------------

async function memoryOf(page, context) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    jsHeapUsed: heap.usedSize,
    embedderHeapUsed: heap.embedderHeapUsedSize ?? NaN,
    backingStorage: heap.backingStorageSize ?? NaN,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

/**
 * The page open in both browsers at once for `seconds`, then garbage-collected twice and read:
 * the renderer isolate's JS heap (the page's world and the content script's world share it), Blink's
 * own heap (ranges, highlights, DOM), DOM nodes and listeners.
 */
async function measureMemory(browsers, url, seconds) {
  const pages = await Promise.all(['without', 'with'].map(async (variant) => {
    const page = await browsers[variant].context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    return page;
  }));
  await new Promise((done) => setTimeout(done, seconds * 1000));
  const [without, withExt] = [
    await memoryOf(pages[0], browsers.without.context),
    await memoryOf(pages[1], browsers.with.context),
  ];
  await Promise.all(pages.map((p) => p.close().catch(() => {})));
  return { without, with: withExt };
}

// ---- main -----------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  if (!existsSync(MANIFEST)) {
    throw new Error(
      `No real pages in ${PAGES_DIR}: run \`npm run real-pages\` first (it needs a local copy of ` +
        'postlight/parser; see README.md "Performance").',
    );
  }
  requireBuild(options.extension);
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const matched = manifest.pages.filter((p) => !options.match.length || options.match.some((m) => p.name.toLowerCase().includes(m)));
  const selected = spreadPick(matched, options.pages);
  if (!selected.length) throw new Error(`no page matches ${options.match.join(',')}`);
  const pattern = await floorPattern();
  const server = await serveDirectory(PAGES_DIR);
  const fixtures = await serveDirectory(FIXTURE_PAGES);
  const browsers = { without: await launch(undefined), with: await launch(options.extension) };
  console.log(
    `bench:real: ${selected.length} of ${manifest.pages.length} pages x ${options.reps} repetitions, settle ${options.settle} ms, ` +
      `trace ${options.trace ? 'on' : 'off'}; extension ${options.extension}; naive pattern of ${pattern.forms} forms (${pattern.source.length} chars)`,
  );

  // Warm-up: a browser's first page pays for starting its renderer machinery; measure none of that.
  for (const variant of ['without', 'with']) {
    await measureLoad(browsers[variant].context, variant, server.url(selected[0].file), pattern, { ...options, trace: false });
  }

  /** @type {Map<string, { page: any, url: string, runs: { without: any, with: any }[] }>} */
  const results = new Map(selected.map((p) => [p.name, { page: p, url: server.url(p.file), runs: [] }]));
  const termResults = new Map(
    (options.termPages ? TERM_PAGES : []).map((file) => [file.replace(/^.*\//, '').replace(/\.html$/, ''), { page: { name: file, file }, url: fixtures.url(file), runs: [] }]),
  );
  for (let rep = 0; rep < options.reps; rep += 1) {
    for (const [index, entry] of [...results.values(), ...termResults.values()].entries()) {
      const order = (rep + index) % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
      const run = {};
      for (const variant of order) run[variant] = await measureLoad(browsers[variant].context, variant, entry.url, pattern, options);
      entry.runs.push(run);
      if ((index + 1) % 20 === 0) console.log(`    ${index + 1} pages (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    console.log(`  repetition ${rep + 1}/${options.reps} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }

  // Memory on a few pages: the largest by text nodes among the selected, and spread ones.
  const bySize = [...results.values()].sort((a, b) => (b.runs[0]?.without.textNodes ?? 0) - (a.runs[0]?.without.textNodes ?? 0));
  const memoryPages = options.memoryPages > 0
    ? [...new Set([bySize[0], ...spreadPick(bySize, options.memoryPages)])].slice(0, options.memoryPages)
    : [];
  const memory = [];
  for (const entry of memoryPages) {
    try {
      memory.push({ name: entry.page.name, ...(await measureMemory(browsers, server.url(entry.page.file), options.memorySettle)) });
    } catch (error) {
      memory.push({ name: entry.page.name, error: String(error?.message ?? error).split('\n')[0] });
    }
    console.log(`  memory: ${entry.page.name} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await browsers.with.close();
  await browsers.without.close();
  await server.close();
  await fixtures.close();

  report(results, termResults, memory, options, pattern, started);
}

// ---- report ---------------------------------------------------------------------------------------------

/** Per-page figures over the repetitions in which both loads worked and stayed on the page. */
function summarise(results) {
  const rows = [];
  const skipped = [];
  for (const { page, runs } of results.values()) {
    const ok = runs.filter((r) => !r.with.error && !r.without.error && !r.with.navigatedAway && !r.without.navigatedAway);
    if (!ok.length) {
      const bad = runs[0];
      skipped.push(`${page.name}: ${bad?.with.error ?? bad?.without.error ?? (bad?.with.navigatedAway || bad?.without.navigatedAway ? `navigated away to ${bad.with.url ?? bad.without.url}` : 'no run')}`);
      continue;
    }
    const w = ok.map((r) => r.with);
    const o = ok.map((r) => r.without);
    const added = ok.map((r) => r.with.scriptMs - r.without.scriptMs);
    const addedTask = ok.map((r) => r.with.taskMs - r.without.taskMs);
    const cold = o.map((r) => r.cold?.ms);
    const row = {
      name: page.name,
      bytes: page.bytes,
      reps: ok.length,
      textNodes: o[0].textNodes,
      floorHits: o[0].cold?.hits,
      marks: max(w.map((r) => r.marks)),
      terms: max(w.map((r) => r.terms)),
      passes: max(w.map((r) => r.passes)),
      noPass: w.filter((r) => !r.passes).length,
      busy: median(w.map((r) => r.busyMs)),
      busyAll: w.map((r) => r.busyMs),
      own: median(w.map((r) => r.trace?.ownScriptMs)),
      ownAll: w.map((r) => r.trace?.ownScriptMs),
      evaluate: median(w.map((r) => r.trace?.evaluateMs)),
      added: median(added),
      addedAll: added,
      addedTask: median(addedTask),
      addedTaskAll: addedTask,
      cold: median(cold),
      coldAll: cold,
      warm: median(o.map((r) => r.warm?.ms)),
      warmAll: o.map((r) => r.warm?.ms),
      longestOurTask: max(w.map((r) => r.trace?.longestOurTask)),
      longTaskWith: max(w.map((r) => r.longestLongTask)),
      longTaskWithout: max(o.map((r) => r.longestLongTask)),
      firstHighlight: median(w.map((r) => (Number.isFinite(r.pageFirstMarkFromStartMs) ? r.pageFirstMarkFromStartMs : r.trace?.startToFirstMarkMs))),
      firstHighlightAll: w.map((r) => (Number.isFinite(r.pageFirstMarkFromStartMs) ? r.pageFirstMarkFromStartMs : r.trace?.startToFirstMarkMs)),
      startSource: w.find((r) => Number.isFinite(r.startMarkAt))
        ? START_MARK
        : w.find((r) => r.trace?.startSource)?.trace.startSource ?? null,
      navToStart: median(w.map((r) => r.trace?.navToStartMs)),
      lateStart: w.filter((r) => Number.isFinite(r.passAfterSettleMs)).length,
      failedRequests: max(w.map((r) => r.failedRequests)),
      foreign: max([...w, ...o].map((r) => r.foreignResponses)),
      frames: max(o.map((r) => r.frames)),
      runs: ok,
    };
    rows.push(row);
  }
  return { rows, skipped };
}

const pad = (s, n) => String(s).padStart(n);

function printTable(title, rows) {
  console.log(`\n${title}`);
  console.log(
    'page                              nodes  hits  marks/terms   busy   ours  eval  added script [p25-p75]  added task   cold  warm  added/cold  busy/cold  our task  long task w/wo  1st hl',
  );
  for (const r of rows) {
    const spreadAdded = `${fmt(quantile(r.addedAll, 0.25))}-${fmt(quantile(r.addedAll, 0.75))}`;
    console.log(
      `${r.name.slice(0, 32).padEnd(32)} ${pad(r.textNodes ?? 'n/a', 6)} ${pad(r.floorHits ?? 'n/a', 5)} ${pad(`${r.marks}/${r.terms}`, 12)} ${pad(fmt(r.busy), 6)} ${pad(fmt(r.own), 6)} ${pad(fmt(r.evaluate), 5)} ` +
        `${pad(fmt(r.added), 7)} [${spreadAdded}]`.padEnd(30) +
        `${pad(fmt(r.addedTask), 9)} ${pad(fmt(r.cold), 6)} ${pad(fmt(r.warm), 5)} ${pad(fmt(r.added / r.cold, 2), 11)} ${pad(fmt(r.busy / r.cold, 2), 10)} ` +
        `${pad(fmt(r.longestOurTask, 0), 9)} ${pad(`${fmt(r.longTaskWith, 0)}/${fmt(r.longTaskWithout, 0)}`, 15)} ${pad(fmt(r.firstHighlight), 7)}`,
    );
  }
}

function report(results, termResults, memory, options, pattern, started) {
  const { rows, skipped } = summarise(results);
  const terms = summarise(termResults);
  printTable('DPI Lens (built extension) on real pages, Chromium, ms; medians over repetitions, [p25-p75] of the difference', rows);
  if (skipped.length) console.log(`\nLeft out (error, or the page navigated away from 127.0.0.1 in a run): ${skipped.join('; ')}`);
  console.log(
    '\n  busy: sum of the dpi-lens:highlight measures\' detail.busyMs (the highlighter\'s own slices); ours: script the trace attributes to\n' +
      '  content.js (its evaluation "eval" included); added script/task: CDP ScriptDuration/TaskDuration with minus without, read at\n' +
      '  load + settle; cold/warm: the naive scan (one combined RegExp of every form, one TreeWalker pass) run first/second in the\n' +
      '  tab without us, after the reading; hits: its matches (terms that our context rules may reject); our task: the longest task\n' +
      '  running content.js (trace); long task w/wo: the longest Long Tasks API entry with/without us; 1st hl: content script\n' +
      '  start to the dpi-lens:first-mark mark.',
  );
  if (terms.rows.length) {
    printTable("The project's own pages with terms (tests/fixtures/pages; not in the totals)", terms.rows);
    console.log('  from the content script\'s start (medians, ms): evaluated / first pass begins / first mark / next frame committed');
    for (const r of terms.rows) {
      const at = (key) => fmt(median(r.runs.map((run) => run.with.trace?.[key])));
      console.log(`    ${r.name.padEnd(32)} ${at('startToEvaluatedMs')} / ${at('startToPassMs')} / ${at('startToFirstMarkMs')} / ${at('startToCommitMs')}`);
    }
    if (terms.skipped.length) console.log(`  Left out: ${terms.skipped.join('; ')}`);
  }

  // Totals: per repetition (sum over pages of that repetition), so the spread is the spread of the totals.
  const reps = Math.max(...rows.map((r) => r.reps));
  const totalsOf = (key) => Array.from({ length: reps }, (_, i) => sum(rows.map((r) => r[`${key}All`][i] ?? r[key])));
  const totals = {
    busy: totalsOf('busy'),
    own: totalsOf('own'),
    added: totalsOf('added'),
    addedTask: totalsOf('addedTask'),
    cold: totalsOf('cold'),
    warm: totalsOf('warm'),
  };
  const ratio = (a, b) => a.map((v, i) => v / b[i]);
  const line = (label, values, digits = 1) => `  ${label.padEnd(44)} ${pad(fmt(median(values), digits), 9)}  (repetitions: ${range(values, digits)})`;
  console.log(`\nTotals over ${rows.length} pages (ms, sum of each repetition's pages; median of the repetitions, then their min-max)`);
  console.log(line('extension busy (sum of detail.busyMs)', totals.busy));
  if (options.trace) console.log(line("extension's own script (trace)", totals.own));
  console.log(line('added script (CDP ScriptDuration, with - without)', totals.added));
  console.log(line('added tasks (CDP TaskDuration, with - without)', totals.addedTask));
  console.log(line('naive scan floor, cold (compile + one pass)', totals.cold));
  console.log(line('naive scan floor, warm (second run)', totals.warm));
  console.log(line('busy / cold floor', ratio(totals.busy, totals.cold), 2));
  console.log(line('added script / cold floor', ratio(totals.added, totals.cold), 2));
  if (options.trace) console.log(line('own script (trace) / cold floor', ratio(totals.own, totals.cold), 2));
  console.log(line('added script / warm floor', ratio(totals.added, totals.warm), 1));
  console.log(
    `  per page (medians): busy ${fmt(median(rows.map((r) => r.busy)))}, added script ${fmt(median(rows.map((r) => r.added)))}, ` +
      `cold floor ${fmt(median(rows.map((r) => r.cold)))}, warm floor ${fmt(median(rows.map((r) => r.warm)))}; ` +
      `content script evaluation (trace) ${fmt(median(rows.map((r) => r.evaluate)))}, from navigation start ${fmt(median(rows.map((r) => r.navToStart)), 0)}`,
  );
  const withTerms = rows.filter((r) => r.marks > 0);
  console.log(`  pages with highlights: ${withTerms.length} (${withTerms.map((r) => `${r.name} ${r.marks}`).join(', ') || 'none'})`);
  const noPass = rows.filter((r) => r.noPass);
  if (noPass.length) console.log(`  no highlight pass recorded in some runs (page without body text?): ${noPass.map((r) => r.name).join(', ')}`);
  const late = rows.filter((r) => r.lateStart);
  if (late.length) console.log(`  first pass ended after the settle point (waited for it; both readings are not the same window): ${late.map((r) => r.name).join(', ')}`);
  const foreign = rows.filter((r) => r.foreign);
  if (foreign.length) console.log(`  WARNING responses from another origin: ${foreign.map((r) => r.name).join(', ')}`);

  // Memory.
  if (memory.length) {
    console.log(`\nMemory ${options.memorySettle} s after load, after two forced GCs (with - without, KB; both pages open at once)`);
    console.log('page                              JS heap   Blink heap   nodes  listeners');
    for (const m of memory) {
      if (m.error) {
        console.log(`${m.name.slice(0, 32).padEnd(32)}  error: ${m.error}`);
        continue;
      }
      const d = (key) => m.with[key] - m.without[key];
      console.log(
        `${m.name.slice(0, 32).padEnd(32)} ${pad(fmt(d('jsHeapUsed') / 1024, 0), 8)} ${pad(fmt(d('embedderHeapUsed') / 1024, 0), 12)} ${pad(fmt(d('nodes'), 0), 7)} ${pad(fmt(d('listeners'), 0), 10)}` +
          `   (without: JS ${fmt(m.without.jsHeapUsed / 1024, 0)} KB, Blink ${fmt(m.without.embedderHeapUsed / 1024, 0)} KB)`,
      );
    }
  }

  // Targets.
  const checks = [];
  const addedRatio = median(ratio(totals.added, totals.cold));
  checks.push([`added script <= ${TARGET.addedScriptTotal} x the cold floor, summed`, addedRatio <= TARGET.addedScriptTotal,
    `${fmt(addedRatio, 2)} x (${fmt(median(totals.added), 0)} / ${fmt(median(totals.cold), 0)} ms; repetitions ${range(ratio(totals.added, totals.cold), 2)})`]);
  const busyRatio = median(ratio(totals.busy, totals.cold));
  checks.push([`busy <= ${TARGET.busyTotal} x the cold floor, summed`, busyRatio <= TARGET.busyTotal,
    `${fmt(busyRatio, 2)} x (${fmt(median(totals.busy), 0)} / ${fmt(median(totals.cold), 0)} ms; repetitions ${range(ratio(totals.busy, totals.cold), 2)})`]);
  const over = rows.filter((r) => r.added > TARGET.addedScriptPage * r.cold).sort((a, b) => b.added / b.cold - a.added / a.cold);
  checks.push([`no page's added script over ${TARGET.addedScriptPage} x its own cold floor`, over.length === 0,
    over.length ? `${over.length} of ${rows.length} pages over: ${over.slice(0, 8).map((r) => `${r.name} ${fmt(r.added / r.cold, 1)} x (${fmt(r.added)} vs ${fmt(r.cold)})`).join(', ')}${over.length > 8 ? ', ...' : ''}` : `worst ${fmt(max(rows.map((r) => r.added / r.cold)), 2)} x`]);
  if (options.trace) {
    const worst = [...rows].sort((a, b) => b.longestOurTask - a.longestOurTask);
    const overTask = worst.filter((r) => r.longestOurTask > TARGET.longestTaskMs);
    checks.push([`no task of ours over ${TARGET.longestTaskMs} ms (trace: tasks running the content script)`, overTask.length === 0,
      `longest ${fmt(worst[0]?.longestOurTask)} ms (${worst[0]?.name}); ${overTask.length} pages over${overTask.length ? `: ${overTask.slice(0, 8).map((r) => `${r.name} ${fmt(r.longestOurTask, 0)}`).join(', ')}` : ''}`]);
  } else {
    const diffs = rows.map((r) => ({ name: r.name, d: r.longTaskWith - r.longTaskWithout })).sort((a, b) => b.d - a.d);
    checks.push([`no task of ours over ${TARGET.longestTaskMs} ms (no trace: longest long task with minus without, an approximation)`,
      !(diffs[0]?.d > TARGET.longestTaskMs), `largest difference ${fmt(diffs[0]?.d)} ms (${diffs[0]?.name})`]);
  }
  const memDiffs = memory.filter((m) => !m.error).map((m) => ({ name: m.name, d: (m.with.jsHeapUsed + (Number.isFinite(m.with.embedderHeapUsed) ? m.with.embedderHeapUsed : 0)) - (m.without.jsHeapUsed + (Number.isFinite(m.without.embedderHeapUsed) ? m.without.embedderHeapUsed : 0)) }));
  checks.push([`memory after ${options.memorySettle} s within 1 MB of the page without us (JS + Blink heap; ${memDiffs.length} pages)`,
    memDiffs.length ? memDiffs.every((m) => m.d <= TARGET.memoryBytes) : undefined,
    memDiffs.length ? memDiffs.map((m) => `${m.name} ${fmt(m.d / 1024, 0)} KB`).join(', ') : 'not measured (--memory-pages 0)']);
  const termRows = [...withTerms, ...terms.rows.filter((r) => r.marks > 0)];
  const hl = termRows.map((r) => ({ name: r.name, ms: max(r.firstHighlightAll) }));
  const hlOver = hl.filter((h) => !(h.ms <= TARGET.firstHighlightMs));
  const source = termRows.find((r) => r.startSource)?.startSource;
  checks.push([`pages with terms: first highlight within ${TARGET.firstHighlightMs} ms of the content script's start (worst repetition)`,
    termRows.length ? hlOver.length === 0 && hl.every((h) => Number.isFinite(h.ms)) : undefined,
    termRows.length
      ? `${hl.map((h) => `${h.name} ${fmt(h.ms)}`).join(', ')} (start = ${source === START_MARK ? `the ${START_MARK} mark` : source === 'EvaluateScript' ? 'the trace\'s EvaluateScript of content.js' : 'unknown: run with the trace'}; end = the ${FIRST_MARK} mark, before the frame that paints it)`
      : 'no page with terms in this selection']);
  console.log('\nTargets (issue 14, summed over the real pages of this run)');
  for (const [label, ok, value] of checks) console.log(`  ${(ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met').padEnd(8)} ${label}: ${value}`);
  console.log(`\nbench:real took ${((Date.now() - started) / 1000).toFixed(0)} s. Single runs on a shared two-core machine move a lot: compare totals, and judge one change by re-running both builds (--extension).`);

  const jsonFile = options.json ?? join(ROOT, '.cache', 'bench-real', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(resolve(jsonFile, '..'), { recursive: true });
  writeFileSync(jsonFile, JSON.stringify({ options: { ...options, pages: Number.isFinite(options.pages) ? options.pages : 'all' }, patternForms: pattern.forms, rows, termRows: terms.rows, totals, memory }, null, 1));
  console.log(`every measurement: ${jsonFile}`);
}

await main();
