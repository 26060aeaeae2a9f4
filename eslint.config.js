// Flat config. `npm run lint` runs it over the whole repository.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Browser globals the glossary must not touch: it is pure data and functions, usable anywhere. */
const PAGE_GLOBALS = ['document', 'window', 'navigator', 'location', 'localStorage', 'sessionStorage'];

/** Import patterns that reach into a top-level folder, by alias or by relative path. */
function layer(folder) {
  return [`**/${folder}/**`, `@/${folder}/**`, `~/${folder}/**`, `@@/${folder}/**`, `~~/${folder}/**`];
}

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.cache/**', 'node_modules/**', 'web-ext-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Unused names fail typecheck already (noUnusedLocals); `_name` marks a deliberate skip.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Node scripts and configs. scripts/lib/browser.mjs passes callbacks to Playwright that run
    // inside the page or the extension's service worker, hence `chrome` and browser globals.
    files: ['**/*.{js,mjs}', 'scripts/**', '*.config.ts', 'tests/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
  {
    // Page and UI code never parses HTML strings: the highlighter builds nodes, Preact renders
    // text. This also keeps scripts/lint-firefox.mjs honest: the one innerHTML the add-on linter
    // finds in the bundles is Preact's unused dangerouslySetInnerHTML branch.
    files: ['entrypoints/**', 'components/**', 'glossary/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Build DOM nodes (or let Preact render) instead of assigning HTML strings.',
        },
        {
          selector: 'CallExpression[callee.property.name="insertAdjacentHTML"]',
          message: 'Build DOM nodes instead of inserting HTML strings.',
        },
        {
          selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
          message: 'Render text; glossary content is never HTML.',
        },
      ],
    },
  },
  {
    // The glossary layer is pure: no page DOM, no browser APIs, and nothing from the layers that
    // depend on it (data flows glossary -> content script / UI, never back).
    files: ['glossary/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...PAGE_GLOBALS.map((name) => ({ name, message: 'glossary/ is pure: pass data in instead of reading the page.' })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...layer('entrypoints'), ...layer('components'), ...layer('utils')],
              message: 'glossary/ must not depend on the page, UI or extension layers.',
            },
            { group: ['wxt', 'wxt/**', 'webextension-polyfill'], message: 'glossary/ is pure: no browser APIs.' },
          ],
        },
      ],
    },
  },
  {
    // Components render what they are given: they may use utils/ and glossary/, never an entrypoint
    // (the content script, popup, options or background wire components, not the other way round).
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: layer('entrypoints'), message: 'components/ must not import from entrypoints/.' }] },
      ],
    },
  },
  {
    // utils/ is the non-UI layer under the entrypoints and components: settings, messages, custom
    // terms, i18n. It may use glossary/, never the components or entrypoints built on it.
    files: ['utils/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...layer('components'), ...layer('entrypoints')],
              message: 'utils/ must not import components/ or entrypoints/.',
            },
          ],
        },
      ],
    },
  },
);
