import { mountHoverCard } from './hover';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    void mountHoverCard(ctx);
  },
});
