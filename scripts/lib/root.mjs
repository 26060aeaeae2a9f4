// The repository root (this file is scripts/lib/root.mjs), for scripts that do not load playwright
// (scripts/lib/browser.mjs, which does, has its own ROOT).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
