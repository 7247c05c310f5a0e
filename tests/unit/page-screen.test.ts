// @vitest-environment happy-dom
// The first look on every page (extension/content/page-screen.ts): it reads the
// title, the description and the opening of the body, so an ordinary page of any
// length ends there; a document with too many elements to read even that cheaply
// goes on to the sliced reading rather than being ruled out unread.
import { describe, expect, it } from 'vitest';
import { mayBeAboutAiPage } from '../../extension/content/page-screen';

const SENTENCE = '<p>The council reopened the library on Saturday, with longer hours and a new reading room.</p>';
const AI_PARAGRAPH = '<p>Large language models keep scaling.</p>';

function page(body: string, title = 'Local news'): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, 'text/html');
}

describe('the first look', () => {
  it('rules out an ordinary article and lets an AI article through', () => {
    expect(mayBeAboutAiPage(page(SENTENCE.repeat(200)))).toBe(false);
    expect(mayBeAboutAiPage(page(`${SENTENCE}${AI_PARAGRAPH}`))).toBe(true);
  });

  it('reads the opening of the body, not all of it', () => {
    // About 9,000 characters of library news before the one mention.
    expect(mayBeAboutAiPage(page(`${SENTENCE.repeat(100)}${AI_PARAGRAPH}`))).toBe(false);
    expect(mayBeAboutAiPage(page(`${SENTENCE.repeat(100)}${AI_PARAGRAPH}`, 'What large language models read'))).toBe(true);
  });

  it('rules out a long ordinary page in one look', () => {
    expect(mayBeAboutAiPage(page(SENTENCE.repeat(2_500)))).toBe(false); // about 220,000 characters
  });

  it('hands a document with too many elements to read at once to the sliced reading', () => {
    expect(mayBeAboutAiPage(page('<i>x</i>'.repeat(21_000)))).toBe(true);
    expect(mayBeAboutAiPage(page('<i>x</i>'.repeat(15_000)))).toBe(false);
  });
});
