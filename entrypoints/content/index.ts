import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '@/extension/content/watch-page';

// The full reading of a page that may be about AI. Not in the manifest: the
// content script on every page (entrypoints/page-screen.ts) imports this bundle
// when its pre-screen says so, and WXT's wrapper then runs main() as usual.
export default defineContentScript({
  // No `matches`: with runtime registration they would become host permissions.
  registration: 'runtime',
  // The card's CSS is adopted into its shadow root by extension/content/card.tsx.
  cssInjectionMode: 'manual',
  main(ctx) {
    watchPage(ctx);
  },
});
