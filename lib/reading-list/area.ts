// The two storage areas the reading list is handed. Only the part of
// browser.storage.local / browser.storage.sync it needs, so the model stays
// pure TypeScript that runs (and is tested) in Node.

export interface StorageArea {
  /** `null` reads every key in the area. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The shape of storage.onChanged's first argument. */
export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** chrome.storage.sync's documented limits (Firefox's are the same or looser). */
export interface SyncLimits {
  QUOTA_BYTES: number;
  QUOTA_BYTES_PER_ITEM: number;
  MAX_ITEMS: number;
  MAX_WRITE_OPERATIONS_PER_MINUTE: number;
  MAX_WRITE_OPERATIONS_PER_HOUR: number;
}

export const SYNC_LIMITS: Readonly<SyncLimits> = Object.freeze({
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
});

const utf8 = new TextEncoder();

/** Chrome's measure of an item: its key's length plus its value's JSON length, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return utf8.encode(key).length + utf8.encode(JSON.stringify(value) ?? '').length;
}

/**
 * `itemBytes`, but never less than what Chrome's own JSON writer produces: it
 * escapes `<` as \u003C and U+2028/U+2029 as \u2028/\u2029, where
 * JSON.stringify writes one to three bytes. Planning with this keeps a page
 * title full of `<` from overflowing an item the plan thought would fit.
 */
export function itemBytesUpperBound(key: string, value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let extra = 0;
  for (const ch of json) {
    if (ch === '<') extra += 5;
    else if (ch === '\u2028' || ch === '\u2029') extra += 3;
  }
  return utf8.encode(key).length + utf8.encode(json).length + extra;
}

/** A deep copy through JSON, which is what both storage areas keep. */
export function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
