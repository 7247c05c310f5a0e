/**
 * The settings page in real Chromium: each control stores its setting at once
 * (read back from chrome.storage.local in the service worker), the page shows
 * changes stored elsewhere, it works from the keyboard, axe-core finds nothing
 * in light and dark, English and Chinese; and the stored settings really
 * change the card on an AI article.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertExtensionStaysLocal, launchExtension, ROOT } from './harness';
import { extensionSuite } from './suite';

const suite = extensionSuite();

type Local = { get(k: string | null): Promise<Record<string, unknown>>; set(i: object): Promise<void>; clear(): Promise<void> };
interface StoredSettings {
  cardEnabled: boolean;
  display: string;
  cooldownMinutes: number;
  pausedUntil: number;
  disabledSites: string[];
  highlightTerms: boolean;
  sensitivity: string;
}

const ARTICLE = '/dev-en/ai-scaling-data-wall.html';
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** The stored settings, as the service worker reads them. */
async function stored(): Promise<Partial<StoredSettings>> {
  return suite.ext.serviceWorker.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    return ((await local.get('settings')).settings ?? {}) as Partial<StoredSettings>;
  });
}

/** A change made elsewhere: written straight to storage by the service worker. */
async function storeElsewhere(change: Partial<StoredSettings>) {
  await suite.ext.serviceWorker.evaluate(async (c) => {
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const current = (await local.get('settings')).settings as object;
    await local.set({ settings: { ...current, ...c } });
  }, change);
}

async function openSettings(): Promise<Page> {
  const page = await suite.ext.openExtensionPage('options.html');
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

const saved = (page: Page) => expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');

describe('settings page', () => {
  it('is the options page, opened by runtime.openOptionsPage() in a tab', async () => {
    await suite.ext.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { openOptionsPage(): Promise<void> } } }).chrome.runtime.openOptionsPage());
    // Chrome may reuse the blank start tab rather than open a new one.
    const optionsPage = () => suite.ext.context.pages().find((p) => p.url() === `${suite.ext.baseUrl}/options.html`);
    await expect.poll(() => optionsPage() !== undefined).toBe(true);
    const page = optionsPage()!;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tian Quotes settings');
    expect(await page.title()).toBe('Tian Quotes settings');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  });

  it('shows the defaults, and stores each change at once with a polite "Saved"', async () => {
    const page = await openSettings();
    const card = page.getByRole('checkbox', { name: 'Show a remark card on pages about AI' });
    const highlight = page.getByRole('checkbox', { name: 'Mark the matched terms on the page' });
    expect(await card.isChecked()).toBe(true);
    expect(await highlight.isChecked()).toBe(false);
    expect(await page.getByRole('radio', { name: /^Automatic/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Normal' }).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Time between two cards' }).inputValue()).toBe('5');
    expect(await page.getByRole('status').getAttribute('role')).toBe('status');

    await card.uncheck();
    await expect.poll(async () => (await stored()).cardEnabled).toBe(false);
    await saved(page);
    await highlight.check();
    await expect.poll(async () => (await stored()).highlightTerms).toBe(true);
    await page.getByRole('radio', { name: 'Chinese original only' }).check();
    await expect.poll(async () => (await stored()).display).toBe('zh');
    await page.getByRole('radio', { name: /^More cards/ }).check();
    await expect.poll(async () => (await stored()).sensitivity).toBe('high');
    await page.getByRole('combobox', { name: 'Time between two cards' }).selectOption({ label: '15 minutes' });
    await expect.poll(async () => (await stored()).cooldownMinutes).toBe(15);

    // Sites: add (a pasted address becomes its site), reject what is not a site, remove.
    const field = page.getByRole('textbox', { name: 'Turn the card off on a site' });
    await field.fill('https://www.Example.com/news/today');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => (await stored()).disabledSites).toEqual(['example.com']);
    await field.fill('not a site');
    await field.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('That is not a site name');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).disabledSites).toEqual(['example.com']);
    await page.getByRole('button', { name: 'Remove example.com' }).click();
    await expect.poll(async () => (await stored()).disabledSites).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('text');

    // Every other setting is still what was chosen above.
    expect(await stored()).toMatchObject({ cardEnabled: false, highlightTerms: true, display: 'zh', sensitivity: 'high', cooldownMinutes: 15 });
    expect(suite.ext.errors).toEqual([]);
    await page.close();
  });

  it('pauses for an hour, until tomorrow, until resumed, and resumes, showing the end time', async () => {
    const page = await openSettings();
    const pause = page.getByRole('group', { name: 'Pause' });
    expect(await pause.textContent()).toContain('Cards are not paused.');

    const before = Date.now();
    await pause.getByRole('button', { name: 'Pause for one hour' }).click();
    await expect.poll(async () => (await stored()).pausedUntil ?? 0).toBeGreaterThan(before);
    const hour = (await stored()).pausedUntil!;
    expect(hour - before).toBeGreaterThanOrEqual(3_600_000);
    expect(hour - before).toBeLessThan(3_600_000 + 30_000);
    // The time alone on the same day; with the date when the hour runs past midnight.
    const shownTime = await page.evaluate((at) => {
      const sameDay = new Date(at).toDateString() === new Date().toDateString();
      const time = { hour: 'numeric', minute: '2-digit' } as const;
      return new Intl.DateTimeFormat('en', sameDay ? time : { weekday: 'short', month: 'short', day: 'numeric', ...time }).format(at);
    }, hour);
    await expect.poll(() => pause.textContent()).toContain(`Cards are paused until ${shownTime}.`);

    await pause.getByRole('button', { name: 'Pause until tomorrow' }).click();
    await expect.poll(async () => (await stored()).pausedUntil).not.toBe(hour);
    const midnight = await page.evaluate(() => {
      const d = new Date();
      d.setHours(24, 0, 0, 0);
      return d.getTime();
    });
    expect((await stored()).pausedUntil).toBe(midnight);

    await pause.getByRole('button', { name: 'Pause until I resume' }).click();
    await expect.poll(async () => (await stored()).pausedUntil).toBe(Number.MAX_SAFE_INTEGER);
    await expect.poll(() => pause.textContent()).toContain('Cards are paused until you resume them.');

    await pause.getByRole('button', { name: 'Resume now' }).click();
    await expect.poll(async () => (await stored()).pausedUntil).toBe(0);
    await expect.poll(() => pause.textContent()).toContain('Cards are not paused.');
    expect(await pause.getByRole('button', { name: 'Resume now' }).count()).toBe(0);
    await page.close();
  });

  it('shows changes stored elsewhere (the card, another tab) without a reload', async () => {
    const page = await openSettings();
    await storeElsewhere({ display: 'en', sensitivity: 'low', cooldownMinutes: 60, disabledSites: ['zhihu.com'], pausedUntil: Number.MAX_SAFE_INTEGER });
    await expect.poll(() => page.getByRole('radio', { name: 'English translation only' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /^Fewer cards/ }).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Time between two cards' }).inputValue()).toBe('60');
    expect(await page.getByRole('button', { name: 'Remove zhihu.com' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Pause' }).textContent()).toContain('paused until you resume them');

    // The card's "Hide on this site" goes through the background; the page follows that too.
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'hide-site',
        url: 'https://www.example.org/a',
      }),
    );
    await expect.poll(() => page.getByRole('button', { name: 'Remove example.org' }).count()).toBe(1);
    await page.close();
  });

  it('works from the keyboard alone', async () => {
    const page = await openSettings();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await stored()).cardEnabled).toBe(false);

    await page.keyboard.press('Tab'); // highlight checkbox
    await page.keyboard.press('Tab'); // the checked display radio ("Automatic")
    await page.keyboard.press('ArrowDown'); // -> "Both"
    await expect.poll(async () => (await stored()).display).toBe('both');

    const field = page.getByRole('textbox', { name: 'Turn the card off on a site' });
    await field.focus();
    await page.keyboard.type('zhihu.com');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored()).disabledSites).toEqual(['zhihu.com']);
    await page.keyboard.press('Shift+Tab'); // back to the Remove button
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove zhihu.com');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored()).disabledSites).toEqual([]);

    // With the last site removed, focus goes back to the field, and shows where it is.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('text');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });

  it('has no axe violations in light and dark, with every part shown; and takes the README screenshot', async () => {
    await suite.reset({ disabledSites: ['example.com', 'news.example.org'], pausedUntil: Date.now() + 3_600_000 });
    const page = await openSettings();
    await page.getByRole('button', { name: 'Remove example.com' }).waitFor();
    // The error message too.
    await page.getByRole('textbox', { name: 'Turn the card off on a site' }).fill('not a site');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('alert').waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${colorScheme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
    }
    await page.close();

    await suite.reset({ disabledSites: ['example.com'], cooldownMinutes: 15 });
    const shot = await openSettings();
    await shot.emulateMedia({ colorScheme: 'light' });
    // Tall enough for the whole page, so the "Saved" toast sits below the last field.
    await shot.setViewportSize({ width: 760, height: 1180 });
    await shot.getByRole('textbox', { name: 'Turn the card off on a site' }).fill('news.example.org');
    await shot.getByRole('button', { name: 'Add', exact: true }).click();
    await shot.getByRole('button', { name: 'Remove news.example.org' }).waitFor();
    await saved(shot);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await shot.screenshot({ path: join(SCREENSHOTS, 'settings.png'), fullPage: true });
    await shot.close();
  });
});

describe('settings change the card', () => {
  const card = (page: Page) => page.locator('tian-quote .tq-card');

  async function open(url: string): Promise<Page> {
    const page = await suite.ext.context.newPage();
    await page.goto(url);
    return page;
  }

  /** Waits long enough for a card to have appeared (it comes within about two seconds), then counts. */
  async function cardsAfterWaiting(page: Page): Promise<number> {
    await page.waitForTimeout(5_000);
    return page.locator('tian-quote').count();
  }

  it('a site turned off on the settings page gets no card; another host still does', async () => {
    await suite.reset({ cooldownMinutes: 0 });
    const settings = await openSettings();
    await settings.getByRole('textbox', { name: 'Turn the card off on a site' }).fill(suite.server.url(ARTICLE));
    await settings.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => (await stored()).disabledSites).toEqual(['127.0.0.1']);

    const off = await open(suite.server.url(ARTICLE));
    const on = await open(suite.server.url(ARTICLE).replace('127.0.0.1', 'localhost'));
    await card(on).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await cardsAfterWaiting(off)).toBe(0);
    await Promise.all([off.close(), on.close(), settings.close()]);
  });

  it('no card while paused, or with the card turned off; one again after resuming', async () => {
    await suite.reset({ cooldownMinutes: 0 });
    const settings = await openSettings();
    await settings.getByRole('button', { name: 'Pause for one hour' }).click();
    await expect.poll(async () => (await stored()).pausedUntil ?? 0).toBeGreaterThan(Date.now());
    const paused = await open(suite.server.url(ARTICLE));
    expect(await cardsAfterWaiting(paused)).toBe(0);
    await paused.close();

    await settings.getByRole('button', { name: 'Resume now' }).click();
    await settings.getByRole('checkbox', { name: 'Show a remark card on pages about AI' }).uncheck();
    await expect.poll(async () => (await stored()).cardEnabled).toBe(false);
    expect((await stored()).pausedUntil).toBe(0);
    const disabled = await open(suite.server.url(ARTICLE));
    expect(await cardsAfterWaiting(disabled)).toBe(0);
    await disabled.close();

    await settings.getByRole('checkbox', { name: 'Show a remark card on pages about AI' }).check();
    await expect.poll(async () => (await stored()).cardEnabled).toBe(true);
    const again = await open(suite.server.url(ARTICLE));
    await card(again).waitFor({ state: 'visible', timeout: 15_000 });
    await Promise.all([again.close(), settings.close()]);
  });

  it('"Chinese original only" shows the Chinese and no translation; "English translation only" the reverse', async () => {
    await suite.reset({ cooldownMinutes: 0 });
    const settings = await openSettings();
    await settings.getByRole('radio', { name: 'Chinese original only' }).check();
    await expect.poll(async () => (await stored()).display).toBe('zh');
    const zh = await open(suite.server.url(ARTICLE));
    await card(zh).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await card(zh).locator('.tq-quote [lang="zh-CN"]').count()).toBe(1);
    expect(await card(zh).locator('.tq-quote [lang="en"]').count()).toBe(0);
    expect(await card(zh).locator('.tq-quote').textContent()).not.toContain('Translation');
    await zh.close();

    await settings.getByRole('radio', { name: 'English translation only' }).check();
    await expect.poll(async () => (await stored()).display).toBe('en');
    const en = await open(suite.server.url(ARTICLE));
    await card(en).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await card(en).locator('.tq-quote [lang="zh-CN"]').count()).toBe(0);
    expect(await card(en).locator('.tq-quote [lang="en"]').count()).toBe(1);
    await Promise.all([en.close(), settings.close()]);
  });
});

describe('settings page in Chinese', () => {
  it('is in Chinese, lang zh-CN, with no axe violations in light and dark', async () => {
    const zhExt = await launchExtension({ browserLocale: 'zh-CN' });
    try {
      const page = await zhExt.openExtensionPage('options.html');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('田渊栋语录设置');
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await page.getByRole('button', { name: '暂停一小时' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('已保存');
      expect(await page.getByRole('group', { name: '暂停' }).textContent()).toMatch(/卡片已暂停，(\d{1,2}月\d{1,2}日周.\s)?\d{1,2}:\d{2} 恢复。/);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
      }
      assertExtensionStaysLocal(zhExt.requests);
      expect(zhExt.errors).toEqual([]);
    } finally {
      await zhExt.close();
    }
  });
});
