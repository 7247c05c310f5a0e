// The popup's pure parts: search, related remarks and the remark of the day
// (lib/remark-finder.ts), and Save/Unsave that brings a note back (lib/saved-toggle.ts).
import { describe, expect, it } from 'vitest';
import { quotePack, shippedEngine } from '../../lib/engine-data';
import type { PageText } from '../../lib/extract/page-text';
import { MemoryArea } from '../../lib/reading-list/memory-area';
import { openReadingList } from '../../lib/reading-list';
import { createRemarkFinder, SEARCH_LIMIT } from '../../lib/remark-finder';
import { savedToggle } from '../../lib/saved-toggle';

const finder = createRemarkFinder(shippedEngine(), quotePack);
const ids = (found: { remark: { id: string } }[]) => found.map((f) => f.remark.id);
const sectionIdOf = (quoteId: string) => {
  const quote = quotePack.quotes.find((q) => q.id === quoteId)!;
  return quotePack.answers.find((a) => a.id === quote.answer)!.section;
};
const page = (title: string, body: string): PageText => ({ title, headings: [title], body, lang: 'en', truncated: false });

describe('search', () => {
  it('finds the remark on self-driving from an English query, though it is worded in Chinese and translation', () => {
    const found = finder.search('self-driving');
    expect(ids(found)).toContain('why-i-left-self-driving');
    const hit = found.find((f) => f.remark.id === 'why-i-left-self-driving')!;
    expect(hit.matched).toEqual(expect.arrayContaining(['self', 'driving']));
    expect(hit.remark.why.map((w) => w.id)).toContain('self-driving');
    expect(hit.remark.question.zh.length).toBeGreaterThan(0); // comes with its context for "Read in context"
  });

  it('finds an English remark from a concept word it does not contain (robotaxi → self-driving)', () => {
    expect(ids(finder.search('robotaxi'))).toContain('why-i-left-self-driving');
  });

  it('finds Chinese remarks from a Chinese query, every bigram present', () => {
    const found = finder.search('自动驾驶');
    expect(ids(found)).toContain('why-i-left-self-driving');
    for (const f of found) expect(f.matched).toEqual(expect.arrayContaining(['自动', '动驾', '驾驶']));
  });

  it('narrows by section and by topic', () => {
    const all = finder.search('数据');
    const section = sectionIdOf(all[0]!.remark.id);
    const inSection = finder.search('数据', { section });
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection.length).toBeLessThan(all.length);
    for (const f of inSection) expect(sectionIdOf(f.remark.id)).toBe(section);
    const onTopic = finder.search('数据', { tag: 'synthetic-data' });
    expect(onTopic.length).toBeGreaterThan(0);
    for (const f of onTopic) expect(quotePack.quotes.find((q) => q.id === f.remark.id)!.tags).toContain('synthetic-data');
  });

  it('with an empty query lists a chosen section or topic in the interview order, and nothing without one', () => {
    expect(finder.search('')).toEqual([]);
    expect(finder.search('   ')).toEqual([]);
    const section = quotePack.sections[1]!.id;
    const listed = ids(finder.search('', { section }));
    const expected = quotePack.quotes.filter((q) => sectionIdOf(q.id) === section).map((q) => q.id).slice(0, SEARCH_LIMIT);
    expect(listed).toEqual(expected);
    expect(ids(finder.search('', { tag: 'self-driving' })).sort()).toEqual(
      quotePack.quotes.filter((q) => q.tags.includes('self-driving')).map((q) => q.id).sort(),
    );
  });

  it('finds nothing for gibberish', () => {
    expect(finder.search('xyzzyqq')).toEqual([]);
  });
});

describe('topics', () => {
  it('offers each concept remarks are tagged with once, labelled and sorted in the UI language', () => {
    const tagged = new Set(quotePack.quotes.flatMap((q) => q.tags));
    const en = finder.topics('en');
    expect(new Set(en.map((t) => t.id))).toEqual(tagged);
    expect(en.map((t) => t.label)).toEqual([...en.map((t) => t.label)].sort(new Intl.Collator('en').compare));
    const zh = finder.topics('zh');
    expect(zh.find((t) => t.id === 'self-driving')!.label).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('related remarks and the remark of the day', () => {
  it('ranks remarks for a page about AI', () => {
    const related = finder.related(
      page(
        'AI labs hit the data wall as scaling laws slow',
        'Large language models need ever more training data. Researchers say scaling laws are reaching a data wall; ' +
          'frontier labs turn to synthetic data while compute budgets keep growing. The scaling law may flatten.',
      ),
    );
    expect(related).not.toBeNull();
    expect(related!.length).toBeGreaterThan(0);
    expect(related!.flatMap((f) => f.remark.why.map((w) => w.id))).toEqual(expect.arrayContaining(['scaling-law']));
  });

  it('returns null for a page that is not about AI', () => {
    expect(finder.related(page('Braised short ribs', 'Brown the ribs, add onions, wine and stock, and braise for three hours.'))).toBeNull();
  });

  it('picks the same remark all day and another on most other days', () => {
    const morning = finder.ofTheDay(new Date(2025, 2, 14, 0, 5));
    expect(finder.ofTheDay(new Date(2025, 2, 14, 23, 55)).id).toBe(morning.id);
    const week = Array.from({ length: 7 }, (_, i) => finder.ofTheDay(new Date(2025, 2, 14 + i, 12)).id);
    expect(new Set(week).size).toBeGreaterThanOrEqual(5);
    expect(quotePack.quotes.map((q) => q.id)).toContain(morning.id);
  });
});

describe('savedToggle', () => {
  it('saves with the page, unsaves, and saving again brings back the note and page exactly', async () => {
    const list = await openReadingList({ local: new MemoryArea(), knownQuoteIds: quotePack.quotes.map((q) => q.id) });
    const toggle = savedToggle(list);
    const id = 'why-i-left-self-driving';
    const where = { title: 'Robotaxis expand', url: 'https://example.org/robotaxi' };
    expect(await toggle.toggle(id, where)).toBe(true);
    await list.setNote(id, 'my thoughts');
    const before = await list.get(id);
    expect(before).toMatchObject({ page: where, note: 'my thoughts' });
    expect(await toggle.toggle(id)).toBe(false);
    expect(await list.get(id)).toBeUndefined();
    expect(await toggle.toggle(id)).toBe(true);
    expect(await list.get(id)).toMatchObject({ page: where, note: 'my thoughts', savedAt: before!.savedAt });
  });
});
