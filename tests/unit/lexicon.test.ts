import { describe, expect, it } from 'vitest';
import { acronymsSpelledOtherwise, compileLexicon, countConcepts, type ConceptCount, type Lexicon } from '../../lib/relevance/lexicon';

const lexicon: Lexicon = {
  version: 1,
  concepts: [
    {
      id: 'ai', label: { en: 'AI', zh: '人工智能' }, means: '', aiSignal: 1,
      terms: { en: ['AI', 'artificial intelligence'], zh: ['人工智能', '人工智慧'] }, ambiguous: { en: [], zh: [] },
    },
    {
      id: 'llm', label: { en: 'LLM', zh: '大模型' }, means: '', aiSignal: 1,
      terms: { en: ['LLM', 'large language model', 'language model'], zh: ['大模型', '大型语言模型'] },
      ambiguous: { en: ['llama'], zh: [] },
    },
    {
      id: 'self-driving', label: { en: 'self-driving', zh: '自动驾驶' }, means: '', aiSignal: 0.5,
      terms: { en: ['self-driving'], zh: ['自动驾驶'] }, ambiguous: { en: [], zh: [] },
    },
  ],
};
const compiled = compileLexicon(lexicon);

function count(text: string, otherSenses?: Set<string>): Record<string, { evidence: number; ambiguous: number; terms: string[] }> {
  const counts = new Map<number, ConceptCount>();
  countConcepts(compiled, text, 1, counts, otherSenses);
  return Object.fromEntries(
    [...counts].map(([i, c]) => [lexicon.concepts[i].id, { evidence: c.evidence, ambiguous: c.ambiguous, terms: [...c.terms] }]),
  );
}

describe('concept matching', () => {
  it('finds English phrases in any case and number, longest first', () => {
    expect(count('Large Language Models are everywhere.').llm).toEqual({ evidence: 1, ambiguous: 0, terms: ['large language model'] });
    expect(count('Self driving cars and self-driving trucks')['self-driving'].evidence).toBe(2);
  });

  it('matches acronyms only as written', () => {
    expect(count('LLMs and AI').llm.evidence).toBe(1);
    expect(count('ai shiteru, Ai Hayasaka')).toEqual({});
  });

  it('does not read flight numbers or file types as AI', () => {
    expect(count('Air India flight AI 183 to San Francisco was diverted')).toEqual({});
    expect(count('Download the logo as AI, EPS and SVG. Open the AI file in Illustrator.')).toEqual({});
    expect(count('AI is changing how we work').ai.evidence).toBe(1);
  });

  it('ignores acronyms in shouted all-caps lines', () => {
    expect(count('AI NO UTA LIVE TOUR TICKETS')).toEqual({});
  });

  it('matches Chinese as substrings, Traditional folded to Simplified', () => {
    expect(count('今年大模型很火').llm.evidence).toBe(1);
    expect(count('大型語言模型與人工智慧').llm.terms).toEqual(['大型语言模型']);
    expect(count('自動駕駛')['self-driving'].evidence).toBe(1);
  });

  it('never matches across punctuation', () => {
    expect(count('the language, model')).toEqual({});
    expect(count('人工，智能')).toEqual({});
  });

  it('keeps ambiguous words apart from evidence', () => {
    expect(count('We fed the llamas.').llm).toEqual({ evidence: 0, ambiguous: 1, terms: ['llama'] });
  });
});

describe('acronyms a page spells out', () => {
  const spelledOtherwise = (...texts: string[]) => [...acronymsSpelledOtherwise(compiled, texts)];

  it('finds an acronym the page defines as something other than AI, before or after it', () => {
    expect(spelledOtherwise('A report by Amnesty International (AI) says 340 were held.')).toEqual(['AI']);
    expect(spelledOtherwise('Timing of artificial insemination (AI) in dairy cows')).toEqual(['AI']);
    expect(spelledOtherwise('AI (Amnesty International) researchers said')).toEqual(['AI']);
    expect(spelledOtherwise('In the Master of Laws and Language Lessons Mission (LLM) program')).toEqual(['LLM']);
    expect(spelledOtherwise('猪场推广人工授精（AI）技术')).toEqual(['AI']);
  });

  it('leaves an acronym the page spells out as AI, even when it also means something else there', () => {
    expect(spelledOtherwise('Artificial intelligence (AI) is changing work.')).toEqual([]);
    expect(spelledOtherwise('AI (artificial intelligence) is changing work.')).toEqual([]);
    expect(spelledOtherwise('大型语言模型（LLM）与人工智能（AI）')).toEqual([]);
    expect(spelledOtherwise('Amnesty International (AI) on artificial intelligence (AI) in policing')).toEqual([]);
  });

  it('ignores brackets that do not spell the acronym out', () => {
    expect(spelledOtherwise('Google’s Gemini (AI) assistant', 'the 2024 report (AI)')).toEqual([]);
  });

  it('stops the acronym and the terms it starts from counting', () => {
    const other = new Set(spelledOtherwise('Amnesty International (AI)'));
    expect(count('AI said. AI researchers met; AI is everywhere.', other)).toEqual({});
    expect(count('Artificial intelligence too.', other).ai.evidence).toBe(1);
  });
});
