import { chromium } from 'playwright-core';
import { startServer } from '/work/main/tests/e2e/harness';
import { ordinaryArticle } from '/work/main/scripts/lib/bench-pages';
import { COMMON_ARGS } from '/work/main/scripts/lib/bench-chromium';
import { lexicon } from '/work/main/lib/engine-data';
import { prescreenData } from '/work/main/lib/relevance/prescreen';
const data = prescreenData(lexicon);
const server = await startServer();
server.route('/o.html', { body: ordinaryArticle(50_000).html });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: COMMON_ARGS });
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage();
  await page.goto(server.url(`/o.html?${i}`));
  const r = await page.evaluate(`(() => { const T=[]; let t=performance.now(); const lap=(n)=>{const x=performance.now(); T.push(n+' '+(x-t).toFixed(1)); t=x;};
    const data = ${JSON.stringify(data)}; lap('data');
    const words = new Set(Object.keys(data.words)); const exact = new Set(data.exact); lap('sets');
    const root = document.querySelector('article') ?? document.body; const text = document.title + '\\n' + root.textContent; lap('text');
    const n = text.normalize('NFKC'); lap('nfkc');
    const lower = n.toLowerCase(); lap('lower');
    const latin = lower.match(/[a-z0-9]+/g); lap('match '+latin.length);
    let hits = 0; for (let i = 0; i < latin.length; i++) if (words.has(latin[i])) hits++; lap('loop '+hits);
    let h2 = 0; for (const w of data.exact) if (n.includes(w)) h2++; lap('includes exact '+h2);
    let h3 = 0; for (const w of Object.keys(data.words)) if (lower.includes(w)) h3++; lap('includes words '+h3);
    const split = lower.split(/[^a-z0-9]+/); lap('split '+split.length);
    return T.join(' | '); })()`);
  console.log(r);
  await page.close();
}
await browser.close(); await server.close();
