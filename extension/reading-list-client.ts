// The reading list as the popup and the reading list page use it: over local
// storage, without sync (the background alone mirrors to sync and publishes
// its status), plus a change feed for keeping a view live across tabs.
import { browser } from 'wxt/browser';
import { quotePack } from '@/lib/engine-data';
import { openReadingList, type ReadingList, type StorageArea } from '@/lib/reading-list';

export function openPageReadingList(): Promise<ReadingList> {
  return openReadingList({
    local: browser.storage.local as unknown as StorageArea,
    knownQuoteIds: quotePack.quotes.map((q) => q.id),
  });
}

// Everything the reading list keeps in local storage: entries, meta, set-aside
// values and the sync status start with "rl:"; "readingList" is the v1 list.
const isReadingListKey = (key: string) => key.startsWith('rl:') || key === 'readingList';

/** Calls `onChange` whenever any tab or the background changes the reading list. Returns the unsubscribe. */
export function watchReadingList(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some(isReadingListKey)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
