// The background's reading list: local storage holds the truth and this one
// instance mirrors it to storage.sync for every tab and page.
import { browser } from 'wxt/browser';
import { openReadingList, type ReadingList, type StorageArea } from '@/lib/reading-list';
import { quotePack } from '@/lib/engine-data';

let list: Promise<ReadingList> | undefined;

export function readingList(): Promise<ReadingList> {
  return (list ??= openReadingList({
    local: browser.storage.local as unknown as StorageArea,
    sync: browser.storage.sync as unknown as StorageArea,
    knownQuoteIds: quotePack.quotes.map((q) => q.id),
  }));
}
