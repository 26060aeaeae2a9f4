import { render } from 'preact';
import { glossary } from '@/glossary';
import { loadPageTerms } from '@/components/popup/page-terms';
import { parsePopupParams } from '@/components/popup/popup-params';
import { App } from './App';
import './style.css';

render(
  <App entries={glossary} loadPageTerms={loadPageTerms} params={parsePopupParams(location.search)} />,
  document.getElementById('app')!,
);
