// How a term is written on a page: the lexicon's Simplified "规模定律" may
// appear as Traditional "規模定律". Found in the background, where the folding
// table already is, so the page-side marker needs no table, only lowercasing.
import { foldKeepingOffsets } from './fold';

const MAX_FORMS = 4;

/** The distinct spellings of `term` in `text`, matched through case and Traditional/Simplified folding. */
export function surfaceForms(text: string, term: string): string[] {
  const folded = foldKeepingOffsets(text);
  const needle = foldKeepingOffsets(term);
  const forms = new Set<string>();
  for (let at = folded.indexOf(needle); at !== -1 && forms.size < MAX_FORMS; at = folded.indexOf(needle, at + needle.length)) {
    forms.add(text.slice(at, at + needle.length).toLowerCase());
  }
  return [...forms];
}
