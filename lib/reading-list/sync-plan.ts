// Decides what storage.sync should hold: pure, from the local records (the
// truth, already merged with sync) and what sync holds now.
//
// Priority: removals first (tiny, and without them a removed entry would come
// back from other browsers' copies), then live entries newest-saved first
// until the bytes or items run out; the rest stay local only. Space used by
// other keys in the area (settings) is measured and left alone, and a reserve
// is kept free so those settings can still be written.
import { itemBytesUpperBound, type SyncLimits } from './area';
import { hasNews, isLive, isTombstone, type LiveRecord, type StoredRecord, type Tombstone } from './entry';
import { decodeItem, encodeItem, SYNC_PREFIX, syncKey } from './sync-codec';

export interface PlanInput {
  records: ReadonlyMap<string, StoredRecord>;
  remote: Record<string, unknown>;
  limits: SyncLimits;
  reserveBytes: number;
  reserveItems: number;
  now: number;
  tombstoneTtlMs: number;
}

export interface SyncPlan {
  /** Items to write (one set() call). */
  set: Record<string, unknown>;
  /** Reading-list keys to remove from sync (one remove() call). */
  remove: string[];
  /** Live entries whose whole entry will be in sync. */
  synced: string[];
  /** Live entries in sync with their note (or page) cut to fit an item. */
  partial: string[];
  /** Live entries left out for lack of room. */
  localOnly: string[];
  /** Local tombstones older than the TTL: to prune. */
  expired: Tombstone[];
}

export function planSync(input: PlanInput): SyncPlan {
  const { records, remote, limits, now, tombstoneTtlMs } = input;
  const perItem = limits.QUOTA_BYTES_PER_ITEM;
  let bytesLeft = limits.QUOTA_BYTES - input.reserveBytes;
  let itemsLeft = limits.MAX_ITEMS - input.reserveItems;

  const ours = new Map<string, { record?: StoredRecord; value: unknown }>();
  for (const [key, value] of Object.entries(remote)) {
    const decoded = key.startsWith(SYNC_PREFIX) ? decodeItem(key, value) : undefined;
    const id = key.slice(SYNC_PREFIX.length);
    const leaveAlone =
      !decoded ||
      (!decoded.ok && decoded.future) ||
      // An item for an entry this browser has never seen (it could not be
      // merged in): it is another browser's to manage.
      (decoded.ok && !records.has(id) && !(isTombstone(decoded.record) && now - decoded.record.removedAt > tombstoneTtlMs));
    if (leaveAlone) {
      bytesLeft -= itemBytesUpperBound(key, value);
      itemsLeft -= 1;
    } else {
      ours.set(key, { record: decoded.ok ? decoded.record : undefined, value });
    }
  }

  const expired: Tombstone[] = [];
  const tombstones: Tombstone[] = [];
  const live: LiveRecord[] = [];
  for (const record of records.values()) {
    if (isLive(record)) live.push(record);
    else if (now - record.removedAt > tombstoneTtlMs) expired.push(record);
    else tombstones.push(record);
  }
  tombstones.sort((a, b) => b.removedAt - a.removedAt || a.quoteId.localeCompare(b.quoteId));
  live.sort((a, b) => b.savedAt - a.savedAt || a.quoteId.localeCompare(b.quoteId));

  const keep = new Set<string>();
  const plan: SyncPlan = { set: {}, remove: [], synced: [], partial: [], localOnly: [], expired };
  let full = false;
  for (const record of [...tombstones, ...live]) {
    const key = syncKey(record.quoteId);
    const there = ours.get(key);
    const fits = (value: unknown) => {
      const size = itemBytesUpperBound(key, value);
      return size <= perItem && size <= bytesLeft && itemsLeft >= 1 ? size : undefined;
    };
    if (!isTombstone(record) && full) {
      plan.localOnly.push(record.quoteId);
      continue;
    }
    let value: unknown;
    let cut: boolean;
    let write = false;
    if (there?.record && !hasNews(record, there.record)) {
      // Sync already says all this browser knows; rewriting would cost a write for nothing.
      value = there.value;
      cut = isLive(there.record) && !!(there.record.noteCut || there.record.pageCut);
    } else {
      const encoded = encodeItem(record, perItem);
      ({ value, cut } = encoded);
      write = true;
    }
    const size = fits(value);
    if (size === undefined) {
      // The newest entries sync: once one does not fit, the older ones stay local.
      if (!isTombstone(record)) {
        full = true;
        plan.localOnly.push(record.quoteId);
      }
      continue;
    }
    bytesLeft -= size;
    itemsLeft -= 1;
    keep.add(key);
    if (write) plan.set[key] = value;
    if (!isTombstone(record)) (cut ? plan.partial : plan.synced).push(record.quoteId);
  }
  for (const key of ours.keys()) if (!keep.has(key)) plan.remove.push(key);
  return plan;
}
