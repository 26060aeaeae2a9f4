// node scripts/profile-content.mjs [--extension DIR] [--runs N] [page ...]
//
// Where the content script's time goes on a page: a CPU profile (CDP Profiler, 100 µs sampling) of
// the tab from navigation to the first highlighting pass's measure, summed over N fresh tabs, self
// time per function of the extension's own scripts, plus the content script's start-to-first-mark
// timeline. Pages are fixture pages (tests/fixtures/pages/...) or real pages (.cache/real-pages/).
// Build an unminified copy first for readable names: DPI_LENS_UNMINIFIED=1 npx wxt build
// (writes .cache/unminified/chrome-mv3, the default here).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, FIXTURE_PAGES, HIGHLIGHT_MEASURE, ROOT, requireBuild, requireChromium, serveDirectory } from './lib/browser.mjs';
import { FIRST_MARK, START_MARK } from './bench/real-probes.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const extension = requireBuild(resolve(option('--extension', join(ROOT, '.cache', 'unminified', 'chrome-mv3'))));
const runs = Number(option('--runs', '5'));
const pages = args.length > 0 ? args : ['article.html'];

const fixtures = await serveDirectory(FIXTURE_PAGES);
const real = existsSync(join(ROOT, '.cache', 'real-pages')) ? await serveDirectory(join(ROOT, '.cache', 'real-pages')) : undefined;
const profileDir = await mkdtemp(join(tmpdir(), 'dpi-lens-profile-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: requireChromium(),
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [...chromiumArgs(extension), '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});

try {
  for (const name of pages) {
    const url = existsSync(join(FIXTURE_PAGES, name)) ? fixtures.url(name) : real?.url(name);
    if (!url) throw new Error(`no page ${name} in tests/fixtures/pages or .cache/real-pages`);
    const self = new Map();
    const timelines = [];
    for (let run = 0; run < runs; run += 1) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction((measure) => performance.getEntriesByName(measure).length > 0, HIGHLIGHT_MEASURE, { timeout: 15_000 });
      const { profile } = await cdp.send('Profiler.stop');
      addSelfTimes(profile, self);
      timelines.push(await page.evaluate(([start, first, measure]) => {
        const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
        const m = performance.getEntriesByName(measure)[0];
        const s = at(start);
        return { first: at(first) !== undefined ? at(first) - s : undefined, passEnd: m ? m.startTime + m.duration - s : undefined, busy: m?.detail?.busyMs };
      }, [START_MARK, FIRST_MARK, HIGHLIGHT_MEASURE]));
      await page.close();
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`\n${name}: ${runs} runs, extension self time ${(total / runs).toFixed(1)} ms a run`);
    console.log(`  start -> first mark (ms): ${timelines.map((t) => t.first?.toFixed(0) ?? '-').join(' ')}; busyMs: ${timelines.map((t) => t.busy?.toFixed(0)).join(' ')}`);
    for (const [fn, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`  ${(ms / runs).toFixed(2).padStart(7)} ms  ${fn}`);
    }
  }
} finally {
  await context.close();
  await fixtures.close();
  await real?.close();
  await rm(profileDir, { recursive: true, force: true });
}

/**
 * Adds each extension function's self time (sample count x interval) into `into`. Native work the
 * extension asked for (regular expressions, DOM calls, garbage collection inside a call) has no
 * script URL: it is charged to the nearest extension function up its stack, with a "+native" tag.
 */
function addSelfTimes(profile, into) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const intervalMs = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const ours = (node) => /^chrome-extension:/.test(node.callFrame.url);
  for (const [id, count] of counts) {
    let node = byId.get(id);
    let native = false;
    if (!ours(node)) {
      if (node.callFrame.url !== '') continue; // the page's own script
      native = true;
      while (node && !ours(node) && node.callFrame.url === '') node = byId.get(parent.get(node.id));
      if (!node || !ours(node)) continue;
    }
    const { callFrame } = node;
    const key = `${callFrame.functionName || '(top level)'}${native ? ' +native' : ''} ${callFrame.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${callFrame.lineNumber + 1}`;
    into.set(key, (into.get(key) ?? 0) + count * intervalMs);
  }
}
