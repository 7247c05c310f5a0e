// Which remark? Quotes are indexed in MiniSearch by their concept tags and
// their words (Chinese, English, keywords, the host's question for context),
// all through the one shared tokenizer. A page is turned into a weighted query
// of its concepts plus the words it used for them, so an English page finds a
// Chinese remark through the shared concept ids.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { QuotePack, Quote } from '../pack/schema';
import { tokenize } from '../text/tokenize';

interface QuoteDoc {
  id: string;
  tags: string;
  keywords: string;
  zh: string;
  en: string;
  context: string;
}

export interface QuoteIndex {
  search: MiniSearch<QuoteDoc>;
  quotes: Map<string, Quote>;
}

const TEXT_FIELDS = ['keywords', 'zh', 'en', 'context'];

function fieldTokens(text: string, field?: string): string[] {
  return field === 'tags' ? text.split(' ') : tokenize(text);
}

export function buildQuoteIndex(pack: QuotePack): QuoteIndex {
  const questions = new Map(pack.answers.map((a) => [a.id, `${a.question.zh} ${a.question.en}`]));
  const search = new MiniSearch<QuoteDoc>({
    fields: ['tags', ...TEXT_FIELDS],
    tokenize: fieldTokens,
    // The tokenizer already folds and lowercases; MiniSearch must not change tokens.
    processTerm: (term) => term,
  });
  search.addAll(
    pack.quotes.map((q) => ({
      id: q.id,
      tags: q.tags.join(' '),
      keywords: [...q.keywords.en, ...q.keywords.zh].join(' '),
      zh: q.zh,
      en: q.en,
      context: questions.get(q.answer) ?? '',
    })),
  );
  return { search, quotes: new Map(pack.quotes.map((q) => [q.id, q])) };
}

export interface TopicQuery {
  /** Concept id → how much the page is about it (already damped). */
  concepts: Map<string, number>;
  /** Words the page used for those concepts, with the same weights. */
  words: Map<string, number>;
}

export interface RankedQuote {
  quote: Quote;
  score: number;
  /** Concepts shared by the page and the remark, the page's main ones first. */
  concepts: string[];
}

export interface RankOptions {
  limit?: number;
  /** Quote id → score multiplier, e.g. 0.3 for a remark the reader marked not relevant. */
  adjust?: ReadonlyMap<string, number>;
}

const WORD_BOOST = 0.35;

export function rankQuotes(index: QuoteIndex, query: TopicQuery, options: RankOptions = {}): RankedQuote[] {
  const conceptIds = [...query.concepts.keys()];
  if (conceptIds.length === 0) return [];
  const wordTerms = new Map<string, number>();
  for (const [word, weight] of query.words) {
    for (const token of tokenize(word)) wordTerms.set(token, Math.max(wordTerms.get(token) ?? 0, weight));
  }
  const results: SearchResult[] = index.search.search({
    combineWith: 'OR',
    queries: [
      {
        queries: [conceptIds.join(' ')],
        fields: ['tags'],
        tokenize: (text: string) => text.split(' '),
        boostTerm: (term: string) => query.concepts.get(term) ?? 0,
      },
      {
        queries: [[...wordTerms.keys()].join(' ')],
        fields: TEXT_FIELDS,
        tokenize: (text: string) => text.split(' ').filter(Boolean),
        boostTerm: (term: string) => WORD_BOOST * (wordTerms.get(term) ?? 0),
      },
    ],
  });
  const ranked = results.map((result) => {
    const quote = index.quotes.get(result.id as string)!;
    const shared = quote.tags.filter((tag) => query.concepts.has(tag));
    shared.sort((a, b) => query.concepts.get(b)! - query.concepts.get(a)!);
    return { quote, score: result.score * (options.adjust?.get(quote.id) ?? 1), concepts: shared };
  });
  ranked.sort((a, b) => b.score - a.score);
  return ranked.slice(0, options.limit ?? 3);
}
