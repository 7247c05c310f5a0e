// The bilingual concept lexicon (assets/lexicon.json) compiled into a matcher.
// A concept's "terms" are evidence that a page is about AI (scaled by its
// aiSignal); its "ambiguous" words only help pick the topic once it is.
import { toUnits, type Units } from '../text/units';

export interface LexiconConcept {
  id: string;
  label: { en: string; zh: string };
  means: string;
  aiSignal: number;
  terms: { en: string[]; zh: string[] };
  ambiguous: { en: string[]; zh: string[] };
}

export interface Lexicon {
  version: number;
  concepts: LexiconConcept[];
}

interface CompiledTerm {
  /** As written in the lexicon. */
  text: string;
  concept: number;
  ambiguous: boolean;
  keys: string[];
  /** Punctuation inside the term ("A.I."): the text must have it in the same places. */
  breaks: boolean[];
  /** Per word: set for words written with inner capitals (LLM, ChatGPT), which must match as written. */
  raw: (string | undefined)[];
  /** A lone all-caps word such as "AI": checked for its other senses (flight codes, file types). */
  acronym: boolean;
}

export interface CompiledLexicon {
  concepts: LexiconConcept[];
  byFirstKey: Map<string, CompiledTerm[]>;
}

export interface ConceptCount {
  /** Occurrences of evidence terms. */
  evidence: number;
  /** Occurrences of ambiguous words. */
  ambiguous: number;
  /** Surface forms seen, as written in the lexicon. */
  terms: Set<string>;
  /** The subset of `terms` that are evidence terms. */
  evidenceTerms: Set<string>;
  /** Where the evidence terms lie, in words: from the start of the first line holding one to the end of the last. */
  evidenceFrom: number;
  evidenceTo: number;
}

// Inner capitals (LLM, ChatGPT) or a lone capital (the "I" of "A.I.") make a word case-sensitive.
const INNER_CAPITAL = /^.+\p{Lu}|^\p{Lu}$/u;
const ALL_CAPS = /^\p{Lu}{2,}$/u;

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const byFirstKey = new Map<string, CompiledTerm[]>();
  lexicon.concepts.forEach((concept, index) => {
    const add = (term: string, ambiguous: boolean) => {
      const units = toUnits(term);
      if (units.keys.length === 0) return;
      const compiled: CompiledTerm = {
        text: term,
        concept: index,
        ambiguous,
        keys: units.keys,
        breaks: units.breakBefore.map((b, i) => i > 0 && b),
        raw: units.raw.map((word) => (INNER_CAPITAL.test(word) ? word : undefined)),
        acronym: units.raw.length === 1 && ALL_CAPS.test(units.raw[0]),
      };
      const list = byFirstKey.get(compiled.keys[0]) ?? [];
      list.push(compiled);
      byFirstKey.set(compiled.keys[0], list);
    };
    for (const term of [...concept.terms.en, ...concept.terms.zh]) add(term, false);
    for (const term of [...concept.ambiguous.en, ...concept.ambiguous.zh]) add(term, true);
  });
  // Longest term first, so "large language model" wins over "language model".
  for (const list of byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return { concepts: lexicon.concepts, byFirstKey };
}

// Other senses of a short all-caps word: a code followed by a number (Air India
// "AI 183"), or a file type ("AI file", "EPS, AI and SVG").
const CODE_NUMBER = /^\d{1,4}[a-z]?$/i;
const FILE_WORDS = new Set(['file', 'format', 'extension', 'vector', 'illustrator']);
const FILE_TYPES = new Set(['pdf', 'svg', 'eps', 'psd', 'png', 'jpg', 'jpeg', 'cdr', 'dxf', 'tiff', 'gif', 'webp', 'indd']);

function isOtherAcronymSense(units: Units, at: number): boolean {
  const next = units.raw[at + 1];
  if (next !== undefined && CODE_NUMBER.test(next)) return true;
  for (let i = Math.max(0, at - 2); i <= at + 2 && i < units.keys.length; i++) {
    if (i === at) continue;
    if (FILE_TYPES.has(units.keys[i])) return true;
    if (i === at + 1 && FILE_WORDS.has(units.keys[i])) return true;
  }
  return false;
}

// An acronym spelled out on the page: "Amnesty International (AI)", "AGI (adjusted gross income)",
// "人工授精（AI）". The page says what its acronym means; when that is not an AI term, the acronym
// is not one either, anywhere on the page ("AI researchers said" in Amnesty's report).
const ACRONYM = String.raw`(\p{Lu}[\p{Lu}\p{Ll}]?\p{Lu}{1,4})s?`;
// Found by the bracket first, then the words are looked at: a pattern that starts at any word
// backtracks through every run of words on the page (90 ms on a 40,000-character article).
const BRACKETED_ACRONYM = new RegExp(String.raw`[(（]\s*${ACRONYM}\s*[)）]`, 'gu');
const ACRONYM_THEN_WORDS = new RegExp(String.raw`(?<![\p{L}\p{N}])${ACRONYM}\s*[(（]\s*([\p{L}\p{M}'’&\s-]{3,80}?)\s*[)）]`, 'gu');
/** How far before "(AI)" its spelled-out words are looked for. */
const SPELLED_OUT_CHARS = 80;
const HAN_RUN = /\p{Script=Han}+$/u;
/** Words an expansion may skip: "Ministry of Education (MoE)". */
const LINKING_WORDS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', '&', 'de']);

/** The words ending the phrase (or, `fromStart`, starting it) whose initials spell `acronym`; null when none do. */
function spelledOut(phrase: string, acronym: string, fromStart: boolean): string | null {
  const words = phrase.split(/\s+/).filter(Boolean);
  const letters = [...acronym.toLowerCase()];
  if (!fromStart) {
    words.reverse();
    letters.reverse();
  }
  let next = 0;
  let used = 0;
  for (const word of words) {
    if (next === letters.length) break;
    used++;
    // "neuro-linguistic" gives two initials.
    const initials = word.split('-').filter(Boolean).map((part) => part[0].toLowerCase());
    if (!fromStart) initials.reverse();
    if (initials.every((c, i) => letters[next + i] === c)) next += initials.length;
    else if (!LINKING_WORDS.has(word.toLowerCase())) return null;
  }
  if (next < letters.length) return null;
  const kept = words.slice(0, used);
  return (fromStart ? kept : kept.reverse()).join(' ');
}

/**
 * Acronyms the page spells out in words that name nothing about AI in the lexicon (Amnesty
 * International, artificial insemination, Ministry of Education), and never in words that do:
 * on such a page the acronym and the terms it starts ("AI researcher") count for nothing.
 */
export function acronymsSpelledOtherwise(lexicon: CompiledLexicon, texts: string[]): Set<string> {
  const other = new Set<string>();
  const ai = new Set<string>();
  const note = (acronym: string, expansion: string | null) => {
    if (!expansion) return;
    const counts = new Map<number, ConceptCount>();
    countConcepts(lexicon, expansion, 1, counts);
    const isAi = [...counts.keys()].some((concept) => lexicon.concepts[concept].aiSignal > 0);
    (isAi ? ai : other).add(acronym);
  };
  for (const text of texts) {
    for (const match of text.matchAll(BRACKETED_ACRONYM)) {
      const acronym = match[1];
      const before = text.slice(Math.max(0, match.index - SPELLED_OUT_CHARS), match.index).trimEnd();
      const han = HAN_RUN.exec(before);
      // Chinese spells an acronym out in characters, with no initials to check: the run before it.
      note(acronym, han ? (han[0].length >= 2 ? han[0].slice(-8) : null) : spelledOut(before, acronym, false));
    }
    for (const [, acronym, after] of text.matchAll(ACRONYM_THEN_WORDS)) note(acronym, spelledOut(after, acronym, true));
  }
  for (const acronym of ai) other.delete(acronym);
  return other;
}

function matchesAt(units: Units, at: number, term: CompiledTerm): boolean {
  const { keys, raw } = term;
  if (at + keys.length > units.keys.length) return false;
  for (let j = 0; j < keys.length; j++) {
    if (j > 0 && units.breakBefore[at + j] !== term.breaks[j]) return false;
    if (units.keys[at + j] !== keys[j]) return false;
    const exact = raw[j];
    if (exact) {
      const written = units.raw[at + j];
      // "LLMs" and "GPUs" are plurals of the case-sensitive "LLM" and "GPU".
      if (written !== exact && written !== exact + 's') return false;
    }
  }
  return true;
}

/** Mostly upper-case lines (shouted headlines, romanized lyrics) say nothing reliable about acronyms. */
function isShouting(units: Units): boolean {
  let letters = 0;
  let upper = 0;
  for (const word of units.raw) {
    if (word.length < 2 || !/^\p{L}/u.test(word) || /\p{Script=Han}/u.test(word)) continue;
    letters++;
    if (word === word.toUpperCase()) upper++;
  }
  return letters >= 4 && upper / letters > 0.7;
}

/** Adds the concepts found in `text` to `counts`, multiplying each occurrence by `weight`. */
export function countConcepts(
  lexicon: CompiledLexicon,
  text: string,
  weight: number,
  counts: Map<number, ConceptCount>,
  /** Acronyms the page means otherwise (acronymsSpelledOtherwise): no term starting with one counts. */
  otherSenses?: ReadonlySet<string>,
): number {
  let words = 0;
  for (const line of text.split('\n')) {
    const units = toUnits(line);
    const lineStart = words;
    words += units.weight;
    if (units.keys.length === 0) continue;
    const shouting = isShouting(units);
    for (let at = 0; at < units.keys.length; ) {
      const candidates = lexicon.byFirstKey.get(units.keys[at]);
      const term = candidates?.find((t) => matchesAt(units, at, t));
      if (!term) {
        at++;
        continue;
      }
      const otherSense =
        (term.acronym && (shouting || isOtherAcronymSense(units, at))) || otherSenses?.has(units.raw[at].replace(/s$/, ''));
      at += term.keys.length;
      if (otherSense) continue;
      let count = counts.get(term.concept);
      if (!count) {
        count = { evidence: 0, ambiguous: 0, terms: new Set(), evidenceTerms: new Set(), evidenceFrom: Infinity, evidenceTo: 0 };
        counts.set(term.concept, count);
      }
      count.terms.add(term.text);
      if (term.ambiguous) count.ambiguous += weight;
      else {
        count.evidence += weight;
        count.evidenceTerms.add(term.text);
        count.evidenceFrom = Math.min(count.evidenceFrom, lineStart);
        count.evidenceTo = words;
      }
    }
  }
  return words;
}
