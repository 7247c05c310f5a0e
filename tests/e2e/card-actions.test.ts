/**
 * What a reader does with the card, in real Chromium: every action, the
 * keyboard, accessibility (axe-core), politeness (cooldown, one card a view),
 * single-page-app navigation, late content, and an extension reload.
 */
import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from './suite';

const suite = extensionSuite({ settings: { cooldownMinutes: 0 } });
beforeAll(() => suite.ext.context.grantPermissions(['clipboard-read', 'clipboard-write']));

type Local = { get(k: string | null): Promise<Record<string, unknown>>; set(i: object): Promise<void>; clear(): Promise<void> };

const ARTICLE = '/dev-en/ai-scaling-data-wall.html';

async function stored(key: string): Promise<unknown> {
  return suite.ext.serviceWorker.evaluate(async (k) => {
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    return (await local.get(k))[k];
  }, key);
}

async function openWithCard(path = ARTICLE): Promise<Page> {
  const page = await suite.ext.context.newPage();
  await page.goto(suite.server.url(path));
  await page.locator('tian-quote .tq-card').waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

const button = (page: Page, name: string | RegExp) => page.locator('tian-quote').getByRole('button', { name });

describe('card actions', () => {
  it('appears without taking focus, as a labelled region, with no axe violations in light and dark', async () => {
    const page = await openWithCard();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await expect.poll(() => page.locator('tian-quote [role="region"][aria-label="Remark by Tian Yuandong"]').count()).toBe(1);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include('tian-quote').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }
    await page.close();
  });

  it('saves to the reading list and unsaves, showing the state', async () => {
    const page = await openWithCard();
    const save = button(page, 'Save to reading list');
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    const keys = Object.keys((await suite.ext.serviceWorker.evaluate(async () => {
      return (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.get(null);
    })) as object);
    expect(keys.some((k) => k.startsWith('rl:v2:'))).toBe(true);
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('copies the remark with its citation', async () => {
    const page = await openWithCard();
    await button(page, 'Copy with citation').click();
    await expect.poll(() => page.locator('tian-quote').getByText('Copied with citation').count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('甲子光年');
    expect(copied).toContain('2024-05-28');
    expect(copied).toMatch(/translation/i);
    await page.close();
  });

  it('cycles through the top remarks and reads one in context', async () => {
    const page = await openWithCard();
    const quote = page.locator('tian-quote .tq-quote');
    const first = await quote.textContent();
    await button(page, 'Next remark').click();
    expect(await quote.textContent()).not.toBe(first);
    await expect.poll(() => page.locator('tian-quote .tq-position').textContent()).toBe('2 of 3');
    const more = button(page, 'Read in context');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    const context = page.locator('tian-quote .tq-context');
    expect(await context.isVisible()).toBe(true);
    expect(await context.locator('mark').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('takes focus on the shortcut only, and Esc closes it', async () => {
    const page = await openWithCard();
    await page.bringToFront();
    await suite.ext.serviceWorker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab.id, { type: 'focus-card' });
    });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TIAN-QUOTE');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('tian-quote .tq-card').count()).toBe(0);
    await page.close();
  });

  it('"Not relevant" closes the card and ranks that remark lower next time', async () => {
    const page = await openWithCard();
    const firstId = await page.locator('tian-quote .tq-quote').textContent();
    await button(page, 'Not relevant').click();
    await expect.poll(() => page.locator('tian-quote .tq-card').count()).toBe(0);
    await expect.poll(async () => Object.keys(((await stored('cardHistory')) as { dismissed?: object })?.dismissed ?? {}).length).toBe(1);
    // Same page again, history kept except the day's "already shown" list.
    const history = (await stored('cardHistory')) as object;
    await suite.reset();
    await suite.ext.serviceWorker.evaluate(async (h) => {
      await (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set({ cardHistory: { ...h, shown: {}, lastCardAt: 0 } });
    }, history);
    const again = await openWithCard();
    expect(await again.locator('tian-quote .tq-quote').textContent()).not.toBe(firstId);
    await page.close();
    await again.close();
  });

  it('"Hide on this site" turns the card off for the site', async () => {
    const page = await openWithCard();
    await button(page, 'Hide on this site').click();
    await expect.poll(() => page.locator('tian-quote .tq-card').count()).toBe(0);
    await expect.poll(async () => ((await stored('settings')) as { disabledSites?: string[] }).disabledSites).toEqual(['127.0.0.1']);
    await page.reload();
    await page.waitForTimeout(4_000);
    expect(await page.locator('tian-quote').count()).toBe(0);
    await page.close();
  });

  it('Settings opens the settings page', async () => {
    const page = await openWithCard();
    const opened = suite.ext.context.waitForEvent('page');
    await button(page, 'Settings').click();
    const settings = await opened;
    expect(settings.url()).toMatch(new RegExp(`^chrome-extension://${suite.ext.extensionId}/options\\.html`));
    await settings.close();
    await page.close();
  });
});

describe('being polite', () => {
  it('waits out the cooldown before another card, in any tab', async () => {
    await suite.reset({ cooldownMinutes: 5 });
    const first = await openWithCard();
    const second = await suite.ext.context.newPage();
    await second.goto(suite.server.url('/dev-zh/zh-ai-scaling-data-wall.html'));
    await second.waitForTimeout(4_000);
    expect(await second.locator('tian-quote').count()).toBe(0);
    await first.close();
    await second.close();
  });

  it('gives a single-page-app navigation a fresh decision', async () => {
    suite.server.route('/spa.html', {
      body: `<!doctype html><html lang="en"><head><title>Recipes</title></head><body><main id="app"><h1>Weekend bread</h1><p>Flour, water, salt and time make a good loaf of bread.</p></main>
<script>
document.addEventListener('click', () => {
  history.pushState({}, '', '/spa-ai');
  document.title = 'Scaling laws hit a data wall';
  document.getElementById('app').innerHTML = '<h1>Scaling laws hit a data wall</h1>' +
    '<p>Large language models improved by the scaling laws: more training data, more compute, bigger models.</p>' +
    '<p>AI labs now need exponentially more data for a few points; researchers say data efficiency is the missing step to AGI.</p>' +
    '<p>LLMs learn far less efficiently than people, and machine learning cannot reach the long tail.</p>';
});
</script></body></html>`,
    });
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url('/spa.html'));
    await page.waitForTimeout(3_000);
    expect(await page.locator('tian-quote').count()).toBe(0);
    await page.click('h1');
    await page.locator('tian-quote .tq-card').waitFor({ state: 'visible', timeout: 30_000 });
    await page.close();
  });

  it('looks again when the article arrives after load', async () => {
    suite.server.route('/late.html', {
      body: `<!doctype html><html lang="en"><head><title>Loading…</title></head><body><div id="root">Loading…</div>
<script>
setTimeout(() => {
  document.title = 'Why scaling laws may not be enough';
  const root = document.getElementById('root');
  root.textContent = '';
  for (let i = 0; i < 60; i++) {
    const p = document.createElement('p');
    p.textContent = i % 3 === 0 ? 'Large language models grow by the scaling laws, but AI labs are running out of training data.'
      : i % 3 === 1 ? 'Researchers argue data efficiency, not size, is what LLMs lack on the way to AGI.' : 'Machine learning models still miss the long tail.';
    root.append(p);
  }
}, 2500);
</script></body></html>`,
    });
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url('/late.html'));
    await page.locator('tian-quote .tq-card').waitFor({ state: 'visible', timeout: 20_000 });
    await page.close();
  });
});

describe('highlight mode (optional, off by default)', () => {
  it('marks nothing by default', async () => {
    const page = await openWithCard();
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });

  it('marks the AI terms without changing the DOM, and resting on one brings its remarks', async () => {
    await suite.reset({ cooldownMinutes: 0, highlightTerms: true });
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url(ARTICLE));
    const elementsBefore = await page.evaluate(() => document.querySelectorAll('*').length);
    await page.locator('tian-quote .tq-card').waitFor({ state: 'visible', timeout: 30_000 });
    const marked = await page.evaluate(() => CSS.highlights.get('tian-quote-term')?.size ?? 0);
    expect(marked).toBeGreaterThan(3);
    // Only the card's host was added.
    expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBe(elementsBefore + 1);
    // Rest the pointer on the first marked term that reads "scaling law".
    const spot = await page.evaluate(() => {
      for (const range of CSS.highlights.get('tian-quote-term')!) {
        const r = range as Range;
        if (!/scaling law/i.test(r.toString())) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const box = r.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    });
    expect(spot).not.toBeNull();
    await page.mouse.move(spot!.x - 30, spot!.y);
    await page.mouse.move(spot!.x, spot!.y);
    await expect
      .poll(() => page.locator('tian-quote .tq-why').textContent(), { timeout: 10_000 })
      .toMatch(/Why this remark:\s*scaling laws?$/i);
    await page.close();
  });
});

describe('the service worker stopping', () => {
  it('loses nothing: after the worker is stopped, saves, settings and cards carry on', async () => {
    const page = await openWithCard();
    await button(page, 'Save to reading list').click();
    await expect.poll(() => button(page, 'Save to reading list').getAttribute('aria-pressed')).toBe('true');
    await page.close();
    // Stop the extension's service worker, as the browser does after 30 s idle.
    const internals = await suite.ext.context.newPage();
    await internals.goto('chrome://serviceworker-internals/');
    await expect.poll(() => internals.evaluate(() => document.body.innerText)).toContain('Running Status: RUNNING');
    await internals.getByText('Stop', { exact: true }).first().click({ timeout: 10_000 });
    await expect.poll(() => internals.evaluate(() => document.body.innerText), { timeout: 10_000 }).toContain('Running Status: STOPPED');
    await internals.close();
    // A new page wakes it: the card still comes (the cooldown setting survived), and the save is still there.
    const again = await suite.ext.context.newPage();
    await again.goto(suite.server.url('/dev-zh/zh-ai-scaling-data-wall.html'));
    await again.locator('tian-quote .tq-card').waitFor({ state: 'visible', timeout: 30_000 });
    const worker = suite.ext.context.serviceWorkers().at(-1)!;
    const saved = await worker.evaluate(async () => {
      const all = await (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.get(null);
      return Object.keys(all).filter((k) => k.startsWith('rl:v2:'));
    });
    expect(saved).toHaveLength(1);
    await again.close();
  });
});
