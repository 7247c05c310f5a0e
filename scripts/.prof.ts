// Quick CPU profile of our content script on the typical bench page.
import { startServer } from '/work/main/tests/e2e/harness';
import { launchChromium, snapshotBuild } from '/work/main/scripts/lib/bench-chromium';
import { typicalArticle, heavyPage, ordinaryArticle } from '/work/main/scripts/lib/bench-pages';
const which = process.argv[2] ?? 'typical';
const snap = snapshotBuild();
const server = await startServer();
server.route('/p.html', { body: (which === 'heavy' ? heavyPage(5_000_000) : which === 'ordinary' ? ordinaryArticle(50_000) : typicalArticle(50_000)).html });
const b = await launchChromium(snap.dir);
const agg = new Map<string, number>();
for (let run = 0; run < 3; run++) {
  await b.resetExtension();
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(server.url(`/p.html?r=${run}`), { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 2500));
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const deltas = profile.timeDeltas;
  const counts = new Map<number, number>();
  profile.samples.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (deltas[i + 1] ?? 0)));
  for (const [id, us] of counts) {
    const n: any = byId.get(id);
    const cf = n.callFrame;
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
    agg.set(key, (agg.get(key) ?? 0) + us / 1000 / 3);
  }
  await page.close();
}
const rows = [...agg].filter(([k]) => !k.includes('(idle)') && !k.includes('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [k, v] of rows) console.log(v.toFixed(2).padStart(7), k);
console.log('program', agg.get('(program) :-1')?.toFixed(1));
await b.close(); await server.close(); snap.remove();
