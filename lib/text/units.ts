// The unit stream the concept matcher walks: one unit per Latin word or number
// and one per Han character, so English phrases and Chinese substrings are
// matched by the same sequence comparison. Punctuation between two units marks
// a break that no term may span.
import { foldText } from './fold';
import { stemWord } from './stem';

export interface Units {
  /** Case-folded, stemmed form used for lookup. */
  keys: string[];
  /** Form as written (after width/T→S folding), for case-sensitive terms. */
  raw: string[];
  /** True when punctuation separates this unit from the previous one. */
  breakBefore: boolean[];
  /** Word-equivalents in the text: Latin words plus Han characters × 0.6. */
  weight: number;
}

const UNIT = /\p{Script=Han}|[[\p{L}\p{N}\p{M}]--\p{Script=Han}]+|[^\s\p{L}\p{N}\p{M}\-]+/gv;
const HAN_CHAR = /^\p{Script=Han}$/v;
const WORDLIKE = /^[\p{L}\p{N}\p{M}]/v;
const HAN_WORDS_PER_CHAR = 0.6;

export function toUnits(text: string): Units {
  const keys: string[] = [];
  const raw: string[] = [];
  const breakBefore: boolean[] = [];
  let weight = 0;
  let pendingBreak = false;
  for (const [piece] of foldText(text).matchAll(UNIT)) {
    if (!WORDLIKE.test(piece)) {
      pendingBreak = true;
      continue;
    }
    const han = HAN_CHAR.test(piece);
    weight += han ? HAN_WORDS_PER_CHAR : 1;
    keys.push(han ? piece : stemWord(piece.toLowerCase()));
    raw.push(piece);
    breakBefore.push(pendingBreak);
    pendingBreak = false;
  }
  return { keys, raw, breakBefore, weight };
}
