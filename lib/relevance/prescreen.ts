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

// Every list ships as one string, looked up where it is needed: a page checks only
// the few words it has, so no map of the whole vocabulary is built on any page,
// and a string costs the script's compile little (all the lists together, about 0.2 ms in
// Chromium), less than a literal of arrays.
export interface PrescreenData {
  /**
   * Words the engine matches as written (AI, LLM, ChatGPT), listed by the stem of their lower
   * case and of its plural: "stem:Word,Word stem:Word". One on the page is enough.
   */
  exact: string;
  /** Initials written with stops ("A.I."), as the letters in a row ("AI"), separated by spaces. */
  initials: string;
  /**
   * Lower-case stemmed first words, each with the stemmed second words that may follow it:
   * "first:second,second first:" (nothing after the colon when the word alone is a term).
   */
  words: string;
  /**
   * The stem of every word that may start a term (the exact words and the first words, in
   * the singular and the plural), separated by spaces: split natively into a set on each page.
   */
  starts: string;
  /**
   * The first three characters of Chinese terms (fewer when the term is shorter), in every
   * Traditional form too, listed by their first character: "人:工智,形机 魔:搭 芯:" (nothing
   * after the colon when the character alone counts). Only a page with Chinese on it reads it.
   */
  han: string;
  /**
   * Where a Chinese start may begin, as a regular expression's source, built from `han`: a
   * character that counts alone, or a first character followed by any start's second one.
   */
  hanScan: string;
}

// Plain ranges, not \p{Script=Han}: a Unicode property class costs time to
// compile on every page. Every character in `han` is in them (checked when built).
export const HAN_RANGES = '\u3400-\u9fff\uf900-\ufaff';
const HAN = new RegExp(`[${HAN_RANGES}]`);
const NOT_WORD = /[^a-z0-9]+/;
// The one character after NFKC whose lower case holds an ASCII letter (İ → i + dot above),
// which could glue an "i" onto a word that is separate as written.
const DOTTED_I = /\u0130/g;

const spaced = (list: string) => (list ? list.split(' ') : []);

/** The entries after `key:` in a "key:a,b key:" list, [] when there are none; undefined when `key` is not listed. */
function listed(list: string, key: string): string[] | undefined {
  const at = list.indexOf(` ${key}:`);
  if (at < 0) return undefined;
  const end = list.indexOf(' ', at + 1);
  const entries = list.slice(at + key.length + 2, end < 0 ? undefined : end);
  return entries ? entries.split(',') : [];
}

// stemWord (lib/text/stem.ts) on every word of a lower-case text in two native passes:
// "-ies" after two or more characters becomes "-y"; a final "s" after three or more,
// not "ss", "us" or "is", goes. Words are runs of a-z and 0-9, as the pre-screen splits them.
// Only the end of a word is matched, with just enough letters before it: no look-behind
// for the word's start and no backtracking over the whole word (half the cost in Chromium).
const PLURAL_IES = /([a-z0-9]{2})ies(?![a-z0-9])/g;
const PLURAL_S = /([a-z0-9]{2}[a-hj-rtv-z0-9])s(?![a-z0-9])/g;
export const stemText = (lower: string) => lower.replace(PLURAL_IES, '$1y').replace(PLURAL_S, '$1');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a start in `list` (" 人:工智,形机 脑: ", as PrescreenData.han between spaces) begins
 * at `text[i]`: that character alone, or with the one or two after it. Asked only where the
 * native scan found a first character before a second one: about one Chinese character in
 * twenty-five in ordinary text, where one in five is a first character. A map of every first
 * character, built on each Chinese page to look them up, cost more than all the lookups.
 */
function hanStartAt(list: string, text: string, i: number): boolean {
  const at = list.indexOf(` ${text[i]}:`);
  if (at < 0) return false;
  const after = `,${list.slice(at + 3, list.indexOf(' ', at + 1))},`;
  return after === ',,' || after.includes(`,${text[i + 1]},`) || (i + 2 < text.length && after.includes(`,${text.slice(i + 1, i + 3)}`));
}

/** Whether `word` is somewhere in `words` followed by a word that passes `test`. */
function followedBy(words: string[], word: string, test: (next: string) => boolean): boolean {
  for (let i = words.indexOf(word); i >= 0; i = words.indexOf(word, i + 1)) if (test(words[i + 1] ?? '')) return true;
  return false;
}

/**
 * The runtime half: could this raw page text hold an evidence term? Written for
 * a cold start on every page, where every JavaScript step per word shows: the
 * text is lower-cased, stemmed, split, gathered into a set and met with the
 * starts by native calls. Only the few starts found on the page take script
 * steps: they are checked the engine's way (acronyms as written, second words).
 */
export function compilePrescreen(data: PrescreenData): (text: string) => boolean {
  const starts = new Set(spaced(data.starts));
  const words = ` ${data.words}`;
  const exact = ` ${data.exact}`;
  const initials = spaced(data.initials);
  // Words the engine matches as written, and "A.I."-style initials, are checked against the text as written.
  const written = (pattern: string, text: string) => new RegExp(`(?<![A-Za-z0-9])${pattern}(?![A-Za-z0-9])`).test(text);
  const writtenExact = (stem: string, text: string) => listed(exact, stem)?.some((w) => written(`${w}s?`, text));
  const writtenInitials = (text: string) =>
    initials.some((w) => written(`${escapeRegExp(w[0])}[^A-Za-z0-9]+${escapeRegExp(w.slice(1))}`, text));
  const hanList = ` ${data.han} `;
  let hanScan: RegExp | undefined;
  return (text) => {
    // The engine reads text after NFKC (full-width letters, compatibility forms).
    const normalized = text.normalize('NFKC');
    const lower = (normalized.includes('\u0130') ? normalized.replace(DOTTED_I, ' ') : normalized).toLowerCase();
    const latin = stemText(lower).split(NOT_WORD);
    const onPage = new Set(latin);
    // "A.I." splits into the words "a" and "i". Most pages have both; few have one right after the
    // other, and only those are checked as written.
    const spelled = initials.some((w) => {
      const [first, rest] = [w[0].toLowerCase(), w.slice(1).toLowerCase()];
      return onPage.has(rest) && followedBy(latin, first, (next) => next === rest);
    });
    if (spelled && writtenInitials(normalized)) return true;
    // Native: a few hundred starts against the page's words, no script step per word.
    for (const word of starts.intersection(onPage)) {
      if (writtenExact(word, normalized)) return true;
      const following = listed(words, word);
      if (!following) continue;
      if (following.length === 0) return true;
      // Common first words ("in", "open") are followed only where a second word is on the page at all.
      const nextWords = following.filter((next) => onPage.has(next));
      if (nextWords.length && followedBy(latin, word, (next) => nextWords.includes(next))) return true;
    }
    if (!HAN.test(normalized)) return false;
    hanScan ??= new RegExp(data.hanScan, 'g');
    hanScan.lastIndex = 0;
    while (hanScan.test(normalized)) if (hanStartAt(hanList, normalized, hanScan.lastIndex - 1)) return true;
    return false;
  };
}
