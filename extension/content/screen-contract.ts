// How the full reading (entrypoints/content) reuses the every-page script's
// pre-screen (page-screen.ts) for later views of a single-page app: the every-page
// script leaves it here before handing over. Same isolated world, separate
// bundles, so the word lists ship once.

export const SCREEN_GLOBAL = '__tianQuotesScreen';

export type PageScreen = (doc: Document) => boolean;

/** The every-page script's screen, once it has handed this page over. */
export function sharedScreen(): PageScreen | undefined {
  return (globalThis as Record<string, unknown>)[SCREEN_GLOBAL] as PageScreen | undefined;
}
