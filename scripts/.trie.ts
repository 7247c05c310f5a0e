import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '/work/main/tests/e2e/harness';
import { typicalArticle, ordinaryArticle } from '/work/main/scripts/lib/bench-pages';
import { COMMON_ARGS } from '/work/main/scripts/lib/bench-chromium';
import { lexicon } from '/work/main/lib/engine-data';
import { prescreenData } from '/work/main/lib/relevance/prescreen';
const d = prescreenData(lexicon);
type T = { next: Map<string, T>; end: boolean };
function trie(seqs: string[][]): string {
  const root: T = { next: new Map(), end: false };
  for (const seq of seqs.sort((a, b) => a.length - b.length)) { let n = root; for (const p of seq) { if (n.end) break; let c = n.next.get(p); if (!c) n.next.set(p, (c = { next: new Map(), end: false })); n = c; } n.end = true; n.next.clear(); }
  const emit = (n: T): string => { const b = [...n.next].map(([p, c]) => p + emit(c)); if (!b.length) return ''; if (n.end) return `(?:${b.join('|')})?`; return b.length === 1 ? b[0] : `(?:${b.join('|')})`; };
  return emit(root);
}
const esc = (s: string) => s.replace(/[.*+?^$()|[\]{}\\-]/g, '\\$&');
const latinSeqs: string[][] = [];
for (const [w, secs] of Object.entries(d.words)) {
  const start = w.endsWith('y') && w.length > 3 ? w.slice(0, -1) : w;
  if (!secs.length) latinSeqs.push(Array.from(esc(start)));
  else for (const s of secs) latinSeqs.push([...Array.from(esc(start)), '[a-z]{0,3}[^a-z0-9]*', ...Array.from(esc(s.endsWith('y') && s.length > 3 ? s.slice(0, -1) : s))]);
}
const latin = '(?<![a-z0-9])' + trie(latinSeqs);
const exact = '(?<![A-Za-z0-9])' + trie(d.exact.map((w) => Array.from(esc(w)))) + '(?![a-z0-9])';
const han = trie(d.han.map((h) => Array.from(h)));
console.log('sizes', latin.length, exact.length, han.length);
const server = await startServer();
server.route('/t.html', { body: typicalArticle(50_000).html });
server.route('/o.html', { body: ordinaryArticle(50_000).html });
const zh = readFileSync('tests/pages/dev-zh/zh-notai-index-fund-investing.html', 'utf8');
const body = zh.match(/<body[\s\S]*<\/body>/)![0];
server.route('/z.html', { body: zh.replace('</body>', body.repeat(30).replace(/<\/?body[^>]*>/g, '') + '</body>') });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: COMMON_ARGS });
for (const path of ['/o.html', '/t.html', '/z.html']) {
  const out: string[] = [];
  for (let i = 0; i < 4; i++) {
    const page = await browser.newPage();
    await page.goto(server.url(`${path}?${i}`));
    const r = await page.evaluate(`(() => { const t0=performance.now(); const L=new RegExp(${JSON.stringify(latin)}), E=new RegExp(${JSON.stringify(exact)}), H=new RegExp(${JSON.stringify(han)});
      const root = document.querySelector('article') ?? document.body; const text = document.title + '\\n' + root.textContent; const t1=performance.now();
      const n = text.normalize('NFKC'); const e = E.test(n); const t2=performance.now(); const l = L.test(n.toLowerCase()); const t3=performance.now(); const h = H.test(n); const t4=performance.now();
      return [text.length, e, l, h, 'text', (t1-t0).toFixed(1), 'exact', (t2-t1).toFixed(1), 'latin', (t3-t2).toFixed(1), 'han', (t4-t3).toFixed(1)].join(' '); })()`);
    out.push(r as string);
    await page.close();
  }
  console.log(path, '\n  ' + out.join('\n  '));
}
await browser.close(); await server.close();
