// eval floor: content script variants, EvaluateScript task cost.
import { cpSync, mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '/work/main/tests/e2e/harness';
import { launchChromium } from '/work/main/scripts/lib/bench-chromium';
import { ordinaryArticle as typicalArticle } from '/work/main/scripts/lib/bench-pages';
import { summarize, type TraceEvent } from '/work/main/scripts/lib/bench-trace';
const server = await startServer();
server.route('/t.html', { body: typicalArticle(50_000).html });
const variants: Record<string, string | null> = {
  asbuilt: null,
};
for (const [name, code] of Object.entries(variants)) {
  const dir = mkdtempSync(join(tmpdir(), 'tq-floor-'));
  cpSync('.output/chrome-mv3', dir, { recursive: true });
  if (code !== null) writeFileSync(join(dir, 'page-screen.js'), code);
  const b = await launchChromium(dir);
  const rows: string[] = [];
  for (let i = 0; i < 6; i++) {
    await b.resetExtension();
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['__metadata', 'devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'], excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
    const url = server.url(`/t.html?${name}${i}`);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end'); await done;

    const s = summarize(events, url, (u) => u.startsWith(b.extensionOrigin!));
    if (i > 0) rows.push(s.list.slice(0, 4).map((t) => `${t.kind.slice(0, 8)} ${t.ms.toFixed(1)}/${t.cpuMs.toFixed(1)}`).join(', ') + ` | total ${s.attributedMs.toFixed(1)}`);
    await page.close();
  }
  console.log(name); for (const r of rows) console.log('   ', r);
  await b.close(); rmSync(dir, { recursive: true, force: true });
}
await server.close();
