/**
 * Odd and hostile pages: the content script must not crash, print errors into
 * the page's console, or show a card where it cannot work; where it can, the
 * card keeps its looks.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from './suite';

const suite = extensionSuite({ settings: { cooldownMinutes: 0 } });

interface Tab {
  id?: number;
  url?: string;
}
interface ChromeLike {
  tabs: { query(q: object): Promise<Tab[]> };
  action: { getBadgeText(d: { tabId?: number }): Promise<string>; getTitle(d: { tabId?: number }): Promise<string> };
  commands: { onCommand: { dispatch(name: string, tab?: Tab): void } };
  runtime: { getContexts(filter: object): Promise<{ documentUrl?: string }[]> };
}

const AI_ARTICLE = `<h1>Scaling laws hit a data wall</h1>
<p>Large language models have improved by the scaling laws: more training data, more compute and bigger models.</p>
<p>But AI labs now need exponentially more data for a few points on benchmarks, and researchers say data efficiency is the missing step to AGI.</p>
<p>LLMs learn far less efficiently than people; the long tail of rare situations stays out of reach for machine learning.</p>`;

function html(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scaling laws hit a data wall</title>${head}</head><body>${body}</body></html>`;
}

async function visit(path: string): Promise<Page> {
  const page = await suite.ext.context.newPage();
  // Loading the 20 MB pages, several at once, has taken this test 18-32 s on a 2-core VM.
  await page.goto(suite.server.url(path), { timeout: 90_000 });
  return page;
}

const cardOn = (page: Page) => page.locator('tian-quote .tq-card');

describe('hostile and odd pages', () => {
  it('keeps the card styled on a page whose CSP forbids every style, and logs no error', async () => {
    suite.server.route('/csp-strict.html', {
      body: html(AI_ARTICLE),
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'" },
    });
    const page = await visit('/csp-strict.html');
    await cardOn(page).waitFor({ state: 'visible', timeout: 30_000 });
    const look = await cardOn(page).evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, width: el.getBoundingClientRect().width, fontSize: style.fontSize };
    });
    expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.width).toBeGreaterThan(250);
    expect(look.width).toBeLessThan(480);
    expect(suite.ext.errors).toEqual([]);
    await page.close();
  });

  it('is not bent by page styles: html { font-size: 10px } and * { all: unset }', async () => {
    suite.server.route('/rude-styles.html', {
      body: html(AI_ARTICLE, '<style>html { font-size: 10px } * { all: unset } tian-quote { display: none } .tq-card { color: red }</style>'),
    });
    const page = await visit('/rude-styles.html');
    await cardOn(page).waitFor({ state: 'visible', timeout: 30_000 });
    const look = await cardOn(page).evaluate((el) => {
      const style = getComputedStyle(el);
      const host = el.getRootNode() as ShadowRoot;
      return {
        fontSize: parseFloat(style.fontSize),
        color: style.color,
        hostPosition: getComputedStyle(host.host).position,
      };
    });
    expect(look.fontSize).toBeGreaterThanOrEqual(13);
    expect(look.color).not.toBe('rgb(255, 0, 0)');
    expect(look.hostPosition).toBe('fixed');
    // Nothing of the card's CSS leaks into the page.
    const pageFont = await page.evaluate(() => getComputedStyle(document.querySelector('p')!).fontFamily);
    expect(pageFont).not.toMatch(/sans-serif|system-ui|PingFang/);
    await page.close();
  });

  it('on a 5 MB page with 100,000 elements keeps the remark off the page: the toolbar badge, the shortcut and the popup have it', async () => {
    const filler = '<div class="row"><span>Cooking notes: bread, butter and salt.</span></div>'.repeat(100_000);
    suite.server.route('/huge.html', { body: html(`<article>${AI_ARTICLE}</article>${filler}`) });
    suite.server.route('/article.html', { body: html(`<article>${AI_ARTICLE}</article>`) });
    const article = await visit('/article.html');
    await cardOn(article).waitFor({ state: 'visible', timeout: 30_000 });
    const page = await visit('/huge.html');
    const worker = suite.ext.serviceWorker;
    const tabOf = async (p: Page) => {
      await p.bringToFront();
      const [tab] = await worker.evaluate(() => (globalThis as unknown as { chrome: ChromeLike }).chrome.tabs.query({ active: true, currentWindow: true }));
      return tab!;
    };
    const tab = await tabOf(page);
    const button = () =>
      worker.evaluate(async (tabId) => {
        const { action } = (globalThis as unknown as { chrome: ChromeLike }).chrome;
        return { badge: await action.getBadgeText({ tabId }), title: await action.getTitle({ tabId }) };
      }, tab.id);
    await expect.poll(button, { timeout: 30_000 }).toEqual({
      badge: '1',
      title: 'Tian Quotes: a remark by Tian Yuandong for this page. Open to read it.',
    });
    expect(await page.locator('tian-quote').count()).toBe(0);

    // The keyboard shortcut that focuses a card opens the popup here.
    await worker.evaluate((tab) => (globalThis as unknown as { chrome: ChromeLike }).chrome.commands.onCommand.dispatch('focus-card', tab), tab);
    await expect
      .poll(async () =>
        worker.evaluate(async () => {
          const contexts = await (globalThis as unknown as { chrome: ChromeLike }).chrome.runtime.getContexts({ contextTypes: ['POPUP'] });
          return contexts.map((c) => new URL(c.documentUrl ?? 'about:blank').pathname);
        }),
      )
      .toContain('/popup.html');
    const popup = await suite.ext.openExtensionPage(`popup.html?tab=${tab.id}`);
    await popup.getByRole('heading', { name: 'Related to this page' }).waitFor();
    expect(await popup.locator('[lang="zh-CN"]').count()).toBeGreaterThan(0);

    // The normal-sized article keeps its card and gets no badge.
    const articleTab = await tabOf(article);
    expect(await worker.evaluate((tabId) => (globalThis as unknown as { chrome: ChromeLike }).chrome.action.getBadgeText({ tabId }), articleTab.id)).toBe('');
    // (The test pages have no favicon: the browser's 404 for it is not the extension's doing.)
    expect(suite.ext.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await Promise.all([popup.close(), page.close(), article.close()]);
  });

  it('survives one 20 MB text node, 5,000 levels of nesting, framesets, SVG and XML documents, and about:blank', async () => {
    suite.server.route('/big-text.html', { body: html(`<p>${'word '.repeat(4_000_000)}</p>`) });
    suite.server.route('/deep.html', { body: html('<div>'.repeat(5000) + AI_ARTICLE + '</div>'.repeat(5000)) });
    suite.server.route('/frames.html', {
      body: `<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="/deep.html"><frame src="/big-text.html"></frameset></html>`,
    });
    suite.server.route('/image.svg', {
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>AI large language model scaling laws</text></svg>',
      headers: { 'content-type': 'image/svg+xml' },
    });
    suite.server.route('/feed.xml', {
      body: '<?xml version="1.0"?><rss><channel><title>AI news: large language models and scaling laws</title></channel></rss>',
      headers: { 'content-type': 'application/xml' },
    });
    const pages = await Promise.all(['/big-text.html', '/deep.html', '/frames.html', '/image.svg', '/feed.xml'].map(visit));
    const blank = await suite.ext.context.newPage();
    await blank.goto('about:blank');
    await pages[1].locator('tian-quote').waitFor({ state: 'attached', timeout: 30_000 });
    await pages[0].waitForTimeout(3_000);
    expect(await pages[0].locator('tian-quote').count()).toBe(0);
    for (const page of pages.slice(2)) expect(await page.evaluate(() => document.querySelectorAll('tian-quote').length)).toBe(0);
    expect(suite.ext.errors).toEqual([]);
    for (const page of [...pages, blank]) await page.close();
  });

  it('never reads what the reader types: textareas and contenteditable are skipped', async () => {
    suite.server.route('/editor.html', {
      body: html(
        `<h1>My notes</h1><p>Groceries for the week.</p><textarea>${'large language model scaling laws AI '.repeat(50)}</textarea><div contenteditable="true">${'machine learning AGI LLM '.repeat(50)}</div>`,
      ),
    });
    const page = await visit('/editor.html');
    await page.waitForTimeout(4_000);
    expect(await page.locator('tian-quote').count()).toBe(0);
    await page.close();
  });

  it('copes with a page that deletes elements it does not know', async () => {
    suite.server.route('/cleaner.html', {
      body: html(
        `${AI_ARTICLE}<script>
const known = ['HEAD', 'BODY', 'H1', 'P', 'SCRIPT'];
const clean = () => { for (const el of [...document.documentElement.children, ...document.body.children]) if (!known.includes(el.tagName)) el.remove(); };
new MutationObserver(clean).observe(document.documentElement, { childList: true, subtree: true });
</script>`,
      ),
    });
    const page = await visit('/cleaner.html');
    await page.waitForTimeout(5_000);
    expect(await page.locator('tian-quote').count()).toBe(0);
    expect(suite.ext.errors).toEqual([]);
    await page.close();
  });
});
