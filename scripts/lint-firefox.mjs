// `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) over the Firefox build, treating
// every warning as an error except one that is known to come from Preact itself.
//
// Preact's renderer contains `dom.innerHTML = props.dangerouslySetInnerHTML.__html`, so every
// bundle that renders Preact carries one innerHTML assignment and the linter flags it. DPI Lens
// never passes dangerouslySetInnerHTML and never assigns innerHTML (eslint.config.js forbids both
// in entrypoints/ and components/), so that code path never runs. We accept the warning only where
// the flagged code is exactly that Preact pattern. The content script's import() of its own card
// module is the other accepted warning (isCardModuleImport); any other warning fails the check.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/browser.mjs';

const SOURCE_DIR = join(ROOT, '.output', 'firefox-mv3');
/** Preact's dangerouslySetInnerHTML branch as it appears minified: `x.innerHTML=y.__html`. */
const PREACT_INNER_HTML = /^\w+\.innerHTML=\w+\.__html/;
/** How far left of the reported column to look for the assignment (the linter points near it). */
const COLUMN_SLACK = 40;

// web-ext's package exports hide its bin script from require.resolve, so take it from node_modules.
const webExt = join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
const run = spawnSync(process.execPath, [webExt, 'lint', '--source-dir', SOURCE_DIR, '--output', 'json'], {
  encoding: 'utf8',
  maxBuffer: 16 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  process.stderr.write(run.stdout + run.stderr);
  console.error(`web-ext lint did not produce a report (is ${SOURCE_DIR} built? run \`npm run build\`).`);
  process.exit(1);
}

/** True when the warning points at Preact's own innerHTML assignment and nothing else. */
function isPreactInnerHtml(warning) {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || !warning.line) return false;
  const line = readFileSync(join(SOURCE_DIR, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  const from = Math.max(0, (warning.column ?? 0) - COLUMN_SLACK);
  const near = line.slice(from, (warning.column ?? 0) + COLUMN_SLACK);
  return [...near.matchAll(/\w+\.innerHTML=/g)].some((m) => PREACT_INNER_HTML.test(near.slice(m.index)));
}

/**
 * The content script's one dynamic import (entrypoints/content/card-module.ts): the card module,
 * a file of the add-on itself, by `runtime.getURL` of a fixed path, never a URL from a page or the
 * network. The linter flags every import() whose argument is not a literal string.
 */
const CARD_IMPORT = /import\(\w+(?:\.default)?\.runtime\.getURL\((\w+|`\/content-scripts\/card\.js`)\)\)/;
const CARD_PATH_CONST = /var (\w+)=`\/content-scripts\/card\.js`/;
function isCardModuleImport(warning) {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || warning.file !== 'content-scripts/content.js' || !/call to import/.test(warning.message)) return false;
  const source = readFileSync(join(SOURCE_DIR, warning.file), 'utf8');
  const matches = [...source.matchAll(new RegExp(CARD_IMPORT, 'g'))];
  const pathConst = CARD_PATH_CONST.exec(source)?.[1];
  // Exactly one import() in the file, and its argument is the card module's fixed path.
  return (
    (source.match(/\bimport\(/g) ?? []).length === 1 &&
    matches.length === 1 &&
    (matches[0][1].startsWith('`') || matches[0][1] === pathConst)
  );
}

const accepted = report.warnings.filter((w) => isPreactInnerHtml(w) || isCardModuleImport(w));
const problems = [...report.errors, ...report.warnings.filter((w) => !accepted.includes(w))];
for (const p of [...problems, ...report.notices]) {
  console.error(`${p._type.toUpperCase()} ${p.code}: ${p.message} (${p.file ?? 'manifest'}${p.line ? `:${p.line}` : ''})`);
}
console.log(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings ` +
    `(${accepted.length} accepted: Preact's dangerouslySetInnerHTML branch, the card module's import), ${report.summary.notices} notices`,
);
process.exit(problems.length > 0 ? 1 : 0);
