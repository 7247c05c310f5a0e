// npm run bench: speed of the relevance engine in Node, each figure beside
// MiniSearch's default setup doing the naive job on the same input in the same
// run (the baseline): index every remark with the default tokenizer and query
// it with the page text. Medians of repeated runs; ratios < 1 mean we are faster.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { parseHTML } from 'linkedom';
import { lexicon, quotePack } from '../lib/engine-data';
import { createEngine } from '../lib/relevance/engine';
import { extractPageText } from '../lib/extract/page-text';

const PAGES = join(import.meta.dirname, '../tests/pages/dev-en');

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, work: () => unknown): number {
  work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** An article page of about `bytes` bytes, built from the dev set's AI articles. */
function articleOfSize(bytes: number): string {
  const labels = JSON.parse(readFileSync(join(PAGES, 'labels.json'), 'utf8')) as { file: string; kind: string }[];
  const paragraphs: string[] = [];
  for (const label of labels.filter((l) => l.kind === 'ai' && l.file.endsWith('.html'))) {
    const html = readFileSync(join(PAGES, label.file), 'utf8');
    for (const [p] of html.matchAll(/<p[ >][\s\S]*?<\/p>/g)) paragraphs.push(p);
  }
  let body = '';
  for (let i = 0; body.length < bytes; i++) body += paragraphs[i % paragraphs.length] + '\n';
  return `<!doctype html><html lang="en"><head><title>Why scaling laws may not be enough</title></head><body><nav><a href="/">Home</a></nav><article><h1>Why scaling laws may not be enough</h1>${body}</article><footer>footer</footer></body></html>`;
}

function naiveIndex() {
  const search = new MiniSearch({ fields: ['zh', 'en'], storeFields: ['zh'] });
  search.addAll(quotePack.quotes.map((q) => ({ id: q.id, zh: q.zh, en: q.en })));
  return search;
}

const rows: [string, number, number][] = [];
const ours = createEngine(quotePack, lexicon);
const naive = naiveIndex();

rows.push([
  'index load (lexicon + quotes)',
  time(30, () => createEngine(quotePack, lexicon)),
  time(30, naiveIndex),
]);

for (const [name, size, runs] of [['50 KB article', 50_000, 30], ['2 MB article', 2_000_000, 7]] as const) {
  const html = articleOfSize(size);
  const doc = parseHTML(html).document as unknown as Document;
  const plain = doc.body.textContent ?? '';
  rows.push([
    `${name}: extract + decide + rank`,
    time(runs, () => ours.analyze(extractPageText(doc))),
    time(runs, () => (/\bAI\b/.test(plain) ? naive.search(plain) : [])),
  ]);
}

console.log('Tian Quotes relevance engine, Node ' + process.version + ' (median ms; baseline = MiniSearch defaults)');
console.log('task'.padEnd(42) + 'ours'.padStart(10) + 'baseline'.padStart(10) + 'ratio'.padStart(8));
for (const [task, a, b] of rows) {
  console.log(task.padEnd(42) + a.toFixed(2).padStart(10) + b.toFixed(2).padStart(10) + (a / b).toFixed(2).padStart(8));
}
