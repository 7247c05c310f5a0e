/**
 * The reading list page (reading-list.html) in real Chromium with the built
 * extension: notes that survive a reload, remove + Undo, export in three
 * formats (real downloads), import round trip and bad files, twenty tabs saving
 * at once, live updates from other tabs, damaged values shown, and axe in
 * light and dark.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { quotePack } from '../../lib/engine-data';
import { clearStorage, localItems, setLocal } from './extension-storage';
import { assertExtensionStaysLocal, launchExtension, ROOT, type ExtensionHandle } from './harness';

interface ChromeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const FILES = mkdtempSync(join(tmpdir(), 'tian-quotes-rl-'));
const [A, B, C] = [quotePack.quotes[0]!, quotePack.quotes[12]!, quotePack.quotes[30]!];

let ext: ExtensionHandle;

beforeAll(async () => {
  ext = await launchExtension({ browserLocale: 'en-US' });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  if (ext) assertExtensionStaysLocal(ext.requests);
  await ext?.close();
});

beforeEach(() => clearStorage(ext));

/** Saves remarks the way the card does (the background's toggle-save), from an extension page. */
async function seed(page: Page, saves: { quoteId: string; page?: { title: string; url: string } }[]) {
  for (const save of saves) {
    await page.evaluate((s) => (globalThis as unknown as { chrome: ChromeLike }).chrome.runtime.sendMessage({ type: 'toggle-save', ...s }), save);
  }
}

/** Local storage's reading list entries (live or removed), by key. */
const storedEntries = () => localItems(ext, 'rl:v2:');

async function openList(): Promise<Page> {
  const page = await ext.openExtensionPage('reading-list.html');
  await page.locator('h1').waitFor();
  return page;
}

const items = (page: Page) => page.locator('li.rl-item');
const itemIds = (page: Page) => items(page).evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.quoteId));
const item = (page: Page, quoteId: string) => page.locator(`li.rl-item[data-quote-id="${quoteId}"]`);

/** A page with A, B and C saved (C last), A met on an article. */
async function listWithThree(): Promise<Page> {
  const page = await openList();
  await seed(page, [
    { quoteId: A.id, page: { title: 'AI’s next bottleneck is the data wall', url: 'https://news.example.org/data-wall' } },
    { quoteId: B.id },
    { quoteId: C.id, page: { title: '大模型的数据墙', url: 'https://example.cn/data' } },
  ]);
  await expect.poll(() => itemIds(page)).toHaveLength(3);
  return page;
}

describe('notes', () => {
  it('saves a note, shows that it is saved, and still has it after a reload', async () => {
    const page = await listWithThree();
    const note = item(page, A.id).getByRole('textbox', { name: 'Your note' });
    await note.fill('Bring this up at the reading group: is the data wall real?');
    await expect.poll(() => item(page, A.id).locator('.rl-note-state').textContent()).toBe('✓ Saved');
    await page.reload();
    await expect.poll(() => item(page, A.id).getByRole('textbox', { name: 'Your note' }).inputValue()).toBe(
      'Bring this up at the reading group: is the data wall real?',
    );
    await page.close();
  });
});

describe('remove and Undo', () => {
  it('removes a remark and Undo brings back the exact entry', async () => {
    const page = await listWithThree();
    const note = item(page, A.id).getByRole('textbox', { name: 'Your note' });
    await note.fill('keep me');
    await item(page, A.id).getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => itemIds(page)).toEqual([C.id, B.id]);
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await expect.poll(() => page.locator('p.tq-sr[role="status"]').textContent()).toMatch(/^Removed “/);
    await undo.click();
    await expect.poll(() => itemIds(page)).toEqual([C.id, B.id, A.id]);
    expect(await item(page, A.id).getByRole('textbox', { name: 'Your note' }).inputValue()).toBe('keep me');
    expect(await item(page, A.id).getByRole('link').textContent()).toBe('AI’s next bottleneck is the data wall');
    await page.close();
  });
});

describe('export and import', () => {
  async function download(page: Page, button: string): Promise<{ name: string; text: string; path: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
    const path = join(FILES, `${Date.now()}-${file.suggestedFilename()}`);
    await file.saveAs(path);
    return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
  }

  it('exports Markdown, JSON and CSV files that hold the remarks', async () => {
    const page = await listWithThree();
    await item(page, A.id).getByRole('textbox', { name: 'Your note' }).fill('a note, with "quotes"');
    await expect.poll(() => item(page, A.id).locator('.rl-note-state').textContent()).toBe('✓ Saved');

    const md = await download(page, 'Markdown');
    expect(md.name).toMatch(/^tian-quotes-reading-list-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toContain(A.zh.split('\n')[0]);
    expect(md.text).toContain('*English translation:*');
    expect(md.text).toContain('a note, with "quotes"');

    const json = await download(page, 'JSON');
    const parsed = JSON.parse(json.text) as { format: string; entries: { quoteId: string; note: string }[] };
    expect(parsed.format).toBe('tian-quotes/reading-list');
    expect(parsed.entries.map((e) => e.quoteId).sort()).toEqual([A.id, B.id, C.id].sort());

    const csv = await download(page, 'CSV');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.startsWith('\uFEFFQuote ID,')).toBe(true);
    expect(csv.text).toContain(B.id);
    expect(csv.text).toContain('"a note, with ""quotes"""');
    await page.close();
  });

  it('imports its own JSON into an empty list, and importing it again adds nothing', async () => {
    const page = await listWithThree();
    await item(page, A.id).getByRole('textbox', { name: 'Your note' }).fill('round trip');
    await expect.poll(() => item(page, A.id).locator('.rl-note-state').textContent()).toBe('✓ Saved');
    const json = await download(page, 'JSON');
    const importFile = async (path: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import JSON…' }).click()]);
      await chooser.setFiles(path);
    };
    const message = page.locator('.rl-import[role="status"]');

    // A remark removed after the export comes back: importing the file asks for it again.
    await item(page, B.id).getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => itemIds(page)).toEqual([C.id, A.id]);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await importFile(json.path);
    await expect.poll(() => message.textContent()).toContain('1 added, 0 updated, 2 already on your list');
    await expect.poll(() => itemIds(page)).toEqual([C.id, B.id, A.id]);

    // A new browser (or a lost list): everything comes back, note and page included.
    await clearStorage(ext);
    await page.reload();
    await page.getByText(/Your reading list is empty/).waitFor();
    await importFile(json.path);
    await expect.poll(() => itemIds(page)).toEqual([C.id, B.id, A.id]);
    await expect.poll(() => message.textContent()).toContain('3 added, 0 updated, 0 already on your list');
    expect(await item(page, A.id).getByRole('textbox', { name: 'Your note' }).inputValue()).toBe('round trip');
    expect(await item(page, A.id).getByRole('link').textContent()).toBe('AI’s next bottleneck is the data wall');

    const before = await storedEntries();
    await importFile(json.path);
    await expect.poll(() => message.textContent()).toContain('0 added, 0 updated, 3 already on your list');
    expect(await itemIds(page)).toHaveLength(3);
    expect(await storedEntries()).toEqual(before);
    await page.close();
  });

  it('refuses a file that is not JSON and a JSON file of another kind, and changes nothing', async () => {
    const page = await listWithThree();
    const before = await storedEntries();
    const notJson = join(FILES, 'notes.txt');
    writeFileSync(notJson, 'These are my notes, not an export.');
    const foreign = join(FILES, 'bookmarks.json');
    writeFileSync(foreign, JSON.stringify({ roots: { bookmark_bar: { children: [] } }, version: 1 }));

    for (const [path, name, reason] of [
      [notJson, 'notes.txt', 'not JSON'],
      [foreign, 'bookmarks.json', 'not a Tian Quotes reading list export'],
    ] as const) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import JSON…' }).click()]);
      await chooser.setFiles(path);
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain(`Could not import “${name}”. Your reading list was not changed.`);
      expect(await alert.textContent()).toContain(reason);
      expect(await itemIds(page)).toHaveLength(3);
      expect(await storedEntries()).toEqual(before);
    }
    await page.close();
  });
});

describe('many tabs, live updates, damaged values', () => {
  it('keeps all twenty remarks saved at once from twenty popups', async () => {
    const quotes = quotePack.quotes.slice(0, 20);
    const popups = await Promise.all(quotes.map(() => ext.context.newPage()));
    await Promise.all(
      popups.map(async (popup, i) => {
        // The start of the remark itself: every bigram of it is in that remark.
        await popup.goto(`${ext.baseUrl}/popup.html?q=${encodeURIComponent(Array.from(quotes[i]!.zh).slice(0, 12).join(''))}`);
        await popup.locator(`[role="row"][data-quote-id="${quotes[i]!.id}"]`).waitFor({ timeout: 30_000 });
      }),
    );
    // Twenty clicks at once, each in its own tab and its own reading list instance.
    await Promise.all(
      popups.map((popup, i) => popup.locator(`[role="row"][data-quote-id="${quotes[i]!.id}"]`).getByRole('button', { name: 'Save' }).click()),
    );
    const page = await openList();
    await expect.poll(async () => (await itemIds(page)).sort(), { timeout: 15_000 }).toEqual(quotes.map((q) => q.id).sort());
    expect(await page.getByRole('heading', { name: '20 saved remarks' }).count()).toBe(1);
    await Promise.all(popups.map((p) => p.close()));
    await page.close();
  });

  it('shows a remark saved in another tab without a reload', async () => {
    const page = await listWithThree();
    const popup = await ext.context.newPage();
    await popup.goto(`${ext.baseUrl}/popup.html?q=self-driving`);
    await popup.locator('[role="row"][data-quote-id="why-i-left-self-driving"]').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => itemIds(page)).toEqual(['why-i-left-self-driving', C.id, B.id, A.id]);
    await popup.close();
    await page.close();
  });

  it('shows a damaged stored value, set aside and not deleted, and sync status', async () => {
    const page = await listWithThree();
    await setLocal(ext, { 'rl:v2:half-written': '{"v":2,"quoteId":"half-wr' });
    const sync = page.getByRole('region', { name: 'Sync' });
    await expect.poll(() => sync.textContent()).toContain('1 stored value could not be read. It was set aside, not deleted:');
    expect(await sync.textContent()).toContain('rl:v2:half-written');
    expect(Object.keys(await localItems(ext, 'rl:quarantine:'))).toEqual(['rl:quarantine:rl:v2:half-written']);
    // The background mirrors to storage.sync and publishes what it holds.
    await expect.poll(() => sync.textContent(), { timeout: 20_000 }).toContain('In sync with your browser account: 3 of 3 remarks.');
    await page.close();
  });
});

describe('accessibility and the screenshot', () => {
  it('has no axe violations, light and dark, with notes, notices and the Undo toast', async () => {
    const page = await listWithThree();
    await page.setViewportSize({ width: 900, height: 1100 });
    await item(page, C.id).getByRole('textbox', { name: 'Your note' }).fill('Compare with the data-wall debate in the paper we read last week.');
    await expect.poll(() => item(page, C.id).locator('.rl-note-state').textContent()).toBe('✓ Saved');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await expect.poll(() => page.getByRole('region', { name: 'Sync' }).textContent(), { timeout: 20_000 }).toContain('3 of 3');
    await page.screenshot({ path: join(SCREENSHOTS, 'reading-list.png') });

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await item(page, B.id).getByRole('button', { name: /^Remove/ }).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await page.close();
  });

  it('reported no uncaught errors from the extension', () => {
    expect(ext.errors.filter((e) => e.includes(ext.baseUrl) || e.startsWith('[service worker]'))).toEqual([]);
  });
});
