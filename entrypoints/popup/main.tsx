import { render } from 'preact';
import { glossary } from '@/glossary';

render(<p>{glossary.length} terms</p>, document.getElementById('app')!);
