import { describe, expect, it } from 'vitest';
import { quotePack } from '../../lib/engine-data';
import type { Entry } from '../../lib/reading-list/entry';
import { parseExport, toCsv, toJson, toMarkdown } from '../../lib/reading-list/export';
import { MemoryArea } from '../../lib/reading-list/memory-area';
import { openReadingList } from '../../lib/reading-list/store';

const ids = quotePack.quotes.map((q) => q.id);
const quote = quotePack.quotes[1];
const T = Date.parse('2024-06-01T08:00:00Z');
const entries: Entry[] = [
  {
    quoteId: quote.id,
    savedAt: T,
    updatedAt: T + 60_000,
    page: { title: 'AI is *infrastructure* [now]', url: 'https://example.org/a?b=1&c=2' },
    note: '像自来水一样。\nLine two, with "quotes", commas.',
  },
  { quoteId: quotePack.quotes[0].id, savedAt: T - 1000, updatedAt: T - 1000, note: '=HYPERLINK("http://evil")' },
  { quoteId: 'from-a-newer-pack', savedAt: T - 2000, updatedAt: T - 2000, note: '', page: { title: 'x', url: 'javascript:alert(1)' } },
];

/** A strict RFC 4180 reader, to check the writer against. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}`);
    else field += ch;
  }
  if (field || row.length) throw new Error('no CRLF after the last record');
  return rows;
}

describe('reading list: Markdown export', () => {
  const md = toMarkdown(entries, quotePack, T + 120_000);

  it('gives each remark in Chinese with its English translation marked as a translation', () => {
    expect(md).toContain(`> ${quote.zh}`);
    expect(md).toContain(`> *English translation:* ${quote.en}`);
  });

  it('cites the source in full', () => {
    const citation = md.split('\n').find((line) => line.startsWith('— ') && line.includes('section'))!;
    for (const part of ['田渊栋 Tian Yuandong', '甲子光年 Jiazi Guangnian', quotePack.source.title.zh, quotePack.source.title.en, '2024-05-28', 'section 1, 谈趋势 On trends']) {
      expect(citation).toContain(part);
    }
  });

  it('says where the remark was met and keeps the note, every line of it', () => {
    expect(md).toContain('- Met on: [AI is \\*infrastructure\\* \\[now\\]](<https://example.org/a?b=1&c=2>)');
    expect(md).toContain('> 像自来水一样。\n> Line two, with "quotes", commas.');
    expect(md).toContain('- Saved: 2024-06-01T08:00:00.000Z');
  });

  it('never turns a non-web address into a link, and names a remark the pack lacks', () => {
    expect(md).not.toContain('](<javascript:');
    expect(md).toContain('x (javascript:alert\\(1\\))');
    expect(md).toContain('This remark (from-a-newer-pack) is not in this version’s quote pack');
  });
});

describe('reading list: CSV export', () => {
  const csv = toCsv(entries, quotePack);

  it('is UTF-8 text with a BOM and CRLF line ends, so Excel reads the Chinese', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes fields by RFC 4180 and reads back field for field', () => {
    const rows = readCsv(csv.slice(1));
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
    const [header, first] = rows;
    const field = (name: string) => first[header.indexOf(name)];
    expect(field('Chinese (original)')).toBe(quote.zh);
    expect(field('English (translation)')).toBe(quote.en);
    expect(field('Note')).toBe('像自来水一样。\nLine two, with "quotes", commas.');
    expect(field('Page URL')).toBe('https://example.org/a?b=1&c=2');
    expect(field('Speaker')).toBe('田渊栋 Tian Yuandong');
    expect(field('Publication')).toBe('甲子光年 Jiazi Guangnian');
    expect(field('Date')).toBe('2024-05-28');
    expect(field('Section')).toBe('section 1, 谈趋势 On trends');
  });

  it('defuses cells Excel would run as formulas', () => {
    const rows = readCsv(csv.slice(1));
    expect(rows[2][rows[0].indexOf('Note')]).toBe(`'=HYPERLINK("http://evil")`);
  });
});

describe('reading list: JSON export and import', () => {
  it('round-trips', () => {
    const parsed = parseExport(toJson(entries, T + 120_000), T + 200_000);
    expect(parsed).toEqual({ ok: true, entries, exportedAt: T + 120_000 });
  });

  it('is versioned', () => {
    expect(JSON.parse(toJson(entries, T))).toMatchObject({ format: 'tian-quotes/reading-list', version: 2 });
  });

  async function listWithSome() {
    const local = new MemoryArea();
    let now = T + 300_000;
    const list = await openReadingList({ local, knownQuoteIds: ids, now: () => now });
    await list.save(ids[5], { title: 'Here', url: 'https://example.org/here' });
    await list.setNote(ids[5], 'local note');
    return Object.assign(list, { storage: local, setNow: (t: number) => (now = t) });
  }

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"format": "tian-quotes/reading-list", "entr', /not JSON/],
    ['someone else’s JSON', JSON.stringify({ bookmarks: [] }), /not a Tian Quotes reading list export/],
    ['an array', '[]', /not a Tian Quotes reading list export/],
    ['a newer version', JSON.stringify({ format: 'tian-quotes/reading-list', version: 3, exportedAt: new Date(T).toISOString(), entries: [] }), /newer version/],
    ['no entries', JSON.stringify({ format: 'tian-quotes/reading-list', version: 2, exportedAt: new Date(T).toISOString() }), /no "entries"/],
    [
      'one bad entry among good ones',
      toJson([entries[0], { ...entries[1], note: 7 } as unknown as Entry], T + 120_000),
      /Entry 2 \(“generative-models-skip-labelling”\) is not valid: note: expected a string/,
    ],
    ['an entry with a bad id', toJson([{ ...entries[0], quoteId: '<script>' }], T + 120_000), /Entry 1.*kebab-case/],
    ['an entry from the future', toJson([{ ...entries[0], updatedAt: T + 90 * 86_400_000 }], T + 120_000), /dated after the export/],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses ${what} with a clear message, changing nothing`, async () => {
      const list = await listWithSome();
      const before = list.storage.snapshot();
      const result = await list.importJson(text);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(message);
      expect(list.storage.snapshot()).toEqual(before);
    });
  }

  it('imports entries, and importing the same file twice adds nothing twice', async () => {
    const list = await listWithSome();
    const file = toJson(entries, T + 120_000);
    const first = await list.importJson(file);
    expect(first).toEqual({ ok: true, added: entries.map((e) => e.quoteId), updated: [], unchanged: 0 });
    const after = list.storage.snapshot();
    const second = await list.importJson(file);
    expect(second).toEqual({ ok: true, added: [], updated: [], unchanged: 3 });
    expect(list.storage.snapshot()).toEqual(after);
    const all = await list.list({ includeUnknown: true });
    expect(all).toHaveLength(4);
    expect(all.find((e) => e.quoteId === quote.id)).toEqual(entries[0]);
  });

  it('merges by quote id, newest field winning', async () => {
    const list = await listWithSome(); // ids[5] noted at T + 300 000
    const older = { quoteId: ids[5], savedAt: T - 5000, updatedAt: T, note: 'older note', page: { title: 'There', url: 'https://example.org/there' } };
    const before = (await list.get(ids[5]))!;
    expect(await list.importJson(toJson([older], T + 1000))).toMatchObject({ ok: true, updated: [], unchanged: 1 });
    expect(await list.get(ids[5])).toEqual(before);
    list.setNow(T + 500_000);
    const newer = { ...older, updatedAt: T + 400_000, note: 'newer note' };
    expect(await list.importJson(toJson([newer], T + 400_000))).toMatchObject({ ok: true, updated: [ids[5]] });
    expect(await list.get(ids[5])).toMatchObject({ note: 'newer note', page: { title: 'There' } });
  });

  it('brings back a remark removed after the export: importing is asking for it again', async () => {
    const list = await listWithSome();
    await list.unsave(ids[5]);
    const stale = { quoteId: ids[5], savedAt: T, updatedAt: T, note: 'x' };
    const file = toJson([stale], T + 1000);
    expect(await list.importJson(file)).toMatchObject({ ok: true, added: [ids[5]], unchanged: 0 });
    expect(await list.get(ids[5])).toMatchObject({ quoteId: ids[5], savedAt: T, note: 'x' });
    expect(await list.importJson(file)).toMatchObject({ ok: true, added: [], updated: [], unchanged: 1 });
  });
});
