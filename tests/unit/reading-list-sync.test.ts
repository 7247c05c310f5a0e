import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quotePack } from '../../lib/engine-data';
import { itemBytes, type SyncLimits } from '../../lib/reading-list/area';
import { MemoryArea } from '../../lib/reading-list/memory-area';
import { openReadingList, type ReadingList } from '../../lib/reading-list/store';
import { TOMBSTONE_TTL_MS, type SyncOptions } from '../../lib/reading-list/sync';

const ids = quotePack.quotes.map((q) => q.id);
const [a, b, c] = ids;
const page = { title: 'On scaling', url: 'https://example.org/scaling' };

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2024-06-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

const opened: ReadingList[] = [];
afterEach(() => opened.splice(0).forEach((list) => list.close()));

function syncArea(limits: Partial<SyncLimits> = {}) {
  return new MemoryArea({ quota: limits, interleave: 'microtasks' });
}

async function browser(sync: MemoryArea, options: SyncOptions = {}, local = new MemoryArea({ interleave: 'microtasks' })) {
  const list = await openReadingList({ local, sync, knownQuoteIds: ids, syncOptions: options });
  opened.push(list);
  return Object.assign(list, { storage: local });
}

const ourKeys = (area: MemoryArea) => Object.keys(area.snapshot()).filter((k) => k.startsWith('rs:'));

describe('reading list: mirroring to storage.sync', () => {
  it('mirrors entries as compact per-entry items, debounced into one write', async () => {
    const sync = syncArea();
    const list = await browser(sync, { debounceMs: 2000 });
    await list.save(a, page);
    vi.setSystemTime(Date.now() + 10);
    await list.save(b);
    await list.setNote(b, 'short note');
    await vi.advanceTimersByTimeAsync(1000);
    expect(ourKeys(sync)).toEqual([]);
    expect((await list.syncStatus()).pending).toEqual([a, b].sort());
    await vi.advanceTimersByTimeAsync(1500);
    const status = await list.flush();
    expect(ourKeys(sync).sort()).toEqual([`rs:${a}`, `rs:${b}`].sort());
    expect(sync.calls.set).toBe(1);
    expect(status).toMatchObject({ synced: [b, a], partial: [], localOnly: [], pending: [] });
    expect(status.lastError).toBeUndefined();
    const item = sync.snapshot()[`rs:${b}`];
    expect(item).toMatchObject({ v: 2, n: 'short note' });
    expect(itemBytes(`rs:${b}`, item)).toBeLessThan(200);
  });

  it('mirrors a note too long for one item cut to fit, and reports the entry as not fully synced', async () => {
    const sync = syncArea();
    const list = await browser(sync);
    const long = '我相信基于神经网络的AI模型是可解释的。<'.repeat(400); // ~16 KB of UTF-8
    await list.setNote(a, long);
    const status = await list.flush();
    const item = sync.snapshot()[`rs:${a}`] as { n: string; nc?: number };
    expect(itemBytes(`rs:${a}`, item)).toBeLessThanOrEqual(8192);
    expect(itemBytes(`rs:${a}`, item)).toBeGreaterThan(7000);
    expect(item.nc).toBe(1);
    expect(long.startsWith(item.n)).toBe(true);
    expect(status.partial).toEqual([a]);
    expect(status.synced).toEqual([]);
    expect((await list.get(a))?.note).toBe(long);
  });

  it('when sync runs out of items, the newest entries sync and the rest are local only', async () => {
    const limits = { MAX_ITEMS: 12 };
    const sync = syncArea(limits);
    await sync.set({ settings: { theme: 'dark' } });
    const list = await browser(sync, { limits, reserveItems: 1 });
    for (const id of ids.slice(0, 15)) {
      await list.save(id);
      vi.setSystemTime(Date.now() + 1000);
    }
    const status = await list.flush();
    // 12 items − 1 reserved − 1 for the settings = 10 entries.
    expect(status.synced).toEqual(ids.slice(5, 15).reverse());
    expect(status.localOnly).toEqual(ids.slice(0, 5).reverse());
    expect(status.lastError).toBeUndefined();
    expect(sync.snapshot().settings).toEqual({ theme: 'dark' });
    expect(await list.list()).toHaveLength(15);
  });

  it('when sync runs out of bytes, the newest entries sync and the rest are local only; other keys keep their room', async () => {
    const sync = syncArea();
    // Someone else's 80 KB of settings.
    for (let i = 0; i < 10; i++) await sync.set({ [`settings-${i}`]: 'x'.repeat(8000) });
    const list = await browser(sync);
    const note = '注'.repeat(1000); // 3 KB per entry
    for (const id of ids.slice(0, 10)) {
      await list.setNote(id, note);
      vi.setSystemTime(Date.now() + 1000);
    }
    const status = await list.flush();
    expect(status.lastError).toBeUndefined();
    expect(status.synced.length).toBeGreaterThan(2);
    expect(status.synced.length).toBeLessThan(10);
    expect(status.synced).toEqual(ids.slice(10 - status.synced.length, 10).reverse());
    expect([...status.synced, ...status.localOnly]).toEqual(ids.slice(0, 10).reverse());
    expect(sync.bytesInUse()).toBeLessThanOrEqual(102_400 - 4096);
    for (let i = 0; i < 10; i++) expect(sync.snapshot()[`settings-${i}`]).toBe('x'.repeat(8000));
  });

  it('keeps bursts under the write-rate limit', { timeout: 60_000 }, async () => {
    const sync = syncArea();
    let everFailed: string | undefined;
    const list = await browser(sync, { debounceMs: 50, maxWaitMs: 100, writeShare: 1 });
    // Two minutes of a reader typing into notes, a change every 100 ms.
    for (let i = 0; i < 1200; i++) {
      await list.setNote(ids[i % 20], `note ${i}`);
      if (i % 7 === 0) await list.unsave(ids[(i + 3) % 20]);
      await vi.advanceTimersByTimeAsync(100);
      everFailed ??= (await list.syncStatus()).lastError;
    }
    await vi.advanceTimersByTimeAsync(120_000);
    const status = await list.flush();
    expect(everFailed).toBeUndefined();
    expect(sync.peakWrites(60_000)).toBeLessThanOrEqual(120);
    expect(sync.peakWrites(60_000)).toBeGreaterThan(60);
    expect(status.pending).toEqual([]);
    expect(status.synced.length).toBe((await list.list()).length);
  });

  it('a quota error from sync loses nothing locally, is reported, and a later flush retries', async () => {
    const sync = syncArea();
    const list = await browser(sync, { retryMs: 30_000 });
    await list.save(a, page);
    sync.failWrites('QUOTA_BYTES quota exceeded', 1);
    const failed = await list.flush();
    expect(failed.lastError).toMatch(/QUOTA_BYTES quota exceeded/);
    expect(failed.pending).toEqual([a]);
    expect(failed.synced).toEqual([]);
    expect(await list.get(a)).toMatchObject({ quoteId: a, page });
    expect(ourKeys(sync)).toEqual([]);
    await vi.advanceTimersByTimeAsync(30_000);
    const retried = await list.flush();
    expect(retried.lastError).toBeUndefined();
    expect(retried.synced).toEqual([a]);
    expect(ourKeys(sync)).toEqual([`rs:${a}`]);
  });

  it('a rate-limit error waits for the next minute, keeping everything', async () => {
    const sync = syncArea();
    const list = await browser(sync);
    await list.save(a);
    sync.failWrites('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', 1);
    expect((await list.flush()).lastError).toMatch(/MAX_WRITE_OPERATIONS_PER_MINUTE/);
    await list.save(b);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(ourKeys(sync)).toEqual([]);
    await vi.advanceTimersByTimeAsync(32_000);
    expect(ourKeys(sync).sort()).toEqual([`rs:${a}`, `rs:${b}`].sort());
    expect((await list.syncStatus()).lastError).toBeUndefined();
  });

  it('publishes its status for the contexts that do not mirror', async () => {
    const sync = syncArea();
    const background = await browser(sync);
    const popup = await openReadingList({ local: background.storage, knownQuoteIds: ids });
    // The glue: the background hears every local change.
    background.storage.onChanged((changes) => void background.absorbLocalChanges(changes));
    await popup.save(a);
    await vi.advanceTimersByTimeAsync(0);
    expect((await background.syncStatus()).pending).toEqual([a]);
    await vi.advanceTimersByTimeAsync(2000);
    await background.flush();
    expect(await popup.syncStatus()).toMatchObject({ synced: [a], pending: [] });
  });
});

describe('reading list: merging what other browsers wrote', () => {
  async function twoBrowsers(options: SyncOptions = {}) {
    const sync = syncArea();
    return { sync, one: await browser(sync, options), two: await browser(sync, options) };
  }

  it('adds entries another browser saved', async () => {
    const { one, two } = await twoBrowsers();
    await one.save(a, page);
    await one.setNote(a, '你好');
    await one.flush();
    await two.pullSync();
    expect(await two.list()).toEqual(await one.list());
  });

  it('carries removals as tombstones, and prunes them after 30 days', async () => {
    const { sync, one, two } = await twoBrowsers();
    await one.save(a);
    await one.save(b);
    await one.flush();
    await two.pullSync();
    await two.unsave(a);
    await two.flush();
    expect(sync.snapshot()[`rs:${a}`]).toMatchObject({ x: expect.any(Number) });
    await one.pullSync();
    expect((await one.list()).map((e) => e.quoteId)).toEqual([b]);
    // A removed entry does not come back from a browser that had not heard of the removal.
    await one.flush();
    expect((await two.list()).map((e) => e.quoteId)).toEqual([b]);

    vi.setSystemTime(Date.now() + TOMBSTONE_TTL_MS + 1000);
    await one.flush();
    await two.flush();
    expect(ourKeys(sync)).toEqual([`rs:${b}`]);
    expect(Object.keys(one.storage.snapshot()).filter((k) => k.startsWith('rl:v2:'))).toEqual([`rl:v2:${b}`]);
    expect(Object.keys(two.storage.snapshot()).filter((k) => k.startsWith('rl:v2:'))).toEqual([`rl:v2:${b}`]);
  });

  it('an entry missing from sync is not a removal', async () => {
    const limits = { MAX_ITEMS: 2 };
    const sync = syncArea(limits);
    const one = await browser(sync, { limits, reserveItems: 0 });
    const two = await browser(sync, { limits, reserveItems: 0 });
    await two.save(c);
    vi.setSystemTime(Date.now() + 1000);
    await one.save(a);
    vi.setSystemTime(Date.now() + 1000);
    await one.save(b);
    await one.flush();
    await two.flush();
    // Only two fit: c, the oldest, is local only on browser two, and still there.
    expect((await two.list()).map((e) => e.quoteId)).toEqual([b, a, c]);
    expect((await two.syncStatus()).localOnly).toEqual([c]);
  });

  it('a restore on one browser brings the entry back on the others', async () => {
    const { one, two } = await twoBrowsers();
    await one.save(a, page);
    await one.setNote(a, 'keep this');
    await one.flush();
    await two.pullSync();
    vi.setSystemTime(Date.now() + 1000);
    const removed = (await one.unsave(a))!;
    await one.flush();
    await two.pullSync();
    expect(await two.get(a)).toBeUndefined();
    vi.setSystemTime(Date.now() + 1000);
    await one.restore(removed);
    await one.flush();
    await two.pullSync();
    expect(await two.get(a)).toEqual(removed);
  });

  it('resolves conflicting edits field by field, newest first', async () => {
    const { one, two } = await twoBrowsers();
    await one.save(a);
    await one.flush();
    await two.pullSync();
    vi.setSystemTime(Date.now() + 1000);
    await two.setNote(a, 'older note, from two');
    vi.setSystemTime(Date.now() + 1000);
    await one.setNote(a, 'newer note, from one');
    vi.setSystemTime(Date.now() + 1000);
    await two.save(a, page); // newer page, from two
    await two.flush();
    await one.flush();
    await two.pullSync();
    for (const list of [one, two]) expect(await list.get(a)).toMatchObject({ note: 'newer note, from one', page });
  });

  it('a cut note from sync never replaces the longer local note it is the start of', async () => {
    const { sync, one, two } = await twoBrowsers();
    const long = 'Scaling law 代表一个非常悲观的未来。'.repeat(500);
    await one.setNote(a, long);
    await one.flush();
    await two.pullSync();
    const copy = (await two.get(a))!;
    expect(copy.truncated).toEqual({ note: true });
    expect(long.startsWith(copy.note)).toBe(true);
    expect(copy.note.length).toBeLessThan(long.length);
    // Browser two writes its (cut) copy back; browser one keeps its whole note.
    await two.flush();
    await one.pullSync();
    await one.flush();
    expect((await one.get(a))?.note).toBe(long);
    expect((await one.get(a))?.truncated).toBeUndefined();
    expect((await one.syncStatus()).partial).toEqual([a]);
    // And a browser with an older, longer copy of the same note keeps it too.
    const noted = (await one.get(a))!.updatedAt;
    const three = await browser(sync);
    const later = Date.now();
    vi.setSystemTime(noted - 10_000);
    await three.setNote(a, long + ' (and an older ending)');
    vi.setSystemTime(later);
    await three.pullSync();
    expect((await three.get(a))?.note).toBe(long + ' (and an older ending)');
    // (A copy that does not start with the cut note is replaced by the newer note.)
    const four = await browser(sync);
    vi.setSystemTime(noted - 10_000);
    await four.setNote(a, 'something else, older');
    vi.setSystemTime(later);
    await four.pullSync();
    expect((await four.get(a))?.note).toBe((await two.get(a))?.note);
  });

  it('browsers that have merged stop writing (no ping-pong over cut notes)', async () => {
    const { sync, one, two } = await twoBrowsers();
    await one.setNote(a, '一'.repeat(3000) + 'ending one');
    await two.setNote(a, '一'.repeat(3000) + 'x ending two');
    await one.setNote(b, 'b');
    for (let round = 0; round < 3; round++) {
      await one.flush();
      await two.flush();
    }
    const writes = sync.writeLog.length;
    for (let round = 0; round < 5; round++) {
      await one.flush();
      await two.pullSync();
      await two.flush();
      await one.pullSync();
    }
    expect(sync.writeLog.length).toBe(writes);
    expect((await one.get(b))?.note).toBe('b');
    expect((await two.get(b))?.note).toBe('b');
  });

  it('mirrors remarks this pack does not know, for the browsers whose pack does', async () => {
    const sync = syncArea();
    const newer = await openReadingList({ local: new MemoryArea(), sync, knownQuoteIds: [...ids, 'a-newer-remark'] });
    opened.push(newer);
    await newer.save('a-newer-remark');
    await newer.flush();
    const older = await browser(sync);
    await older.pullSync();
    expect(await older.list()).toEqual([]);
    expect((await older.problems()).unknownQuotes).toEqual(['a-newer-remark']);
    await older.flush();
    expect(ourKeys(sync)).toEqual(['rs:a-newer-remark']);
  });
});
