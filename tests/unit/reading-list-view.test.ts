import { describe, expect, it } from 'vitest';
import { quotePack } from '../../lib/engine-data';
import type { Entry } from '../../lib/reading-list';
import { entryOrder, entrySync, exportFileName, filterEntries, isSortKey } from '../../lib/reading-list-view';

const [first, second, third] = quotePack.quotes;
const entry = (quoteId: string, savedAt: number, extra: Partial<Entry> = {}): Entry => ({ quoteId, savedAt, updatedAt: savedAt, note: '', ...extra });
const entries = [
  entry(third!.id, 300, { note: 'Ask about Scaling at the reading group' }),
  entry(first!.id, 100, { page: { title: '規模定律 news', url: 'https://example.org/a' } }),
  entry(second!.id, 200),
];
const ids = (list: Entry[]) => list.map((e) => e.quoteId);

describe('orders', () => {
  it('sorts newest saved first, oldest first, or in the interview order', () => {
    expect(ids([...entries].sort(entryOrder('newest', quotePack)))).toEqual([third!.id, second!.id, first!.id]);
    expect(ids([...entries].sort(entryOrder('oldest', quotePack)))).toEqual([first!.id, second!.id, third!.id]);
    expect(ids([...entries].sort(entryOrder('interview', quotePack)))).toEqual([first!.id, second!.id, third!.id]);
    expect(isSortKey('interview')).toBe(true);
    expect(isSortKey('random')).toBe(false);
  });
});

describe('filterEntries', () => {
  it('keeps everything for an empty query', () => {
    expect(filterEntries(entries, quotePack, '  ')).toBe(entries);
  });

  it('searches notes and page titles, folding case, width and Traditional Chinese', () => {
    expect(ids(filterEntries(entries, quotePack, 'scaling GROUP'))).toEqual([third!.id]);
    expect(ids(filterEntries(entries, quotePack, '规模定律'))).toEqual([first!.id]);
    expect(ids(filterEntries(entries, quotePack, 'ｎｅｗｓ'))).toEqual([first!.id]);
  });

  it('searches the remark in both languages', () => {
    const zhWords = Array.from(second!.zh).slice(0, 4).join('');
    expect(ids(filterEntries(entries, quotePack, zhWords))).toContain(second!.id);
    const enWord = second!.en.split(/\s+/).find((w) => w.length > 6)!.replace(/\W/g, '');
    expect(ids(filterEntries(entries, quotePack, enWord))).toContain(second!.id);
    expect(filterEntries(entries, quotePack, 'zzqqxx')).toEqual([]);
  });
});

describe('entrySync and exportFileName', () => {
  it('tells where an entry stands with sync, pending first', () => {
    const status = { synced: ['a'], partial: ['b'], localOnly: ['c'], pending: ['a', 'd'] };
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => entrySync(status, id))).toEqual(['pending', 'partial', 'local-only', 'pending', 'unknown']);
  });

  it('names files by format and local date', () => {
    expect(exportFileName('markdown', new Date(2024, 5, 1, 23, 59))).toBe('tian-quotes-reading-list-2024-06-01.md');
    expect(exportFileName('csv', new Date(2024, 0, 9))).toBe('tian-quotes-reading-list-2024-01-09.csv');
    expect(exportFileName('json', new Date(2024, 0, 9))).toMatch(/\.json$/);
  });
});
