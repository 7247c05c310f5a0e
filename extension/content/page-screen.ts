// The first look every page gets, in the content script that runs everywhere
// (entrypoints/page-screen.ts): one native read of the page's text and the
// pre-screen (lib/relevance/prescreen.ts). No extension API is touched here:
// a content script's first use of one costs the page a few milliseconds.
import prescreen from 'virtual:ai-prescreen';
import { rawPageText } from '@/lib/extract/page-text';
import { compilePrescreen } from '@/lib/relevance/prescreen';

/** Past this much text the sliced reading decides instead: one read of it all could be a long task. */
const MAX_SCREENED_CHARS = 2_000_000;

let mayBeAboutAi: ((text: string) => boolean) | undefined;

/** False only when the page cannot be about AI; true sends it to the full reading. */
export function mayBeAboutAiPage(doc: Document): boolean {
  const text = rawPageText(doc);
  return text.length > MAX_SCREENED_CHARS || (mayBeAboutAi ??= compilePrescreen(prescreen))(text);
}

/** HTML documents with a body; not XML, SVG, framesets or about:blank. */
export function isReadableDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' && doc.body?.nodeName === 'BODY' && location.protocol.startsWith('http');
}
