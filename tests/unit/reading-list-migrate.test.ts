import { describe, expect, it } from 'vitest';
import { quotePack } from '../../lib/engine-data';
import type { StorageArea } from '../../lib/reading-list/area';
import { MemoryArea } from '../../lib/reading-list/memory-area';
import { CURRENT_VERSION } from '../../lib/reading-list/migrate';
import { openReadingList } from '../../lib/reading-list/store';

const ids = quotePack.quotes.map((q) => q.id);
const [a, b, c] = ids;
const open = (local: StorageArea) => openReadingList({ local, knownQuoteIds: ids });

const v1List = () => [
  { id: a, savedAt: 1_700_000_000_000 },
  { id: b, savedAt: 1_700_000_100_000 },
  { id: b, savedAt: 1_700_000_050_000 }, // the same remark twice: the first save wins
  { id: 'Not a valid id', savedAt: 5 },
  { id: c },
  { id: 'saved-by-a-newer-pack', savedAt: 1_700_000_200_000 },
];

describe('reading list: schema migrations', () => {
  it('knows every version up to the current one', () => {
    expect(CURRENT_VERSION).toBe(2);
  });

  it('v0 (nothing stored): writes the meta record and nothing else', async () => {
    const local = new MemoryArea({ initial: { theme: 'dark' } });
    const list = await open(local);
    expect(list.migration).toMatchObject({ from: 0, to: 2 });
    expect(local.snapshot()).toEqual({ theme: 'dark', 'rl:meta': { version: 2 } });
  });

  it('v1 → v2: one key per entry, bad items set aside, unknown remarks kept, the old list removed', async () => {
    const local = new MemoryArea({ initial: { readingList: v1List() } });
    const list = await open(local);
    expect(list.migration).toEqual({ from: 1, to: 2, migrated: 3, setAside: 2 });
    const after = local.snapshot();
    expect(after.readingList).toBeUndefined();
    expect(after['rl:meta']).toEqual({ version: 2 });
    expect((await list.list()).map((e) => [e.quoteId, e.savedAt])).toEqual([
      [b, 1_700_000_050_000],
      [a, 1_700_000_000_000],
    ]);
    expect(await list.get(a)).toEqual({ quoteId: a, savedAt: 1_700_000_000_000, note: '', updatedAt: 1_700_000_000_000 });
    const problems = await list.problems();
    expect(problems.unknownQuotes).toEqual(['saved-by-a-newer-pack']);
    expect(problems.quarantined.map((p) => [p.from, p.value])).toEqual([
      ['readingList[3]', { id: 'Not a valid id', savedAt: 5 }],
      ['readingList[4]', { id: c }],
    ]);
    expect(problems.quarantined[1].reason).toMatch(/missing field savedAt/);
  });

  it('runs once: opening again changes nothing', async () => {
    const local = new MemoryArea({ initial: { readingList: v1List() } });
    await open(local);
    const once = local.snapshot();
    const again = await open(local);
    expect(again.migration).toMatchObject({ from: 2, to: 2, migrated: 0 });
    expect(local.snapshot()).toEqual(once);
  });

  it('is idempotent: a migration interrupted before removing the old list finishes without duplicating or undoing anything', async () => {
    const local = new MemoryArea({ initial: { readingList: v1List() } });
    const list = await open(local);
    await list.setNote(a, 'written after the migration');
    await list.unsave(b);
    // As if the last step had not happened: the old list is back.
    await local.set({ readingList: v1List() });
    const reopened = await open(local);
    expect(local.snapshot().readingList).toBeUndefined();
    expect((await reopened.list()).map((e) => [e.quoteId, e.note])).toEqual([[a, 'written after the migration']]);
    // The bad items are not set aside twice.
    expect((await reopened.problems()).quarantined).toHaveLength(2);
  });

  it('never deletes the old list before the new entries are written and read back', async () => {
    const log: string[] = [];
    const inner = new MemoryArea({ initial: { readingList: v1List() } });
    const spy: StorageArea = {
      get: async (keys) => {
        log.push(`get ${keys ? keys.join(',') : '*'}`);
        return inner.get(keys);
      },
      set: async (items) => {
        log.push(`set ${Object.keys(items).join(',')}`);
        return inner.set(items);
      },
      remove: async (keys) => {
        log.push(`remove ${keys.join(',')}`);
        return inner.remove(keys);
      },
    };
    await open(spy);
    const removal = log.indexOf('remove readingList');
    expect(removal).toBeGreaterThan(0);
    for (const id of [a, b]) {
      const written = log.indexOf(`set rl:v2:${id}`);
      const readBack = log.findIndex((line, i) => i > written && line.startsWith('get ') && line.includes(`rl:v2:${id}`));
      expect(written).toBeGreaterThanOrEqual(0);
      expect(readBack).toBeGreaterThan(written);
      expect(removal).toBeGreaterThan(readBack);
    }
  });

  it('keeps the old list when the new entries cannot be written', async () => {
    const inner = new MemoryArea({ initial: { readingList: v1List() } });
    const failing: StorageArea = {
      get: (keys) => inner.get(keys),
      set: async (items) => {
        if (Object.keys(items).some((k) => k.startsWith('rl:v2:'))) throw new Error('QUOTA_BYTES quota exceeded');
        return inner.set(items);
      },
      remove: (keys) => inner.remove(keys),
    };
    await expect(open(failing)).rejects.toThrow(/QUOTA_BYTES/);
    expect(inner.snapshot().readingList).toEqual(v1List());
  });

  it('keeps the old list when the new entries do not read back (storage dropped the write)', async () => {
    const inner = new MemoryArea({ initial: { readingList: v1List() } });
    const lying: StorageArea = {
      get: (keys) => inner.get(keys),
      set: async (items) => {
        const kept = Object.fromEntries(Object.entries(items).filter(([k]) => k !== `rl:v2:${b}`));
        return inner.set(kept);
      },
      remove: (keys) => inner.remove(keys),
    };
    await expect(open(lying)).rejects.toThrow(/did not read back/);
    expect(inner.snapshot().readingList).toEqual(v1List());
    // Once storage behaves, the next start finishes the job.
    const list = await open(inner);
    expect((await list.list()).map((e) => e.quoteId).sort()).toEqual([a, b].sort());
    expect(inner.snapshot().readingList).toBeUndefined();
  });

  it('a v1 value that is not a list is set aside whole, not deleted', async () => {
    const local = new MemoryArea({ initial: { readingList: '[{"id":"a","sav' } });
    const list = await open(local);
    expect(local.snapshot().readingList).toBeUndefined();
    expect((await list.problems()).quarantined).toMatchObject([{ from: 'readingList', value: '[{"id":"a","sav' }]);
    expect(local.snapshot()['rl:meta']).toEqual({ version: 2 });
  });

  it('v2 without its meta record (lost after a crash) is recognised as v2', async () => {
    const local = new MemoryArea();
    const list = await open(local);
    await list.save(a);
    await local.remove(['rl:meta']);
    const before = local.snapshot();
    const again = await open(local);
    expect(again.migration).toMatchObject({ from: 2, to: 2 });
    expect(local.snapshot()).toEqual({ ...before, 'rl:meta': { version: 2 } });
  });

  it('several tabs migrating at once end with the same, complete list', async () => {
    const local = new MemoryArea({ initial: { readingList: v1List() }, interleave: true, seed: 3 });
    const tabs = await Promise.all([open(local), open(local), open(local)]);
    expect((await tabs[2].list()).map((e) => e.quoteId).sort()).toEqual([a, b].sort());
    expect(local.snapshot().readingList).toBeUndefined();
    expect((await tabs[0].problems()).quarantined).toHaveLength(2);
  });
});
