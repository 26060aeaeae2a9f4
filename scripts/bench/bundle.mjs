// Builds the highlighting code (scripts/bench/entry.ts: the content script's modules and the
// bundled glossary, without the extension wiring) into one IIFE a page can run as `DpiLensBench`.
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../lib/browser.mjs';
import { glossaryData } from '../lib/glossary-plugin.mjs';

/** `minify: false` keeps function names readable in a CPU profile (trace.mjs). */
export async function buildHighlighterBundle({ minify = true } = {}) {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT } },
    plugins: [glossaryData()],
    build: {
      write: false,
      minify,
      lib: { entry: join(ROOT, 'scripts', 'bench', 'entry.ts'), formats: ['iife'], name: 'DpiLensBench', fileName: 'bench' },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  return output.find((chunk) => chunk.type === 'chunk').code;
}
