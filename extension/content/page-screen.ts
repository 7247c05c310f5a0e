// The first look every page gets, in the content script that runs everywhere
// (entrypoints/page-screen.ts): native reads of the page's text and the
// pre-screen (lib/relevance/prescreen.ts). No extension API is touched here:
// a content script's first use of one costs the page a few milliseconds.
import prescreen from 'virtual:ai-prescreen';
import { hasMoreElementsThan, rawPageBody, rawPageHead } from '@/lib/extract/page-text';
import { compilePrescreen } from '@/lib/relevance/prescreen';

// Both limits keep the first look one short task on any page; past them the
// sliced reading (extract-sliced.ts) decides, a few milliseconds at a time.
/** One scan of this much text takes about 20 ms on a slow machine (npm run bench). */
const MAX_SCREENED_CHARS = 200_000;
/** Past this many elements, reading all their text in one call is itself a long step. */
const MAX_SCREENED_ELEMENTS = 20_000;

let mayBeAboutAi: ((text: string) => boolean) | undefined;

/** False only when the page cannot be about AI; true sends it to the full reading. */
export function mayBeAboutAiPage(doc: Document): boolean {
  if (hasMoreElementsThan(doc, MAX_SCREENED_ELEMENTS)) return true;
  mayBeAboutAi ??= compilePrescreen(prescreen);
  // Most articles about AI say so in their title or description; the body is then not read here.
  // (The engine counts title and body apart, so no term it counts runs from one into the other.)
  if (mayBeAboutAi(rawPageHead(doc))) return true;
  const body = rawPageBody(doc);
  return body.length > MAX_SCREENED_CHARS || mayBeAboutAi(body);
}

/** HTML documents with a body; not XML, SVG, framesets or about:blank. */
export function isReadableDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' && doc.body?.nodeName === 'BODY' && location.protocol.startsWith('http');
}
