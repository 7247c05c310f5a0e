// @vitest-environment happy-dom
// The first look on every page (extension/content/page-screen.ts) reads the page with one
// XPath expression, which happy-dom cannot run: what it reads and how the pre-screen judges
// it are checked in Chromium (tests/e2e/first-look.test.ts). Here: a document with too many
// elements to read even that cheaply goes on to the sliced reading rather than being ruled
// out unread. (XML, SVG, framesets and about:blank: tests/e2e/hostile-pages.test.ts.)
import { describe, expect, it } from 'vitest';
import { mayBeAboutAiPage } from '../../extension/content/page-screen';
import { hasMoreElementsThan } from '../../lib/extract/page-text';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>Local news</title></head><body>${body}</body></html>`, 'text/html');
}

describe('the first look', () => {
  it('hands a document with too many elements to read at once to the sliced reading', () => {
    expect(mayBeAboutAiPage(page('<i>x</i>'.repeat(21_000)))).toBe(true);
    expect(hasMoreElementsThan(page('<i>x</i>'.repeat(15_000)), 20_000)).toBe(false);
  });
});
