// Optional (Settings → highlight mode): marks the page's AI terms with the CSS
// Custom Highlight API, which changes no DOM, and treats a marked term like a
// Wikipedia page-preview link: resting the pointer on it, or moving the caret
// into it from the keyboard, asks for the remarks on that concept.
import { findTermOccurrences, type TermOccurrence } from '@/lib/extract/term-ranges';

const HIGHLIGHT_NAME = 'tian-quote-term';
/** Hover intent: the pointer must rest this long on a term. */
const INTENT_MS = 450;

const MARK_CSS = `::highlight(${HIGHLIGHT_NAME}) {
  background-color: rgba(250, 204, 21, 0.28);
  text-decoration: underline dotted rgba(180, 83, 9, 0.9);
  text-decoration-thickness: 2px;
}`;

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as CaretDocument;
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function markTerms(
  marks: { term: string; concept: string }[],
  signal: AbortSignal,
  onConcept: (concept: string) => void,
): void {
  if (marks.length === 0 || typeof Highlight !== 'function' || !CSS.highlights) return;
  const occurrences = findTermOccurrences(document.body, marks.map((m) => m.term));
  if (occurrences.length === 0) return;

  const byNode = new Map<Node, TermOccurrence[]>();
  const ranges = occurrences.map((o) => {
    byNode.set(o.node, [...(byNode.get(o.node) ?? []), o]);
    const range = new Range();
    range.setStart(o.node, o.start);
    range.setEnd(o.node, o.end);
    return range;
  });
  CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(MARK_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const conceptAt = (node: Node | null, offset: number): string | undefined => {
    const hit = node && byNode.get(node)?.find((o) => o.start <= offset && offset < o.end);
    return hit ? marks[hit.term].concept : undefined;
  };
  let last: string | undefined;
  const ask = (concept: string | undefined) => {
    if (concept && concept !== last) onConcept(concept);
    last = concept;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener(
    'pointermove',
    (event) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const caret = caretAt(event.clientX, event.clientY);
        ask(caret ? conceptAt(caret.node, caret.offset) : undefined);
      }, INTENT_MS);
    },
    { passive: true, signal },
  );
  document.addEventListener(
    'selectionchange',
    () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const selection = document.getSelection();
        if (selection?.isCollapsed) ask(conceptAt(selection.anchorNode, selection.anchorOffset));
      }, INTENT_MS);
    },
    { signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      CSS.highlights.delete(HIGHLIGHT_NAME);
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
    { once: true },
  );
}
