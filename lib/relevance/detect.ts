// Is this page about AI? Decided from the whole page, not from one word:
// evidence terms are counted in the title, headings and body, each concept's
// count grows only logarithmically (one word repeated is weak evidence), and
// the body must mention AI densely enough that a long article with one passing
// ChatGPT line stays below the bar, and throughout: a review of a car or a phone
// with one section on its driver assistance or its assistant is not about AI.
import type { PageText } from '../extract/page-text';
import { acronymsSpelledOtherwise, countConcepts, type CompiledLexicon, type ConceptCount } from './lexicon';

export interface PageProfile {
  /** Word-equivalents of body text. */
  words: number;
  title: Map<number, ConceptCount>;
  headings: Map<number, ConceptCount>;
  body: Map<number, ConceptCount>;
}

export function profilePage(lexicon: CompiledLexicon, page: PageText): PageProfile {
  const title = new Map<number, ConceptCount>();
  const headings = new Map<number, ConceptCount>();
  const body = new Map<number, ConceptCount>();
  const otherSenses = acronymsSpelledOtherwise(lexicon, [page.title, ...page.headings, page.body]);
  countConcepts(lexicon, page.title, 1, title, otherSenses);
  countConcepts(lexicon, page.headings.join('\n'), 1, headings, otherSenses);
  const words = countConcepts(lexicon, page.body, 1, body, otherSenses);
  return { words, title, headings, body };
}

export interface AiVerdict {
  about: boolean;
  /** Σ aiSignal × log2(1 + weighted count) over concepts. */
  evidence: number;
  /** AI evidence per 1,000 words of body text. */
  density: number;
  /** The title or a heading names AI unambiguously. */
  headline: boolean;
  /** Different evidence terms seen: a page about AI uses more than one way to say it. */
  distinctTerms: number;
  /** The share of the body, in words, from the first line with AI evidence to the end of the last. */
  spread: number;
}

// Tuned on tests/pages/dev-*; checked on tests/pages/holdout (npm run eval).
export const THRESHOLDS = {
  titleWeight: 3,
  headingWeight: 2,
  minEvidence: 3,
  minDistinctTerms: 2,
  /** Density enough on its own. */
  denseBody: 6,
  /** Density enough when the headline is about AI. */
  headlineBody: 2.5,
  /** Short pages are judged as if they had at least this many words. */
  minWords: 250,
  /**
   * Unless its title is about AI, a body of minWords or more must hold AI evidence across this
   * share of it. Every labeled page about AI spans a third or more; a car review whose one
   * driver-assistance section is dense with AI terms spans a sixth.
   */
  minSpread: 0.25,
};

function signalSum(counts: Map<number, ConceptCount>, lexicon: CompiledLexicon): number {
  let sum = 0;
  for (const [concept, count] of counts) sum += lexicon.concepts[concept].aiSignal * count.evidence;
  return sum;
}

export function judgeAiPage(lexicon: CompiledLexicon, profile: PageProfile, t = THRESHOLDS): AiVerdict {
  const concepts = new Set([...profile.title.keys(), ...profile.headings.keys(), ...profile.body.keys()]);
  let evidence = 0;
  const distinct = new Set<string>();
  for (const concept of concepts) {
    const signal = lexicon.concepts[concept].aiSignal;
    if (signal === 0) continue;
    for (const counts of [profile.title, profile.headings, profile.body]) {
      const count = counts.get(concept);
      if (count?.evidence) for (const term of count.evidenceTerms) distinct.add(term);
    }
    const weighted =
      t.titleWeight * (profile.title.get(concept)?.evidence ?? 0) +
      t.headingWeight * (profile.headings.get(concept)?.evidence ?? 0) +
      (profile.body.get(concept)?.evidence ?? 0);
    evidence += signal * Math.log2(1 + weighted);
  }
  const titleSignal = signalSum(profile.title, lexicon);
  const headlineSignal = titleSignal + signalSum(profile.headings, lexicon);
  const density = (signalSum(profile.body, lexicon) * 1000) / Math.max(profile.words, t.minWords);
  const headline = headlineSignal >= 1;
  const spread = bodySpread(lexicon, profile);
  const about =
    evidence >= t.minEvidence &&
    distinct.size >= t.minDistinctTerms &&
    (density >= t.denseBody || (headline && density >= t.headlineBody)) &&
    // A section's heading ("AI features") says no more than the section does: only the title counts here.
    (titleSignal >= 1 || profile.words < t.minWords || spread >= t.minSpread);
  return { about, evidence, density, headline, distinctTerms: distinct.size, spread };
}

function bodySpread(lexicon: CompiledLexicon, profile: PageProfile): number {
  let from = Infinity;
  let to = 0;
  for (const [concept, count] of profile.body) {
    if (lexicon.concepts[concept].aiSignal === 0 || count.evidence === 0) continue;
    from = Math.min(from, count.evidenceFrom);
    to = Math.max(to, count.evidenceTo);
  }
  return to > from ? (to - from) / profile.words : 0;
}
