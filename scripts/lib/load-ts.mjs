// Runs one of the project's TypeScript modules from a Node script (eval, reports, the build's
// glossary data) through Vite's module runner: the same `@/` alias and `import.meta.glob` as the
// extension's build, without a separate TypeScript loader.
import { join } from 'node:path';
import { runnerImport } from 'vite';
import { ROOT } from './root.mjs';

/** The module at `file` (relative to the repository root). */
export async function loadTs(file) {
  const { module } = await runnerImport(join(ROOT, file), {
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT } },
  });
  return module;
}
