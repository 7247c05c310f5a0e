// The build-time half of the pre-screen (lib/relevance/prescreen.ts): the word
// lists, computed from the lexicon by wxt.config.ts and shipped as data.
import { foldPreimages } from '../text/fold';
import { stemWord } from '../text/stem';
import { toUnits } from '../text/units';
import type { Lexicon } from './lexicon';
import { HAN_RANGES, type PrescreenData } from './prescreen';

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
  const outside = [...han].filter((start) => !new RegExp(`^[${HAN_RANGES}]+$`).test(start));
  if (outside.length) throw new Error(`pre-screen: characters outside HAN_RANGES: ${outside.join(' ')}`);
  // The page is read in stemmed words (prescreen.ts): every start, plural or not, is listed by its stem.
  const exactByStem = new Map<string, Set<string>>();
  for (const word of exact) {
    const lower = word.toLowerCase();
    for (const stem of [stemWord(lower), stemWord(`${lower}s`)]) exactByStem.set(stem, (exactByStem.get(stem) ?? new Set()).add(word));
  }
  const starts = new Set(exactByStem.keys());
  for (const first of words.keys()) {
    for (const form of [first, `${first}s`, ...(first.endsWith('y') ? [`${first.slice(0, -1)}ies`] : [])]) starts.add(stemWord(form));
  }
  // The lists are plain strings looked up by position (prescreen.ts): their words must not hold a separator.
  const notAscii = [...exact, ...words.keys(), ...[...words.values()].flatMap((s) => [...(s ?? [])])].filter(
    (word) => !/^[A-Za-z0-9]+$/.test(word),
  );
  if (notAscii.length) throw new Error(`pre-screen: words must be ASCII letters and digits: ${notAscii.join(' ')}`);
  const hanList = hanByFirst(han);
  return {
    exact: [...exactByStem].sort().map(([stem, forms]) => `${stem}:${[...forms].sort().join(',')}`).join(' '),
    initials: [...initials].sort().join(' '),
    words: [...words].sort().map(([w, s]) => `${w}:${s ? [...s].sort().join(',') : ''}`).join(' '),
    starts: [...starts].sort().join(' '),
    han: hanList,
    hanScan: hanScanSource(hanList),
  };
}

/** Chinese starts listed by their first character (PrescreenData.han); a start holding a shorter one is left out. */
function hanByFirst(starts: Set<string>): string {
  const byFirst = new Map<string, string[]>();
  for (const start of [...starts].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    const rest = byFirst.get(start[0]);
    const after = start.slice(1);
    if (rest === undefined) byFirst.set(start[0], after ? [after] : []);
    // Shortest first: a character alone, or a shorter start, already counts for the longer ones.
    else if (rest.length && !rest.some((r) => after.startsWith(r))) rest.push(after);
  }
  return [...byFirst].sort(([a], [b]) => (a < b ? -1 : 1)).map(([first, rest]) => `${first}:${rest.join(',')}`).join(' ');
}

/** PrescreenData.hanScan for a `han` list: its lone characters, or its first characters before any of its second ones. */
export function hanScanSource(han: string): string {
  let alone = '';
  let firsts = '';
  const seconds = new Set<string>();
  for (const entry of han ? han.split(' ') : []) {
    const after = entry.slice(2);
    if (!after) alone += entry[0];
    else firsts += entry[0];
    for (const chars of after ? after.split(',') : []) seconds.add(chars[0]);
  }
  const patterns = [alone && `[${alone}]`, firsts && `[${firsts}](?=[${[...seconds].join('')}])`].filter(Boolean);
  return patterns.join('|') || '(?!)';
}
