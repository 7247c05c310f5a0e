// The background's reading list: local storage holds the truth and this one
// instance mirrors it to storage.sync for every tab and page (only one writer
// can keep sync's write-rate limits). Pages and the popup open their own
// instances without sync; their writes reach sync through the change events.
import { browser } from 'wxt/browser';
import { openReadingList, type ReadingList, type StorageArea, type StorageChanges } from '@/lib/reading-list';
import { quotePack } from '@/lib/engine-data';

let list: Promise<ReadingList> | undefined;

export function readingList(): Promise<ReadingList> {
  return (list ??= openReadingList({
    local: browser.storage.local as unknown as StorageArea,
    sync: browser.storage.sync as unknown as StorageArea,
    knownQuoteIds: quotePack.quotes.map((q) => q.id),
  }));
}

/** Registered at startup, so a change wakes the worker and is mirrored. */
export function mirrorReadingListChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') void readingList().then((l) => l.absorbLocalChanges(changes as StorageChanges));
    else if (area === 'sync') void readingList().then((l) => l.pullSync());
  });
}
