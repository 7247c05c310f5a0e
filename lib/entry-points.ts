// The pure side of the browser entry points (context menu, omnibox): the
// search page's address, and omnibox suggestions built from search hits.
// Chrome parses an omnibox description as XML (and highlights <match>);
// Firefox shows it as plain text, so each is built for its browser.
import type { Quote } from './pack/schema';
import { foldText } from './text/fold';
import { isHanToken, tokenize } from './text/tokenize';

/** The toolbar popup's page; given ?q= (and &remark=) it opens on that search. */
export const SEARCH_PAGE = 'popup.html';

/** Longest query taken from a selection; a whole paragraph is not a search. */
export const MAX_QUERY_CHARS = 200;

/** The search page's path for a query, and optionally the remark to open. */
export function searchPagePath(query: string, remarkId?: string): `${typeof SEARCH_PAGE}${string}` {
  const q = query.trim();
  const params = [q && `q=${encodeURIComponent(q)}`, remarkId && `remark=${encodeURIComponent(remarkId)}`].filter(Boolean);
  return params.length ? `${SEARCH_PAGE}?${params.join('&')}` : SEARCH_PAGE;
}

/** Selected text as a query: whitespace collapsed, cut at MAX_QUERY_CHARS (not inside a surrogate pair). */
export function selectionQuery(selection: string): string {
  const collapsed = selection.replace(/\s+/g, ' ').trim();
  return Array.from(collapsed).slice(0, MAX_QUERY_CHARS).join('').trim();
}

export type OmniboxMarkup = 'xml' | 'plain';

export interface OmniboxSuggestion {
  content: string;
  description: string;
}

/** A span of description text; `match` when it matched the query. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Longest remark text shown in one suggestion line. */
export const SUGGESTION_CHARS = 100;

/** Escapes text for Chrome's omnibox XML, dropping characters XML 1.0 forbids. */
export function escapeOmniboxXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Segments as an omnibox description: XML with <match> for Chrome, plain text for Firefox. */
export function renderDescription(segments: Segment[], markup: OmniboxMarkup): string {
  if (markup === 'plain') return segments.map((s) => s.text).join('');
  return segments.map((s) => (s.match ? `<match>${escapeOmniboxXml(s.text)}</match>` : escapeOmniboxXml(s.text))).join('');
}

const HAN = /\p{Script=Han}/u;
const LATIN_WORDS = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Splits `text` into segments, marking what the query matched: Latin words that
 * start with a query word (search is as-you-type, so "scal" marks "scaling"),
 * and every occurrence of the query's Han bigrams.
 */
export function markQuery(text: string, query: string): Segment[] {
  const tokens = tokenize(query);
  const words = tokens.filter((t) => !isHanToken(t));
  const han = tokens.filter(isHanToken);
  const marked = new Array<boolean>(text.length).fill(false);
  if (words.length) {
    for (const m of text.matchAll(LATIN_WORDS)) {
      if (HAN.test(m[0])) continue;
      const word = foldText(m[0]).toLowerCase();
      if (words.some((w) => word.startsWith(w))) marked.fill(true, m.index, m.index + m[0].length);
    }
  }
  for (const gram of han) {
    for (let at = text.indexOf(gram); at !== -1; at = text.indexOf(gram, at + 1)) marked.fill(true, at, at + gram.length);
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.match === marked[i]) last.text += text[i];
    else segments.push({ text: text[i]!, match: marked[i]! });
  }
  return segments;
}

/** `text` cut to SUGGESTION_CHARS at a word boundary where there is one, with "…". */
export function shorten(text: string, max = SUGGESTION_CHARS): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A chosen suggestion's content: the query, then "#" and the remark id. */
export function suggestionContent(query: string, remarkId: string): string {
  return `${query.trim()} #${remarkId}`;
}

/** What the reader entered in the omnibox: a typed query, or a chosen suggestion (see suggestionContent). */
export function parseOmniboxInput(text: string, knownIds: ReadonlySet<string>): { query: string; remarkId?: string } {
  const chosen = /^(.*?)\s*#([\w-]+)$/.exec(text.trim());
  if (chosen && knownIds.has(chosen[2]!)) return { query: chosen[1]!, remarkId: chosen[2]! };
  return { query: text.trim() };
}

/**
 * Omnibox suggestions for search hits: each remark in the query's language
 * (Chinese when it has Han characters, else the English translation), shortened,
 * with the matched words marked where the browser can show it.
 */
export function omniboxSuggestions(query: string, quotes: readonly Quote[], markup: OmniboxMarkup): OmniboxSuggestion[] {
  const lang = HAN.test(query) ? 'zh' : 'en';
  return quotes.map((quote) => ({
    content: suggestionContent(query, quote.id),
    description: renderDescription(markQuery(shorten(quote[lang]), query), markup),
  }));
}
