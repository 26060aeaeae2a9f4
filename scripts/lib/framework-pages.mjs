// Builds the framework pages the browser tests load (tests/e2e/frameworks.e2e.ts): the same
// scenario (tests/fixtures/frameworks/scenario.mjs) as a React 19, a Vue 3.5 and a Svelte 5 app,
// built from their npm packages with esbuild, each both server-rendered and hydrated late, and
// rendered on the client only. Output goes to .output/framework-pages/ (build output, not committed).
// Development builds: they report hydration mismatches, which production builds keep quiet.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { compile } from 'svelte/compiler';
import { ROOT } from './browser.mjs';

export const FRAMEWORK_PAGES = join(ROOT, '.output', 'framework-pages');
const SOURCES = join(ROOT, 'tests', 'fixtures', 'frameworks');
export const FRAMEWORKS = ['react', 'vue', 'svelte'];
/** 'ssr': the server's markup, hydrated late; 'csr': an empty root the client renders into. */
export const MODES = ['ssr', 'csr'];

/** esbuild plugin: .svelte files compiled for the client or the server. */
const sveltePlugin = (generate) => ({
  name: 'svelte',
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      // dev on the client only: it reports hydration mismatches; Svelte's dev server render needs its dev runtime context.
      const { js } = compile(source, { filename: path, generate, dev: generate === 'client' });
      return { contents: js.code, loader: 'js', resolveDir: SOURCES };
    });
  },
});

const DEFINE = {
  'process.env.NODE_ENV': '"development"',
  __VUE_OPTIONS_API__: 'true',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true',
};

const SERVER = {
  react: `import { createElement } from 'react'; import { renderToString } from 'react-dom/server';
    import { App } from './react-app.mjs'; export const render = () => renderToString(createElement(App, {}));`,
  vue: `import { createSSRApp } from 'vue'; import { renderToString } from 'vue/server-renderer';
    import { App } from './vue-app.mjs'; export const render = () => renderToString(createSSRApp(App, {}));`,
  svelte: `import { render as renderSvelte } from 'svelte/server'; import App from './Svelte.svelte';
    export const render = () => renderSvelte(App, { props: {} }).body;`,
};

const CLIENT_START = {
  react: `import { createElement } from 'react'; import { createRoot, hydrateRoot } from 'react-dom/client';
    import { App } from './react-app.mjs';
    const start = (root, ssr, onDone) => ssr
      ? hydrateRoot(root, createElement(App, { onDone }), { onRecoverableError: (e) => window.__errors.push('recoverable: ' + e.message) })
      : createRoot(root).render(createElement(App, { onDone }));`,
  vue: `import { createApp, createSSRApp } from 'vue'; import { App } from './vue-app.mjs';
    const start = (root, ssr, onDone) => (ssr ? createSSRApp : createApp)(App, { onDone }).mount(root);`,
  svelte: `import { hydrate, mount } from 'svelte'; import App from './Svelte.svelte';
    const start = (root, ssr, onDone) => (ssr ? hydrate : mount)(App, { target: root, props: { onDone } });`,
};

const CLIENT_END = `
  import { HYDRATE_AFTER_MS } from './scenario.mjs';
  const root = document.getElementById('root');
  const onDone = () => { window.__result = { html: root.innerHTML, text: root.innerText }; };
  setTimeout(() => start(root, document.documentElement.dataset.mode === 'ssr', onDone), HYDRATE_AFTER_MS);`;

/** Records the page's errors and the frameworks' hydration complaints before any of its scripts run. */
const ERROR_PROBE = `window.__errors = [];
addEventListener('error', (e) => window.__errors.push('error: ' + e.message));
for (const level of ['error', 'warn']) {
  const original = console[level];
  console[level] = (...args) => {
    const text = args.map(String).join(' ');
    if (level === 'error' || /hydrat/i.test(text)) window.__errors.push(level + ': ' + text);
    original.apply(console, args);
  };
}`;

function page(framework, mode, markup) {
  return `<!doctype html>
<html lang="en" data-mode="${mode}">
<head><meta charset="utf-8"><title>${framework} ${mode}: payments news</title>
<script>${ERROR_PROBE}</script></head>
<body>
<main>
<h1>Payments desk</h1>
<p>A page whose section below is rendered by ${framework}.</p>
<div id="root">${markup}</div>
</main>
<script src="${framework}.js"></script>
</body>
</html>
`;
}

/** Builds every framework page; returns the file names (`react-ssr.html`, ...). */
export async function buildFrameworkPages() {
  await mkdir(FRAMEWORK_PAGES, { recursive: true });
  const names = [];
  for (const framework of FRAMEWORKS) {
    const serverFile = join(FRAMEWORK_PAGES, `${framework}-server.mjs`);
    await build({
      stdin: { contents: SERVER[framework], resolveDir: SOURCES, loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external', // node resolves react, vue and svelte from node_modules itself
      outfile: serverFile,
      define: DEFINE,
      plugins: [sveltePlugin('server')],
      logLevel: 'error',
    });
    await build({
      stdin: { contents: CLIENT_START[framework] + CLIENT_END, resolveDir: SOURCES, loader: 'js' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      outfile: join(FRAMEWORK_PAGES, `${framework}.js`),
      define: DEFINE,
      plugins: [sveltePlugin('client')],
      logLevel: 'error',
    });
    const { render } = await import(`${pathToFileURL(serverFile).href}?${Date.now()}`);
    const markup = await render();
    for (const mode of MODES) {
      const name = `${framework}-${mode}.html`;
      await writeFile(join(FRAMEWORK_PAGES, name), page(framework, mode, mode === 'ssr' ? markup : ''));
      names.push(name);
    }
  }
  return names;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log((await buildFrameworkPages()).join('\n'));
}
