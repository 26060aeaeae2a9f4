import { loadPageGlossary } from '@/components/custom-terms/live-glossary';
import { answerPageTerms } from './page-terms';
import { startReaderControls } from './reader-controls';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // No cssInjectionMode: nothing here imports a CSS file. The marks' style is a constructed sheet
  // the highlighter adopts with the first mark (mark-style.ts: no <style> in the page, not blocked
  // by a page's CSP), and the hover card passes its CSS to its own shadow root.
  // No allFrames: same-origin frames are highlighted from the top frame (live-highlighter.ts), so
  // cross-origin ad frames never load the glossary.
  main(ctx) {
    // The bundled glossary (its pattern computed at build time, glossary/heads.ts) plus the
    // reader's own terms (one storage.local read first, so the first pass includes them); an edit
    // in the options page re-highlights through the session.
    void loadPageGlossary().then((terms) => {
      if (ctx.isInvalid) return;
      // The reader's settings decide whether, what and how to highlight, and follow every change;
      // reader-controls.ts starts the live highlighter (and the card) through a reader session.
      const session = startReaderControls(ctx, terms.matcher, { customEntry: terms.customEntry });
      ctx.onInvalidated(terms.watch(() => session.setMatcher(terms.matcher)));
    });

    const onMessage = (message: unknown) => answerPageTerms(message, document);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
