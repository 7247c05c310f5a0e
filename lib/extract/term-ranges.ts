// Finds where the page's matched terms are written, as offsets into text
// nodes, so they can be marked with the CSS Custom Highlight API without
// touching the DOM. The terms come as the page spells them (see
// text/surface-forms.ts); only case is folded here, one character for one,
// so offsets in the folded text are offsets in the page.
import { isSkippedElement } from './page-text';

function lowerKeepingOffsets(text: string): string {
  return text.replace(/\p{Lu}/gu, (char) => {
    const lower = char.toLowerCase();
    return lower.length === char.length ? lower : char;
  });
}

export interface TermOccurrence {
  node: Text;
  start: number;
  end: number;
  /** Index into the terms given. */
  term: number;
}

const MAX_NODES = 20_000;
const MAX_OCCURRENCES = 500;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regex for all terms: Latin words on word boundaries (plural -s allowed), Chinese anywhere. */
function termPattern(terms: string[]): RegExp {
  const parts = terms.map((term) => {
    const folded = lowerKeepingOffsets(term);
    const latin = /^[\p{L}\p{N}]/u.test(folded) && !/\p{Script=Han}/u.test(folded[0]!);
    const body = escape(folded).replace(/[\s-]+/g, '[\\s-]+');
    return latin ? `(?<![\\p{L}\\p{N}])${body}s?(?![\\p{L}\\p{N}])` : body;
  });
  return new RegExp(parts.map((p) => `(${p})`).join('|'), 'gu');
}

export function findTermOccurrences(root: Element, terms: string[]): TermOccurrence[] {
  if (terms.length === 0) return [];
  const sorted = terms.map((t, i) => ({ t, i })).sort((a, b) => b.t.length - a.t.length);
  const pattern = termPattern(sorted.map((s) => s.t));
  const found: TermOccurrence[] = [];
  const doc = root.ownerDocument;
  // Links are left unmarked: teasers, menus and "related" lists are links (the reading leaves
  // them out too), and a link's own text already does something when pointed at.
  const walker = doc.createTreeWalker(root, 0x5 /* elements and text */, {
    acceptNode: (node) =>
      node.nodeType === 1 && (node.nodeName === 'A' || isSkippedElement(node as Element, true)) ? 2 /* reject subtree */ : 1 /* accept */,
  });
  let visited = 0;
  for (let node = walker.nextNode(); node && visited < MAX_NODES; node = walker.nextNode(), visited++) {
    if (node.nodeType !== 3) continue;
    const text = lowerKeepingOffsets(node.nodeValue ?? '');
    for (const match of text.matchAll(pattern)) {
      const group = match.slice(1).findIndex((g) => g !== undefined);
      found.push({ node: node as Text, start: match.index, end: match.index + match[0].length, term: sorted[group].i });
      if (found.length >= MAX_OCCURRENCES) return found;
    }
  }
  return found;
}
