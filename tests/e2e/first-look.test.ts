/**
 * The first look on every page (extension/content/page-screen.ts) reads the page with XPath
 * (lib/extract/first-look.ts), which only a browser runs. Chromium runs that module here on
 * every labeled page and on made-up ones, and the pre-screen judges what it read, as the
 * extension does: it must let through every page the engine calls about AI and rule out most others.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ts from 'typescript';
import { LEAD_CHARS } from '../../extension/content/page-screen';
import { lexicon, shippedEngine } from '../../lib/engine-data';
import { extractPageText } from '../../lib/extract/page-text';
import { plainPageText } from '../../lib/extract/plain-text';
import { compilePrescreen } from '../../lib/relevance/prescreen';
import { prescreenData } from '../../lib/relevance/prescreen-data';
import { labeledFolders, type Label } from '../../scripts/lib/evaluate';
import { CHROMIUM_PATH, CHROMIUM_SWITCHES, PAGES_DIR, ROOT } from './harness';

const mayBeAboutAi = compilePrescreen(prescreenData(lexicon));
const engine = shippedEngine();
let browser: Browser;
let tab: Page;

/** lib/extract/first-look.ts as the extension ships it, runnable in a page: it imports nothing. */
const FIRST_LOOK_MODULE = ts.transpileModule(readFileSync(join(ROOT, 'lib/extract/first-look.ts'), 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
}).outputText;

/** What the first look reads from this HTML in Chromium (readFirstLook, as the every-page script calls it). */
function firstLook(html: string): Promise<string> {
  return tab.evaluate(
    ({ html, leadChars }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return (window as unknown as { firstLook: typeof import('../../lib/extract/first-look') }).firstLook.readFirstLook(doc, leadChars);
    },
    { html, leadChars: LEAD_CHARS },
  );
}

const page = (body: string, head = '<title>Local news</title>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const SENTENCE = '<p>The council reopened the library on Saturday, with longer hours and a new reading room.</p>';
const AI_PARAGRAPH = '<p>Large language models keep scaling.</p>';

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_SWITCHES });
  tab = await browser.newPage();
  await tab.evaluate((source) => {
    const exports = {};
    new Function('exports', source)(exports);
    (window as unknown as { firstLook: unknown }).firstLook = exports;
  }, FIRST_LOOK_MODULE);
});

afterAll(async () => {
  await browser?.close();
});

describe('the first look, in Chromium', () => {
  it('lets through every labeled page the engine calls about AI, and rules out most others', async () => {
    const missed: string[] = [];
    const ordinary: boolean[] = [];
    for (const folder of [...labeledFolders().dev, ...labeledFolders().holdout]) {
      for (const label of JSON.parse(readFileSync(join(PAGES_DIR, folder, 'labels.json'), 'utf8')) as Label[]) {
        const source = readFileSync(join(PAGES_DIR, folder, label.file), 'utf8');
        const plain = label.file.endsWith('.txt');
        const text = extractPageTextOf(source, plain);
        const seen = plain ? source : await firstLook(source);
        if (engine.analyze(text).verdict.about && !mayBeAboutAi(seen)) missed.push(label.file);
        if (label.kind === 'not-ai') ordinary.push(mayBeAboutAi(seen));
      }
    }
    expect(missed).toEqual([]);
    expect(ordinary.length).toBeGreaterThan(20);
    expect(ordinary.filter((passed) => !passed).length / ordinary.length).toBeGreaterThanOrEqual(0.8);
  });

  it('rules out an ordinary article, long or short, and lets an AI article through', async () => {
    expect(mayBeAboutAi(await firstLook(page(SENTENCE.repeat(200))))).toBe(false);
    expect(mayBeAboutAi(await firstLook(page(SENTENCE.repeat(2_500))))).toBe(false); // about 220,000 characters
    expect(mayBeAboutAi(await firstLook(page(`${SENTENCE}${AI_PARAGRAPH}`)))).toBe(true);
  });

  it('reads the opening of the main text and the head, not the whole page', async () => {
    // About 9,000 characters of library news before the one mention.
    const late = `${SENTENCE.repeat(100)}${AI_PARAGRAPH}`;
    expect(mayBeAboutAi(await firstLook(page(late)))).toBe(false);
    expect(mayBeAboutAi(await firstLook(page(late, '<title>What large language models read</title>')))).toBe(true);
    const described = '<title>Local news</title><meta name="description" content="How chatbots answer readers">';
    expect(mayBeAboutAi(await firstLook(page(late, described)))).toBe(true);
  });

  it('reads no more than the opening of one huge text node', async () => {
    const seen = await firstLook(page(`<p>${'Local news in brief. '.repeat(250_000)}</p>`)); // about 5 MB in one node
    expect(seen.length).toBeLessThan(2_100);
    expect(seen.startsWith('Local news\n\nLocal news in brief.')).toBe(true);
  });

  it('reads the article where the page marks it: a lone <article>, else <main>, else the body', async () => {
    const read = async (body: string) => (await firstLook(page(body))).split('\n').slice(2).join('\n');
    expect(await read('<nav>Menu</nav><main>In main<article>The article</article></main>')).toBe('The article');
    expect(await read('<nav>Menu</nav><main>In main<article>One</article><article>Two</article></main>')).toBe('In mainOneTwo');
    expect(await read('<nav>Menu</nav><div>Story</div>')).toBe('MenuStory');
    // The navigation's words stay out when the page marks its main text.
    expect(mayBeAboutAi(await firstLook(page(`<nav>AI tools</nav><main>${SENTENCE}</main>`)))).toBe(false);
  });
});

function extractPageTextOf(source: string, plain: boolean) {
  if (plain) return plainPageText(source);
  const { document } = parseHTML(source);
  return extractPageText(document as unknown as Document);
}
