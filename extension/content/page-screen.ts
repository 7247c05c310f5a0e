// The first look every page gets, in the content script that runs everywhere
// (entrypoints/page-screen.ts): native reads of the page's text and the
// pre-screen (lib/relevance/prescreen.ts). No extension API is touched here:
// a content script's first use of one costs the page a few milliseconds.
import prescreen from 'virtual:ai-prescreen';
import { hasMoreElementsThan, rawPageHead, rawPageLead } from '@/lib/extract/page-text';
import { compilePrescreen } from '@/lib/relevance/prescreen';

/**
 * How much of the body the first look reads: its opening, about a thousand words. A page
 * about AI names it by then (every labeled one does within 600 characters); a page that
 * only turns to AI further down is not about it. Reading more would cost every page.
 */
const LEAD_CHARS = 6_000;
/** Past this many elements, even one native read of the text is a long step: the sliced reading decides. */
const MAX_SCREENED_ELEMENTS = 20_000;

let mayBeAboutAi: ((text: string) => boolean) | undefined;

/** What the first look reads: the title, the description and the opening of the body, as one text. */
export function firstLookText(doc: Document): string {
  // The line break keeps terms from running from the head into the body (the engine counts them apart).
  return `${rawPageHead(doc)}\n${rawPageLead(doc, LEAD_CHARS)}`;
}

/** False only when the page cannot be about AI; true sends it to the full reading. */
export function mayBeAboutAiPage(doc: Document): boolean {
  if (hasMoreElementsThan(doc, MAX_SCREENED_ELEMENTS)) return true;
  mayBeAboutAi ??= compilePrescreen(prescreen);
  return mayBeAboutAi(firstLookText(doc));
}

/** HTML documents with a body; not XML, SVG, framesets or about:blank. */
export function isReadableDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' && doc.body?.nodeName === 'BODY' && doc.URL.startsWith('http');
}
