// Light stemming shared by the tokenizer, concept matching and the pre-screen.
// Its own module, with nothing at module level, so that the content script that
// runs on every page can use it without loading the tokenizer.

/** Plural and possessive endings only: enough to make "laws" find "law". */
export function stemWord(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    return word.slice(0, -1);
  }
  return word;
}
