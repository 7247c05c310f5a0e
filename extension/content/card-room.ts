// Whether a card can appear on this page without a long frame. The frame that
// first draws the card redoes layout, compositing inputs and paint over the
// whole document: measured on a slow 2-core machine (npm run bench), about
// 30 ms on a news article plus about 2.3 ms per thousand elements, so past
// 10,000 elements it would be a long task (over 50 ms). There the remark waits
// behind the toolbar button instead (extension/background/remark-badge.ts).
// News articles have 1,000 to 5,000 elements.
import { hasMoreElementsThan } from '@/lib/extract/page-text';

export const MAX_ELEMENTS_FOR_CARD = 10_000;

export function tooLargeForCard(doc: Document): boolean {
  return hasMoreElementsThan(doc, MAX_ELEMENTS_FOR_CARD);
}
