import { describe, expect, it } from 'vitest';
import { highlightMatches } from '../../lib/highlight';

/** The marked parts, in order. */
const marked = (text: string, terms: string[]) => highlightMatches(text, terms).filter((s) => s.marked).map((s) => s.text);

describe('highlightMatches', () => {
  it('gives back the whole text, in order, whatever is marked', () => {
    const text = 'Scaling law 代表着一个很悲观的未来。';
    for (const terms of [[], ['scaling'], ['悲观', '未来'], ['law', '代表']]) {
      expect(highlightMatches(text, terms).map((s) => s.text).join('')).toBe(text);
    }
  });

  it('marks the characters a Han bigram covers, and joins overlapping bigrams', () => {
    expect(marked('我离开自动驾驶是因为', ['自动', '动驾', '驾驶'])).toEqual(['自动驾驶']);
    expect(marked('数据很重要，没有数据就没有模型', ['数据'])).toEqual(['数据', '数据']);
  });

  it('does not mark a bigram whose characters are not side by side', () => {
    expect(marked('自然而动', ['自动'])).toEqual([]);
  });

  it('matches Traditional characters to the Simplified tokens the index holds', () => {
    expect(marked('規模定律', ['规模'])).toEqual(['規模']);
  });

  it('marks a lone Han character token', () => {
    expect(marked('人和剑', ['剑'])).toEqual(['剑']);
  });

  it('marks Latin words that start with the token (the word being typed), whatever their case', () => {
    expect(marked('Scaling laws are pessimistic; scale is not all.', ['scal'])).toEqual(['Scaling', 'scale']);
  });

  it('marks a word whose stem is the token, and never part of a word', () => {
    expect(marked('Two studies of study habits', ['study'])).toEqual(['studies', 'study']);
    expect(marked('unscaled', ['scal'])).toEqual([]);
  });

  it('marks both halves of a hyphenated word but ignores concept ids that no single word can start with', () => {
    expect(marked('why I left self-driving', ['self', 'driving', 'self-driving'])).toEqual(['self', 'driving']);
  });

  it('marks nothing for no terms, and copes with astral characters', () => {
    expect(highlightMatches('abc', [])).toEqual([{ text: 'abc', marked: false }]);
    expect(marked('𠀀数据𠀀', ['数据'])).toEqual(['数据']);
    expect(highlightMatches('', ['x'])).toEqual([]);
  });
});
