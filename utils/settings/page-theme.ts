/**
 * The theme setting on an extension page (popup, options): data-theme on <html> forces light or
 * dark; without it the page's CSS follows prefers-color-scheme. Returns the undo.
 */
import type { ThemeSetting } from './settings';

export function applyPageTheme(root: HTMLElement, theme: ThemeSetting): () => void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  return () => root.removeAttribute('data-theme');
}
