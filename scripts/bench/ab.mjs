// Interleaved A/B of two builds of the highlighting code, for judging one change on a busy machine
// (two separate `npm run bench` runs differ by more than most changes; README "Performance").
//
//   node scripts/bench/ab.mjs build /tmp/a.js      # the bench bundle of the tree as it is now
//   ... change the code ...
//   node scripts/bench/ab.mjs build /tmp/b.js
//   node scripts/bench/ab.mjs /tmp/a.js /tmp/b.js [page ...]   # pages: article, large, no-term, replicas
//
// Each repetition runs A and B back to back in fresh tabs of one browser, the order alternating,
// and prints the median script time (build + busy slices, as `npm run bench` counts it) of each
// with its min-max, and the median of the per-repetition ratios B / A.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { requireChromium } from '../lib/browser.mjs';
import { buildHighlighterBundle } from './bundle.mjs';
import { benchPageHtml } from './pages.mjs';

const REPS = 12;
const DEFAULT_PAGES = ['article', 'national-daily', 'hindi-portal'];

if (process.argv[2] === 'build') {
  writeFileSync(process.argv[3], await buildHighlighterBundle());
  console.log(`wrote ${process.argv[3]}`);
  process.exit(0);
}

const [fileA, fileB, ...names] = process.argv.slice(2);
if (!fileA || !fileB) {
  console.error('usage: node scripts/bench/ab.mjs build FILE | node scripts/bench/ab.mjs A.js B.js [page ...]');
  process.exit(2);
}
const code = { A: readFileSync(fileA, 'utf8'), B: readFileSync(fileB, 'utf8') };
const pages = Object.fromEntries(
  (names.length ? names : DEFAULT_PAGES).map((name) => {
    const html = benchPageHtml(name);
    if (!html) throw new Error(`no bench page "${name}"`);
    return [name, html];
  }),
);

const server = createServer((request, response) =>
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[request.url.slice(1)]),
);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const context = await chromium.launchPersistentContext('', {
  executablePath: requireChromium(),
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const range = (values) => `${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)}`;

async function once(name, variant) {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/${name}`, { waitUntil: 'load' });
  await page.addScriptTag({ content: code[variant] });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
  const run = await page.evaluate(() => window.DpiLensBench.start());
  await page.close();
  return run.buildMs + run.busyMs + run.deferredBusyMs;
}

for (const name of Object.keys(pages)) {
  const times = { A: [], B: [] };
  for (let i = 0; i < REPS; i += 1) {
    for (const variant of i % 2 ? ['B', 'A'] : ['A', 'B']) times[variant].push(await once(name, variant));
  }
  const ratios = times.B.map((b, i) => b / times.A[i]);
  console.log(
    `${name.padEnd(15)} A ${median(times.A).toFixed(1).padStart(6)} ms [${range(times.A)}]  ` +
      `B ${median(times.B).toFixed(1).padStart(6)} ms [${range(times.B)}]  B/A ${median(ratios).toFixed(2)} [${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}]`,
  );
}
await context.close();
server.close();
