// The relevance engine: page text in, a decision out. The content script's
// background, the `match` command and `npm run eval` all call `analyze`.
import type { PageText } from '../extract/page-text';
import type { QuotePack } from '../pack/schema';
import { compileLexicon, type CompiledLexicon, type Lexicon } from './lexicon';
import { judgeAiPage, profilePage, THRESHOLDS, type AiVerdict, type PageProfile } from './detect';
import { buildQuoteIndex, rankQuotes, type QuoteIndex, type RankedQuote, type RankOptions, type TopicQuery } from './rank';

export interface PageTopic {
  id: string;
  label: { en: string; zh: string };
  weight: number;
  terms: string[];
  /** The subset of `terms` that are unmistakable (worth marking on the page). */
  evidenceTerms: string[];
}

export interface Analysis {
  /** Whether a card should appear: the page is about AI and a remark fits. */
  show: boolean;
  verdict: AiVerdict;
  /** What the page is about, strongest first. */
  topics: PageTopic[];
  /** Best remarks first; empty when the page is not about AI. */
  quotes: RankedQuote[];
  /** 0..1: how sure the engine is of the first remark. */
  confidence: number;
}

export interface AnalyzeOptions extends RankOptions {
  /** Scales the bar for "about AI": below 1 shows cards more readily, above 1 less. */
  strictness?: number;
}

export interface Engine {
  lexicon: CompiledLexicon;
  index: QuoteIndex;
  analyze(page: PageText, options?: AnalyzeOptions): Analysis;
}

const AMBIGUOUS_TOPIC_WEIGHT = 0.5;
/**
 * A topic of ordinary words (not evidence of AI) that the page names with one word only,
 * however often: a company called "… Labs", 可靠性 said in passing. A page about a topic
 * names it in more than one way. Tuned on tests/pages/dev-* (any value up to 0.6 did the same there).
 */
const ONE_WORD_TOPIC_WEIGHT = 0.5;

function pageTopics(lexicon: CompiledLexicon, profile: PageProfile): PageTopic[] {
  const weighted = new Map<number, { weight: number; terms: Set<string>; evidenceTerms: Set<string> }>();
  const add = (counts: PageProfile['body'], factor: number) => {
    for (const [concept, count] of counts) {
      const entry = weighted.get(concept) ?? { weight: 0, terms: new Set<string>(), evidenceTerms: new Set<string>() };
      // An ambiguous word says less about the topic than an unmistakable term.
      entry.weight += factor * (count.evidence + AMBIGUOUS_TOPIC_WEIGHT * count.ambiguous);
      for (const term of count.terms) entry.terms.add(term);
      for (const term of count.evidenceTerms) entry.evidenceTerms.add(term);
      weighted.set(concept, entry);
    }
  };
  add(profile.title, THRESHOLDS.titleWeight);
  add(profile.headings, THRESHOLDS.headingWeight);
  add(profile.body, 1);
  return [...weighted]
    .map(([concept, { weight, terms, evidenceTerms }]) => ({
      id: lexicon.concepts[concept].id,
      label: lexicon.concepts[concept].label,
      weight: Math.log2(1 + weight) * (lexicon.concepts[concept].aiSignal === 0 && terms.size === 1 ? ONE_WORD_TOPIC_WEIGHT : 1),
      terms: [...terms],
      evidenceTerms: [...evidenceTerms],
    }))
    .sort((a, b) => b.weight - a.weight);
}

function topicQuery(topics: PageTopic[]): TopicQuery {
  const concepts = new Map<string, number>();
  const words = new Map<string, number>();
  for (const topic of topics) {
    // Squared so the page's main topics outweigh a handful of passing ones.
    concepts.set(topic.id, topic.weight ** 2);
    for (const term of topic.terms) words.set(term, Math.max(words.get(term) ?? 0, topic.weight));
  }
  return { concepts, words };
}

function confidenceOf(verdict: AiVerdict, topics: PageTopic[], best: RankedQuote | undefined): number {
  if (!best) return 0;
  const total = topics.reduce((sum, t) => sum + t.weight, 0);
  const covered = topics.filter((t) => best.concepts.includes(t.id)).reduce((sum, t) => sum + t.weight, 0);
  const certainty = Math.min(1, verdict.evidence / (2 * THRESHOLDS.minEvidence));
  return Math.round(certainty * (0.4 + 0.6 * (total ? covered / total : 0)) * 100) / 100;
}

export function createEngine(pack: QuotePack, lexicon: Lexicon): Engine {
  const compiled = compileLexicon(lexicon);
  const index = buildQuoteIndex(pack);
  return {
    lexicon: compiled,
    index,
    analyze(page, options) {
      const profile = profilePage(compiled, page);
      const strictness = options?.strictness ?? 1;
      const verdict = judgeAiPage(compiled, profile, {
        ...THRESHOLDS,
        minEvidence: THRESHOLDS.minEvidence * strictness,
        denseBody: THRESHOLDS.denseBody * strictness,
        headlineBody: THRESHOLDS.headlineBody * strictness,
      });
      const topics = pageTopics(compiled, profile);
      const quotes = verdict.about ? rankQuotes(index, topicQuery(topics), options) : [];
      return { show: quotes.length > 0, verdict, topics, quotes, confidence: confidenceOf(verdict, topics, quotes[0]) };
    },
  };
}
