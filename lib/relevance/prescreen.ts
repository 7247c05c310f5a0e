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
import { foldPreimages } from '../text/fold';
import { toUnits } from '../text/units';
import type { Lexicon } from './lexicon';

export interface PrescreenData {
  /** Words the engine matches as written (AI, LLM, ChatGPT): one is enough. */
  exact: string[];
  /** Initials written with stops ("A.I."), as the letters in a row ("AI"). */
  initials: string[];
  /** Lower-case stemmed first words → stemmed second words ([] when the word alone is a term). */
  words: Record<string, string[]>;
  /** The first three characters of Chinese terms (fewer when the term is shorter), in every Traditional form too. */
  han: string[];
}

// The same test as compileLexicon's: words written with inner capitals match as written.
const INNER_CAPITAL = /^.+\p{Lu}|^\p{Lu}$/u;
const HAN_CHAR = /^\p{Script=Han}$/u;

export function prescreenData(lexicon: Lexicon): PrescreenData {
  const exact = new Set<string>();
  const initials = new Set<string>();
  const words = new Map<string, Set<string> | null>();
  const han = new Set<string>();
  for (const concept of lexicon.concepts) {
    // Concepts without AI signal never make a page about AI.
    if (concept.aiSignal === 0) continue;
    for (const term of [...concept.terms.en, ...concept.terms.zh]) {
      const { keys, raw, breakBefore } = toUnits(term);
      if (keys.length === 0) continue;
      // A word the engine matches as written is the most telling part of a term.
      const written = raw.find((w) => !HAN_CHAR.test(w) && w.length > 1 && INNER_CAPITAL.test(w));
      if (written) exact.add(written);
      else if (raw.length > 1 && raw.every((w) => /^\p{Lu}$/u.test(w))) initials.add(raw.join(''));
      else if (HAN_CHAR.test(raw[0])) {
        // The first three characters written together ("注意力" in "注意力机制"; common pairs
        // such as 注意 or 数据 would let most Chinese pages through), else two, else one.
        const together = (i: number, n: number) =>
          Array.from({ length: n }, (_, j) => HAN_CHAR.test(raw[i + j] ?? '') && (j === 0 || !breakBefore[i + j])).every(Boolean);
        const n = [3, 2, 1].find((len) => raw.some((_, i) => together(i, len)))!;
        const at = raw.findIndex((_, i) => together(i, n));
        let starts = [''];
        for (const key of keys.slice(at, at + n)) starts = starts.flatMap((s) => foldPreimages(key).map((c) => s + c));
        for (const start of starts) han.add(start);
      } else {
        // Lower-case first word; the second too when it is a word (a Chinese second unit is not checked).
        const second = keys.length > 1 && !HAN_CHAR.test(raw[1]) ? keys[1] : null;
        const seconds = words.get(keys[0]);
        if (seconds === null) continue; // the first word alone already counts
        if (second === null) words.set(keys[0], null);
        else words.set(keys[0], (seconds ?? new Set()).add(second));
      }
    }
  }
  return {
    exact: [...exact].sort(),
    initials: [...initials].sort(),
    words: Object.fromEntries([...words].sort().map(([w, s]) => [w, s ? [...s].sort() : []])),
    han: [...han].sort(),
  };
}

/** Page words that stem to `key` (stemWord takes off "s" and turns "ies" into "y"). */
function forms(key: string): string[] {
  const out = [key, `${key}s`];
  if (key.endsWith('y')) out.push(`${key.slice(0, -1)}ies`);
  return out;
}

const LATIN_WORDS = /[A-Za-z0-9]+/g;
const HAN_RUNS = /\p{Script=Han}+/gu;

/** The runtime half: could this raw page text hold an evidence term? */
export function compilePrescreen(data: PrescreenData): (text: string) => boolean {
  const exact = new Set(data.exact.flatMap((w) => [w, `${w}s`]));
  const initials = new Set(data.initials);
  const next = new Map<string, Set<string> | null>();
  for (const [word, seconds] of Object.entries(data.words)) {
    const following = seconds.length ? new Set(seconds.flatMap(forms)) : null;
    for (const form of forms(word)) next.set(form, following);
  }
  const han = new Set(data.han);
  return (text) => {
    // The engine reads text after NFKC (full-width letters, compatibility forms).
    const normalized = text.normalize('NFKC');
    const latin = normalized.match(LATIN_WORDS) ?? [];
    for (let i = 0; i < latin.length; i++) {
      const word = latin[i];
      if (exact.has(word)) return true;
      if (word.length === 1 && latin[i + 1]?.length === 1 && initials.has(word + latin[i + 1])) return true;
      const lower = word.toLowerCase();
      if (!next.has(lower)) continue;
      const following = next.get(lower);
      if (!following || (i + 1 < latin.length && following.has(latin[i + 1].toLowerCase()))) return true;
    }
    for (const [run] of normalized.matchAll(HAN_RUNS)) {
      for (let i = 0; i < run.length; i++) {
        if (han.has(run[i]) || han.has(run.slice(i, i + 2)) || han.has(run.slice(i, i + 3))) return true;
      }
    }
    return false;
  };
}
