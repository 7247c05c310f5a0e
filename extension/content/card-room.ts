// Whether a card can appear on this page without a long frame. On a very large
// document the browser's first frame after any visible change (style, layout,
// pre-paint and paint over the whole tree) costs about 1 ms per thousand
// elements on a slow machine, before the card's own work; past the limit the
// remark waits behind the toolbar button instead (extension/background/remark-badge.ts).
// News articles have 1,000 to 5,000 elements.

export const MAX_ELEMENTS_FOR_CARD = 25_000;

/** One bounded look: item(n) walks the document only as far as n. */
export function tooLargeForCard(doc: Document): boolean {
  return doc.getElementsByTagName('*').item(MAX_ELEMENTS_FOR_CARD) !== null;
}
