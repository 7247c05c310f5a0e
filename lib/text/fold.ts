// Character folding shared by indexing, querying and concept matching, so that
// full-width/half-width forms and Traditional/Simplified Chinese compare equal.
import tsCharacters from 'opencc-js/dict/TSCharacters';

let traditionalToSimplified: Map<string, string> | undefined;

function tsTable(): Map<string, string> {
  if (!traditionalToSimplified) {
    traditionalToSimplified = new Map();
    // OpenCC's table: "trad simp[ alt]|trad simp|…"; the first candidate is the usual one.
    for (const pair of (tsCharacters as string).split('|')) {
      const [from, to] = pair.split(' ');
      if (from && to && from !== to) traditionalToSimplified.set(from, to);
    }
  }
  return traditionalToSimplified;
}

const HAN = /\p{Script=Han}/u;
const HAN_CHARS = /\p{Script=Han}/gu;

/**
 * Lowercase and Traditional→Simplified only, one UTF-16 unit for one: offsets
 * in the result are offsets in the input (for marking text on a page).
 */
export function foldKeepingOffsets(text: string): string {
  const lower = text.replace(/\p{Lu}/gu, (char) => {
    const folded = char.toLowerCase();
    return folded.length === char.length ? folded : char;
  });
  if (!HAN.test(lower)) return lower;
  const table = tsTable();
  return lower.replace(HAN_CHARS, (char) => {
    const simplified = table.get(char);
    return simplified && simplified.length === char.length ? simplified : char;
  });
}

/** NFKC (width folding, compatibility forms) and Traditional→Simplified, case kept. */
export function foldText(text: string): string {
  const nfkc = text.normalize('NFKC');
  if (!HAN.test(nfkc)) return nfkc;
  const table = tsTable();
  return nfkc.replace(HAN_CHARS, (char) => table.get(char) ?? char);
}

let simplifiedToTraditional: Map<string, string[]> | undefined;

/** Every character that folds to `simplified` (itself included): what a page may have written instead. */
export function foldPreimages(simplified: string): string[] {
  if (!simplifiedToTraditional) {
    simplifiedToTraditional = new Map();
    for (const [from, to] of tsTable()) {
      const list = simplifiedToTraditional.get(to) ?? [];
      list.push(from);
      simplifiedToTraditional.set(to, list);
    }
  }
  return [simplified, ...(simplifiedToTraditional.get(simplified) ?? [])];
}
