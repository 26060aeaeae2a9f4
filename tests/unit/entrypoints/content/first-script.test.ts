// @vitest-environment node
/**
 * The content script runs on every page, most of which have no DPI term: what it parses there is
 * a fixed cost (issue 14). The card (Preact, its components, its styles) is a separate module the
 * script imports only once a page has terms (entrypoints/content/card-module.ts); a static import
 * of any of it from the content script's graph would quietly put it back on every page.
 */
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../scripts/lib/browser.mjs';
import { glossaryData } from '../../../../scripts/lib/glossary-plugin.mjs';

async function bundledModules(entry: string): Promise<string[]> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT } },
    plugins: [glossaryData()],
    // WXT's auto-imported global; the bundle is never run here.
    define: { defineContentScript: 'Object' },
    build: { write: false, minify: false, lib: { entry: join(ROOT, entry), formats: ['es'], fileName: 'probe' } },
  });
  const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
  return output.flatMap((item) => (item.type === 'chunk' ? Object.keys(item.modules) : [])).map((id) => id.replace(ROOT, ''));
}

describe('the content script loaded on every page', () => {
  it('bundles no card code (not Preact, not the card layer, not a component) and no copy of the interface strings', async () => {
    const modules = await bundledModules('entrypoints/content/index.ts');
    expect(modules.some((id) => id.includes('/entrypoints/content/page/highlighter.ts'))).toBe(true); // the probe sees the graph
    expect(modules.filter((id) => /node_modules\/preact\/|\/entrypoints\/content\/page\/card\.tsx|^\/components\/|\/public\/_locales\//.test(id))).toEqual([]);
  }, 60_000);
});
