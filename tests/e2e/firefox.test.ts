/**
 * The built Firefox add-on (.output/firefox-mv2) installs in Debian's Firefox ESR
 * (temporarily, through WebDriver BiDi webExtension.install), its popup page renders,
 * its background page answers, and the on-page card and toolbar badge work.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertNoExternalRequests,
  FIREFOX_EXTENSION_DIR,
  launchFirefoxExtension,
  PAGES_DIR,
  readBuiltManifest,
  startServer,
  type FirefoxExtensionHandle,
} from './harness';

interface BrowserLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

describe('Firefox ESR: add-on basics', () => {
  let ff: FirefoxExtensionHandle;

  beforeAll(async () => {
    ff = await launchFirefoxExtension({ browserLocale: 'en-US' });
  });

  afterAll(async () => {
    await ff?.close();
  });

  it('installs the add-on under its gecko id', () => {
    const manifest = readBuiltManifest(FIREFOX_EXTENSION_DIR) as {
      manifest_version: number;
      browser_specific_settings: { gecko: { id: string } };
    };
    expect(manifest.manifest_version).toBe(2);
    expect(ff.addonId).toBe(manifest.browser_specific_settings.gecko.id);
  });

  it('renders the popup page with its heading', async () => {
    const page = await ff.openExtensionPage('popup.html', 'h1');
    try {
      // page.url() can lag behind after the moz-extension navigation; ask the document.
      expect(await page.evaluate(() => location.href)).toBe(`moz-extension://${ff.uuid}/popup.html`);
      expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Tian Quotes');
      expect(await page.evaluate(() => document.title)).toBe('Tian Quotes');

      const reply = await page.evaluate(() =>
        (globalThis as unknown as { browser: BrowserLike }).browser.runtime.sendMessage({ type: 'ping' }),
      );
      expect(reply).toEqual({ type: 'pong' });
    } finally {
      await page.close();
    }
  });

  it('shows the card on an AI article (the card UI loads on demand in Firefox too) and not on a trap page', async () => {
    const server = await startServer();
    try {
      const settings = await ff.openExtensionPage('popup.html', 'h1');
      await settings.evaluate(async () => {
        const { storage } = (globalThis as unknown as { browser: { storage: { local: { clear(): Promise<void>; set(i: object): Promise<void> } } } }).browser;
        await storage.local.clear();
        await storage.local.set({ settings: { cooldownMinutes: 0 } });
      });
      await settings.close();
      const page = await ff.browser.newPage();
      await page.goto(server.url('/dev-zh/zh-ai-scaling-data-wall.html'));
      await page.waitForFunction(() => !!document.querySelector('tian-quote')?.shadowRoot?.querySelector('.tq-card'), { timeout: 30_000 });
      const text = await page.evaluate(() => document.querySelector('tian-quote')!.shadowRoot!.querySelector('.tq-card')!.textContent);
      expect(text).toContain('甲子光年');
      const trap = await ff.browser.newPage();
      await trap.goto(server.url('/dev-en/trap-llama-alpaca-farm-visit.html'));
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(await trap.evaluate(() => document.querySelectorAll('tian-quote').length)).toBe(0);
      await page.close();
      await trap.close();
    } finally {
      await server.close();
    }
  });

  it('reads an article a web component draws in its open shadow root', async () => {
    const server = await startServer();
    try {
      // The Chinese AI article's title and paragraphs, drawn by the page's own script inside <news-article>.
      const source = await readFile(join(PAGES_DIR, 'dev-zh/zh-ai-scaling-data-wall.html'), 'utf8');
      const title = source.match(/<title>[^<]*<\/title>/)![0];
      const story = [...source.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]).join('');
      server.route('/shadow-article.html', {
        body: `<!doctype html><html><head>${title}</head><body><news-article></news-article><script>
          customElements.define('news-article', class extends HTMLElement {
            connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(story)}; }
          });</script></body></html>`,
      });
      const page = await ff.browser.newPage();
      await page.goto(server.url('/shadow-article.html'));
      await page.waitForFunction(() => !!document.querySelector('tian-quote')?.shadowRoot?.querySelector('.tq-card'), { timeout: 30_000 });
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('keeps the remark of a page too large for a card behind the toolbar button (browserAction badge)', async () => {
    const server = await startServer();
    try {
      const article = (await readFile(join(PAGES_DIR, 'dev-en/ai-scaling-data-wall.html'), 'utf8')).replace(
        '</body>',
        `${'<div class="row"><span>Cooking notes: bread, butter and salt.</span></div>'.repeat(12_000)}</body>`,
      );
      server.route('/large.html', { body: article });
      const page = await ff.browser.newPage();
      await page.goto(server.url('/large.html'));
      const settings = await ff.openExtensionPage('popup.html', 'h1');
      const badges = () =>
        settings.evaluate(async () => {
          const { tabs, browserAction } = (globalThis as unknown as {
            browser: { tabs: { query(q: object): Promise<{ id?: number }[]> }; browserAction: { getBadgeText(d: { tabId: number }): Promise<string> } };
          }).browser;
          return Promise.all((await tabs.query({})).map((t) => browserAction.getBadgeText({ tabId: t.id! })));
        });
      await expect.poll(badges, { timeout: 30_000 }).toContain('1');
      expect(await page.evaluate(() => document.querySelectorAll('tian-quote').length)).toBe(0);
      await settings.close();
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('made no request that left the machine', () => {
    // Only the tabs' requests are visible here; the dead proxy set up by the harness
    // keeps anything else (background page, Firefox itself) from leaving anyway.
    assertNoExternalRequests(ff.requests);
  });
});
