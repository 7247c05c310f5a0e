// Chromium for scripts/bench-browser.ts: Debian's /usr/bin/chromium through
// playwright-core, headless, with the same switches as tests/e2e/harness.ts.
// The only difference between the two profiles is whether our extension is
// loaded, so "with minus without" is the extension's cost.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROME_EXTENSION_DIR, CHROMIUM_PATH, CHROMIUM_SWITCHES, ROOT } from '../../tests/e2e/harness';


export interface BenchBrowser {
  context: BrowserContext;
  /** chrome-extension://<id>/ when the extension is loaded. */
  extensionOrigin?: string;
  /**
   * Extension profiles: clears the extension's storage and turns the cooldown
   * between cards off (as tests/e2e/card.test.ts does), so that every load may
   * show a card. No-op without the extension.
   */
  resetExtension(): Promise<void>;
  /** Whether any tab's toolbar badge is set (a remark waiting on a page too large for a card); false without the extension. */
  badgeShown(): Promise<boolean>;
  close(): Promise<void>;
}

export async function launchChromium(extensionDir?: string): Promise<BenchBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (Debian package: chromium).`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'tian-quotes-bench-'));
  const args = [...CHROMIUM_SWITCHES];
  if (extensionDir) args.unshift(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    // Same for both profiles: Playwright's --disable-extensions is dropped in each.
    ignoreDefaultArgs: ['--disable-extensions'],
    timeout: 60_000,
  });
  let extensionOrigin: string | undefined;
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const findWorker = async () =>
    context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
  if (extensionDir) extensionOrigin = `chrome-extension://${new URL((await findWorker()).url()).host}/`;
  const reset = async (worker: Worker) =>
    worker.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: { storage: { local: { clear(): Promise<void>; set(o: object): Promise<void> } } } }).chrome;
      await storage.local.clear();
      await storage.local.set({ settings: { cooldownMinutes: 0 } });
    });
  return {
    context,
    extensionOrigin,
    async resetExtension() {
      if (!extensionDir) return;
      try {
        await reset(await findWorker());
      } catch {
        // The worker may have been stopped and restarted since: look it up again.
        await reset(await findWorker());
      }
    },
    async badgeShown() {
      if (!extensionDir) return false;
      return (await findWorker()).evaluate(async () => {
        const { tabs, action } = (globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> }; action: { getBadgeText(d: { tabId: number }): Promise<string> } };
        }).chrome;
        const texts = await Promise.all((await tabs.query({})).map((t) => (t.id === undefined ? '' : action.getBadgeText({ tabId: t.id }))));
        return texts.some(Boolean);
      });
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

function buildPresent(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'page-screen.js'));
}

/**
 * A private copy of the built extension, so that someone rebuilding
 * .output/chrome-mv3 during the run cannot pull it from under the browser.
 * Builds it first (`npx wxt build`) when it is missing, and retries a copy that
 * a concurrent rebuild interrupted.
 */
export function snapshotBuild(): { dir: string; remove(): void } {
  for (let attempt = 1; ; attempt++) {
    if (!buildPresent(CHROME_EXTENSION_DIR)) {
      console.error(`bench-browser: ${CHROME_EXTENSION_DIR} is missing; running \`npx wxt build\`...`);
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const dir = mkdtempSync(join(tmpdir(), 'tian-quotes-bench-ext-'));
    try {
      cpSync(CHROME_EXTENSION_DIR, dir, { recursive: true });
      if (!buildPresent(dir)) throw new Error('incomplete copy');
      JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      if (attempt >= 3) throw new Error(`could not copy the build from ${CHROME_EXTENSION_DIR}: ${(e as Error).message}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000); // let the rebuild finish
    }
  }
}

/** A scratch copy of the snapshot (in the temp dir) whose every-page script is rewritten by `rewrite`. */
function copyWithScreen(snapshotDir: string, prefix: string, rewrite: (source: string) => string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(snapshotDir, dir, { recursive: true });
  const file = join(dir, 'page-screen.js');
  writeFileSync(file, rewrite(readFileSync(file, 'utf8')));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the snapshot whose content script also burns the main thread for a
 * known time, to check that the benchmark sees it (`--sanity`):
 *  - `timerMs` inside a setTimeout callback (a task whose trace events carry our URL), and
 *  - `promiseMs` after an awaited timer (resumed through a promise: only the CPU
 *    profiler can tell it is ours).
 */
export function slowCopy(snapshotDir: string, timerMs: number, promiseMs: number): { dir: string; remove(): void } {
  const busy = `function __benchBusy(ms){const end=performance.now()+ms;let x=0;while(performance.now()<end)x++;return x;}`;
  const extra =
    `\n;(()=>{${busy}` +
    `setTimeout(()=>__benchBusy(${timerMs}),300);` +
    `(async()=>{await new Promise(r=>setTimeout(r,700));__benchBusy(${promiseMs});})();})();\n`;
  return copyWithScreen(snapshotDir, 'tian-quotes-bench-slow-', (source) => source + extra);
}

/**
 * A copy of the snapshot whose every-page script does the least a content script
 * can: at idle, read the page's title. What any extension with a content script
 * costs a page on this machine, the floor under our own figure.
 */
export function emptyScriptCopy(snapshotDir: string): { dir: string; remove(): void } {
  const least = `requestIdleCallback(()=>document.title,{timeout:1000});\n`;
  return copyWithScreen(snapshotDir, 'tian-quotes-bench-empty-', () => least);
}
