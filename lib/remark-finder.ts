// What the toolbar popup shows: remarks found by search as you type, remarks
// related to the reader's page, or the remark of the day. Built once per popup
// (the index comes with the engine), so a keystroke costs one search.
import type { PageText } from './extract/page-text';
import { localDateKey } from './local-date';
import type { RemarkView } from './messages';
import type { Quote, QuotePack, Section } from './pack/schema';
import type { Engine } from './relevance/engine';
import { searchQuotes, type SearchFilters } from './relevance/search';
import { remarkView } from './remark-view';

export interface FoundRemark {
  remark: RemarkView;
  /** Index tokens the query matched, for highlighting (empty when browsing or related). */
  matched: string[];
}

export interface TopicOption {
  id: string;
  label: string;
}

export interface RemarkFinder {
  sections: readonly Section[];
  /** The concepts remarks are tagged with, labelled in `lang` ('zh' or 'en') and sorted by label. */
  topics(lang: 'zh' | 'en'): TopicOption[];
  /**
   * Remarks for a query, best first. An empty query with a section or topic
   * chosen lists that section's or topic's remarks in the interview's order;
   * with neither, nothing.
   */
  search(query: string, filters?: SearchFilters): FoundRemark[];
  /** Remarks on the page's topics, or null when the engine finds the page is not about them. */
  related(page: PageText, limit?: number): FoundRemark[] | null;
  /** One remark per calendar day (the reader's local date), the same all day. */
  ofTheDay(date: Date): RemarkView;
}

export const SEARCH_LIMIT = 30;
export const RELATED_LIMIT = 5;

/** FNV-1a: a small, stable hash, so consecutive days land far apart in the pack. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRemarkFinder(engine: Engine, pack: QuotePack): RemarkFinder {
  const sectionOfAnswer = new Map(pack.answers.map((a) => [a.id, a.section]));
  const sectionOf = (quote: Quote) => sectionOfAnswer.get(quote.answer) ?? '';
  const labels = new Map(engine.lexicon.concepts.map((c) => [c.id, c.label]));
  const tagged = [...new Set(pack.quotes.flatMap((q) => q.tags))].filter((id) => labels.has(id));
  const view = (quote: Quote, why: string[], score: number) => remarkView(pack, engine.lexicon, quote, why, score);

  return {
    sections: pack.sections,

    topics(lang) {
      const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
      return tagged.map((id) => ({ id, label: labels.get(id)![lang] })).sort((a, b) => collator.compare(a.label, b.label));
    },

    search(query, filters = {}) {
      const limit = filters.limit ?? SEARCH_LIMIT;
      const wanted = (quote: Quote) =>
        (!filters.section || sectionOf(quote) === filters.section) && (!filters.tag || quote.tags.includes(filters.tag));
      if (query.trim()) {
        return searchQuotes(engine.index, engine.lexicon, query, sectionOf, { ...filters, limit })
          .map((hit) => ({
            remark: view(
              hit.quote,
              hit.quote.tags.filter((tag) => hit.matched.includes(tag)),
              hit.score,
            ),
            matched: hit.matched,
          }));
      }
      if (!filters.section && !filters.tag) return [];
      return pack.quotes
        .filter(wanted)
        .slice(0, limit)
        .map((quote) => ({ remark: view(quote, filters.tag ? [filters.tag] : [], 0), matched: [] }));
    },

    related(page, limit = RELATED_LIMIT) {
      const analysis = engine.analyze(page, { limit });
      if (!analysis.show) return null;
      return analysis.quotes.map((ranked) => ({ remark: view(ranked.quote, ranked.concepts, ranked.score), matched: [] }));
    },

    ofTheDay(date) {
      const quote = pack.quotes[hash(localDateKey(date)) % pack.quotes.length]!;
      return view(quote, [], 0);
    },
  };
}
