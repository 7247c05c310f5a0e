/**
 * The ways in from the browser's own UI, in real Chromium: the context menu on
 * selected text, the keyboard shortcuts, and the `tian` omnibox keyword. The
 * browser's events are dispatched from the service worker, as a click, a key
 * press or typing in the address bar would fire them.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readBuiltManifest } from './harness';
import { extensionSuite } from './suite';

const suite = extensionSuite({ settings: { cooldownMinutes: 0 } });

interface Tab {
  id: number;
  index: number;
  url?: string;
  active: boolean;
}
interface Suggestion {
  content: string;
  description: string;
}
interface ChromeLike {
  storage: { local: { set(items: object): Promise<void>; clear(): Promise<void> } };
  tabs: { query(q: object): Promise<Tab[]>; update(id: number, p: object): Promise<Tab> };
  runtime: { lastError?: { message: string }; onStartup: { dispatch(): void }; onInstalled: { dispatch(d: object): void } };
  contextMenus: {
    create(p: object, cb: () => void): void;
    onClicked: { dispatch(info: object, tab?: Tab): void };
  };
  commands: { getAll(): Promise<{ name: string; shortcut: string; description: string }[]>; onCommand: { dispatch(name: string, tab?: Tab): void } };
  omnibox: {
    onInputChanged: { dispatch(text: string, suggest: (s: Suggestion[]) => void): void };
    onInputEntered: { dispatch(text: string, disposition: string): void };
  };
}

const MENU_ID = 'tian-search-selection';
const ARTICLE = '/dev-en/ai-scaling-data-wall.html';

/**
 * The tab of `page`, as the extension sees it (brought to the front: without the
 * "tabs" permission the extension cannot read tab URLs, so it is told apart by being active).
 */
async function tabOf(page: Page): Promise<Tab> {
  await page.bringToFront();
  const [tab] = await suite.ext.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: ChromeLike }).chrome.tabs.query({ active: true, currentWindow: true }),
  );
  if (!tab) throw new Error('no active tab');
  return tab;
}

/** Errors the extension logged (the test pages' own missing images and fonts are not its doing). */
const extensionErrors = () => suite.ext.errors.filter((e) => !e.includes('Failed to load resource'));

/** The page the extension opens next at popup.html (a new tab, or one navigated there). */
async function searchPageOpened(action: () => Promise<unknown>): Promise<Page> {
  const before = new Set(suite.ext.context.pages().filter((p) => p.url().includes('/popup.html')));
  await action();
  let found: Page | undefined;
  await expect
    .poll(() => (found = suite.ext.context.pages().find((p) => p.url().includes('/popup.html') && !before.has(p))), { timeout: 10_000 })
    .toBeTruthy();
  return found!;
}

describe('manifest', () => {
  it('asks for storage and contextMenus only, no host permissions; declares the shortcuts and the omnibox keyword', () => {
    const manifest = readBuiltManifest() as {
      permissions: string[];
      host_permissions?: string[];
      optional_permissions?: string[];
      commands: Record<string, { suggested_key: { default: string }; description?: string }>;
      omnibox: { keyword: string };
    };
    expect([...manifest.permissions].sort()).toEqual(['contextMenus', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.omnibox).toEqual({ keyword: 'tian' });
    expect(manifest.commands._execute_action!.suggested_key.default).toBe('Alt+Shift+Q');
    expect(manifest.commands['focus-card']!.suggested_key.default).toBe('Alt+Shift+Y');
    expect(manifest.commands['focus-card']!.description).toBe('__MSG_entry_command_focus_card__');
  });

  it('Chromium gives both shortcuts their keys (no clash), with a translated description', async () => {
    const commands = await suite.ext.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeLike }).chrome.commands.getAll());
    const byName = Object.fromEntries(commands.map((c) => [c.name, c]));
    expect(byName._execute_action?.shortcut).toBe('Alt+Shift+Q');
    expect(byName['focus-card']?.shortcut).toBe('Alt+Shift+Y');
    expect(byName['focus-card']?.description).toBe('Move focus to the remark card on the page');
  });
});

describe('context menu on selected text', () => {
  it('exists after install, and a restart does not duplicate it or log an error', async () => {
    const createAgain = () =>
      suite.ext.serviceWorker.evaluate(
        (id) =>
          new Promise<string>((resolve) => {
            const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
            c.contextMenus.create({ id, title: 'probe', contexts: ['selection'] }, () => resolve(c.runtime.lastError?.message ?? 'created'));
          }),
        MENU_ID,
      );
    // Creating the same id again fails only because the extension's menu is there.
    expect(await createAgain()).toMatch(/duplicate id/);
    await suite.ext.serviceWorker.evaluate(() => {
      const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
      c.runtime.onStartup.dispatch();
      c.runtime.onInstalled.dispatch({ reason: 'update' });
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await createAgain()).toMatch(/duplicate id/);
    expect(extensionErrors()).toEqual([]);
  });

  it('opens the search for the selection in a new tab next to the page', async () => {
    const article = await suite.ext.context.newPage();
    await article.goto(suite.server.url(ARTICLE));
    const tab = await tabOf(article);
    const search = await searchPageOpened(() =>
      suite.ext.serviceWorker.evaluate(
        ({ id, tab }) =>
          (globalThis as unknown as { chrome: ChromeLike }).chrome.contextMenus.onClicked.dispatch(
            { menuItemId: id, selectionText: '  scaling\n law ', editable: false, pageUrl: tab.url },
            tab,
          ),
        { id: MENU_ID, tab },
      ),
    );
    expect(search.url()).toBe(`${suite.ext.baseUrl}/popup.html?q=scaling%20law`);
    expect((await tabOf(search)).index).toBe(tab.index + 1);
    await search.close();
    await article.close();
  });

  it('ignores clicks on menu items that are not its own', async () => {
    const before = suite.ext.context.pages().length;
    await suite.ext.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeLike }).chrome.contextMenus.onClicked.dispatch({ menuItemId: 'someone-else', selectionText: 'x' }),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(suite.ext.context.pages().length).toBe(before);
  });
});

describe('keyboard shortcut: focus the card', () => {
  it('moves focus into the card on the page', async () => {
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url(ARTICLE));
    await page.locator('tian-quote .tq-card').waitFor({ state: 'visible', timeout: 15_000 });
    await page.getByRole('heading').first().click(); // the reader was reading, focus on the page
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TIAN-QUOTE');

    const tab = await tabOf(page);
    await suite.ext.serviceWorker.evaluate(
      (tab) => (globalThis as unknown as { chrome: ChromeLike }).chrome.commands.onCommand.dispatch('focus-card', tab),
      tab,
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TIAN-QUOTE');
    const inside = await page.evaluate(() => {
      const active = document.querySelector('tian-quote')!.shadowRoot!.activeElement;
      return { className: active?.className, role: active?.getAttribute('role'), label: active?.getAttribute('aria-label') };
    });
    expect(inside).toEqual({ className: 'tq-card', role: 'region', label: 'Remark by Tian Yuandong' });
    // From there the keyboard works the card: Escape closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('tian-quote').count()).toBe(0);
    await page.close();
  });

  it('uses the active tab when the browser gives none, and stays quiet where there is no content script', async () => {
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url(ARTICLE));
    await page.locator('tian-quote .tq-card').waitFor({ state: 'visible', timeout: 15_000 });
    await page.bringToFront();
    await suite.ext.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeLike }).chrome.commands.onCommand.dispatch('focus-card'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TIAN-QUOTE');

    // An extension page has no content script: nothing happens, and nothing is logged.
    const settings = await suite.ext.openExtensionPage('options.html');
    const tab = await tabOf(settings);
    await suite.ext.serviceWorker.evaluate(
      (tab) => (globalThis as unknown as { chrome: ChromeLike }).chrome.commands.onCommand.dispatch('focus-card', tab),
      tab,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(extensionErrors()).toEqual([]);
    await settings.close();
    await page.close();
  });
});

describe('omnibox keyword "tian"', () => {
  const inputChanged = (text: string) =>
    suite.ext.serviceWorker.evaluate(
      (text) =>
        new Promise<Suggestion[]>((resolve) =>
          (globalThis as unknown as { chrome: ChromeLike }).chrome.omnibox.onInputChanged.dispatch(text, resolve),
        ),
      text,
    );
  const inputEntered = (text: string, disposition: string) =>
    suite.ext.serviceWorker.evaluate(
      ({ text, disposition }) => (globalThis as unknown as { chrome: ChromeLike }).chrome.omnibox.onInputEntered.dispatch(text, disposition),
      { text, disposition },
    );

  it('suggests up to five remarks as you type, the matched words marked, in escaped XML', async () => {
    const suggestions = await inputChanged('scaling');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect(suggestions[0]!.description).toMatch(/<match>scaling<\/match> law/i);
    for (const s of suggestions) {
      // Well-formed for Chrome: only <match> tags, every & an entity.
      expect(s.description.replace(/<\/?match>/g, '').replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/[<>&]/);
      expect(s.content).toMatch(/^scaling #[\w-]+$/);
    }
    expect(await inputChanged('   ')).toEqual([]);
    expect((await inputChanged('数据')).length).toBeGreaterThan(0);
  });

  it('opens the search for the typed text in a new tab', async () => {
    const search = await searchPageOpened(() => inputEntered('scaling law', 'newForegroundTab'));
    expect(search.url()).toBe(`${suite.ext.baseUrl}/popup.html?q=scaling%20law`);
    await search.close();
  });

  it('opens a chosen suggestion with its remark, in the current tab', async () => {
    const [first] = await inputChanged('scaling');
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url('/dev-en/notai-tennis-final-match-report.html'));
    await tabOf(page);
    await inputEntered(first!.content, 'currentTab');
    const id = first!.content.split('#')[1]!;
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${suite.ext.baseUrl}/popup.html?q=scaling&remark=${id}`);
    await page.close();
  });
});
