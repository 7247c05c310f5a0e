// npm run bench (first half): speed of the relevance engine in Node, each figure beside
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
import { createRemarkFinder } from '../lib/remark-finder';
import type { QuotePack } from '../lib/pack/schema';
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

for (const [name, size, runs] of [['50 KB article', 50_000, 30], ['2 MB article', 2_000_000, 3]] as const) {
  const html = articleOfSize(size);
  const doc = parseHTML(html).document as unknown as Document;
  const plain = doc.body.textContent ?? '';
  rows.push([
    `${name}: extract + decide + rank`,
    time(runs, () => ours.analyze(extractPageText(doc))),
    time(runs, () => (/\bAI\b/.test(plain) ? naive.search(plain) : [])),
  ]);
}

// Search as you type (the popup): every prefix of a few queries is one keystroke.
const TYPED = ['scaling law', 'self-driving cars', 'interpretability', '数据效率', '世界模型和Sora', 'AGI definition', 'startup VC'];
const KEYSTROKES = TYPED.flatMap((q) => Array.from({ length: [...q].length }, (_, i) => [...q].slice(0, i + 1).join('')));

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

/** p95 of per-keystroke times over `rounds` passes of typing every query. */
function perKeystroke(rounds: number, search: (query: string) => unknown): number {
  for (const q of KEYSTROKES) search(q); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of KEYSTROKES) {
      const start = performance.now();
      search(q);
      samples.push(performance.now() - start);
    }
  }
  return p95(samples);
}

/** The pack repeated to `size` remarks (new ids, same words): the index a much larger pack would have. */
function scaledPack(size: number): QuotePack {
  const quotes = Array.from({ length: size }, (_, i) => {
    const q = quotePack.quotes[i % quotePack.quotes.length];
    return { ...q, id: `${q.id}-${Math.floor(i / quotePack.quotes.length)}` };
  });
  return { ...quotePack, quotes };
}

function naiveSearchIndex(pack: QuotePack) {
  const search = new MiniSearch({ fields: ['zh', 'en'], searchOptions: { prefix: true, fuzzy: 0.2 } });
  search.addAll(pack.quotes.map((q) => ({ id: q.id, zh: q.zh, en: q.en })));
  return search;
}

for (const [name, pack, rounds] of [['real pack (68)', quotePack, 20], ['pack scaled to 10,000', scaledPack(10_000), 3]] as const) {
  const finder = createRemarkFinder(pack === quotePack ? ours : createEngine(pack, lexicon), pack);
  const naiveFinder = naiveSearchIndex(pack);
  rows.push([
    `keystroke p95, ${name}`,
    perKeystroke(rounds, (q) => finder.search(q)),
    perKeystroke(rounds, (q) => naiveFinder.search(q)),
  ]);
}

console.log('Tian Quotes relevance engine, Node ' + process.version + ' (median ms, keystrokes p95 ms; baseline = MiniSearch defaults)');
console.log('task'.padEnd(42) + 'ours'.padStart(10) + 'baseline'.padStart(10) + 'ratio'.padStart(8));
for (const [task, a, b] of rows) {
  console.log(task.padEnd(42) + a.toFixed(2).padStart(10) + b.toFixed(2).padStart(10) + (a / b).toFixed(2).padStart(8));
}
console.log('bars: keystroke p95 ≤ 5 ms on the real pack, ≤ 30 ms on 10,000 remarks');
