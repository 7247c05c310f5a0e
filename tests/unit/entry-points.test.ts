import { describe, expect, it } from 'vitest';
import { quotePack, shippedEngine } from '../../lib/engine-data';
import {
  MAX_QUERY_CHARS,
  SUGGESTION_CHARS,
  escapeOmniboxXml,
  markQuery,
  omniboxSuggestions,
  parseOmniboxInput,
  renderDescription,
  searchPagePath,
  selectionQuery,
  shorten,
  suggestionContent,
} from '../../lib/entry-points';
import type { Quote } from '../../lib/pack/schema';
import { searchQuotes } from '../../lib/relevance/search';

const quote = (id: string): Quote => {
  const q = quotePack.quotes.find((x) => x.id === id);
  if (!q) throw new Error(`no quote ${id}`);
  return q;
};
const knownIds = new Set(quotePack.quotes.map((q) => q.id));

/** Chrome's check, roughly: the description must be well-formed XML with only <match>/<dim>/<url>. */
function parsesAsOmniboxXml(description: string): boolean {
  const withoutTags = description.replace(/<\/?(match|dim|url)>/g, '');
  const entities = withoutTags.replace(/&(amp|lt|gt|quot|apos);/g, '');
  return !/[<>&]/.test(entities);
}

describe('searchPagePath', () => {
  it('puts the query (and a remark) in the address, percent-encoded', () => {
    expect(searchPagePath('scaling law')).toBe('popup.html?q=scaling%20law');
    expect(searchPagePath(' 数据 & AI? ')).toBe(`popup.html?q=${encodeURIComponent('数据 & AI?')}`);
    expect(searchPagePath('scaling', 'scaling-law-pessimistic-future')).toBe('popup.html?q=scaling&remark=scaling-law-pessimistic-future');
    expect(searchPagePath('')).toBe('popup.html');
  });

  it('round-trips through URLSearchParams, as the popup reads it', () => {
    const params = new URL(`chrome-extension://x/${searchPagePath('a+b #c&d=e', 'r-1')}`).searchParams;
    expect(params.get('q')).toBe('a+b #c&d=e');
    expect(params.get('remark')).toBe('r-1');
  });
});

describe('selectionQuery', () => {
  it('collapses whitespace from a multi-line selection', () => {
    expect(selectionQuery('  scaling\n\n  law\t')).toBe('scaling law');
  });

  it('cuts a long selection without splitting a character', () => {
    const long = '😀'.repeat(MAX_QUERY_CHARS + 10);
    const query = selectionQuery(long);
    expect(Array.from(query)).toHaveLength(MAX_QUERY_CHARS);
    expect(query).toBe('😀'.repeat(MAX_QUERY_CHARS));
  });
});

describe('escapeOmniboxXml', () => {
  it('escapes the five XML entities', () => {
    expect(escapeOmniboxXml(`<b> & "q" 'a'`)).toBe('&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos;');
  });

  it('drops characters XML cannot hold, keeps the rest', () => {
    expect(escapeOmniboxXml('a\u0000b\u0007c\td 数据 😀')).toBe('abc\td 数据 😀');
  });
});

describe('markQuery', () => {
  const marked = (text: string, query: string) =>
    markQuery(text, query)
      .filter((s) => s.match)
      .map((s) => s.text);

  it('marks whole words that start with a typed word, case-insensitively', () => {
    expect(marked('Scaling law may be right, but scaling laws…', 'scal law')).toEqual(['Scaling', 'law', 'scaling', 'laws']);
  });

  it('marks Han bigrams of a Chinese query, and Traditional input finds Simplified text', () => {
    expect(marked('模型数据从哪来，数据怎么训练', '數據')).toEqual(['数据', '数据']);
  });

  it('leaves stopwords unmarked and keeps every character', () => {
    const segments = markQuery('The law of the land', 'the law');
    expect(segments.map((s) => s.text).join('')).toBe('The law of the land');
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['law']);
  });
});

describe('renderDescription', () => {
  const segments = [
    { text: 'AT&T <b>', match: false },
    { text: 'scaling', match: true },
    { text: " 'law'", match: false },
  ];

  it('Chrome: escaped XML with <match>', () => {
    expect(renderDescription(segments, 'xml')).toBe('AT&amp;T &lt;b&gt;<match>scaling</match> &apos;law&apos;');
  });

  it('Firefox: the plain text, unescaped', () => {
    expect(renderDescription(segments, 'plain')).toBe("AT&T <b>scaling 'law'");
  });
});

describe('shorten', () => {
  it('keeps short text and cuts long text at a word boundary with an ellipsis', () => {
    expect(shorten('short')).toBe('short');
    const long = 'word '.repeat(40).trim();
    const cut = shorten(long);
    expect(cut.length).toBeLessThanOrEqual(SUGGESTION_CHARS);
    expect(cut).toMatch(/word…$/);
  });

  it('cuts Chinese (no spaces) at the limit', () => {
    const cut = shorten('数'.repeat(150));
    expect(Array.from(cut)).toHaveLength(SUGGESTION_CHARS);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('suggestion content and parseOmniboxInput', () => {
  it('reads a chosen suggestion back as its query and remark', () => {
    const content = suggestionContent('scaling law ', 'scaling-law-pessimistic-future');
    expect(parseOmniboxInput(content, knownIds)).toEqual({ query: 'scaling law', remarkId: 'scaling-law-pessimistic-future' });
  });

  it('treats typed text as a query, even with a # that names no remark', () => {
    expect(parseOmniboxInput('  scaling law ', knownIds)).toEqual({ query: 'scaling law' });
    expect(parseOmniboxInput('C# #notaremark', knownIds)).toEqual({ query: 'C# #notaremark' });
  });
});

describe('omniboxSuggestions', () => {
  const engine = shippedEngine();
  const search = (q: string) => searchQuotes(engine.index, engine.lexicon, q, () => '', { limit: 5 }).map((h) => h.quote);

  it('suggests up to five remarks for "scaling", each marked and valid omnibox XML for Chrome', () => {
    const hits = search('scaling');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(5);
    const suggestions = omniboxSuggestions('scaling', hits, 'xml');
    expect(suggestions).toHaveLength(hits.length);
    expect(new Set(suggestions.map((s) => s.content)).size).toBe(suggestions.length);
    for (const s of suggestions) {
      expect(parsesAsOmniboxXml(s.description), s.description).toBe(true);
      expect(parseOmniboxInput(s.content, knownIds).query).toBe('scaling');
    }
    expect(suggestions.some((s) => /<match>scaling<\/match>/i.test(s.description))).toBe(true);
  });

  it('escapes quote text for Chrome and leaves it as is for Firefox', () => {
    const q = quote('generative-models-skip-labelling'); // its English has ' and “…”
    const [chrome] = omniboxSuggestions('data', [q], 'xml');
    const [firefox] = omniboxSuggestions('data', [q], 'plain');
    expect(chrome!.description).toContain('&apos;');
    expect(chrome!.description).toContain('<match>data</match>');
    expect(firefox!.description).not.toMatch(/<match>|&apos;/);
    expect(firefox!.description).toBe(shorten(q.en));
  });

  it('escapes a query that looks like markup', () => {
    const [s] = omniboxSuggestions('<match>data</match> & AI', [quote('generative-models-skip-labelling')], 'xml');
    expect(parsesAsOmniboxXml(s!.description)).toBe(true);
  });

  it('shows the Chinese original for a Chinese query', () => {
    const hits = search('数据');
    expect(hits.length).toBeGreaterThan(0);
    const [first] = omniboxSuggestions('数据', hits, 'plain');
    expect(first!.description).toBe(shorten(hits[0]!.zh));
    expect(omniboxSuggestions('数据', hits, 'xml')[0]!.description).toContain('<match>数据</match>');
  });
});
