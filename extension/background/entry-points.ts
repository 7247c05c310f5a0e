// The ways in from the browser's own UI: the context menu on selected text,
// the keyboard shortcuts, and the `tian` omnibox keyword. Listeners are added
// synchronously when the background starts, so an event that woke it is heard.
import { browser, type Browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { quotePack, shippedEngine } from '@/lib/engine-data';
import { escapeOmniboxXml, omniboxSuggestions, parseOmniboxInput, searchPagePath, selectionQuery } from '@/lib/entry-points';
import type { FocusCardReply, TabRequest } from '@/lib/messages';
import { searchQuotes } from '@/lib/relevance/search';
import { toolbarButton } from './remark-badge';

export const SEARCH_SELECTION_MENU = 'tian-search-selection';
export const FOCUS_CARD_COMMAND = 'focus-card';
const OMNIBOX_SUGGESTIONS = 5;

// Chrome reads omnibox descriptions as XML; Firefox shows them as typed.
const markup = import.meta.env.FIREFOX ? 'plain' : 'xml';
const omniboxText = (text: string) => (markup === 'xml' ? escapeOmniboxXml(text) : text);

type Tab = Browser.tabs.Tab;

function openSearch(path: ReturnType<typeof searchPagePath>, where: { replace?: number; active?: boolean; after?: Tab }): Promise<unknown> {
  const url = browser.runtime.getURL(`/${path}`);
  if (where.replace !== undefined) return browser.tabs.update(where.replace, { url });
  const after = where.after;
  return browser.tabs.create({
    url,
    active: where.active ?? true,
    ...(after?.id !== undefined && after.id >= 0 ? { openerTabId: after.id, index: after.index + 1 } : {}),
  });
}

function createMenus(): void {
  // Menus outlive a service-worker restart in Chrome; start from none so a second create is no duplicate.
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create(
      { id: SEARCH_SELECTION_MENU, title: t('entry_menu_search'), contexts: ['selection'] },
      // Reading lastError keeps a lost race (two starts at once) out of the console.
      () => void browser.runtime.lastError,
    ),
  );
}

async function focusCardIn(tab: Tab | undefined): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined || tabId < 0) return;
  const request: TabRequest = { type: 'focus-card' };
  // A tab without the content script (a browser page, a PDF) has nothing to focus.
  const reply = (await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined)) as FocusCardReply | undefined;
  // A page too large for a card keeps its remark in the popup. Firefox may refuse
  // (no user action left after the round trip): the badge still shows it is there.
  if (reply === 'open-popup') await toolbarButton.openPopup().catch(() => undefined);
}

function suggestFor(text: string): { suggestions: Browser.omnibox.SuggestResult[]; fallback: string } {
  const query = text.trim();
  if (!query) return { suggestions: [], fallback: t('entry_omnibox_hint') };
  const engine = shippedEngine();
  const hits = searchQuotes(engine.index, engine.lexicon, query, () => '', { limit: OMNIBOX_SUGGESTIONS });
  return {
    suggestions: omniboxSuggestions(query, hits.map((h) => h.quote), markup),
    fallback: t('entry_omnibox_default', query),
  };
}

export function registerEntryPoints(): void {
  browser.runtime.onInstalled.addListener(createMenus);
  // Firefox's background page forgets its menus when the browser restarts.
  browser.runtime.onStartup.addListener(createMenus);

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SEARCH_SELECTION_MENU) return;
    void openSearch(searchPagePath(selectionQuery(info.selectionText ?? '')), { after: tab });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === FOCUS_CARD_COMMAND) void focusCardIn(tab);
  });

  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    const { suggestions, fallback } = suggestFor(text);
    browser.omnibox.setDefaultSuggestion({ description: omniboxText(fallback) });
    suggest(suggestions);
  });

  const knownIds = new Set(quotePack.quotes.map((q) => q.id));
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    const { query, remarkId } = parseOmniboxInput(text, knownIds);
    const path = searchPagePath(query, remarkId);
    if (disposition === 'currentTab') {
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => openSearch(path, { replace: tab?.id }));
    } else {
      void openSearch(path, { active: disposition === 'newForegroundTab' });
    }
  });
}
