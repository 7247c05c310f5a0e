// The reading list's public surface, for the extension's glue and UI.
//
// Wiring (the glue, not this module):
//   background: const list = await openReadingList({ local: browser.storage.local,
//                 sync: browser.storage.sync, knownQuoteIds: quotePack.quotes.map((q) => q.id) });
//               browser.storage.onChanged.addListener((changes, area) => {
//                 if (area === 'local') void list.absorbLocalChanges(changes);
//                 if (area === 'sync') void list.pullSync();
//               });
//   pages, popup: openReadingList({ local: browser.storage.local, knownQuoteIds }) without `sync`:
//               one mirror for all keeps within the write-rate limits; their
//               syncStatus() reads what the background publishes.
export { SYNC_LIMITS, type StorageArea, type StorageChanges, type SyncLimits } from './area';
export type { Entry, PageRef } from './entry';
export { citation, EXPORT_FORMAT, parseExport, toCsv, toJson, toMarkdown, type ParsedExport } from './export';
export { CURRENT_VERSION, type MigrationReport } from './migrate';
export { newestFirst, packOrder, sectionOf, type EntryOrder } from './order';
export type { QuarantinedProblem } from './quarantine';
export {
  openReadingList,
  ReadingList,
  ReadingListError,
  SYNC_STATUS_KEY,
  type ImportResult,
  type ListOptions,
  type Problems,
  type ReadingListErrorCode,
  type ReadingListOptions,
} from './store';
export { TOMBSTONE_TTL_MS, type SyncOptions, type SyncStatus } from './sync';
