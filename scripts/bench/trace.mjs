// node scripts/bench/trace.mjs [page] [--warm] : where the time of one highlighting run goes, in Chromium.
// --warm: highlight and turn off once before the traced run (compiled code and patterns warm), to
// tell the cold start apart from the work itself.
// Loads a bench page (default: large), records a trace (style, layout, paint, tasks) and a CPU
// profile (our functions, unminified) around DpiLensBench.start(), and prints the biggest items.
// A diagnostic for README "Performance"; npm run bench stays the judge of ratios.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { requireChromium } from '../lib/browser.mjs';
import { buildHighlighterBundle } from './bundle.mjs';
import { benchPageHtml } from './pages.mjs';

const name = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'large';
const warm = process.argv.includes('--warm');
/** Trace events shorter than this are noise in a summary of long frames. */
const MIN_EVENT_MS = 1;

const code = await buildHighlighterBundle({ minify: false });
const html = benchPageHtml(name);
if (!html) throw new Error(`no bench page "${name}" (generated pages, or a replica in tests/fixtures/pages/replicas)`);
const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await chromium.launch({
  executablePath: requireChromium(),
  headless: true,
  args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
await page.addScriptTag({ content: code });
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));

if (warm) {
  await page.evaluate(() => window.DpiLensBench.start());
  await page.evaluate(() => window.DpiLensBench.stop());
}
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
await cdp.send('Tracing.start', {
  categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute',
  transferMode: 'ReportEvents',
});
await cdp.send('Profiler.start');
const run = await page.evaluate(() => window.DpiLensBench.start());
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
const { profile } = await cdp.send('Profiler.stop');
await cdp.send('Tracing.end');
await traced;
await browser.close();
server.close();

console.log(`${name}: first mark ${run.firstMarkMs?.toFixed(1)} ms, pass ${run.passMs.toFixed(1)} ms, end ${run.endMs.toFixed(1)} ms, ` +
  `busy ${run.busyMs.toFixed(1)} + deferred ${run.deferredBusyMs.toFixed(1)} ms, build ${run.buildMs.toFixed(1)} ms, ${run.marks} marks`);

// Renderer main thread: complete events by name.
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const onMain = events.filter((e) => e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)) && e.dur / 1000 >= MIN_EVENT_MS);
const byName = new Map();
for (const e of onMain) {
  const entry = byName.get(e.name) ?? { total: 0, count: 0, max: 0 };
  entry.total += e.dur / 1000;
  entry.count += 1;
  entry.max = Math.max(entry.max, e.dur / 1000);
  byName.set(e.name, entry);
}
console.log('\nmain-thread events >= 1 ms (total / count / longest, ms)');
for (const [n, v] of [...byName].sort((a, b) => b[1].total - a[1].total).slice(0, 14)) {
  console.log(`  ${n.padEnd(34)} ${v.total.toFixed(1).padStart(8)} ${String(v.count).padStart(5)} ${v.max.toFixed(1).padStart(8)}`);
}
const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur - a.dur).slice(0, 6);
console.log('\nlongest tasks and what is inside them (ms)');
for (const t of tasks) {
  const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.name !== 'RunTask');
  const parts = new Map();
  for (const e of inside) parts.set(e.name, Math.max(parts.get(e.name) ?? 0, e.dur / 1000));
  const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, d]) => `${n} ${d.toFixed(0)}`).join(', ');
  console.log(`  ${(t.dur / 1000).toFixed(1).padStart(7)}: ${top}`);
}

// CPU profile: self time by function.
const self = new Map();
const dt = profile.timeDeltas;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const fn = nodes.get(id).callFrame;
  const key = `${fn.functionName || '(anonymous)'} ${fn.url ? `:${fn.lineNumber + 1}` : ''}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log('\nCPU profile, self time (ms)');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);

// CPU profile: total time by function (itself and what it calls; each function once per sample).
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const total = new Map();
profile.samples.forEach((id, i) => {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const fn = nodes.get(at).callFrame;
    if (!fn.functionName || fn.functionName.startsWith('(') || seen.has(fn.functionName)) continue;
    seen.add(fn.functionName);
    const key = fn.functionName || '(anonymous)';
    total.set(key, (total.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  }
});
console.log('\nCPU profile, total time of the page script\'s functions (ms)');
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 24)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
