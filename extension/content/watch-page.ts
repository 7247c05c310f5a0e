// One decision per page view: wait for idle time, read the page in slices,
// ask the background, and show at most one card. A single-page-app navigation
// starts a new view (aborting the old one); content that arrives later gets a
// bounded second look, and a page read while still nearly empty two timed ones.
// Once a card is up, nothing more runs until the next view.
// On a page too large for a card at no cost, the remark waits behind the toolbar
// button (its badge) and the keyboard shortcut opens the popup instead.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageText } from '@/lib/extract/page-text';
import type { FocusCardReply, RelatedRemarksReply, TabRequest } from '@/lib/messages';
import { ask } from '../messaging';
import type { MountedCard } from './card';
import { tooLargeForCard } from './card-room';
import { loadCardUi } from './card-ui-contract';
import { extractSliced } from './extract-sliced';
import { watchLateContent } from './late-content';
import { sharedScreen } from './screen-contract';

/** The card waits this long after the decision, so it never arrives mid-load. */
const CARD_DELAY_MS = 1200;
/**
 * A reading with less main text than this found a page still being drawn, perhaps
 * inside shadow roots, where no observer on the document hears it arrive...
 */
const THIN_READING_CHARS = 1_000;
/** ...so such a page is read again this long after the first decision (ms), and no more. */
const THIN_READING_RETRIES_MS = [2_000, 6_000];

/** Runs once entrypoints/page-screen.ts has found that this page may be about AI. */
export function watchPage(ctx: ContentScriptContext): void {
  let view: AbortController | undefined;
  let card: MountedCard | null = null;
  let lastPage: PageText | null = null;
  let remarkWaiting = false;

  const startView = (screened = false) => {
    view?.abort();
    const controller = new AbortController();
    view = controller;
    card = null;
    if (remarkWaiting) void ask({ type: 'remark-waiting', waiting: false });
    remarkWaiting = false;
    // The popup's "related to this page" must not describe the page before a navigation.
    lastPage = null;
    const signal = controller.signal;
    const decide = async (): Promise<boolean> => {
      // Later views of a single-page app get the cheap first look too.
      if (!screened && sharedScreen()?.(document) === false) return false;
      screened = false;
      const page = await extractSliced(ctx, document, signal);
      if (!page || signal.aborted) return false;
      lastPage = page;
      const decision = await ask({ type: 'analyze-page', page, url: location.href });
      if (!decision?.show || signal.aborted) return false;
      if (tooLargeForCard(document)) {
        remarkWaiting = true;
        void ask({ type: 'remark-waiting', waiting: true });
        return true;
      }
      // The card's UI loads during the delay.
      await Promise.all([loadCardUi(), new Promise((resolve) => ctx.setTimeout(() => resolve(null), CARD_DELAY_MS))]);
      if (signal.aborted) return true;
      const ui = await loadCardUi();
      if (!ui || signal.aborted) return true;
      card = await ui.showCard(ctx, decision, signal);
      return true;
    };
    // One decision at a time: a late look while one is under way would be a second card.
    let deciding = false;
    const decideAlone = async () => {
      if (deciding) return false;
      deciding = true;
      try {
        return await decide();
      } finally {
        deciding = false;
      }
    };
    void decideAlone().then((shown) => {
      if (shown || signal.aborted) return;
      const late = new AbortController();
      signal.addEventListener('abort', () => late.abort(), { once: true });
      const lookAgain = () => void decideAlone().then((ok) => ok && late.abort());
      watchLateContent(late.signal, lookAgain);
      if (lastPage && lastPage.body.length < THIN_READING_CHARS) {
        for (const ms of THIN_READING_RETRIES_MS) ctx.setTimeout(() => late.signal.aborted || lookAgain(), ms);
      }
    });
  };

  startView(true);
  ctx.addEventListener(window, 'wxt:locationchange', () => startView());
  ctx.onInvalidated(() => view?.abort());

  const onMessage = (message: unknown) => {
    const request = message as TabRequest | undefined;
    if (request?.type === 'focus-card') {
      const reply: FocusCardReply = card?.focus() ? 'focused' : remarkWaiting ? 'open-popup' : 'none';
      return Promise.resolve(reply);
    }
    if (request?.type === 'related-remarks') {
      const reply: RelatedRemarksReply = { page: lastPage, title: document.title, url: location.href };
      return Promise.resolve(reply);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
