// One tokenizer for the search index and for every query, in any language.
// Han runs become overlapping bigrams (as Lucene's CJKAnalyzer does), so a
// two-character query and a long sentence are cut the same way; Latin words
// are lowercased and lightly stemmed. Input is folded first (width, T→S).
import { foldText } from './fold';
import { stemWord } from './stem';

const RUNS = /\p{Script=Han}+|[[\p{L}\p{N}\p{M}]--\p{Script=Han}]+/gv;
const HAN_START = /^\p{Script=Han}/u;

const STOPWORDS = new Set(
  ('a an and are as at be but by for from has have he his i if in into is it its of on or our she so ' +
    'than that the their them then there these they this to was we were what when which who will with ' +
    'would you your not no do does did can could should just about more most very also').split(' '),
);

export function isHanToken(token: string): boolean {
  return HAN_START.test(token);
}

/** Tokens for MiniSearch: Han bigrams (a lone character stays a unigram) and stemmed Latin words. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of foldText(text).matchAll(RUNS)) {
    if (isHanToken(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
    } else {
      const word = run.toLowerCase();
      if (!STOPWORDS.has(word)) tokens.push(stemWord(word));
    }
  }
  return tokens;
}
