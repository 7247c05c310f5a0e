import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '@/extension/content/watch-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  // The card's CSS is adopted into its shadow root by extension/content/card.tsx.
  cssInjectionMode: 'manual',
  main(ctx) {
    watchPage(ctx);
  },
});
