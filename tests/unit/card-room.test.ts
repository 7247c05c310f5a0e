// @vitest-environment happy-dom
// A page past the element limit keeps its remark behind the toolbar button
// (extension/content/card-room.ts); every ordinary article gets its card.
import { describe, expect, it } from 'vitest';
import { MAX_ELEMENTS_FOR_CARD, tooLargeForCard } from '../../extension/content/card-room';

function pageWithRows(rows: number): Document {
  const html = `<!doctype html><html><head><title>t</title></head><body><article><h1>AI</h1></article>${'<div></div>'.repeat(rows)}</body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('room for a card', () => {
  it('is there on an article, and on a page just under the limit', () => {
    expect(tooLargeForCard(pageWithRows(2_000))).toBe(false);
    // html, head, title, body, article, h1: six elements besides the rows.
    expect(tooLargeForCard(pageWithRows(MAX_ELEMENTS_FOR_CARD - 6))).toBe(false);
  });

  it('is not there once the page has more elements than the limit', () => {
    expect(tooLargeForCard(pageWithRows(MAX_ELEMENTS_FOR_CARD - 5))).toBe(true);
    expect(tooLargeForCard(pageWithRows(30_000))).toBe(true);
  });
});
