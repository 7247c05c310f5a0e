// Test pages and keyword lists for scripts/bench-browser.ts.
//
//  - typicalArticle(): a real AI article from the dev set, padded with its own
//    article paragraphs to about 50 KB (third-party <script src> tags removed so
//    that nothing waits on a failing network request).
//  - ordinaryArticle(): a ~50 KB news article that is not about AI (tennis).
//  - ordinaryChineseArticle(): a ~50 KB Chinese article that is not about AI.
//  - heavyPage(): the same article followed by many rows of ordinary (non-AI)
//    text, about 5 MB of HTML and about 100,000 elements.
//  - tickerPage(): the ordinary article with a line added every 100 ms (nothing).
//  - newsSitePage(): the ordinary article in a news site's menus, teasers and footer.
//  - markKeywords(): the terms a naive highlighter would look for, taken from
//    the lexicon's AI concepts (aiSignal >= 0.5), English and Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/harness';

const DEV_EN = join(ROOT, 'tests', 'pages', 'dev-en');
const DEV_ZH = join(ROOT, 'tests', 'pages', 'dev-zh');
const ARTICLE_FILE = join(DEV_EN, 'ai-scaling-data-wall.html');
const ORDINARY_ARTICLE_FILE = join(DEV_EN, 'notai-tennis-final-match-report.html');
const ORDINARY_CHINESE_FILE = join(DEV_ZH, 'zh-notai-index-fund-investing.html');
const ORDINARY_FILES = [
  'notai-braised-short-ribs-recipe.html',
  'notai-local-library-reopening.html',
  'notai-roth-ira-vs-401k.html',
  'notai-tennis-final-match-report.html',
  'notai-smartphone-camera-review.html',
];

export interface BenchPage {
  name: string;
  html: string;
  bytes: number;
  /** Elements in the markup (start tags), counted from the source. */
  elements: number;
}

function baseArticle(file = ARTICLE_FILE): string {
  return readFileSync(file, 'utf8').replace(/<script\b[^>]*\bsrc="https?:[^"]*"[^>]*>\s*<\/script>/g, '');
}

function countElements(html: string): number {
  return html.match(/<[a-zA-Z][^>]*>/g)?.length ?? 0;
}

function page(name: string, html: string): BenchPage {
  return { name, html, bytes: Buffer.byteLength(html), elements: countElements(html) };
}

function splitArticle(html: string): { before: string; article: string; after: string } {
  const start = html.indexOf('<article');
  const end = html.indexOf('</article>');
  if (start < 0 || end < 0) throw new Error('the article page has no <article>');
  return { before: html.slice(0, start), article: html.slice(start, end), after: html.slice(end) };
}

function paddedArticle(name: string, file: string, bytes: number): BenchPage {
  const { before, article, after } = splitArticle(baseArticle(file));
  const paragraphs = [...article.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]);
  let padded = article;
  for (let i = 0; Buffer.byteLength(before + padded + after) < bytes; i++) padded += `\n    ${paragraphs[i % paragraphs.length]}`;
  return page(name, before + padded + after);
}

/** The AI article padded with copies of its own plain paragraphs to about `bytes` bytes. */
export function typicalArticle(bytes = 50_000): BenchPage {
  return paddedArticle('typical AI article', ARTICLE_FILE, bytes);
}

/** An ordinary (not AI) news article, padded the same way: what most page loads look like. */
export function ordinaryArticle(bytes = 50_000, name = 'ordinary article'): BenchPage {
  return paddedArticle(name, ORDINARY_ARTICLE_FILE, bytes);
}

/** An ordinary Chinese article (personal finance), padded the same way: Chinese text is read character by character. */
export function ordinaryChineseArticle(bytes = 50_000): BenchPage {
  return paddedArticle('ordinary Chinese article', ORDINARY_CHINESE_FILE, bytes);
}

/**
 * The ordinary article with a live ticker: a line added every 100 ms, at most 20 kept, as on a
 * news front page with scores or prices. Nothing about AI, so only the watcher for late content
 * runs: what a page that never stops changing costs after the decision.
 */
export function tickerPage(): BenchPage {
  const ticker =
    `<ol id="ticker" aria-live="off"></ol><script>setInterval(() => { const list = document.getElementById('ticker');` +
    ` const item = document.createElement('li'); item.textContent = 'Update at ' + new Date().toLocaleTimeString();` +
    ` list.prepend(item); if (list.children.length > 20) list.lastElementChild.remove(); }, 100);</script>`;
  const article = ordinaryArticle();
  return page('ordinary article with a live ticker', article.html.replace('</body>', `${ticker}\n</body>`));
}

function ordinarySentences(): string[] {
  const sentences: string[] = [];
  for (const file of ORDINARY_FILES) {
    const html = readFileSync(join(DEV_EN, file), 'utf8');
    for (const [, text] of html.matchAll(/<p>([^<]{40,})<\/p>/g)) {
      for (const s of text.split(/(?<=[.!?])\s+/)) if (s.length >= 30) sentences.push(s.trim());
    }
  }
  if (sentences.length < 20) throw new Error('not enough ordinary sentences in the dev pages');
  return sentences;
}

/**
 * The ordinary article inside a news site's chrome, as real article pages come: a menu of
 * 15 sections with 12 links each, share buttons, 120 related-story teasers (image, kicker,
 * headline, standfirst, time) and a footer of 300 links; about 2,400 elements in all. The
 * every-page script's native reads traverse every element, so this is where their cost
 * per element shows (bench:ab -- news).
 */
export function newsSitePage(): BenchPage {
  const { before, article, after } = splitArticle(ordinaryArticle().html);
  const sentences = ordinarySentences();
  const words = (i: number, n: number) => sentences[i % sentences.length].split(' ').slice(0, n).join(' ');
  const menu = Array.from({ length: 15 }, (_, s) =>
    `<li class="nav-section"><a href="/s${s}">${words(s, 1)}</a><ul class="nav-sub">${Array.from({ length: 12 }, (_, l) => `<li><a href="/s${s}/${l}">${words(s * 12 + l, 2)}</a></li>`).join('')}</ul></li>`,
  ).join('\n');
  const share = ['Facebook', 'X', 'Email', 'Copy link', 'Print'].map((n) => `<li><button type="button"><span class="icon"></span><span>${n}</span></button></li>`).join('');
  const teasers = Array.from({ length: 120 }, (_, i) =>
    `<div class="teaser"><a href="/story/${i}"><div class="media"><img alt="" width="160" height="90"></div><div class="text"><span class="kicker">${words(i, 1)}</span><h3>${words(i * 3, 8)}</h3><p>${sentences[(i * 5) % sentences.length]}</p><time>2 hours ago</time></div></a></div>`,
  ).join('\n');
  const footer = Array.from({ length: 300 }, (_, i) => `<li><a href="/f${i}">${words(i * 11, 2)}</a></li>`).join('');
  const html =
    before.replace(/<body([^>]*)>/, `<body$1>\n<header class="site"><nav><ul class="nav">${menu}</ul></nav></header>\n<div class="layout"><div class="content">`) +
    article.replace(/(<article[^>]*>)/, `$1<ul class="share">${share}</ul>`) +
    `</article>\n<aside class="related"><h2>More stories</h2>${teasers}</aside></div></div>\n<footer class="site"><ul>${footer}</ul></footer>` +
    after.slice('</article>'.length);
  return page('ordinary article on a news site', html);
}

/**
 * The AI article followed by rows of ordinary text until the page reaches about
 * `bytes` bytes; each row is a <div> with three inline children, so 5 MB comes to
 * roughly 100,000 elements.
 */
export function heavyPage(bytes = 5_000_000): BenchPage {
  const { before, article, after } = splitArticle(baseArticle());
  const sentences = ordinarySentences();
  const head = `${before}${article}</article>\n<section class="archive">\n`;
  const tail = `</section>\n${after.slice('</article>'.length)}`;
  const rows: string[] = [];
  let size = Buffer.byteLength(head + tail);
  for (let i = 0; size < bytes; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    const row =
      `<div class="row"><span class="when">2023-${month}-${day}</span> <b>Note ${i + 1}</b> ` +
      `<span class="text">${sentences[(i * 7) % sentences.length]}</span></div>\n`;
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  return page('heavy page', head + rows.join('') + tail);
}

interface Lexicon {
  concepts: { id: string; aiSignal: number; label: { en: string; zh: string }; terms: { en: string[]; zh: string[] } }[];
}

/**
 * What a naive highlighter would search for: for every AI concept (aiSignal >= 0.5)
 * its first English and first Chinese term, de-duplicated.
 * (The engine itself knows every term of every concept; this is a few dozen.)
 */
export function markKeywords(): string[] {
  const lexicon = JSON.parse(readFileSync(join(ROOT, 'assets', 'lexicon.json'), 'utf8')) as Lexicon;
  const words = new Set<string>();
  for (const c of lexicon.concepts.filter((c) => c.aiSignal >= 0.5)) {
    for (const w of [c.terms.en[0], c.terms.zh[0]]) if (w) words.add(w);
  }
  return [...words];
}
