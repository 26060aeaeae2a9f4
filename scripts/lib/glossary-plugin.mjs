// A Vite plugin exposing `virtual:dpi-lens/glossary-data`: the glossary's entry heads and the
// matcher's data (forms in order, their groups, the start pattern's source), computed at build
// time by glossary/heads.ts (which calls glossary/matcher.ts, the one definition of what matches).
// The bench traces showed building a pattern source at run time cost ~30 ms per page.
// Used by wxt.config.ts, vitest.config.ts and the bench bundle (scripts/bench/bundle.mjs).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadTs } from './load-ts.mjs';
import { ROOT } from './root.mjs';

export const GLOSSARY_DATA_ID = 'virtual:dpi-lens/glossary-data';
const RESOLVED_ID = `\0${GLOSSARY_DATA_ID}`;
const GLOSSARY_DIR = join(ROOT, 'glossary');
const ENTRIES_DIR = join(GLOSSARY_DIR, 'entries');

/** The files the data is computed from: the entries and the glossary's modules. */
function inputs() {
  const list = (dir, ext) => readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => join(dir, f));
  return [...list(ENTRIES_DIR, '.json'), ...list(GLOSSARY_DIR, '.ts')];
}

// One computation per set of inputs for the whole process: WXT runs several Vite builds (one per
// entrypoint group) and each creates its own plugin instance.
let cache = { key: '', code: undefined };

async function moduleCode(files) {
  const key = files.map((file) => `${file}:${statSync(file).mtimeMs}`).join('|');
  if (cache.key !== key) {
    const code = (async () => {
      const [{ glossary }, { buildGlossaryData }] = await Promise.all([
        loadTs('glossary/index.ts'),
        loadTs('glossary/heads.ts'),
      ]);
      // JSON.parse of a string literal: engines parse it faster than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(buildGlossaryData(glossary)))});\n`;
    })();
    cache = { key, code };
  }
  return cache.code;
}

export function glossaryData() {
  return {
    name: 'dpi-lens:glossary-data',
    resolveId(id) {
      return id === GLOSSARY_DATA_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const files = inputs();
      for (const file of files) this.addWatchFile(file);
      return moduleCode(files);
    },
  };
}
