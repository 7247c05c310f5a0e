import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '/work/main/tests/e2e/harness';
import { typicalArticle, ordinaryArticle } from '/work/main/scripts/lib/bench-pages';
import { COMMON_ARGS } from '/work/main/scripts/lib/bench-chromium';
import { lexicon } from '/work/main/lib/engine-data';
import { prescreenData } from '/work/main/lib/relevance/prescreen';
const data = prescreenData(lexicon);
const server = await startServer();
server.route('/t.html', { body: typicalArticle(50_000).html });
server.route('/o.html', { body: ordinaryArticle(50_000).html });
const zh = readFileSync('tests/pages/dev-zh/zh-notai-index-fund-investing.html', 'utf8');
const body = zh.match(/<body[\s\S]*<\/body>/)![0];
server.route('/z.html', { body: zh.replace('</body>', body.repeat(12).replace(/<\/?body[^>]*>/g, '') + '</body>') });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: COMMON_ARGS });
const A = `(data) => { const forms=(k)=>{const o=[k,k+'s']; if(k.endsWith('y')) o.push(k.slice(0,-1)+'ies'); return o;};
  const exact = new Set(data.exact.flatMap((w) => [w, w+'s'])); const initials = new Set(data.initials); const next = new Map();
  for (const [word, seconds] of Object.entries(data.words)) { const f = seconds.length ? new Set(seconds.flatMap(forms)) : null; for (const x of forms(word)) next.set(x, f); }
  const han = new Set(data.han);
  return (text) => { const n = text.normalize('NFKC'); const latin = n.match(/[A-Za-z0-9]+/g) ?? [];
    for (let i = 0; i < latin.length; i++) { const w = latin[i]; if (exact.has(w)) return true; if (w.length===1 && latin[i+1]?.length===1 && initials.has(w+latin[i+1])) return true;
      const l = w.toLowerCase(); if (!next.has(l)) continue; const f = next.get(l); if (!f || (i+1<latin.length && f.has(latin[i+1].toLowerCase()))) return true; }
    for (const [run] of n.matchAll(/\\p{Script=Han}+/gu)) for (let i=0;i<run.length;i++) if (han.has(run[i])||han.has(run.slice(i,i+2))||han.has(run.slice(i,i+3))) return true;
    return false; }; }`;
// B: regexes, built at runtime from the lists, no flags
const B = `(data) => { const esc=(s)=>s.replace(/[.*+?^$()|[\\]{}\\\\-]/g,'\\\\$&');
  const exact = new RegExp('(?:^|[^A-Za-z0-9])(?:' + data.exact.map(esc).join('|') + ')s?(?![A-Za-z0-9])');
  const firstAlt = Object.keys(data.words).map((k) => k.endsWith('y') ? esc(k.slice(0,-1)) + '(?:y|ies|ys)' : esc(k) + 's?').join('|');
  const first = new RegExp('(?:^|[^a-z0-9])(' + firstAlt + ')(?![a-z0-9])[^a-z0-9]*([a-z0-9]*)', 'g');
  const seconds = new Map(Object.entries(data.words).map(([k, v]) => [k, new Set(v)]));
  const stem = (w) => w.length > 4 && w.endsWith('ies') ? w.slice(0,-3)+'y' : (w.length>3 && w.endsWith('s') && !/(ss|us|is)$/.test(w) ? w.slice(0,-1) : w);
  const han = new RegExp(data.han.join('|'));
  return (text) => { const n = text.normalize('NFKC'); if (exact.test(n)) return true;
    const lower = n.toLowerCase(); first.lastIndex = 0; let m;
    while ((m = first.exec(lower))) { const s = seconds.get(stem(m[1])); if (!s || s.size === 0 || s.has(stem(m[2]))) return true; first.lastIndex = m.index + m[0].length - m[2].length; }
    return han.test(n); }; }`;
for (const path of ['/o.html', '/t.html', '/z.html']) {
  for (const [name, impl] of [['A', A], ['B', B]]) {
    const out: string[] = [];
    for (let i = 0; i < 4; i++) {
      const page = await browser.newPage();
      await page.goto(server.url(`${path}?${name}${i}`));
      const r = await page.evaluate(`(() => { const data = ${JSON.stringify(data)}; const t0 = performance.now(); const f = (${impl})(data); const t1 = performance.now();
        const root = document.querySelector('article') ?? document.body; const text = document.title + '\\n' + root.textContent; const t2 = performance.now();
        const hit = f(text); const t3 = performance.now(); return [text.length, hit, (t1-t0).toFixed(2), (t2-t1).toFixed(2), (t3-t2).toFixed(2)].join(' '); })()`);
      out.push(r as string);
      await page.close();
    }
    console.log(path, name, out.join(' | '));
  }
}
await browser.close(); await server.close();
