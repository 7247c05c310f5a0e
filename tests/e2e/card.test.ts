/**
 * The on-page card in real Chromium with the built extension: it appears on
 * AI articles with an on-topic remark, stays away from other pages, and its
 * actions work.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PAGES_DIR, ROOT } from './harness';
import { extensionSuite } from './suite';

const suite = extensionSuite({ settings: { cooldownMinutes: 0 } });

async function openPage(path: string): Promise<Page> {
  const page = await suite.ext.context.newPage();
  await page.goto(suite.server.url(path));
  return page;
}

const card = (page: Page) => page.locator('tian-quote .tq-card');

/** The AI article's <title> and its paragraphs' markup. */
function aiStory(): { title: string; story: string } {
  const source = readFileSync(join(PAGES_DIR, 'dev-en/ai-scaling-data-wall.html'), 'utf8');
  const title = source.match(/<title>[^<]*<\/title>/)![0];
  const story = [...source.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]).join('');
  return { title, story };
}

/**
 * The AI article drawn by the page's own script inside the open shadow root of
 * <news-article>; `when` wraps the statement that defines the element.
 */
function shadowArticlePage(when: (define: string) => string): string {
  const { title, story } = aiStory();
  const define = `customElements.define('news-article', class extends HTMLElement {
    connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(story)}; }
  })`;
  return `<!doctype html><html><head>${title}</head><body><news-article></news-article><script>${when(define)}</script></body></html>`;
}

/** Waits for the card and returns its text. */
async function cardText(page: Page): Promise<string> {
  await card(page).waitFor({ state: 'visible', timeout: 30_000 });
  return (await card(page).textContent()) ?? '';
}

describe('the card', () => {
  it('appears on an English AI article with a remark on its topic', async () => {
    const page = await openPage('/dev-en/ai-scaling-data-wall.html');
    const text = await cardText(page);
    expect(text).toContain('Why this remark');
    // The page is about scaling and the data wall; the card says which of those the remark is about.
    expect(text).toMatch(/Why this remark:[^▸]*(scaling law|training data)/i);
    expect(text).toContain('甲子光年');
    // On a short window the remark scrolls inside the card; why it was picked and the actions stay in view.
    await page.setViewportSize({ width: 1280, height: 560 });
    const box = async (selector: string) => (await page.locator(`tian-quote ${selector}`).first().boundingBox())!;
    await expect.poll(async () => (await box('.tq-card')).height, { timeout: 5_000 }).toBeLessThanOrEqual(280);
    const [cardBox, why, actions] = [await box('.tq-card'), await box('.tq-why'), await box('.tq-actions')];
    expect(await page.locator('tian-quote .tq-body').evaluate((body) => body.scrollHeight > body.clientHeight)).toBe(true);
    for (const part of [why, actions]) {
      expect(part.y).toBeGreaterThanOrEqual(cardBox.y);
      expect(part.y + part.height).toBeLessThanOrEqual(cardBox.y + cardBox.height + 0.5);
    }
    // The README's picture of the card, taken by this run.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(400);
    mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/card.png') });
    await page.close();
  });

  it('appears on a Chinese AI article', async () => {
    const page = await openPage('/dev-zh/zh-ai-scaling-data-wall.html');
    expect(await cardText(page)).toMatch(/[\u4e00-\u9fff]/);
    await page.close();
  });

  it('appears on a Hacker News thread, whose comments are the page', async () => {
    const page = await openPage('/dev-probe/p-en-10-weights-thread.html');
    expect(await cardText(page)).toContain('Why this remark');
    await page.close();
  });

  it('appears on an article a web component draws in its open shadow root', async () => {
    suite.server.route('/shadow-article.html', { body: shadowArticlePage((define) => define) });
    const page = await openPage('/shadow-article.html');
    // The story is all in the shadow root: the element itself has no text.
    expect(await page.evaluate(() => [document.querySelector('news-article')!.textContent, document.querySelector('news-article')!.shadowRoot!.textContent!.length])).toEqual(['', expect.any(Number)]);
    expect(await cardText(page)).toMatch(/Why this remark:[^▸]*(scaling law|training data)/i);
    await page.close();
  });

  it('appears when a web component draws the article in its shadow root after the page has settled', async () => {
    // <news-article> is in the page from the start, empty; 2.5 s after load its definition arrives and it
    // draws the story in its shadow root. No element is added to the document: no observer on it hears that.
    suite.server.route('/late-shadow-article.html', {
      body: shadowArticlePage((define) => `addEventListener('load', () => setTimeout(() => ${define}, 2500));`),
    });
    const page = await openPage('/late-shadow-article.html');
    expect(await cardText(page)).toMatch(/Why this remark:[^▸]*(scaling law|training data)/i);
    await page.close();
  });

  it('sits beside the text column rather than over it, in the left corner of a right-to-left page', async () => {
    // A laptop-sized window and a centred 740 px column: 313 px on each side, less than the card's 360.
    const { title, story } = aiStory();
    const columnPage = (dir: string) =>
      `<!doctype html><html dir="${dir}"><head>${title}<style>body { margin: 0 } article { width: 740px; margin: 0 auto; font: 18px/1.6 serif }</style></head><body><article>${story}</article></body></html>`;
    for (const dir of ['ltr', 'rtl']) {
      suite.server.route(`/column-${dir}.html`, { body: columnPage(dir) });
      const page = await suite.ext.context.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(suite.server.url(`/column-${dir}.html`));
      await card(page).waitFor({ state: 'visible', timeout: 30_000 });
      await page.waitForTimeout(400); // the entrance animation
      const cardBox = (await card(page).boundingBox())!;
      const column = (await page.locator('article').boundingBox())!;
      if (dir === 'ltr') expect(cardBox.x).toBeGreaterThanOrEqual(column.x + column.width);
      else expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(column.x);
      expect(cardBox.width).toBeGreaterThanOrEqual(280);
      await page.close();
    }
  });

  it('rules an ordinary page out at its first look, loading nothing more; an AI page gets the full reading', async () => {
    /** What the every-page script in the extension's isolated world did: whether it handed the page over. */
    const firstLook = async (path: string) => {
      const page = await suite.ext.context.newPage();
      const cdp = await suite.ext.context.newCDPSession(page);
      const worlds: number[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        if ((context.auxData as { type?: string } | undefined)?.type === 'isolated') worlds.push(context.id);
      });
      await cdp.send('Runtime.enable');
      await page.goto(suite.server.url(path));
      await page.waitForTimeout(2_500);
      // Worlds of the page's about:blank start are gone by now; the live one answers.
      const answers = await Promise.all(
        worlds.map((contextId) =>
          cdp
            .send('Runtime.evaluate', { contextId, expression: 'typeof globalThis.__tianQuotesScreen', returnByValue: true })
            .then(({ result }) => result.value as string, () => null),
        ),
      );
      await page.close();
      const live = answers.filter((a) => a !== null);
      return { ran: live.length > 0, handedOver: live.includes('function') };
    };
    expect(await firstLook('/dev-en/notai-tennis-final-match-report.html')).toEqual({ ran: true, handedOver: false });
    expect(await firstLook('/dev-zh/zh-notai-braised-pork-recipe.html')).toEqual({ ran: true, handedOver: false });
    expect(await firstLook('/dev-en/ai-scaling-data-wall.html')).toEqual({ ran: true, handedOver: true });
  });

  it('stays away from trap and non-AI pages', async () => {
    const pages = await Promise.all(
      [
        '/dev-en/trap-air-india-ai183-diversion.html',
        '/dev-en/trap-transformers-one-movie-review.html',
        '/dev-en/notai-tennis-final-match-report.html',
        // A football story under "most viewed" lists of AI headlines, built with hashed class names.
        '/dev-probe/q-13-ravelli-northbridge.html',
        // Amnesty International (AI): "AI researchers said".
        '/dev-probe/p-en-04-detention-report.html',
      ].map(openPage),
    );
    await pages[0].waitForTimeout(5_000);
    for (const page of pages) {
      expect(await page.locator('tian-quote').count()).toBe(0);
      await page.close();
    }
  });
});
