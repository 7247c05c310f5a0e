/**
 * The toolbar popup in real Chromium with the built extension, opened as a tab
 * (popup.html), as the context menu and the omnibox open it: search as you
 * type in English and Chinese, the keyboard, saving, related remarks for the
 * reader's tab, the remark of the day, and axe in light and dark.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { quotePack } from '../../lib/engine-data';
import { clearStorage, localItems } from './extension-storage';
import { assertExtensionStaysLocal, launchExtension, ROOT, startServer, type ExtensionHandle, type TestServer } from './harness';

/** The part of the `chrome` global these tests touch. */
interface ChromeLike {
  tabs: {
    query(q: object): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<{ url?: string; page?: unknown } | undefined>;
  };
}

const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const DATA_WALL = '/dev-en/ai-scaling-data-wall.html';

let ext: ExtensionHandle;
let server: TestServer;

beforeAll(async () => {
  ext = await launchExtension({ browserLocale: 'en-US' });
  server = await startServer();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  if (ext) assertExtensionStaysLocal(ext.requests);
  await ext?.close();
  await server?.close();
});

beforeEach(() => clearStorage(ext));

/** Opens popup.html (with its query string) in a tab the size of the toolbar popup. */
async function openPopup(query = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(`${ext.baseUrl}/popup.html${query}`);
  await page.locator('h1').waitFor();
  return page;
}

const box = (page: Page) => page.getByRole('searchbox', { name: "Search Tian Yuandong's remarks" });
const rows = (page: Page) => page.getByRole('grid').getByRole('row');
const row = (page: Page, quoteId: string) => page.locator(`[role="row"][data-quote-id="${quoteId}"]`);
const rowIds = (page: Page) => rows(page).evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.quoteId));
const activeCell = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { row: el?.dataset.row, col: el?.dataset.col, context: !!el?.classList.contains('tq-context'), id: el?.id };
  });

/** What local storage holds for a saved remark (the reading list's own key). */
const stored = async (quoteId: string) => (await localItems(ext, `rl:v2:${quoteId}`))[`rl:v2:${quoteId}`];

async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).analyze();
    expect(
      result.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('search', () => {
  it('finds remarks from English words that only the translation and the lexicon hold, and marks them', async () => {
    const page = await openPopup();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('popup-query');
    await box(page).pressSequentially('self-driving');
    await expect.poll(() => rowIds(page)).toContain('why-i-left-self-driving');
    const marks = await row(page, 'why-i-left-self-driving').locator('[lang="en"] mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain('driving');
    await expect.poll(() => page.getByRole('heading', { name: 'Results' }).count()).toBe(1);

    // No remark says "robotaxi": the concept lexicon maps it to self-driving.
    await box(page).fill('robotaxi');
    await expect.poll(() => rowIds(page)).toContain('why-i-left-self-driving');
    const text = await rows(page).allTextContents();
    expect(text.join(' ').toLowerCase()).not.toContain('robotaxi');
    await page.close();
  });

  it('finds remarks from a Chinese query and marks the characters', async () => {
    const page = await openPopup();
    await box(page).fill('自动驾驶');
    await expect.poll(() => rowIds(page)).toContain('why-i-left-self-driving');
    const zhMarks = await row(page, 'why-i-left-self-driving').locator('[lang="zh-CN"] mark').allTextContents();
    expect(zhMarks.join('')).toContain('自动驾驶');
    await page.close();
  });

  it('prefills and searches from popup.html?q=', async () => {
    const page = await openPopup(`?q=${encodeURIComponent('scaling law')}`);
    await expect(box(page).inputValue()).resolves.toBe('scaling law');
    await expect.poll(() => rowIds(page)).toContain('scaling-law-pessimistic-future');
    await page.close();
  });

  it('filters by topic', async () => {
    const page = await openPopup();
    await page.getByRole('combobox', { name: 'Topic' }).selectOption('self-driving');
    await expect.poll(async () => (await rowIds(page)).sort()).toEqual(['ninety-nine-equals-zero', 'why-i-left-self-driving']);
    await page.close();
  });
});

describe('keyboard', () => {
  it('moves with the arrows, opens the context with Enter, closes it with Esc, saves with S', async () => {
    const page = await openPopup();
    await box(page).pressSequentially('scaling');
    await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThan(2);
    const ids = await rowIds(page);

    await page.keyboard.press('ArrowDown');
    expect(await activeCell(page)).toMatchObject({ row: '0', col: '0' });
    await page.keyboard.press('ArrowDown');
    expect(await activeCell(page)).toMatchObject({ row: '1', col: '0' });

    await page.keyboard.press('Enter');
    const panel = row(page, ids[1]!).getByRole('region', { name: 'The question and his whole answer' });
    await panel.waitFor();
    await expect.poll(() => activeCell(page)).toMatchObject({ context: true, id: `context-${ids[1]}` });
    expect(await panel.locator('mark').count()).toBeGreaterThan(0);
    // The host's question, then his whole answer.
    expect(await panel.textContent()).toContain(`${quotePack.source.interviewer.en}: `);
    expect(await panel.textContent()).toContain(`${quotePack.source.speaker.en}: `);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await activeCell(page)).toMatchObject({ row: '1', col: '0' });

    await page.keyboard.press('s');
    const save = row(page, ids[1]!).getByRole('button', { name: 'Save' });
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Saved to your reading list');
    await expect.poll(() => stored(ids[1]!)).toMatchObject({ quoteId: ids[1] });

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('popup-query');
    await page.close();
  });

  it('copies with citation, as text and as Markdown', async () => {
    // The clipboard cannot be read back from an extension page without a permission the
    // extension does not ask for: record what the popup writes, and still write it.
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 420, height: 600 });
    await page.addInitScript(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      (globalThis as unknown as { copied: string[] }).copied = [];
      clipboard.writeText = (text: string) => {
        (globalThis as unknown as { copied: string[] }).copied.push(text);
        return write(text);
      };
    });
    await page.goto(`${ext.baseUrl}/popup.html?q=scaling`);
    const copied = () => page.evaluate(() => (globalThis as unknown as { copied: string[] }).copied.at(-1) ?? '');
    await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThan(0);
    const first = rows(page).first();
    await first.getByRole('button', { name: 'Copy with citation', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Copied with citation');
    const text = await copied();
    expect(text).toContain('English translation: “');
    expect(text).toContain('甲子光年 (Jiazi Guangnian)');
    await first.getByRole('button', { name: 'Copy with citation as Markdown' }).click();
    await expect.poll(copied).toMatch(/^> .+\n>\n> \*English translation:\*/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Copied as Markdown with citation');
    await page.close();
  });
});

describe('saving and the reading list', () => {
  it('saves from the popup, and the reading list page shows the remark', async () => {
    const page = await openPopup('?q=self-driving');
    await expect.poll(() => rowIds(page)).toContain('why-i-left-self-driving');
    await row(page, 'why-i-left-self-driving').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => stored('why-i-left-self-driving')).toBeTruthy();
    await expect.poll(() => page.getByRole('link', { name: /Reading list/ }).textContent()).toContain('(1)');

    const list = await ext.openExtensionPage('reading-list.html');
    const item = list.locator('li.rl-item[data-quote-id="why-i-left-self-driving"]');
    await item.waitFor();
    expect(await item.locator('[lang="zh-CN"]').first().textContent()).toMatch(/自动驾驶/);
    await list.close();
    await page.close();
  });
});

describe('the empty box', () => {
  /** The id of the tab showing `url`, once its content script has read the page. */
  async function tabShowing(url: string): Promise<number> {
    let id: number | null = null;
    await expect
      .poll(
        async () =>
          (id = await ext.serviceWorker.evaluate(async (wanted) => {
            const { tabs } = (globalThis as unknown as { chrome: ChromeLike }).chrome;
            for (const tab of await tabs.query({})) {
              if (tab.id === undefined) continue;
              const reply = await tabs.sendMessage(tab.id, { type: 'related-remarks' }).catch(() => undefined);
              if (reply?.url === wanted && reply.page) return tab.id;
            }
            return null;
          }, url)),
        { timeout: 20_000 },
      )
      .not.toBeNull();
    return id!;
  }

  it('shows remarks related to the page in the reader’s tab, and saving one records that page', async () => {
    const article = await ext.context.newPage();
    await article.goto(server.url(DATA_WALL));
    const title = await article.title();
    const tabId = await tabShowing(server.url(DATA_WALL));

    const page = await openPopup(`?tab=${tabId}`);
    await page.getByRole('heading', { name: 'Related to this page' }).waitFor();
    expect(await page.getByText(title, { exact: true }).count()).toBe(1);
    const ids = await rowIds(page);
    expect(ids.length).toBeGreaterThan(1);
    const why = await rows(page).locator('.popup-meta').allTextContents();
    expect(why.join(' ')).toMatch(/scaling law|training data/i);

    await rows(page).first().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => stored(ids[0]!)).toMatchObject({ page: { title, url: server.url(DATA_WALL) } });

    await box(page).focus();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'popup.png') });
    await page.close();
    await article.close();
  });

  it('shows the remark of the day where no content script answers', async () => {
    const page = await openPopup();
    await page.getByRole('heading', { name: 'Remark of the day' }).waitFor();
    expect(await rows(page).count()).toBe(1);
    const again = await openPopup();
    await again.getByRole('heading', { name: 'Remark of the day' }).waitFor();
    expect(await rowIds(again)).toEqual(await rowIds(page));
    await again.close();
    await page.close();
  });
});

describe('accessibility', () => {
  it('has no axe violations, light and dark, with results and a context open', async () => {
    const page = await openPopup('?q=scaling');
    await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThan(2);
    await expectNoAxeViolations(page);
    await rows(page).first().getByRole('button', { name: 'Save' }).click();
    await rows(page).nth(1).getByRole('button', { name: 'Read in context' }).click();
    await rows(page).nth(1).getByRole('region').waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('has no axe violations on the remark of the day', async () => {
    const page = await openPopup();
    await page.getByRole('heading', { name: 'Remark of the day' }).waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });
});

describe('hygiene', () => {
  it('reported no uncaught errors from the extension', () => {
    // The test articles' own images and fonts fail to load offline: those are the page's, not ours.
    expect(ext.errors.filter((e) => e.includes(ext.baseUrl) || e.startsWith('[service worker]'))).toEqual([]);
  });
});
