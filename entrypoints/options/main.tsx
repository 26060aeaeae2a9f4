import { render } from 'preact';
import { uiLanguage } from '@/utils/i18n/i18n';
import { changeSettings, loadSettings, watchSettings } from '@/utils/settings/settings-storage';
import type { KeyboardCommand } from '@/components/options/KeyboardShortcuts';
import { App } from './App';
import '@/components/theme/theme.css';
import './style.css';

document.documentElement.lang = uiLanguage();
/** The browser's own list: the keys it assigned, not the manifest's suggestions (Firefox for Android has no commands). */
async function loadCommands(): Promise<KeyboardCommand[]> {
  const commands = (await browser.commands?.getAll()) ?? [];
  return commands.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }));
}

render(
  <App load={loadSettings} save={changeSettings} watch={watchSettings} loadCommands={loadCommands} />,
  document.getElementById('app')!,
);
