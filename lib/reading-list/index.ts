// The reading list's public surface, for the extension's glue and UI.
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
