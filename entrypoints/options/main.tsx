import { render } from 'preact';
import { uiLanguage } from '@/components/i18n/i18n';
import { changeSettings, loadSettings, watchSettings } from '@/components/settings/settings-storage';
import { App } from './App';
import '@/components/theme/theme.css';
import './style.css';

document.documentElement.lang = uiLanguage();
render(<App load={loadSettings} save={changeSettings} watch={watchSettings} />, document.getElementById('app')!);
