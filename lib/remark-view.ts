// Turns the engine's ranked quotes into what the UI shows (quote + context).
import type { QuotePack, Quote } from './pack/schema';
import type { CompiledLexicon } from './relevance/lexicon';
import type { ConceptLabel, RemarkView } from './messages';

export function remarkView(pack: QuotePack, lexicon: CompiledLexicon, quote: Quote, why: string[], score: number): RemarkView {
  const answer = pack.answers.find((a) => a.id === quote.answer)!;
  const section = pack.sections.find((s) => s.id === answer.section)!;
  const labels = new Map(lexicon.concepts.map((c) => [c.id, c.label]));
  return {
    id: quote.id,
    zh: quote.zh,
    en: quote.en,
    section: { number: section.number, zh: section.zh, en: section.en },
    question: answer.question,
    answer: { zh: answer.zh, en: answer.en },
    why: why.map((id): ConceptLabel => ({ id, label: labels.get(id) ?? { en: id, zh: id } })),
    score: Math.round(score * 1000) / 1000,
  };
}
