// Search as you type over every remark (the toolbar popup, the omnibox). The
// same index and tokenizer as page ranking; Latin words get prefix and typo
// tolerance (Han bigrams do not: a "typo" in Chinese is another word), and the
// concept lexicon lets an English query find a remark worded only in Chinese.
import type { Query, SearchResult } from 'minisearch';
import type { Quote } from '../pack/schema';
import { isHanToken, tokenize } from '../text/tokenize';
import { countConcepts, type CompiledLexicon, type ConceptCount } from './lexicon';
import type { QuoteIndex } from './rank';

export interface SearchHit {
  quote: Quote;
  score: number;
  /** Indexed tokens that matched, for highlighting. */
  matched: string[];
}

export interface SearchFilters {
  section?: string;
  tag?: string;
  limit?: number;
}

const CONCEPT_BOOST = 2;

export function searchQuotes(
  index: QuoteIndex,
  lexicon: CompiledLexicon,
  text: string,
  sectionOf: (quote: Quote) => string,
  filters: SearchFilters = {},
): SearchHit[] {
  const tokens = tokenize(text);
  const counts = new Map<number, ConceptCount>();
  countConcepts(lexicon, text, 1, counts);
  const concepts = [...counts.keys()].map((i) => lexicon.concepts[i].id);
  if (tokens.length === 0 && concepts.length === 0) return [];
  const filter = (result: SearchResult) => {
    const quote = index.quotes.get(result.id as string)!;
    return (!filters.section || sectionOf(quote) === filters.section) && (!filters.tag || quote.tags.includes(filters.tag));
  };
  const query: Query = {
    combineWith: 'OR',
    queries: [
      {
        queries: [tokens.join(' ')],
        fields: ['keywords', 'zh', 'en', 'context'],
        boost: { keywords: 2, zh: 1.5, en: 1.5, context: 0.3 },
        tokenize: (q: string) => q.split(' ').filter(Boolean),
        // Only the word being typed (the last) is a prefix; typos only in longer Latin words.
        prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && !isHanToken(term),
        fuzzy: (term: string) => (!isHanToken(term) && term.length >= 5 ? 0.2 : false),
        combineWith: 'OR',
      },
      { queries: [concepts.join(' ')], fields: ['tags'], boost: { tags: CONCEPT_BOOST }, tokenize: (q: string) => q.split(' ').filter(Boolean) },
    ],
  };
  // MiniSearch takes `filter` from the options argument only, not from inside a query.
  const results = index.search.search(query, { filter });
  // Han queries: a remark must contain every bigram typed, or it is noise.
  const hanTokens = tokens.filter(isHanToken);
  return results
    .map((result) => ({ quote: index.quotes.get(result.id as string)!, score: result.score, matched: result.terms }))
    .filter((hit) => hanTokens.every((t) => hit.matched.includes(t)) || concepts.some((c) => hit.quote.tags.includes(c)))
    .slice(0, filters.limit ?? 50);
}
