import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import type { ExtensionRequest, ResponseMap } from '@/lib/messages';
import { decideForPage, hideOnSite, noteCardShown, noteNotRelevant, remarksForConcept } from '@/extension/background/card-service';
import { mirrorReadingListChanges, readingList } from '@/extension/background/reading-list';
import { registerEntryPoints } from '@/extension/background/entry-points';
import { showRemarkWaiting } from '@/extension/background/remark-badge';

async function toggleSave(request: Extract<ExtensionRequest, { type: 'toggle-save' }>): Promise<{ saved: boolean }> {
  const list = await readingList();
  if (await list.get(request.quoteId)) {
    await list.unsave(request.quoteId);
    return { saved: false };
  }
  await list.save(request.quoteId, request.page);
  return { saved: true };
}

async function handle(request: ExtensionRequest, sender: Browser.runtime.MessageSender): Promise<ResponseMap[ExtensionRequest['type']]> {
  switch (request.type) {
    case 'ping':
      return { type: 'pong' };
    case 'analyze-page':
      return decideForPage(request);
    case 'card-shown':
      await noteCardShown(request.quoteId);
      return null;
    case 'toggle-save':
      return toggleSave(request);
    case 'not-relevant':
      await noteNotRelevant(request.quoteId);
      return null;
    case 'hide-site':
      await hideOnSite(request.url);
      return null;
    case 'open-settings':
      await browser.runtime.openOptionsPage();
      return null;
    case 'concept-remarks':
      return remarksForConcept(request.concept);
    case 'remark-waiting':
      await showRemarkWaiting(sender.tab?.id, request.waiting);
      return null;
  }
}

export default defineBackground(() => {
  registerEntryPoints();
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const type = (message as ExtensionRequest | undefined)?.type;
    const known = ['ping', 'analyze-page', 'card-shown', 'toggle-save', 'not-relevant', 'hide-site', 'open-settings', 'concept-remarks', 'remark-waiting'];
    return typeof type === 'string' && known.includes(type) ? handle(message as ExtensionRequest, sender) : undefined;
  });
  mirrorReadingListChanges();
  // Opening the reading list early lets it migrate old data and catch up with sync.
  void readingList();
});
