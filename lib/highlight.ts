// Marks, in a remark's text, the words a search matched. The search reports
// the index's tokens (lib/text/tokenize.ts): Han bigrams (or a lone character)
// and stemmed lowercase Latin words. A bigram marks the two characters it
// covers wherever they stand side by side; a Latin token marks every word
// whose lowercase form starts with it (the word being typed is a prefix) or
// whose stem is it ("studies" for "study").
import { foldText } from './text/fold';
import { stemWord } from './text/stem';
import { isHanToken } from './text/tokenize';

export interface Segment {
  text: string;
  marked: boolean;
}

// The tokenizer's runs of non-Han letters and digits: the words of a Latin text.
const WORDS = /[[\p{L}\p{N}\p{M}]--\p{Script=Han}]+/gv;

export function highlightMatches(text: string, terms: readonly string[]): Segment[] {
  const han = new Set(terms.filter(isHanToken));
  const latin = terms.filter((term) => !isHanToken(term)).map((term) => term.toLowerCase());
  const marked = new Uint8Array(text.length);

  if (han.size > 0) {
    // Each character folded on its own (width, Traditional → Simplified), as the index saw it.
    const chars: { at: number; length: number; folded: string }[] = [];
    for (let at = 0; at < text.length; ) {
      const char = String.fromCodePoint(text.codePointAt(at)!);
      chars.push({ at, length: char.length, folded: foldText(char) });
      at += char.length;
    }
    const mark = (c: (typeof chars)[number]) => marked.fill(1, c.at, c.at + c.length);
    chars.forEach((c, i) => {
      if (han.has(c.folded)) mark(c);
      const next = chars[i + 1];
      if (next && han.has(c.folded + next.folded)) {
        mark(c);
        mark(next);
      }
    });
  }

  if (latin.length > 0) {
    for (const match of text.matchAll(WORDS)) {
      const word = foldText(match[0]).toLowerCase();
      if (latin.some((term) => word.startsWith(term) || stemWord(word) === term)) {
        marked.fill(1, match.index, match.index + match[0].length);
      }
    }
  }

  const segments: Segment[] = [];
  for (let start = 0; start < text.length; ) {
    let end = start + 1;
    while (end < text.length && marked[end] === marked[start]) end++;
    segments.push({ text: text.slice(start, end), marked: marked[start] === 1 });
    start = end;
  }
  return segments;
}
