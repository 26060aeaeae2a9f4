import { glossary } from '@/glossary';
import { createMatcher } from '@/glossary/matcher';
import { compileTerms } from '@/glossary/terms';
import { highlight } from './highlighter';
import { mountHoverCard } from './hover';
import { answerPageTerms } from './page-terms';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // No cssInjectionMode: nothing here imports a CSS file. The marks' style is a <style> the
  // highlighter adds with the first mark (a manifest stylesheet would need a CSS-only content
  // script entry in wxt.config.ts), and the hover card passes its CSS to its own shadow root.
  main(ctx) {
    const matcher = createMatcher(compileTerms(glossary));
    const run = highlight(document, matcher);
    ctx.onInvalidated(() => run.undo());

    const onMessage = (message: unknown) => answerPageTerms(message, document);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // The card's host element is only worth adding to pages that have terms to explain.
    if (run.marks > 0) void mountHoverCard(ctx);
  },
});
