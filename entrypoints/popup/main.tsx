import { render } from 'preact';
import { glossary } from '@/glossary';
import { combineGlossary, loadCustomTerms } from '@/components/custom-terms/storage';
import { loadPageTerms } from '@/components/popup/page-terms';
import { parsePopupParams } from '@/components/popup/popup-params';
import { App } from './App';
import './style.css';

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
