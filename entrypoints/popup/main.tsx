import { render } from 'preact';
import { glossary } from '@/glossary';
import { combineGlossary, loadCustomTerms } from '@/utils/custom-terms/storage';
import { loadPageTerms } from '@/utils/popup/page-requests';
import { parsePopupParams } from '@/utils/popup/popup-params';
import { uiLanguage } from '@/utils/i18n/i18n';
import { applyPageTheme } from '@/utils/settings/page-theme';
import { loadSettings, watchSettings } from '@/utils/settings/settings-storage';
import { App } from './App';
import '@/components/theme/theme.css';
import './style.css';

document.documentElement.lang = uiLanguage();
// The reader's theme setting; until it is read (a few ms) the page follows the system.
void loadSettings().then((settings) => applyPageTheme(document.documentElement, settings.theme));
watchSettings((settings) => applyPageTheme(document.documentElement, settings.theme));

// The reader's own terms are searched and shown like bundled ones. One storage.local read
// (milliseconds) before the first render, so a `?term=custom-...` link opens its entry directly.
void loadCustomTerms().then(({ terms }) => {
  render(
    <App
      entries={combineGlossary(glossary, terms).entries}
      loadPageTerms={loadPageTerms}
      params={parsePopupParams(location.search)}
    />,
    document.getElementById('app')!,
  );
});
