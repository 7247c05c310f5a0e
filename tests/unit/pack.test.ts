import { describe, expect, it } from 'vitest';
import { quotePack, lexicon } from '../../lib/engine-data';
import { assertValidPack, checkPack } from '../../lib/pack/schema';
import { parseAnswers, readInterview, wordsOnly } from '../helpers/interview';

const knownTags = new Set(lexicon.concepts.map((c) => c.id));
const answers = parseAnswers(readInterview());
const hisWords = answers.map((a) => wordsOnly(a.text));

describe('the interview fixture', () => {
  it('yields his answers, not the host’s questions or the narration', () => {
    expect(answers.length).toBeGreaterThan(40);
    expect(answers.some((a) => a.text.startsWith('他说的有道理'))).toBe(true);
    // The host's question and the introduction's narration are not answers.
    expect(hisWords.some((w) => w.includes(wordsOnly('你同意他的观点吗')))).toBe(false);
    expect(hisWords.some((w) => w.includes(wordsOnly('田渊栋博士毕业于卡耐基梅隆大学')))).toBe(false);
    // A section title and its pull quote do not continue the answer before them.
    expect(answers.find((a) => a.text.startsWith('GPT-5'))?.text).toBe('GPT-5的发布肯定值得关注,要看它的工作效率是否更接近真人');
  });
});

describe('the quote pack', () => {
  it('passes its schema', () => {
    expect(checkPack(quotePack, knownTags)).toEqual([]);
  });

  it('cites the interview', () => {
    expect(quotePack.source.publication.zh).toBe('甲子光年');
    expect(quotePack.source.title.zh).toBe('甲小姐对话田渊栋:Scaling law代表一个非常悲观的未来');
    expect(quotePack.source.author.zh).toBe('刘杨楠');
    expect(quotePack.source.date).toBe('2024-05-28');
  });

  it('quotes only his words, verbatim, each span from one answer', () => {
    for (const quote of quotePack.quotes) {
      const answer = quotePack.answers.find((a) => a.id === quote.answer)!;
      const spans = quote.zh.split('……').map(wordsOnly).filter(Boolean);
      for (const span of spans) {
        expect(wordsOnly(answer.zh), `${quote.id}: "${span}" is not in its answer`).toContain(span);
        expect(
          hisWords.some((words) => words.includes(span) && words === wordsOnly(answer.zh)),
          `${quote.id}: answer ${answer.id} is not his answer verbatim`,
        ).toBe(true);
      }
    }
  });

  it('keeps each answer verbatim for "read in context"', () => {
    for (const answer of quotePack.answers) {
      expect(hisWords, `answer ${answer.id}`).toContain(wordsOnly(answer.zh));
    }
  });

  it('has a quote from every answer of 30 characters or more', () => {
    const quoted = quotePack.quotes.flatMap((q) => q.zh.split('……').map(wordsOnly));
    for (const answer of answers.filter((a) => a.text.length >= 30)) {
      const words = wordsOnly(answer.text);
      expect(quoted.some((span) => span && words.includes(span)), `no quote from: ${answer.text.slice(0, 40)}…`).toBe(true);
    }
  });

  it('keeps remarks short enough for a card', () => {
    for (const quote of quotePack.quotes) expect(quote.zh.length, quote.id).toBeLessThanOrEqual(170);
  });

  it('rejects a malformed pack with a message naming the quote and the field', () => {
    const broken = structuredClone(quotePack);
    const victim = broken.quotes[2];
    (victim as { en?: string }).en = undefined;
    expect(() => assertValidPack(broken, knownTags)).toThrow(new RegExp(`quote '${victim.id}' \\(quotes\\[2\\]\\) field en`));
    const badTag = structuredClone(quotePack);
    badTag.quotes[0].tags = ['no-such-concept'];
    expect(checkPack(badTag, knownTags).join('\n')).toMatch(/quote '.+' \(quotes\[0\]\) field tags: unknown concept 'no-such-concept'/);
  });
});
