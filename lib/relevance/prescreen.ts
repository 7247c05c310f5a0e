// A cheap first look that rules a page out before any real work. The engine
// (detect.ts) calls a page about AI only when it finds evidence terms from the
// lexicon; the pre-screen asks only whether the page's raw text (textContent:
// no element wrappers, no layout) holds the start of one: a term's first word
// followed by its second, or its first three Chinese characters. Raw text is
// matched forgivingly: any case where the engine ignores case, plural endings,
// Traditional forms of every Simplified character. It may say yes to a page
// the engine then turns down, and should never say no to one it accepts (the
// tests check every labeled page and every term). Built from the lexicon at
// build time (wxt.config.ts); what ships is a few lists of words.
import { stemWord } from '../text/stem';

export interface PrescreenData {
  /** Words the engine matches as written (AI, LLM, ChatGPT): one is enough. */
  exact: string[];
  /** Initials written with stops ("A.I."), as the letters in a row ("AI"). */
  initials: string[];
  /** Lower-case stemmed first words → stemmed second words ([] when the word alone is a term). */
  words: Record<string, string[]>;
  /**
   * The first three characters of Chinese terms (fewer when the term is shorter), in every
   * Traditional form too, separated by spaces: one string parses faster than a thousand,
   * and only a page with Chinese on it splits it.
   */
  han: string;
}

const WORDS = /[A-Za-z0-9]+/g;
// Plain ranges, not \p{Script=Han}: a Unicode property class costs time to
// compile on every page. Every character in `han` is in them (checked when built).
export const HAN_RANGES = '\u3400-\u9fff\uf900-\ufaff';
const HAN = new RegExp(`[${HAN_RANGES}]`);
const HAN_RUNS = new RegExp(`[${HAN_RANGES}]+`, 'g');

/**
 * The runtime half: could this raw page text hold an evidence term? Written for
 * a cold start on every page: one pass per script, few allocations.
 */
export function compilePrescreen(data: PrescreenData): (text: string) => boolean {
  const exact = new Set(data.exact);
  const initials = new Set(data.initials);
  const words = new Map(Object.entries(data.words));
  let han: Set<string> | undefined;
  const seconds = (word: string) => words.get(word) ?? (word.endsWith('s') ? words.get(stemWord(word)) : undefined);
  const exactOrPlural = (word: string) => exact.has(word) || (word.endsWith('s') && exact.has(word.slice(0, -1)));
  return (text) => {
    // The engine reads text after NFKC (full-width letters, compatibility forms).
    const normalized = text.normalize('NFKC');
    // One pass over the words as written: a cold loop over a 50 KB article costs a
    // few milliseconds, and every extra pass or per-word allocation shows.
    const latin = normalized.match(WORDS) ?? [];
    for (let i = 0; i < latin.length; i++) {
      const word = latin[i];
      if (exactOrPlural(word) || (word.length === 1 && initials.has(word + (latin[i + 1] ?? '')))) return true;
      const following = seconds(word.toLowerCase());
      if (following && (following.length === 0 || following.includes(stemWord(latin[i + 1]?.toLowerCase() ?? '')))) return true;
    }
    if (!HAN.test(normalized)) return false;
    han ??= new Set(data.han.split(' '));
    for (const [run] of normalized.matchAll(HAN_RUNS)) {
      for (let i = 0; i < run.length; i++) {
        if (han.has(run[i]) || han.has(run.slice(i, i + 2)) || han.has(run.slice(i, i + 3))) return true;
      }
    }
    return false;
  };
}
