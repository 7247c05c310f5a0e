/**
 * After the extension is updated or reloaded, the content scripts left in
 * open tabs have no extension behind them: they must fail quietly, with
 * nothing in the page's console.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, startServer, type ExtensionHandle, type TestServer } from './harness';

let ext: ExtensionHandle;
let server: TestServer;

beforeAll(async () => {
  ext = await launchExtension({ browserLocale: 'en-US' });
  server = await startServer();
  // The browser asks for a favicon; its 404 would be the page's error, not ours.
  server.route('/favicon.ico', { body: '', status: 204 });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

it('leaves no error in open tabs when the extension reloads under them', async () => {
  // The article arrives 3 s after load and then changes URL, so the orphaned
  // content script's observers, timers and messages all fire after the reload.
  server.route('/later.html', {
    body: `<!doctype html><html lang="en"><head><title>Loading</title></head><body><div id="root">Loading…</div>
<script>
setTimeout(() => {
  document.title = 'Scaling laws hit a data wall';
  const root = document.getElementById('root');
  for (let i = 0; i < 60; i++) {
    const p = document.createElement('p');
    p.textContent = 'Large language models grow by the scaling laws, but AI labs run out of training data; LLMs lack data efficiency on the way to AGI.';
    root.append(p);
  }
  history.pushState({}, '', '/later-2');
}, 3000);
</script></body></html>`,
  });
  const page = await ext.context.newPage();
  const consoleMessages: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') consoleMessages.push(msg.text());
  });
  page.on('pageerror', (error) => consoleMessages.push(error.message));
  // Playwright's console events cover the page's own world; the content
  // script lives in an isolated world, which CDP's Runtime domain also reports.
  const cdp = await ext.context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (event) => consoleMessages.push(event.exceptionDetails.exception?.description ?? event.exceptionDetails.text));
  cdp.on('Runtime.consoleAPICalled', (event) => {
    if (event.type === 'error' || event.type === 'warning') consoleMessages.push(event.args.map((a) => a.value ?? a.description).join(' '));
  });
  await cdp.send('Runtime.enable');
  await page.goto(server.url('/later.html'));
  await page.waitForTimeout(500);
  await ext.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload());
  await page.waitForTimeout(7_000);
  expect(consoleMessages).toEqual([]);
  expect(await page.locator('tian-quote').count()).toBe(0);
  await page.close();
});
