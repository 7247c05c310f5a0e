// @vitest-environment happy-dom
// The first look on every page (extension/content/page-screen.ts): ordinary pages
// end there; pages too big to scan in one short task go on to the sliced reading
// rather than being scanned in one go or ruled out unread.
import { describe, expect, it } from 'vitest';
import { mayBeAboutAiPage } from '../../extension/content/page-screen';

const SENTENCE = '<p>The council reopened the library on Saturday, with longer hours and a new reading room.</p>';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>Local news</title></head><body>${body}</body></html>`, 'text/html');
}

describe('the first look', () => {
  it('rules out an ordinary article and lets an AI article through', () => {
    expect(mayBeAboutAiPage(page(SENTENCE.repeat(200)))).toBe(false);
    expect(mayBeAboutAiPage(page(`${SENTENCE}<p>Large language models keep scaling.</p>`))).toBe(true);
  });

  it('hands a page with too much text to scan at once to the sliced reading', () => {
    const text = SENTENCE.repeat(2_500); // about 220,000 characters, 2,500 elements
    expect(mayBeAboutAiPage(page(text))).toBe(true);
  });

  it('hands a document with too many elements to read at once to the sliced reading', () => {
    expect(mayBeAboutAiPage(page('<i>x</i>'.repeat(21_000)))).toBe(true);
    expect(mayBeAboutAiPage(page('<i>x</i>'.repeat(15_000)))).toBe(false);
  });
});
