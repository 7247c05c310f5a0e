// Stage one on every page: at idle, the pre-screen (page-screen.ts). A page
// that may be about AI loads the full reading (entrypoints/content, which
// takes over this page for good); any other page is looked at again only when
// a single-page app navigates or content arrives later, with bounded work.
// Until the page is idle this script does nothing but ask to be called then.
import { hasBody, isWebPage, mayBeAboutAiPage } from './page-screen';
import { SCREEN_GLOBAL } from './screen-contract';
import { watchLateContent } from './late-content';

/** The full reading: WXT's content script (entrypoints/content), web-accessible, run by importing it. */
const FULL_READING = '/content-scripts/content.js';

interface Api {
  runtime: { getURL(path: string): string };
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}

function handOver(): void {
  // Checked only here: the body is the first element this script would touch, and that costs.
  if (!hasBody(document)) return;
  (globalThis as Record<string, unknown>)[SCREEN_GLOBAL] = mayBeAboutAiPage;
  // The first use of the extension API on this page. `chrome` in both browsers: Firefox has it too.
  // If the extension was reloaded or removed since this page loaded, stay quiet.
  try {
    const api = (globalThis as unknown as { chrome?: Api }).chrome;
    import(/* @vite-ignore */ api!.runtime.getURL(FULL_READING)).catch(() => {});
  } catch {
    // No extension API left in this page's content-script world.
  }
}

export function screenPage(): void {
  whenIdle(() => {
    if (!isWebPage(document)) return;
    if (mayBeAboutAiPage(document)) return handOver();
    // Ruled out: only such a page pays for watching, and it is looked at again only when it
    // changes (content that arrives later, a single-page-app navigation).
    const watching = new AbortController();
    watchLateContent(watching.signal, () => {
      if (!mayBeAboutAiPage(document)) return;
      watching.abort();
      handOver();
    });
  });
}
