// First: marks the content script's start before any other module runs (start-mark.ts).
import './start-mark';
import { loadPageGlossary } from '@/utils/custom-terms/live-glossary';
import './page/highlights.css';
import { startReaderControls } from './reader-controls';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The ::highlight() rules (page/highlights.css) go in the manifest's `css`: the browser injects
  // them, nothing is added to the page. The card adopts its own sheet in its closed shadow root.
  cssInjectionMode: 'manifest',
  // No allFrames: same-origin frames are read from the top frame (page/highlighter.ts), so
  // cross-origin ad frames never load the glossary.
  main(ctx) {
    // The bundled glossary (its pattern computed at build time, glossary/heads.ts) plus the
    // reader's own terms (one storage.local read first, so the first pass includes them); an edit
    // in the options page highlights again through the session.
    void loadPageGlossary().then((terms) => {
      if (ctx.isInvalid) return;
      const session = startReaderControls(ctx, terms.matcher, { customEntry: terms.customEntry });
      ctx.onInvalidated(terms.watch(() => session.setMatcher(terms.matcher)));
    });
  },
});
