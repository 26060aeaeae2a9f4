// npm run real-pages [-- DIR] : copies the real news and blog pages that `npm run bench:real` loads
// out of a local copy of the public postlight/parser repository (its fixtures/*.html: ~170 pages
// saved from real sites) into .cache/real-pages/ (git-ignored), with a manifest.
//
// The pages are third-party content: they are never committed, and this script never downloads
// anything. DIR (or env POSTLIGHT_PARSER_DIR; default /work/.mirror/postlight+parser/repo) is either
// a work tree (a `git clone` of postlight/parser: its fixtures/ folder is read) or a bare git
// directory (fixtures/ is read from its HEAD commit). Without a copy:
//   git clone --depth 1 https://github.com/postlight/parser.git /some/dir
//   npm run real-pages -- /some/dir
// See README.md "Performance" (real pages).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './lib/root.mjs';

export const DEFAULT_SOURCE = '/work/.mirror/postlight+parser/repo';
export const REAL_PAGES_DIR = join(ROOT, '.cache', 'real-pages');
export const MANIFEST = join(REAL_PAGES_DIR, 'manifest.json');
/**
 * mozilla/readability's test pages are the held-out set for an independent check (issue 14): this
 * script only reads postlight/parser, and refuses a copy that looks like readability's.
 */
const HELD_OUT_MARKER = join('test', 'test-pages');

function fail(message) {
  console.error(`real-pages: ${message}`);
  process.exit(1);
}

function isBareGitDir(dir) {
  return existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects')) && existsSync(join(dir, 'refs'));
}

/** [{ name, read() }] for fixtures/*.html in `dir`, and a label of where they came from. */
function listPages(dir) {
  if (existsSync(join(dir, HELD_OUT_MARKER))) {
    fail(`${dir} looks like mozilla/readability, whose test pages are held out: do not bench or tune on them.`);
  }
  const fixtures = join(dir, 'fixtures');
  if (existsSync(fixtures) && statSync(fixtures).isDirectory()) {
    const names = readdirSync(fixtures).filter((f) => f.endsWith('.html')).sort();
    let commit = 'work tree';
    try {
      commit = `work tree at ${execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()}`;
    } catch {
      // not a git work tree: a plain copy of the folder is fine
    }
    return { source: commit, pages: names.map((name) => ({ name, read: () => readFileSync(join(fixtures, name)) })) };
  }
  const gitDir = isBareGitDir(dir) ? dir : existsSync(join(dir, '.git')) ? join(dir, '.git') : undefined;
  if (!gitDir) return undefined;
  const git = (args, options = {}) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 28, ...options });
  let commit;
  try {
    commit = git(['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
  const names = git(['ls-tree', '--name-only', 'HEAD', 'fixtures/'], { encoding: 'utf8' })
    .split('\n')
    .filter((path) => path.endsWith('.html'))
    .map((path) => path.slice('fixtures/'.length))
    .sort();
  return { source: `git ${commit}`, pages: names.map((name) => ({ name, read: () => git(['show', `HEAD:fixtures/${name}`]) })) };
}

function main() {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const dir = resolve(arg ?? process.env.POSTLIGHT_PARSER_DIR ?? DEFAULT_SOURCE);
  if (!existsSync(dir)) {
    fail(
      `no copy of postlight/parser at ${dir}.\n` +
        '  Get one (about 30 MB of fixtures) and point this script at it:\n' +
        '    git clone --depth 1 https://github.com/postlight/parser.git ~/src/postlight-parser\n' +
        '    npm run real-pages -- ~/src/postlight-parser      (or POSTLIGHT_PARSER_DIR=...)\n' +
        '  bench:real is a manual benchmark: CI and `npm test` do not need these pages.',
    );
  }
  const found = listPages(dir);
  if (!found || !found.pages.length) {
    fail(`${dir} has no fixtures/*.html: expected a work tree or a bare git directory of postlight/parser.`);
  }
  rmSync(REAL_PAGES_DIR, { recursive: true, force: true });
  mkdirSync(REAL_PAGES_DIR, { recursive: true });
  writeFileSync(
    join(REAL_PAGES_DIR, 'README.txt'),
    'Third-party pages copied from postlight/parser fixtures/ by `npm run real-pages`, for `npm run bench:real`.\n' +
      'Never commit them (this folder is git-ignored).\n',
  );
  const pages = [];
  let total = 0;
  for (const { name, read } of found.pages) {
    const bytes = read();
    writeFileSync(join(REAL_PAGES_DIR, name), bytes);
    total += bytes.length;
    pages.push({
      name: name.replace(/\.html$/, ''),
      file: name,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
    });
  }
  // Text nodes are counted by bench:real in Chromium (happy-dom took ~0.4 s a page: not cheap here).
  writeFileSync(
    MANIFEST,
    `${JSON.stringify({ source: { repository: 'postlight/parser', dir, ref: found.source }, created: new Date().toISOString(), pages }, null, 1)}\n`,
  );
  console.log(`real-pages: ${pages.length} pages, ${(total / 1024 / 1024).toFixed(1)} MB from ${dir} (${found.source}) -> ${REAL_PAGES_DIR}`);
}

main();
