import { describe, expect, it } from 'vitest';
import { quotePack } from '../../lib/engine-data';
import type { StorageArea } from '../../lib/reading-list/area';
import { MemoryArea } from '../../lib/reading-list/memory-area';
import { packOrder } from '../../lib/reading-list/order';
import { openReadingList, ReadingListError, type ReadingListOptions } from '../../lib/reading-list/store';

const ids = quotePack.quotes.map((q) => q.id);
const [first, second, third] = ids;
const page = { title: 'Scaling laws, explained', url: 'https://example.org/scaling' };

function clock(start = 1_716_000_000_000) {
  let t = start;
  return Object.assign(() => t, { advance: (ms: number) => (t += ms) });
}

function open(local: StorageArea, extra: Partial<ReadingListOptions> = {}) {
  return openReadingList({ local, knownQuoteIds: ids, ...extra });
}

describe('reading list: saving, notes, removal', () => {
  it('saves a remark once: saving again keeps savedAt and the note, and may update the page', async () => {
    const now = clock();
    const list = await open(new MemoryArea(), { now });
    const saved = await list.save(first, page);
    expect(saved).toEqual({ quoteId: first, savedAt: now(), page, note: '', updatedAt: now() });
    await list.setNote(first, 'read again');
    now.advance(5_000);
    const again = await list.save(first);
    expect(again.savedAt).toBe(saved.savedAt);
    expect(again.page).toEqual(page);
    expect(again.note).toBe('read again');
    const moved = await list.save(first, { title: 'Elsewhere', url: 'https://example.com/' });
    expect(moved.savedAt).toBe(saved.savedAt);
    expect(moved.page).toEqual({ title: 'Elsewhere', url: 'https://example.com/' });
    expect(moved.updatedAt).toBe(now());
    expect(await list.list()).toHaveLength(1);
  });

  it('keeps one key per entry, not a shared array', async () => {
    const local = new MemoryArea();
    const list = await open(local);
    await list.save(first);
    await list.save(second);
    const keys = Object.keys(local.snapshot()).sort();
    expect(keys).toEqual(['rl:meta', `rl:v2:${first}`, `rl:v2:${second}`].sort());
    expect(local.snapshot()['rl:meta']).toEqual({ version: 2 });
  });

  it('lists newest saved first by default, or in the order the UI passes', async () => {
    const now = clock();
    const list = await open(new MemoryArea(), { now });
    for (const id of [third, first, second]) {
      await list.save(id);
      now.advance(1000);
    }
    expect((await list.list()).map((e) => e.quoteId)).toEqual([second, first, third]);
    expect((await list.list({ compare: packOrder(quotePack) })).map((e) => e.quoteId)).toEqual([first, second, third]);
    const bySectionThenNewest = packOrder(quotePack);
    const last = ids[ids.length - 1];
    await list.save(last);
    const ordered = (await list.list({ compare: bySectionThenNewest })).map((e) => e.quoteId);
    expect(ordered.at(-1)).toBe(last);
  });

  it('removes, and restore puts back exactly the entry that was removed', async () => {
    const now = clock();
    const local = new MemoryArea();
    const list = await open(local, { now });
    await list.save(first, page);
    now.advance(1000);
    await list.setNote(first, '规模定律 — worth a second read');
    const before = await list.get(first);
    now.advance(1000);
    const removed = await list.unsave(first);
    expect(removed).toEqual(before);
    expect(await list.get(first)).toBeUndefined();
    expect(await list.list()).toEqual([]);
    now.advance(1000);
    expect(await list.restore(removed!)).toEqual(before);
    expect(await list.list()).toEqual([before]);
    // And the restore outlives the removal when records meet again (sync): it is newer.
    const stored = local.snapshot()[`rl:v2:${first}`] as { liveAt: number };
    expect(stored.liveAt).toBe(now());
  });

  it('restore works from a plain entry too (another tab removed it)', async () => {
    const local = new MemoryArea();
    const tabA = await open(local);
    const tabB = await open(local);
    await tabA.save(second, page);
    await tabA.setNote(second, 'n');
    const entry = (await tabA.get(second))!;
    await tabB.unsave(second);
    expect(await tabA.restore(entry)).toEqual(entry);
  });

  it('unsave of a remark that is not saved changes nothing', async () => {
    const local = new MemoryArea();
    const list = await open(local);
    const before = local.snapshot();
    expect(await list.unsave(first)).toBeUndefined();
    expect(local.snapshot()).toEqual(before);
  });

  it('a note on an unsaved remark saves it, and long notes are kept whole', async () => {
    const list = await open(new MemoryArea());
    const long = '读书笔记'.repeat(10_000);
    await list.setNote(third, long);
    expect((await list.get(third))?.note).toBe(long);
  });

  it('refuses ids and pages that are not well formed', async () => {
    const list = await open(new MemoryArea());
    await expect(list.save('Not An Id')).rejects.toBeInstanceOf(ReadingListError);
    await expect(list.save('../etc')).rejects.toThrow(/not a quote id/);
    await expect(list.save(first, { title: 1 } as never)).rejects.toThrow(/page.title/);
    await expect(list.setNote(first, 42 as never)).rejects.toThrow(/string/);
    expect(await list.list()).toEqual([]);
  });
});

describe('reading list: concurrent writers', () => {
  it('the test area really interleaves: a shared array loses saves (why v2 is one key per entry)', async () => {
    const area = new MemoryArea({ interleave: true, seed: 7 });
    await area.set({ readingList: [] });
    await Promise.all(
      ids.slice(0, 20).map(async (id) => {
        const { readingList } = (await area.get(['readingList'])) as { readingList: unknown[] };
        await area.set({ readingList: [...readingList, { id, savedAt: 1 }] });
      }),
    );
    const { readingList } = (await area.get(['readingList'])) as { readingList: unknown[] };
    expect(readingList.length).toBeLessThan(20);
  });

  it('20 tabs saving 20 different remarks at once keep all 20', async () => {
    for (const seed of [1, 2, 3]) {
      const local = new MemoryArea({ interleave: true, seed });
      const tabs = await Promise.all(ids.slice(0, 20).map(() => open(local)));
      await Promise.all(tabs.map((tab, i) => tab.save(ids[i], { title: `tab ${i}`, url: `https://example.org/${i}` })));
      const saved = await tabs[0].list();
      expect(saved.map((e) => e.quoteId).sort()).toEqual(ids.slice(0, 20).sort());
      expect(saved.find((e) => e.quoteId === ids[7])?.page?.title).toBe('tab 7');
    }
  });

  it('a save and a note on the same entry at the same moment keep both (one instance)', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const list = await open(new MemoryArea({ interleave: true, seed }));
      await Promise.all([list.save(first, page), list.setNote(first, 'mine'), list.save(second), list.setNote(second, 'also')]);
      expect(await list.get(first)).toMatchObject({ page, note: 'mine' });
      expect(await list.get(second)).toMatchObject({ note: 'also' });
      await list.save(first);
      await Promise.all([list.setNote(first, 'edited'), list.save(first, { title: 'Later', url: 'https://example.org/later' })]);
      expect(await list.get(first)).toMatchObject({ page: { title: 'Later' }, note: 'edited' });
    }
  });

  /** Makes the first two gets of a key wait for each other: two tabs both read before either writes. */
  function racingArea(inner: MemoryArea, key: string): StorageArea {
    let waiting: (() => void)[] = [];
    let raced = false;
    return {
      async get(keys) {
        if (!raced && keys?.length === 1 && keys[0] === key) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) {
              raced = true;
              waiting.forEach((r) => r());
              waiting = [];
            }
          });
        }
        return inner.get(keys);
      },
      set: (items) => inner.set(items),
      remove: (keys) => inner.remove(keys),
    };
  }

  it('two tabs writing one entry at once: the overwritten write comes back from the change event', async () => {
    async function race(absorb: boolean) {
      const inner = new MemoryArea();
      const setup = await open(inner);
      await setup.save(first);
      const area = racingArea(inner, `rl:v2:${first}`);
      const tabA = await open(area);
      const tabB = await open(area);
      const absorbed: Promise<void>[] = [];
      if (absorb) inner.onChanged((changes) => absorbed.push(tabA.absorbLocalChanges(changes), tabB.absorbLocalChanges(changes)));
      await Promise.all([tabA.save(first, page), tabB.setNote(first, 'from tab B')]);
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        await Promise.all(absorbed);
      }
      return tabA.get(first);
    }
    // Without the change events one write is lost (the race is real)…
    const lost = await race(false);
    expect(lost?.page === undefined || lost?.note === '').toBe(true);
    // …with them, both survive.
    expect(await race(true)).toMatchObject({ page, note: 'from tab B' });
  });
});
