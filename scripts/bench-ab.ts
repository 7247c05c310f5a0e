// npm run bench:ab -- PAGE RUNS BUILD_DIR...: the every-page script of several builds
// side by side, for changes worth a fraction of a millisecond, which this shared
// machine's swings (up to 2× between runs) would hide if the builds were measured
// one after the other. One headless Chromium per build, cold loads of the page
// taken in turn, each in a fresh tab under a trace. Per build, over the loads:
// main-thread CPU of the tasks that ran page-screen.js, of compiling it, and of
// its calls (the idle callback), as median and first quartile.
//   PAGE: ordinary | zh | ai | long | news (scripts/lib/bench-pages.ts; long: the ordinary article padded to 1.5 MB;
//   news: the ordinary article in a news site's menus, teasers and footer, about 2,400 elements). BUILD_DIR: a copy of
//   .output/chrome-mv3, e.g. one built from another commit.
import { basename } from 'node:path';
import { startServer } from '../tests/e2e/harness';
import { launchChromium } from './lib/bench-chromium';
import { newsSitePage, ordinaryArticle, ordinaryChineseArticle, typicalArticle, type BenchPage } from './lib/bench-pages';
import { startTracing, type TraceEvent } from './lib/bench-trace';

const [pageKey = 'ordinary', runs = '12', ...dirs] = process.argv.slice(2);
if (dirs.length === 0) throw new Error('usage: npm run bench:ab -- ordinary|zh|ai|long|news RUNS BUILD_DIR...');
const pages: Record<string, () => BenchPage> = {
  ordinary: () => ordinaryArticle(),
  zh: () => ordinaryChineseArticle(),
  ai: () => typicalArticle(),
  long: () => ordinaryArticle(1_500_000, 'long ordinary page'),
  news: () => newsSitePage(),
};
const page = pages[pageKey]?.();
if (!page) throw new Error(`unknown page ${pageKey}`);

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'];
const isOurs = (e: TraceEvent) => JSON.stringify(e.args?.data ?? {}).includes('page-screen.js');

/** CPU ms: the tasks that ran our script, compiling it, and its calls. */
function ourCpu(events: TraceEvent[]): { tasks: number; compile: number; calls: number } {
  const cpu = (e: TraceEvent) => (e.tdur ?? 0) / 1000;
  const ours = events.filter((e) => e.ph === 'X' && isOurs(e));
  const tasks = events.filter(
    (t) => t.name === 'RunTask' && t.ph === 'X' && ours.some((e) => e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0)),
  );
  const sum = (xs: TraceEvent[]) => xs.reduce((total, e) => total + cpu(e), 0);
  return { tasks: sum(tasks), compile: sum(ours.filter((e) => e.name === 'v8.compile')), calls: sum(ours.filter((e) => e.name === 'FunctionCall')) };
}

const server = await startServer();
server.route('/ab.html', { body: page.html });
const browsers = await Promise.all(dirs.map((dir) => launchChromium(dir)));
const results = dirs.map(() => ({ tasks: [] as number[], compile: [] as number[], calls: [] as number[] }));
for (let run = -1; run < Number(runs); run++) {
  for (const [i, browser] of browsers.entries()) {
    const tab = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(tab);
    const stopTracing = await startTracing(cdp, CATEGORIES);
    await tab.goto(server.url(`/ab.html?run=${run}&build=${i}`), { waitUntil: 'load' });
    await tab.waitForTimeout(1_500); // the idle callback has run
    const events = await stopTracing();
    await tab.close();
    if (run < 0) continue; // a warm-up load per browser
    const cpu = ourCpu(events);
    for (const key of ['tasks', 'compile', 'calls'] as const) results[i][key].push(cpu[key]);
  }
}
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)].toFixed(2);
console.log(`${page.name}, ${runs} cold loads per build, main-thread CPU ms: median (first quartile)`);
for (const [i, r] of results.entries()) {
  const cells = (['tasks', 'compile', 'calls'] as const).map((k) => `${k} ${quantile(r[k], 0.5)} (${quantile(r[k], 0.25)})`);
  console.log(`  ${basename(dirs[i]).padEnd(16)} ${cells.join('   ')}`);
}
await Promise.all(browsers.map((b) => b.close()));
await server.close();
