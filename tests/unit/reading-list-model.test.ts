// The pieces under the reading list: the merge, the sync item codec, the
// write budget, and the in-memory area the other tests trust to behave like
// storage.sync.
import { describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { itemBytes, SYNC_LIMITS, type StorageArea } from '../../lib/reading-list/area';
import { hasNews, mergeRecords, sameRecord, type LiveRecord, type StoredRecord } from '../../lib/reading-list/entry';
import { MemoryArea } from '../../lib/reading-list/memory-area';
import { WriteBudget } from '../../lib/reading-list/rate-limit';
import { openReadingList } from '../../lib/reading-list/store';
import { decodeItem, encodeItem } from '../../lib/reading-list/sync-codec';

const live = (extra: Partial<LiveRecord> = {}): LiveRecord => ({
  v: 2,
  quoteId: 'q',
  savedAt: 100,
  updatedAt: 100,
  note: '',
  noteAt: 100,
  pageAt: 100,
  liveAt: 100,
  ...extra,
});

describe('merging two copies of an entry', () => {
  const samples: StoredRecord[] = [
    live(),
    live({ note: 'a', noteAt: 200, updatedAt: 200 }),
    live({ note: 'b', noteAt: 200, updatedAt: 200 }),
    live({ note: 'a long note', noteAt: 150, updatedAt: 150 }),
    live({ note: 'a lo', noteAt: 300, noteCut: true, updatedAt: 300 }),
    live({ page: { title: 't', url: 'https://x' }, pageAt: 250, updatedAt: 250, savedAt: 90 }),
    live({ liveAt: 500, savedAt: 120 }),
    { v: 2, quoteId: 'q', removedAt: 400 },
    { v: 2, quoteId: 'q', removedAt: 600 },
  ];

  it('is commutative and idempotent, so two browsers that exchange copies agree', () => {
    for (const x of samples) {
      expect(sameRecord(mergeRecords(x, x), x)).toBe(true);
      for (const y of samples) {
        const xy = mergeRecords(x, y);
        expect(xy).toEqual(mergeRecords(y, x));
        expect(mergeRecords(xy, y)).toEqual(xy);
      }
    }
  });

  it('is associative for saves, edits and removals (order of arrival does not matter)', () => {
    // Not the cut note (the prefix rule) nor the restore that brings old clocks back past a removal.
    const plain = [
      ...samples.filter((_, i) => i !== 4 && i !== 6),
      live({ savedAt: 700, updatedAt: 700, note: 'saved again', noteAt: 700, pageAt: 700, liveAt: 700 }),
    ];
    for (const x of plain) for (const y of plain) for (const z of plain) {
      expect(mergeRecords(mergeRecords(x, y), z)).toEqual(mergeRecords(x, mergeRecords(y, z)));
    }
  });

  it('keeps the newest value of each field', () => {
    const a = live({ note: 'new note', noteAt: 300, page: { title: 'old', url: 'u' }, pageAt: 100, updatedAt: 300 });
    const b = live({ note: 'old note', noteAt: 200, page: { title: 'new', url: 'v' }, pageAt: 250, updatedAt: 250, savedAt: 50 });
    expect(mergeRecords(a, b)).toMatchObject({ note: 'new note', page: { title: 'new' }, savedAt: 50, updatedAt: 300 });
  });

  it('lets a removal win over older saves, and a later save or restore win over the removal', () => {
    expect(mergeRecords(live({ liveAt: 300 }), { v: 2, quoteId: 'q', removedAt: 400 })).toEqual({ v: 2, quoteId: 'q', removedAt: 400 });
    expect(mergeRecords(live({ liveAt: 500 }), { v: 2, quoteId: 'q', removedAt: 400 })).toMatchObject({ liveAt: 500 });
  });

  it('never lets a cut note replace the longer note it starts', () => {
    const whole = live({ note: 'the whole note', noteAt: 100 });
    const cut = live({ note: 'the wh', noteCut: true, noteAt: 200 });
    expect(mergeRecords(whole, cut)).toMatchObject({ note: 'the whole note', noteAt: 200 });
    expect(mergeRecords(whole, cut)).not.toHaveProperty('noteCut');
    // A newer cut note that is not its start does replace it (the whole text is on the other browser).
    expect(mergeRecords(whole, live({ note: 'different', noteCut: true, noteAt: 200 }))).toMatchObject({ note: 'different', noteCut: true });
  });

  it('does not call a cut copy of what it knows news (no rewriting it back and forth)', () => {
    const whole = live({ note: 'the whole note', noteAt: 200 });
    expect(hasNews(whole, live({ note: 'the wh', noteCut: true, noteAt: 200 }))).toBe(false);
    expect(hasNews(whole, live({ note: 'the whole note', noteAt: 100 }))).toBe(true);
    expect(hasNews(whole, undefined)).toBe(true);
  });
});

describe('the sync item codec', () => {
  it('round-trips entries and tombstones', () => {
    const record = live({ note: '笔记', page: { title: 'T', url: 'https://e.org' }, pageAt: 150, updatedAt: 150 });
    const { key, value, cut } = encodeItem(record, SYNC_LIMITS.QUOTA_BYTES_PER_ITEM);
    expect(cut).toBe(false);
    expect(decodeItem(key, value)).toEqual({ ok: true, record });
    const tomb = { v: 2 as const, quoteId: 'q', removedAt: 9 };
    const encoded = encodeItem(tomb, 8192);
    expect(decodeItem(encoded.key, encoded.value)).toEqual({ ok: true, record: tomb });
  });

  it('always fits an item, whatever the note is made of', () => {
    for (const unit of ['a', '汉', '😀', '<', '\u2028', '"', '\n']) {
      const record = live({ note: unit.repeat(20_000), page: { title: unit.repeat(1000), url: 'https://e.org/' + 'x'.repeat(3000) } });
      const { key, value, cut } = encodeItem(record, 8192);
      expect(cut).toBe(true);
      expect(itemBytes(key, value)).toBeLessThanOrEqual(8192);
      const back = decodeItem(key, value);
      expect(back.ok && back.record).toMatchObject({ noteCut: true, pageCut: true, page: { url: '' } });
      expect(record.note.startsWith((back as { record: LiveRecord }).record.note)).toBe(true);
    }
  });

  it('leaves items from a newer format alone', () => {
    expect(decodeItem('rs:q', { v: 3, whatever: 1 })).toMatchObject({ ok: false, future: true });
    expect(decodeItem('rs:q', 'junk')).toMatchObject({ ok: false, future: false });
  });
});

describe('the write budget', () => {
  it('waits until the writes fit both the minute and the hour', () => {
    const budget = new WriteBudget([
      { ms: 60_000, max: 3 },
      { ms: 3_600_000, max: 5 },
    ]);
    budget.record(3, 0);
    expect(budget.waitFor(1, 1000)).toBeGreaterThan(58_000);
    expect(budget.waitFor(1, 60_001)).toBe(0);
    budget.record(2, 60_001);
    expect(budget.waitFor(1, 130_000)).toBeGreaterThan(3_400_000);
  });
});

describe('the in-memory area', () => {
  it('enforces storage.sync quotas with Chrome’s messages, writing nothing on failure', async () => {
    const area = new MemoryArea({ quota: { QUOTA_BYTES: 100, MAX_ITEMS: 2, MAX_WRITE_OPERATIONS_PER_MINUTE: 3 } });
    await expect(area.set({ big: 'x'.repeat(9000) })).rejects.toThrow('QUOTA_BYTES_PER_ITEM quota exceeded');
    await expect(area.set({ a: 'x'.repeat(60), b: 'y'.repeat(60) })).rejects.toThrow('QUOTA_BYTES quota exceeded');
    await expect(area.set({ a: 1, b: 2, c: 3 })).rejects.toThrow('MAX_ITEMS quota exceeded');
    expect(area.snapshot()).toEqual({});
    await area.set({ a: 1 });
    await area.set({ b: 1 });
    await area.remove(['a']);
    await expect(area.set({ c: 1 })).rejects.toThrow('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    expect(area.snapshot()).toEqual({ b: 1 });
  });

  it('reports changes like storage.onChanged', async () => {
    const area = new MemoryArea();
    const seen: unknown[] = [];
    area.onChanged((changes) => seen.push(changes));
    await area.set({ k: 1 });
    await area.set({ k: 1 });
    await area.remove(['k']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([{ k: { newValue: 1 } }, { k: { oldValue: 1 } }]);
  });

  it('has the shape of browser.storage.local and .sync (checked by tsc, run on WXT’s fake browser)', async () => {
    const realLocal: StorageArea | null = null as typeof browser.storage.local | null;
    const realSync: StorageArea | null = null as typeof browser.storage.sync | null;
    expect([realLocal, realSync]).toEqual([null, null]);
    const local: StorageArea = fakeBrowser.storage.local;
    const sync: StorageArea = fakeBrowser.storage.sync;
    fakeBrowser.reset();
    const list = await openReadingList({ local, sync, knownQuoteIds: ['a-remark'] });
    await list.save('a-remark', { title: 't', url: 'https://e.org' });
    expect(await list.flush()).toMatchObject({ synced: ['a-remark'] });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual(['rs:a-remark']);
    list.close();
  });
});
