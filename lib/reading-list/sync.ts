// Mirrors the reading list into storage.sync so it follows the reader to
// other browsers. Local storage stays the truth: sync is only ever written
// from it, and a failed sync write (quota, rate limit, offline) leaves local
// untouched, records the error and retries later.
//
// Removals travel as tombstones ({ x: removedAt }) because "missing from sync"
// cannot mean "removed": an entry is also missing when it did not fit, or
// when another browser has not written it yet. An entry stays alive while its
// last save/restore is later than its last removal. Tombstones are pruned after
// TOMBSTONE_TTL_MS (30 days): a browser that has not synced for that long may
// bring a removed entry back, which is the price of not keeping removals forever
// in 100 KB.
import { SYNC_LIMITS, type StorageArea, type SyncLimits } from './area';
import type { StoredRecord, Tombstone } from './entry';
import { WriteBudget } from './rate-limit';
import { decodeItem, SYNC_PREFIX } from './sync-codec';
import { planSync } from './sync-plan';

export const TOMBSTONE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface SyncOptions {
  /** Quiet time after the last change before writing (ms). Default 2000. */
  debounceMs?: number;
  /** Longest a change waits while changes keep coming (ms). Default 10000. */
  maxWaitMs?: number;
  /** First retry after a failed write (ms); doubles up to 10 minutes. Default 30000. */
  retryMs?: number;
  tombstoneTtlMs?: number;
  limits?: Partial<SyncLimits>;
  /** Bytes and items of storage.sync left free for the extension's other keys. Defaults 4096 and 8. */
  reserveBytes?: number;
  reserveItems?: number;
  /** Share of the write-rate limits the reading list may use; the rest is left to settings. Default 0.5. */
  writeShare?: number;
}

export interface SyncStatus {
  /** Live entries whose whole entry is in sync. */
  synced: string[];
  /** In sync with the note (or page) cut to fit: the full text is on this browser only. */
  partial: string[];
  /** Not in sync: no room left (the newest entries get the room). */
  localOnly: string[];
  /** Changed here and not yet written to sync (waiting, rate-limited or retrying). */
  pending: string[];
  /** The last sync failure, until a write succeeds. */
  lastError?: string;
  lastSyncAt?: number;
}

/** What the mirror needs from the reading list it mirrors. */
export interface MirrorHost {
  /** Every readable local record, by quote id. */
  records(): Promise<Map<string, StoredRecord>>;
  /** Merges records read from sync into local storage. */
  absorb(records: StoredRecord[]): Promise<void>;
  /** Removes expired tombstones from local storage. */
  prune(tombstones: Tombstone[]): Promise<void>;
  now(): number;
  /** Shares the status after each flush (with the contexts that do not mirror). */
  publish?(status: SyncStatus): Promise<void>;
}

const MAX_RETRY_MS = 10 * 60 * 1000;

export class SyncMirror {
  private readonly limits: SyncLimits;
  private readonly budget: WriteBudget;
  private readonly opts: Required<Omit<SyncOptions, 'limits'>>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private firstChangeAt: number | undefined;
  private retryDelay: number;
  /** After the browser said "too many writes", no write before this time. */
  private blockedUntil = 0;
  private current: Promise<unknown> = Promise.resolve();
  private queued: Promise<SyncStatus> | undefined;
  private seq = 0;
  private touched = new Map<string, number>();
  private unwritten = new Set<string>();
  private last: Omit<SyncStatus, 'pending'> = { synced: [], partial: [], localOnly: [] };
  private disposed = false;

  constructor(
    private readonly sync: StorageArea,
    private readonly host: MirrorHost,
    options: SyncOptions = {},
  ) {
    this.limits = { ...SYNC_LIMITS, ...options.limits };
    this.opts = {
      debounceMs: options.debounceMs ?? 2000,
      maxWaitMs: options.maxWaitMs ?? 10_000,
      retryMs: options.retryMs ?? 30_000,
      tombstoneTtlMs: options.tombstoneTtlMs ?? TOMBSTONE_TTL_MS,
      reserveBytes: options.reserveBytes ?? 4096,
      reserveItems: options.reserveItems ?? 8,
      writeShare: options.writeShare ?? 0.5,
    };
    const share = this.opts.writeShare;
    this.budget = new WriteBudget([
      { ms: 60_000, max: Math.max(2, Math.floor(this.limits.MAX_WRITE_OPERATIONS_PER_MINUTE * share)) },
      { ms: 3_600_000, max: Math.max(2, Math.floor(this.limits.MAX_WRITE_OPERATIONS_PER_HOUR * share)) },
    ]);
    this.retryDelay = this.opts.retryMs;
  }

  status(): SyncStatus {
    const pending = new Set([...this.touched.keys(), ...this.unwritten]);
    const status: SyncStatus = {
      synced: this.last.synced.filter((id) => !pending.has(id)),
      partial: this.last.partial.filter((id) => !pending.has(id)),
      localOnly: this.last.localOnly.filter((id) => !pending.has(id)),
      pending: [...pending].sort(),
    };
    if (this.last.lastError !== undefined) status.lastError = this.last.lastError;
    if (this.last.lastSyncAt !== undefined) status.lastSyncAt = this.last.lastSyncAt;
    return status;
  }

  /** A local change to `quoteId`: mirror it after the debounce. */
  touch(quoteId: string): void {
    this.touched.set(quoteId, ++this.seq);
    this.schedule();
  }

  /** Flushes after `debounceMs` of quiet, or `maxWaitMs` after the first change at the latest. */
  schedule(): void {
    const now = this.host.now();
    this.firstChangeAt ??= now;
    const at = Math.min(now + this.opts.debounceMs, this.firstChangeAt + this.opts.maxWaitMs);
    this.setTimer(at - now, true);
  }

  /** Writes what local holds to sync now (after merging sync in). Runs one at a time. */
  flush(): Promise<SyncStatus> {
    if (this.queued) return this.queued;
    const run = this.current.then(async () => {
      this.queued = undefined;
      const status = await this.flushOnce();
      await this.host.publish?.(status).catch(() => undefined);
      return status;
    });
    this.queued = run;
    this.current = run.catch(() => undefined);
    return run;
  }

  /** Merges what sync holds into local storage (call on storage.sync changes). */
  async pull(): Promise<void> {
    const remote = await this.sync.get(null);
    await this.absorb(remote);
    // Local may know more than sync did (or sync dropped an entry for room): let a flush settle it.
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setTimer(delay: number, replace: boolean): void {
    if (this.disposed) return;
    const at = this.host.now() + Math.max(0, delay);
    if (this.timer !== undefined) {
      if (!replace && this.timerAt <= at) return;
      clearTimeout(this.timer);
    }
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      void this.flush().catch(() => undefined);
    }, Math.max(0, delay));
  }

  private async absorb(remote: Record<string, unknown>): Promise<void> {
    const records: StoredRecord[] = [];
    for (const [key, value] of Object.entries(remote)) {
      if (!key.startsWith(SYNC_PREFIX)) continue;
      const decoded = decodeItem(key, value);
      if (decoded.ok) records.push(decoded.record);
    }
    await this.host.absorb(records);
  }

  private fail(error: unknown, planned: string[]): SyncStatus {
    const message = error instanceof Error ? error.message : String(error);
    this.last = { ...this.last, lastError: message };
    for (const id of planned) this.unwritten.add(id);
    // A rate limit clears within its window; anything else backs off.
    let delay = this.retryDelay;
    if (/MAX_WRITE_OPERATIONS_PER_MINUTE/.test(message)) delay = 61_000;
    else if (/MAX_WRITE_OPERATIONS_PER_HOUR/.test(message)) delay = MAX_RETRY_MS;
    else this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
    if (/MAX_WRITE_OPERATIONS/.test(message)) this.blockedUntil = this.host.now() + delay;
    this.setTimer(delay, false);
    return this.status();
  }

  private async flushOnce(): Promise<SyncStatus> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    this.firstChangeAt = undefined;
    const seq = this.seq;
    let planned: string[] = [];
    try {
      const remote = await this.sync.get(null);
      await this.absorb(remote);
      const records = await this.host.records();
      const now = this.host.now();
      const plan = planSync({
        records,
        remote,
        limits: this.limits,
        reserveBytes: this.opts.reserveBytes,
        reserveItems: this.opts.reserveItems,
        now,
        tombstoneTtlMs: this.opts.tombstoneTtlMs,
      });
      if (plan.expired.length) await this.host.prune(plan.expired);

      const writes = Object.keys(plan.set);
      planned = writes.map((key) => key.slice(SYNC_PREFIX.length));
      this.last = { ...this.last, synced: plan.synced, partial: plan.partial, localOnly: plan.localOnly };
      const ops = (plan.remove.length ? 1 : 0) + (writes.length ? 1 : 0);
      const wait = ops ? Math.max(this.budget.waitFor(ops, now), this.blockedUntil - now) : 0;
      if (wait > 0) {
        // Over the write rate: keep the changes pending and come back when it allows.
        for (const id of planned) this.unwritten.add(id);
        this.setTimer(wait, false);
        return this.status();
      }
      // Removals first: they free room the new items may need.
      if (plan.remove.length) {
        this.budget.record(1, now);
        await this.sync.remove(plan.remove);
      }
      if (writes.length) {
        this.budget.record(1, now);
        await this.sync.set(plan.set);
      }
      this.unwritten.clear();
      for (const [id, at] of this.touched) if (at <= seq) this.touched.delete(id);
      this.retryDelay = this.opts.retryMs;
      this.last = { synced: plan.synced, partial: plan.partial, localOnly: plan.localOnly, lastSyncAt: now };
      return this.status();
    } catch (error) {
      return this.fail(error, planned);
    }
  }
}
