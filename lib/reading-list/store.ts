// The reading list: save, remove, annotate, list, undo, import. Local storage
// holds the truth, one key per entry ("rl:v2:<quoteId>"), so tabs saving
// different remarks never write the same key; writes to one key go through a
// queue and each re-reads the key, so a save and a note never drop each other.
// Sync is a mirror of it (sync.ts), run by the instance that is given a sync area.
import { jsonCopy, type StorageArea, type StorageChanges } from './area';
import {
  checkEntry,
  checkPage,
  checkRecord,
  ENTRY_PREFIX,
  entryKey,
  fromEntry,
  isLive,
  isQuoteId,
  isTombstone,
  mergeRecords,
  QUARANTINE_PREFIX,
  sameRecord,
  toEntry,
  type Entry,
  type LiveRecord,
  type PageRef,
  type StoredRecord,
  type Tombstone,
} from './entry';
import { parseExport } from './export';
import { migrate, type MigrationReport } from './migrate';
import { newestFirst, type EntryOrder } from './order';
import { moveAside, readQuarantine, type QuarantinedProblem } from './quarantine';
import { KeyedQueue } from './queue';
import { SyncMirror, type SyncOptions, type SyncStatus } from './sync';

/** Where the instance that mirrors to sync publishes its status for the others (popup, pages). */
export const SYNC_STATUS_KEY = 'rl:sync-status';

export interface ReadingListOptions {
  local: StorageArea;
  /** Give it in one place only (the background): that instance mirrors to sync for all. */
  sync?: StorageArea;
  /** The quote ids this version's pack has; others are kept and reported, not dropped. */
  knownQuoteIds: Iterable<string>;
  now?: () => number;
  syncOptions?: SyncOptions;
}

export interface ListOptions {
  /** Default: newest saved first. See order.ts for the pack's order. */
  compare?: EntryOrder;
  /** Also list entries whose quote this version's pack lacks (for exports). */
  includeUnknown?: boolean;
}

export interface Problems {
  /** Stored values that could not be read, set aside with the reason. */
  quarantined: QuarantinedProblem[];
  /** Saved remarks this version's pack does not have (saved by a newer version elsewhere): kept and synced. */
  unknownQuotes: string[];
  /** Storage was written by a newer version of the extension: the list is read-only until it is updated. */
  newerVersion?: number;
}

export type ImportResult =
  | { ok: true; added: string[]; updated: string[]; unchanged: number }
  | { ok: false; error: string };

export type ReadingListErrorCode = 'invalid-quote-id' | 'invalid-page' | 'invalid-note' | 'invalid-entry' | 'newer-version';

export class ReadingListError extends Error {
  constructor(
    readonly code: ReadingListErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadingListError';
  }
}

interface Snapshot {
  records: Map<string, StoredRecord>;
  bad: { key: string; value: unknown; reason: string }[];
}

function readSnapshot(all: Record<string, unknown>): Snapshot {
  const snapshot: Snapshot = { records: new Map(), bad: [] };
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(ENTRY_PREFIX)) continue;
    const checked = checkRecord(key, value);
    if (checked.ok) snapshot.records.set(checked.value.quoteId, checked.value);
    else snapshot.bad.push({ key, value, reason: checked.reason });
  }
  return snapshot;
}

export class ReadingList {
  private readonly local: StorageArea;
  private readonly known: ReadonlySet<string>;
  private readonly now: () => number;
  private readonly queue = new KeyedQueue();
  private readonly mirror?: SyncMirror;
  /** Records removed by this instance, so restore() can put back their exact clocks too. */
  private readonly removed = new Map<string, LiveRecord>();
  private newerVersion?: number;
  migration?: MigrationReport;

  private constructor(options: ReadingListOptions) {
    this.local = options.local;
    this.known = new Set(options.knownQuoteIds);
    this.now = options.now ?? Date.now;
    if (options.sync) {
      this.mirror = new SyncMirror(
        options.sync,
        {
          records: async () => readSnapshot(await this.local.get(null)).records,
          absorb: (records) => this.absorb(records),
          prune: (tombstones) => this.prune(tombstones),
          now: this.now,
          publish: (status) => this.local.set({ [SYNC_STATUS_KEY]: status }),
        },
        options.syncOptions,
      );
    }
  }

  /** Migrates storage if needed, sets aside unreadable values, and starts mirroring. */
  static async open(options: ReadingListOptions): Promise<ReadingList> {
    const list = new ReadingList(options);
    list.migration = await migrate({
      local: list.local,
      now: list.now,
      mergeIn: (records) => list.absorb(records, true),
      moveAside: (from, value, reason, removeFrom) => moveAside(list.local, from, value, reason, list.now(), removeFrom),
    });
    if (list.migration.from > 2) list.newerVersion = list.migration.from;
    else await list.sweep();
    if (list.mirror && list.newerVersion === undefined) list.mirror.schedule();
    return list;
  }

  // ------------------------------------------------------------ reading

  async list(options: ListOptions = {}): Promise<Entry[]> {
    const { records } = readSnapshot(await this.local.get(null));
    const entries: Entry[] = [];
    for (const record of records.values()) {
      if (isLive(record) && (options.includeUnknown || this.known.has(record.quoteId))) entries.push(toEntry(record));
    }
    return entries.sort(options.compare ?? newestFirst);
  }

  async get(quoteId: string): Promise<Entry | undefined> {
    if (!isQuoteId(quoteId)) return undefined;
    const key = entryKey(quoteId);
    const checked = checkRecord(key, (await this.local.get([key]))[key]);
    return checked.ok && isLive(checked.value) ? toEntry(checked.value) : undefined;
  }

  /** What the page should tell the reader about: values set aside, remarks this version cannot show, a newer version's data. */
  async problems(): Promise<Problems> {
    if (this.newerVersion === undefined) await this.sweep();
    const all = await this.local.get(null);
    const { records } = readSnapshot(all);
    const problems: Problems = {
      quarantined: readQuarantine(all),
      unknownQuotes: [...records.values()].filter((r) => isLive(r) && !this.known.has(r.quoteId)).map((r) => r.quoteId).sort(),
    };
    if (this.newerVersion !== undefined) problems.newerVersion = this.newerVersion;
    return problems;
  }

  /** The reader has seen a set-aside value and lets it go. The only way one is ever deleted. */
  async dismissProblem(quarantineKey: string): Promise<void> {
    if (!quarantineKey.startsWith(QUARANTINE_PREFIX)) throw new Error(`${quarantineKey} is not a set-aside value`);
    await this.local.remove([quarantineKey]);
  }

  /**
   * What is and is not in sync. In an instance without a sync area, the
   * status the mirroring instance last published.
   */
  async syncStatus(): Promise<SyncStatus> {
    if (this.mirror) return this.mirror.status();
    const stored = (await this.local.get([SYNC_STATUS_KEY]))[SYNC_STATUS_KEY] as SyncStatus | undefined;
    return stored && Array.isArray(stored.synced) ? stored : { synced: [], partial: [], localOnly: [], pending: [] };
  }

  // ------------------------------------------------------------ writing

  /** Saves a remark. Saving it again keeps its savedAt and note; a page given replaces the page. */
  async save(quoteId: string, page?: PageRef): Promise<Entry> {
    this.checkId(quoteId);
    let where: PageRef | undefined;
    if (page !== undefined) {
      const checked = checkPage(page);
      if (!checked.ok) throw new ReadingListError('invalid-page', checked.reason);
      where = checked.value;
    }
    const record = await this.update(quoteId, (current, t) => {
      if (isLive(current)) {
        if (!where || (current.page?.title === where.title && current.page?.url === where.url && !current.pageCut)) return current;
        const pageAt = Math.max(t, current.pageAt + 1);
        return { ...current, page: where, pageAt, pageCut: undefined, updatedAt: Math.max(current.updatedAt, pageAt) };
      }
      return this.fresh(quoteId, current, t, { page: where });
    });
    return toEntry(record as LiveRecord);
  }

  /** Sets the note; a note on an unsaved remark saves it (the reader's words are not thrown away). */
  async setNote(quoteId: string, note: string): Promise<Entry> {
    this.checkId(quoteId);
    if (typeof note !== 'string') throw new ReadingListError('invalid-note', 'a note must be a string');
    const record = await this.update(quoteId, (current, t) => {
      if (!isLive(current)) return this.fresh(quoteId, current, t, { note });
      // The same text is no edit, even of a note that came cut: that must not pass for the whole note.
      if (current.note === note) return current;
      const noteAt = Math.max(t, current.noteAt + 1);
      return { ...current, note, noteAt, noteCut: undefined, updatedAt: Math.max(current.updatedAt, noteAt) };
    });
    return toEntry(record as LiveRecord);
  }

  /** Removes a remark; returns the removed entry (for undo with restore()), or undefined if it was not saved. */
  async unsave(quoteId: string): Promise<Entry | undefined> {
    this.checkId(quoteId);
    let removed: LiveRecord | undefined;
    await this.update(quoteId, (current, t) => {
      if (!isLive(current)) return current;
      removed = current;
      return { v: 2, quoteId, removedAt: Math.max(t, current.liveAt + 1) };
    });
    if (!removed) return undefined;
    this.removed.set(quoteId, removed);
    return toEntry(removed);
  }

  /** Undoes a removal: puts back the entry unsave() returned, savedAt, page and note as they were. */
  async restore(entry: Entry): Promise<Entry> {
    const checked = checkEntry(entry);
    if (!checked.ok) throw new ReadingListError('invalid-entry', checked.reason);
    const wanted = checked.value;
    const kept = this.removed.get(wanted.quoteId);
    const base = kept && JSON.stringify(toEntry(kept)) === JSON.stringify(toEntry(fromEntry(wanted))) ? kept : fromEntry(wanted);
    const record = await this.update(wanted.quoteId, (current, t) => {
      // Saved again meanwhile: keep the newer of each field.
      if (isLive(current)) return mergeRecords(current, base);
      // Alive again only if later than the removal, here and on every browser the removal reached.
      return { ...base, liveAt: Math.max(t, base.liveAt, (current?.removedAt ?? 0) + 1) };
    });
    this.removed.delete(wanted.quoteId);
    return toEntry(record as LiveRecord);
  }

  /**
   * Imports a file made by toJson() (export.ts). A bad or foreign file changes nothing
   * and says why. Entries merge by quote id, newest field wins, so importing
   * the same file twice adds nothing the second time. Importing is the reader
   * asking for these remarks: one removed since the export is saved again now.
   */
  async importJson(text: string): Promise<ImportResult> {
    const parsed = parseExport(text, this.now());
    if (!parsed.ok) return parsed;
    this.checkWritable();
    const incoming = new Map<string, StoredRecord>();
    for (const entry of parsed.entries) {
      // The entry was alive when exported; its clocks cannot be later than now.
      const now = this.now();
      const record = fromEntry(entry, Math.min(parsed.exportedAt, now));
      record.noteAt = record.pageAt = Math.min(entry.updatedAt, now);
      incoming.set(entry.quoteId, mergeRecords(incoming.get(entry.quoteId), record)!);
    }
    const keys = [...incoming.keys()].map(entryKey);
    return this.queue.run(keys, async () => {
      const stored = keys.length ? await this.local.get(keys) : {};
      const writes: Record<string, StoredRecord> = {};
      const result = { ok: true as const, added: [] as string[], updated: [] as string[], unchanged: 0 };
      for (const [id, record] of incoming) {
        const current = await this.readOrSetAside(entryKey(id), stored[entryKey(id)]);
        const wanted = current && isTombstone(current) ? { ...(record as LiveRecord), liveAt: Math.max(this.now(), current.removedAt + 1) } : record;
        const merged = mergeRecords(current, wanted)!;
        // Only what the reader would see counts; a newer clock on the same text is not worth a write.
        const visible = (r: StoredRecord | undefined) => (isLive(r) ? JSON.stringify(toEntry(r)) : undefined);
        if (visible(merged) === visible(current)) result.unchanged++;
        else {
          writes[entryKey(id)] = merged;
          (isLive(current) ? result.updated : result.added).push(id);
        }
      }
      // One set() call: the whole import lands, or (if storage refuses it) none of it.
      if (Object.keys(writes).length) await this.local.set(writes);
      for (const id of [...result.added, ...result.updated]) this.mirror?.touch(id);
      return result;
    });
  }

  // ------------------------------------------------------------ sync and other contexts

  /** Writes pending changes to sync now (for a "sync now" button, or before the background sleeps). */
  async flush(): Promise<SyncStatus> {
    return this.mirror ? this.mirror.flush() : this.syncStatus();
  }

  /** Call on storage.sync changes: merges what other browsers wrote into local. */
  async pullSync(): Promise<void> {
    await this.mirror?.pull();
  }

  /**
   * Call on storage.local changes. Another tab may have read a key before this
   * instance wrote it and written it back after, dropping this write; the
   * change event still carries the dropped value (oldValue), so it is merged
   * back in. Also mirrors other tabs' changes to sync.
   */
  async absorbLocalChanges(changes: StorageChanges): Promise<void> {
    const work: Promise<unknown>[] = [];
    for (const [key, { oldValue, newValue }] of Object.entries(changes)) {
      if (!key.startsWith(ENTRY_PREFIX)) continue;
      const id = key.slice(ENTRY_PREFIX.length);
      if (isQuoteId(id) && this.newerVersion === undefined) this.mirror?.touch(id);
      if (oldValue === undefined || newValue === undefined || this.newerVersion !== undefined) continue;
      const before = checkRecord(key, oldValue);
      const after = checkRecord(key, newValue);
      if (!before.ok || !after.ok || sameRecord(mergeRecords(before.value, after.value), after.value)) continue;
      work.push(this.update(id, (current) => mergeRecords(current, before.value)));
    }
    await Promise.all(work);
  }

  /** Resolves when every write started so far has finished. */
  async idle(): Promise<void> {
    await this.queue.idle();
  }

  /** Stops the sync timers (tests, or a page that goes away). */
  close(): void {
    this.mirror?.dispose();
  }

  // ------------------------------------------------------------ internals

  private checkId(quoteId: string): void {
    if (!isQuoteId(quoteId)) throw new ReadingListError('invalid-quote-id', `${JSON.stringify(quoteId)} is not a quote id`);
    this.checkWritable();
  }

  private checkWritable(): void {
    if (this.newerVersion !== undefined) {
      throw new ReadingListError('newer-version', `the reading list was saved by a newer version of the extension (v${this.newerVersion}); update it to make changes`);
    }
  }

  /** A new live record: later than any removal it follows, every field stamped now. */
  private fresh(quoteId: string, current: StoredRecord | undefined, t: number, fields: { note?: string; page?: PageRef }): LiveRecord {
    const at = Math.max(t, current && isTombstone(current) ? current.removedAt + 1 : 0);
    const record: LiveRecord = { v: 2, quoteId, savedAt: at, updatedAt: at, note: fields.note ?? '', noteAt: at, pageAt: at, liveAt: at };
    if (fields.page) record.page = fields.page;
    return record;
  }

  /** The record in a stored value; an unreadable value is set aside first, so no write ever replaces it unseen. */
  private async readOrSetAside(key: string, value: unknown): Promise<StoredRecord | undefined> {
    if (value === undefined) return undefined;
    const checked = checkRecord(key, value);
    if (checked.ok) return checked.value;
    await moveAside(this.local, key, value, checked.reason, this.now(), key);
    return undefined;
  }

  /**
   * The one way a key is written: in its queue, re-reading the key, applying
   * `change` to what is there now. `change` returning undefined removes the key.
   */
  private update(
    quoteId: string,
    change: (current: StoredRecord | undefined, now: number) => StoredRecord | undefined,
    touch = true,
  ): Promise<StoredRecord | undefined> {
    const key = entryKey(quoteId);
    return this.queue.run([key], async () => {
      const current = await this.readOrSetAside(key, (await this.local.get([key]))[key]);
      const next = change(current, this.now());
      if (next === undefined) {
        if (current !== undefined) await this.local.remove([key]);
      } else if (!sameRecord(next, current)) {
        await this.local.set({ [key]: jsonCopy(next) });
        if (touch) this.mirror?.touch(quoteId);
      }
      return next;
    });
  }

  /** Merges records from elsewhere (sync, a migration) into local storage. */
  private async absorb(records: StoredRecord[], touch = false): Promise<void> {
    this.checkWritable();
    // One read to skip what local already knows; the queued update re-reads the rest.
    const { records: known } = readSnapshot(records.length ? await this.local.get(null) : {});
    const news = records.filter((record) => {
      const mine = known.get(record.quoteId);
      return !mine || !sameRecord(mergeRecords(mine, record), mine);
    });
    await Promise.all(news.map((record) => this.update(record.quoteId, (current) => mergeRecords(current, record), touch)));
  }

  /** Forgets tombstones past their time, unless the key changed meanwhile. */
  private async prune(tombstones: Tombstone[]): Promise<void> {
    await Promise.all(
      tombstones.map((t) =>
        this.update(t.quoteId, (current) => (current && isTombstone(current) && current.removedAt === t.removedAt ? undefined : current), false),
      ),
    );
  }

  /** Sets aside every unreadable value under the entry prefix. */
  private async sweep(): Promise<void> {
    const { bad } = readSnapshot(await this.local.get(null));
    await Promise.all(
      bad.map(({ key }) => this.queue.run([key], async () => this.readOrSetAside(key, (await this.local.get([key]))[key]))),
    );
  }
}

/** Opens the reading list over the two storage areas. */
export function openReadingList(options: ReadingListOptions): Promise<ReadingList> {
  return ReadingList.open(options);
}
