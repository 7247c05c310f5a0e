// The reading list page's pure parts: its orders, its search within the list,
// what sync says about each entry, and the names of exported files.
import type { QuotePack } from './pack/schema';
import { newestFirst, packOrder, sectionOf, type Entry, type EntryOrder, type SyncStatus } from './reading-list';
import { localDateKey } from './local-date';
import { foldText } from './text/fold';

export const SORT_KEYS = ['newest', 'oldest', 'interview'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function isSortKey(value: unknown): value is SortKey {
  return SORT_KEYS.includes(value as SortKey);
}

export function entryOrder(sort: SortKey, pack: QuotePack): EntryOrder {
  if (sort === 'oldest') return (a, b) => a.savedAt - b.savedAt || a.quoteId.localeCompare(b.quoteId);
  if (sort === 'interview') return packOrder(pack);
  return newestFirst;
}

const fold = (text: string) => foldText(text).toLowerCase();

/**
 * The entries whose remark (either language), section, note or page contains
 * every word of the query. Matching folds width, case and Traditional/Simplified
 * Chinese, so "Scaling" finds "scaling" and 規模 finds 规模.
 */
export function filterEntries(entries: Entry[], pack: QuotePack, query: string): Entry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  const quotes = new Map(pack.quotes.map((q) => [q.id, q]));
  return entries.filter((entry) => {
    const quote = quotes.get(entry.quoteId);
    const section = sectionOf(pack, entry.quoteId);
    const haystack = fold(
      [quote?.zh, quote?.en, section?.zh, section?.en, entry.note, entry.page?.title, entry.page?.url].filter(Boolean).join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Where an entry stands with sync, as the mirroring background last published it. */
export type EntrySync = 'synced' | 'partial' | 'local-only' | 'pending' | 'unknown';

export function entrySync(status: SyncStatus, quoteId: string): EntrySync {
  if (status.pending.includes(quoteId)) return 'pending';
  if (status.localOnly.includes(quoteId)) return 'local-only';
  if (status.partial.includes(quoteId)) return 'partial';
  if (status.synced.includes(quoteId)) return 'synced';
  return 'unknown';
}

export type ExportFormat = 'markdown' | 'json' | 'csv';

export const EXPORT_TYPES: Record<ExportFormat, { extension: string; mime: string }> = {
  markdown: { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  json: { extension: 'json', mime: 'application/json;charset=utf-8' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
};

/** `tian-quotes-reading-list-2024-06-01.md`, dated in the reader's time zone. */
export function exportFileName(format: ExportFormat, date: Date): string {
  return `tian-quotes-reading-list-${localDateKey(date)}.${EXPORT_TYPES[format].extension}`;
}
