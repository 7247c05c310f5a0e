// Stage one on every page: at idle, the pre-screen (page-screen.ts). A page
// that may be about AI loads the full reading (entrypoints/content, which
// takes over this page for good); any other page is looked at again only when
// a single-page app navigates or content arrives later, with bounded work.
import { isReadableDocument, mayBeAboutAiPage } from './page-screen';
import { SCREEN_GLOBAL } from './screen-contract';
import { watchLateContent } from './late-content';

/** The full reading: WXT's content script (entrypoints/content), web-accessible, run by importing it. */
const FULL_READING = '/content-scripts/content.js';

interface Api {
  runtime: { getURL(path: string): string };
}

export function screenPage(): void {
  if (!isReadableDocument(document)) return;
  const watching = new AbortController();
  let handedOver = false;

  const look = () => {
    if (handedOver || !mayBeAboutAiPage(document)) return;
    handedOver = true;
    watching.abort();
    (globalThis as Record<string, unknown>)[SCREEN_GLOBAL] = mayBeAboutAiPage;
    // The first use of the extension API on this page. `chrome` in both browsers: Firefox has it too.
    // If the extension was reloaded or removed since this page loaded, stay quiet.
    try {
      const api = (globalThis as unknown as { chrome?: Api }).chrome;
      import(/* @vite-ignore */ api!.runtime.getURL(FULL_READING)).catch(() => {});
    } catch {
      // No extension API left in this page's content-script world.
    }
  };

  let view: AbortController | undefined;
  let listening = false;
  const startView = () => {
    view?.abort();
    const signal = (view = new AbortController()).signal;
    const firstLook = () => {
      if (signal.aborted) return;
      look();
      if (handedOver) return;
      // Only a page that was ruled out pays for watching it.
      watchLateContent(signal, look);
      if (!listening) listenForNavigation();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(firstLook, { timeout: 1000 });
    else setTimeout(firstLook, 0);
  };
  // Single-page apps: each navigation is a new view (Navigation API where the browser has it).
  const listenForNavigation = () => {
    listening = true;
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation) navigation.addEventListener('navigatesuccess', startView, { signal: watching.signal });
    else window.addEventListener('popstate', startView, { signal: watching.signal });
  };
  watching.signal.addEventListener('abort', () => view?.abort(), { once: true });
  startView();
}
