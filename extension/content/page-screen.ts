// The first look every page gets, in the content script that runs everywhere
// (entrypoints/page-screen.ts): a native read of the opening of the page's text
// (lib/extract/first-look.ts) and the pre-screen (lib/relevance/prescreen.ts).
// No extension API is touched here: a content script's first use of one costs
// the page a few milliseconds.
import prescreen from 'virtual:ai-prescreen';
import { readFirstLook } from '@/lib/extract/first-look';
import { hasMoreElementsThan } from '@/lib/extract/page-text';
import { compilePrescreen } from '@/lib/relevance/prescreen';

/**
 * How much of the main text the first look reads: its opening, about 300 words, besides
 * the title and description. A page about AI names it by then (every labeled one does
 * within 600 characters); a page that only turns to AI further down is not about it.
 * Every character more costs every page: each text node read makes a wrapper (about 3 µs here).
 */
export const LEAD_CHARS = 2_000;
/** Past this many elements, even the first look's native reads are a long step: the sliced reading decides. */
const MAX_SCREENED_ELEMENTS = 20_000;

let mayBeAboutAi: ((text: string) => boolean) | undefined;

/** False only when the page cannot be about AI; true sends it to the full reading. */
export function mayBeAboutAiPage(doc: Document): boolean {
  if (hasMoreElementsThan(doc, MAX_SCREENED_ELEMENTS)) return true;
  mayBeAboutAi ??= compilePrescreen(prescreen);
  return mayBeAboutAi(readFirstLook(doc, LEAD_CHARS));
}

/** An HTML page from the web: not XML or SVG, not about:blank. Reads no element. */
export function isWebPage(doc: Document): boolean {
  return doc.contentType === 'text/html' && doc.URL.startsWith('http');
}

/** A page the full reading can work on: it has a body (a frameset has none). */
export function hasBody(doc: Document): boolean {
  return doc.body?.nodeName === 'BODY';
}
