import { describe, expect, it } from 'vitest';
import { quotePack } from '../../lib/engine-data';
import { MemoryArea } from '../../lib/reading-list/memory-area';
import { openReadingList, ReadingListError } from '../../lib/reading-list/store';
import { toJson } from '../../lib/reading-list/export';

const ids = quotePack.quotes.map((q) => q.id);
const [good, wrongType, truncatedJson, future, missing, mismatched] = ids;
const T = 1_716_000_000_000;
const record = (quoteId: string, extra: object = {}) => ({
  v: 2,
  quoteId,
  savedAt: T,
  updatedAt: T,
  note: 'kept',
  noteAt: T,
  pageAt: T,
  liveAt: T,
  ...extra,
});

function corruptArea() {
  return new MemoryArea({
    initial: {
      'rl:meta': { version: 2 },
      [`rl:v2:${good}`]: record(good),
      [`rl:v2:${wrongType}`]: 42,
      [`rl:v2:${truncatedJson}`]: '{"v":2,"quoteId":"' + truncatedJson + '","savedAt":17',
      [`rl:v2:${future}`]: { ...record(future), v: 3, tags: ['x'] },
      [`rl:v2:${missing}`]: { v: 2, quoteId: missing, savedAt: T },
      [`rl:v2:${mismatched}`]: record(good),
      'rl:v2:remark-from-a-newer-pack': record('remark-from-a-newer-pack', { note: 'from the future' }),
      unrelated: { theme: 'dark' },
    },
  });
}

describe('reading list: corrupt stored values', () => {
  it('keeps the good entries and sets each broken value aside with its reason, verbatim', async () => {
    const local = corruptArea();
    const original = local.snapshot();
    const list = await openReadingList({ local, knownQuoteIds: ids });
    expect((await list.list()).map((e) => e.quoteId)).toEqual([good]);

    const problems = await list.problems();
    const byFrom = Object.fromEntries(problems.quarantined.map((p) => [p.from, p]));
    expect(Object.keys(byFrom).sort()).toEqual(
      [wrongType, truncatedJson, future, missing, mismatched].map((id) => `rl:v2:${id}`).sort(),
    );
    expect(byFrom[`rl:v2:${wrongType}`].reason).toMatch(/expected an object, found a number/);
    expect(byFrom[`rl:v2:${truncatedJson}`].reason).toMatch(/not valid JSON/);
    expect(byFrom[`rl:v2:${future}`].reason).toMatch(/newer version.*v3/);
    expect(byFrom[`rl:v2:${missing}`].reason).toMatch(/missing field updatedAt/);
    expect(byFrom[`rl:v2:${mismatched}`].reason).toMatch(/does not match its key/);

    // Nothing is lost: each value is in its quarantine key exactly as it was.
    const after = local.snapshot();
    for (const p of problems.quarantined) {
      expect(p.value).toEqual(original[p.from]);
      expect(after[p.key]).toMatchObject({ from: p.from, value: original[p.from], reason: p.reason });
      expect(after[p.from]).toBeUndefined();
    }
    expect(after.unrelated).toEqual({ theme: 'dark' });
  });

  it('keeps a remark this pack does not know, reports it separately and still exports it', async () => {
    const local = corruptArea();
    const list = await openReadingList({ local, knownQuoteIds: ids });
    const problems = await list.problems();
    expect(problems.unknownQuotes).toEqual(['remark-from-a-newer-pack']);
    expect(problems.quarantined.map((p) => p.from)).not.toContain('rl:v2:remark-from-a-newer-pack');
    expect(local.snapshot()['rl:v2:remark-from-a-newer-pack']).toEqual(record('remark-from-a-newer-pack', { note: 'from the future' }));
    const all = await list.list({ includeUnknown: true });
    expect(all.map((e) => e.quoteId).sort()).toEqual([good, 'remark-from-a-newer-pack'].sort());
    expect(toJson(all, T + 1)).toContain('from the future');
  });

  it('never writes over a broken value unseen: a save sets it aside first', async () => {
    const local = new MemoryArea();
    const list = await openReadingList({ local, knownQuoteIds: ids });
    await local.set({ [`rl:v2:${good}`]: ['not', 'an', 'entry'] });
    await list.save(good);
    expect((await list.get(good))?.quoteId).toBe(good);
    const { quarantined } = await list.problems();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ from: `rl:v2:${good}`, value: ['not', 'an', 'entry'], reason: expect.stringMatching(/array/) });
  });

  it('a second broken value from the same key gets its own quarantine key', async () => {
    const local = new MemoryArea();
    const list = await openReadingList({ local, knownQuoteIds: ids });
    await local.set({ [`rl:v2:${good}`]: 'garbage one' });
    await list.problems();
    await local.set({ [`rl:v2:${good}`]: 'garbage two' });
    const { quarantined } = await list.problems();
    expect(quarantined.map((p) => p.value).sort()).toEqual(['garbage one', 'garbage two']);
    expect(new Set(quarantined.map((p) => p.key)).size).toBe(2);
    // Sweeping again does not copy it a third time.
    expect((await list.problems()).quarantined).toHaveLength(2);
  });

  it('deletes a set-aside value only when the reader dismisses it', async () => {
    const local = corruptArea();
    const list = await openReadingList({ local, knownQuoteIds: ids });
    const [first, ...rest] = (await list.problems()).quarantined;
    await list.dismissProblem(first.key);
    expect((await list.problems()).quarantined.map((p) => p.key)).toEqual(rest.map((p) => p.key));
    await expect(list.dismissProblem(`rl:v2:${good}`)).rejects.toThrow(/not a set-aside value/);
    expect(await list.get(good)).toBeDefined();
  });

  it('a record stored as valid JSON text is read, not set aside', async () => {
    const local = new MemoryArea({ initial: { 'rl:meta': { version: 2 }, [`rl:v2:${good}`]: JSON.stringify(record(good)) } });
    const list = await openReadingList({ local, knownQuoteIds: ids });
    expect((await list.get(good))?.note).toBe('kept');
    expect((await list.problems()).quarantined).toEqual([]);
  });

  it('a corrupt meta record is set aside and rewritten; the entries stay', async () => {
    const local = new MemoryArea({ initial: { 'rl:meta': 'v2?', [`rl:v2:${good}`]: record(good) } });
    const list = await openReadingList({ local, knownQuoteIds: ids });
    expect(local.snapshot()['rl:meta']).toEqual({ version: 2 });
    expect((await list.problems()).quarantined).toMatchObject([{ from: 'rl:meta', value: 'v2?' }]);
    expect(await list.get(good)).toBeDefined();
  });

  it('storage written by a newer version is left untouched and read-only', async () => {
    const local = new MemoryArea({
      initial: { 'rl:meta': { version: 3 }, [`rl:v2:${good}`]: record(good), [`rl:v2:${wrongType}`]: 42, 'rl:v3:x': { anything: true } },
    });
    const before = local.snapshot();
    const list = await openReadingList({ local, knownQuoteIds: ids });
    expect((await list.list()).map((e) => e.quoteId)).toEqual([good]);
    const problems = await list.problems();
    expect(problems.newerVersion).toBe(3);
    await expect(list.save(missing)).rejects.toMatchObject({ code: 'newer-version' });
    await expect(list.save(missing)).rejects.toBeInstanceOf(ReadingListError);
    expect(local.snapshot()).toEqual(before);
  });
});
