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
      // The first tag is what the remark is mainly about: it counts twice.
      tags: [q.tags[0], ...q.tags].join(' '),
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

// Words only break ties between remarks on the same concepts.
const WORD_WEIGHT = 0.15;

/**
 * BM25 sums per document for one query. MiniSearch multiplies each score by
 * the number of query terms matched; that is undone here, so a remark that
 * happens to share many common words cannot outrank one on the page's topic.
 */
function rawScores(
  index: QuoteIndex,
  terms: Map<string, number>,
  fields: string[],
  bm25?: { k: number; b: number; d: number },
): Map<string, number> {
  const scores = new Map<string, number>();
  if (terms.size === 0) return scores;
  const results: SearchResult[] = index.search.search([...terms.keys()].join(' '), {
    fields,
    tokenize: (text: string) => text.split(' '),
    boostTerm: (term: string) => terms.get(term) ?? 0,
    ...(bm25 && { bm25 }),
  });
  for (const result of results) scores.set(result.id as string, result.score / Math.max(1, result.terms.length));
  return scores;
}

export function rankQuotes(index: QuoteIndex, query: TopicQuery, options: RankOptions = {}): RankedQuote[] {
  if (query.concepts.size === 0) return [];
  const wordTerms = new Map<string, number>();
  for (const [word, weight] of query.words) {
    for (const token of tokenize(word)) wordTerms.set(token, Math.max(wordTerms.get(token) ?? 0, weight));
  }
  // No length normalization on tags: a remark on four topics is not a quarter as much about each.
  const byConcept = rawScores(index, query.concepts, ['tags'], { k: 1.2, b: 0, d: 0.5 });
  const byWords = rawScores(index, wordTerms, TEXT_FIELDS);
  const ranked: RankedQuote[] = [];
  for (const id of new Set([...byConcept.keys(), ...byWords.keys()])) {
    const quote = index.quotes.get(id)!;
    const shared = quote.tags.filter((tag) => query.concepts.has(tag));
    shared.sort((a, b) => query.concepts.get(b)! - query.concepts.get(a)!);
    const score = ((byConcept.get(id) ?? 0) + WORD_WEIGHT * (byWords.get(id) ?? 0)) * (options.adjust?.get(id) ?? 1);
    ranked.push({ quote, score, concepts: shared });
  }
  ranked.sort((a, b) => b.score - a.score);
  return ranked.slice(0, options.limit ?? 3);
}
