// The toolbar popup's glue: the search runs here (an extension page), the
// reading list is opened over local storage, the tab is asked for its page.
//
// Query parameters (the popup is also opened as a tab):
//   ?q=<text>  prefills the search box and searches (the context menu and the omnibox open it so).
//   ?tab=<id>  reads that tab, instead of the active one, for "related to this page" and for where
//              a saved remark was met. Harmless: a tab's content script tells an extension page only
//              what the reader can see on it. The end-to-end tests use it, since a popup opened as a
//              tab is itself the active tab.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { Popup } from '@/components/popup/Popup';
import '@/components/popup/popup.css';
import { openPageReadingList, watchReadingList } from '@/extension/reading-list-client';
import { readTabPage } from '@/extension/related-page';
import { quotePack, shippedEngine } from '@/lib/engine-data';
import { createRemarkFinder } from '@/lib/remark-finder';
import { savedToggle } from '@/lib/saved-toggle';

const params = new URLSearchParams(location.search);
const tabParam = params.get('tab');
const tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

const list = openPageReadingList();
const toggle = list.then(savedToggle);
const uiLanguage = browser.i18n.getUILanguage();
const readingListUrl = browser.runtime.getURL('/reading-list.html');
document.documentElement.lang = uiLanguage;
document.title = t('extName');

async function openReadingList(event: MouseEvent) {
  event.preventDefault();
  // In the toolbar popup there is no current tab: close it once the list is open.
  const inPopup = (await browser.tabs.getCurrent()) === undefined;
  await browser.tabs.create({ url: readingListUrl });
  if (inPopup) window.close();
}

render(
  <Popup
    uiLanguage={uiLanguage}
    source={quotePack.source}
    initialQuery={params.get('q') ?? ''}
    createFinder={() => createRemarkFinder(shippedEngine(), quotePack)}
    readTab={() => readTabPage(tabId)}
    today={() => new Date()}
    saved={{
      ids: async () => new Set((await (await list).list()).map((entry) => entry.quoteId)),
      toggle: async (quoteId, page) => (await toggle).toggle(quoteId, page),
      subscribe: watchReadingList,
    }}
    copy={(text) => navigator.clipboard.writeText(text)}
    readingListUrl={readingListUrl}
    onOpenReadingList={(event) => void openReadingList(event)}
  />,
  document.getElementById('app')!,
);
