// @vitest-environment happy-dom
// The toolbar popup's view: search as you type, related remarks or the remark
// of the day on an empty box, keyboard through the results grid, save, copy,
// and "Read in context".
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps, type SavedStore } from '../../components/popup/Popup';
import { formatCitation } from '../../lib/citation';
import { quotePack, shippedEngine } from '../../lib/engine-data';
import type { RelatedRemarksReply } from '../../lib/messages';
import { createRemarkFinder } from '../../lib/remark-finder';

const finder = createRemarkFinder(shippedEngine(), quotePack);
const TODAY = new Date(2025, 2, 14, 9, 30);
const AI_TAB: RelatedRemarksReply = {
  title: 'AI labs hit the data wall',
  url: 'https://news.example.org/data-wall',
  page: {
    title: 'AI labs hit the data wall as scaling laws slow',
    headings: ['AI labs hit the data wall'],
    body:
      'Large language models need ever more training data. Researchers say scaling laws are reaching a data wall; ' +
      'frontier labs turn to synthetic data while compute budgets keep growing.',
    lang: 'en',
    truncated: false,
  },
};

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function fakeSaved(initial: string[] = []) {
  const ids = new Set(initial);
  const listeners: (() => void)[] = [];
  const saved: SavedStore = {
    ids: vi.fn(async () => new Set(ids)),
    toggle: vi.fn(async (id: string) => {
      if (!ids.delete(id)) ids.add(id);
      return ids.has(id);
    }),
    subscribe: vi.fn((listener: () => void) => {
      listeners.push(listener);
      return () => {};
    }),
  };
  return { saved, ids, listeners };
}

function setup(overrides: Partial<PopupProps> = {}) {
  const { saved, ids, listeners } = fakeSaved();
  const props: PopupProps = {
    uiLanguage: 'en-US',
    source: quotePack.source,
    createFinder: () => finder,
    readTab: async () => null,
    today: () => TODAY,
    saved,
    copy: vi.fn(async () => {}),
    readingListUrl: 'chrome-extension://x/reading-list.html',
    ...overrides,
  };
  render(<Popup {...props} />);
  const box = () => screen.getByRole('searchbox', { name: "Search Tian Yuandong's remarks" }) as HTMLInputElement;
  const grid = () => screen.getByRole('grid');
  const rows = () => within(grid()).getAllByRole('row');
  const rowIds = () => rows().map((r) => r.dataset.quoteId);
  return { props, saved, ids, listeners, box, grid, rows, rowIds };
}

const type = (input: HTMLInputElement, value: string) => fireEvent.input(input, { target: { value } });
const key = (el: Element, k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(el, { key: k, ...init });

describe('Popup: what it shows', () => {
  it('focuses the search box and, without a tab to read, shows the remark of the day', async () => {
    const { box, rowIds } = setup();
    expect(document.activeElement).toBe(box());
    await screen.findByRole('heading', { name: 'Remark of the day' });
    expect(rowIds()).toEqual([finder.ofTheDay(TODAY).id]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tian Quotes');
  });

  it('shows remarks related to the page in the tab when the engine finds its topics', async () => {
    const { rowIds } = setup({ readTab: async () => AI_TAB });
    await screen.findByRole('heading', { name: 'Related to this page' });
    expect(screen.getByText(AI_TAB.title)).toBeTruthy();
    expect(rowIds()).toEqual(finder.related(AI_TAB.page!)!.map((f) => f.remark.id));
    expect(rowIds().length).toBeGreaterThan(1);
  });

  it('shows the remark of the day for a page that is not about AI', async () => {
    const recipe: RelatedRemarksReply = {
      title: 'Braised short ribs',
      url: 'https://food.example.org/ribs',
      page: { title: 'Braised short ribs', headings: [], body: 'Brown the ribs, add wine and stock, braise for three hours.', lang: 'en', truncated: false },
    };
    const { rowIds } = setup({ readTab: async () => recipe });
    await screen.findByRole('heading', { name: 'Remark of the day' });
    expect(rowIds()).toEqual([finder.ofTheDay(TODAY).id]);
  });

  it('searches as you type, English through the lexicon and Chinese by bigrams, marking matched words', async () => {
    const { box, rowIds, grid } = setup();
    await screen.findByRole('heading', { name: 'Remark of the day' });
    type(box(), 'self-driving');
    await screen.findByRole('heading', { name: 'Results' });
    expect(rowIds()).toContain('why-i-left-self-driving');
    const row = grid().querySelector('[data-quote-id="why-i-left-self-driving"]')!;
    expect([...row.querySelectorAll('[lang="en"] mark')].map((m) => m.textContent!.toLowerCase())).toContain('driving');
    expect(screen.getByText(`${rowIds().length} remarks`)).toBeTruthy();

    type(box(), '自动驾驶');
    await waitFor(() => expect(rowIds()).toContain('why-i-left-self-driving'));
    const zh = grid().querySelector('[data-quote-id="why-i-left-self-driving"] [lang="zh-CN"]')!;
    expect([...zh.querySelectorAll('mark')].map((m) => m.textContent).join('')).toContain('自动驾驶');
  });

  it('says so when nothing matches', async () => {
    const { box } = setup();
    await screen.findByRole('heading', { name: 'Remark of the day' });
    type(box(), 'xyzzyqq');
    expect(await screen.findByText(/No remark matches “xyzzyqq”/)).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('prefills the box from ?q= and searches at once', async () => {
    const { box, rowIds } = setup({ initialQuery: 'scaling' });
    expect(box().value).toBe('scaling');
    await screen.findByRole('heading', { name: 'Results' });
    expect(rowIds()).toContain('scaling-law-pessimistic-future');
  });

  it('filters by topic, and lists a topic on its own with an empty box', async () => {
    const { box, rowIds } = setup();
    await screen.findByRole('heading', { name: 'Remark of the day' });
    const topic = screen.getByRole('combobox', { name: 'Topic' }) as HTMLSelectElement;
    const selfDriving = [...topic.options].find((o) => o.value === 'self-driving')!;
    expect(selfDriving.textContent).toBe('self-driving');
    fireEvent.change(topic, { target: { value: 'self-driving' } });
    await screen.findByRole('heading', { name: 'Results' });
    const tagged = quotePack.quotes.filter((q) => q.tags.includes('self-driving')).map((q) => q.id);
    expect(rowIds().sort()).toEqual([...tagged].sort());
    type(box(), '数据');
    await waitFor(() => expect(rowIds().every((id) => tagged.includes(id!))).toBe(true));
  });

  it('links to the reading list with the count of saved remarks', async () => {
    const { listeners, ids } = setup();
    const link = screen.getByRole('link', { name: /Reading list/ });
    expect(link.getAttribute('href')).toBe('chrome-extension://x/reading-list.html');
    ids.add('why-i-left-self-driving');
    act(() => listeners.forEach((l) => l()));
    await waitFor(() => expect(link.textContent).toContain('(1)'));
  });
});

describe('Popup: keyboard', () => {
  async function withResults(overrides: Partial<PopupProps> = {}) {
    const ctx = setup({ initialQuery: 'self-driving', readTab: async () => AI_TAB, ...overrides });
    await screen.findByRole('heading', { name: 'Results' });
    return ctx;
  }
  const cell = (grid: HTMLElement, row: number, col: number) => grid.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)!;

  it('moves through the grid with the arrow keys, one cell in the tab order, and back up to the box', async () => {
    const { box, grid } = await withResults();
    key(box(), 'ArrowDown');
    expect(document.activeElement).toBe(cell(grid(), 0, 0));
    expect(cell(grid(), 0, 0).getAttribute('role')).toBe('gridcell');
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(cell(grid(), 1, 0));
    key(document.activeElement!, 'ArrowRight');
    expect(document.activeElement).toBe(cell(grid(), 1, 1));
    expect(document.activeElement!.textContent).toContain('Save');
    key(document.activeElement!, 'End');
    expect(document.activeElement!.textContent).toContain('Read in context');
    await waitFor(() => expect(grid().querySelectorAll('[data-col][tabindex="0"]').length).toBe(1));
    expect(cell(grid(), 1, 4).tabIndex).toBe(0);
    key(document.activeElement!, 'ArrowUp');
    expect(document.activeElement).toBe(cell(grid(), 0, 4));
    key(document.activeElement!, 'ArrowUp');
    expect(document.activeElement).toBe(box());
  });

  it('opens "Read in context" with Enter, focus in it, the remark marked; Esc closes it and comes back', async () => {
    const { box, grid, rowIds } = await withResults();
    key(box(), 'ArrowDown');
    key(document.activeElement!, 'Enter');
    const panel = await screen.findByRole('region', { name: 'The question and his whole answer' });
    await waitFor(() => expect(document.activeElement).toBe(panel));
    const remark = quotePack.quotes.find((q) => q.id === rowIds()[0])!;
    expect(panel.textContent).toContain(quotePack.source.interviewer.en);
    expect([...panel.querySelectorAll('mark')].map((m) => m.textContent).join('')).toContain(Array.from(remark.zh).slice(0, 4).join(''));
    expect(cell(grid(), 0, 4).getAttribute('aria-expanded')).toBe('true');
    key(panel, 'Escape');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'The question and his whole answer' })).toBeNull());
    expect(document.activeElement).toBe(cell(grid(), 0, 0));
  });

  it('Enter in the box opens the first result in context', async () => {
    const { box } = await withResults();
    key(box(), 'Enter');
    const panel = await screen.findByRole('region', { name: 'The question and his whole answer' });
    await waitFor(() => expect(document.activeElement).toBe(panel));
  });

  it('saves the active result with S, recording the tab as where it was met, and unsaves with S again', async () => {
    const { box, grid, saved, rowIds } = await withResults();
    key(box(), 'ArrowDown');
    key(document.activeElement!, 'ArrowDown');
    key(document.activeElement!, 's');
    const id = rowIds()[1]!;
    await waitFor(() => expect(cell(grid(), 1, 1).getAttribute('aria-pressed')).toBe('true'));
    expect(saved.toggle).toHaveBeenCalledWith(id, { title: AI_TAB.title, url: AI_TAB.url });
    expect(await screen.findByText('Saved to your reading list')).toBeTruthy();
    key(document.activeElement!, 'S');
    await waitFor(() => expect(cell(grid(), 1, 1).getAttribute('aria-pressed')).toBe('false'));
    expect(await screen.findByText('Removed from your reading list')).toBeTruthy();
  });

  it('saves the first result with Ctrl+S from the box, and records no page for a tab that is not a web page', async () => {
    const { box, saved, rowIds } = await withResults({ readTab: async () => ({ title: 'New Tab', url: 'chrome://newtab/', page: null }) });
    await waitFor(() => expect(saved.ids).toHaveBeenCalled());
    key(box(), 's', { ctrlKey: true });
    await waitFor(() => expect(saved.toggle).toHaveBeenCalledWith(rowIds()[0], undefined));
  });

  it('copies with citation as plain text (C) and as Markdown (button)', async () => {
    const { box, grid, props, rowIds } = await withResults();
    key(box(), 'ArrowDown');
    key(document.activeElement!, 'c');
    const remark = finder.search('self-driving').find((f) => f.remark.id === rowIds()[0])!.remark;
    await waitFor(() => expect(props.copy).toHaveBeenCalledWith(formatCitation(remark, quotePack.source, 'text')));
    expect(await screen.findByText('Copied with citation')).toBeTruthy();
    fireEvent.click(cell(grid(), 0, 3));
    await waitFor(() => expect(props.copy).toHaveBeenLastCalledWith(formatCitation(remark, quotePack.source, 'markdown')));
    expect(await screen.findByText('Copied as Markdown with citation')).toBeTruthy();
  });

  it('goes back to the box on Esc or when the reader types', async () => {
    const { box, grid } = await withResults();
    key(box(), 'ArrowDown');
    key(document.activeElement!, 'ArrowDown');
    key(document.activeElement!, 'Escape');
    expect(document.activeElement).toBe(box());
    key(box(), 'ArrowDown');
    key(cell(grid(), 0, 0), 'x');
    expect(document.activeElement).toBe(box());
  });
});

describe('Popup: accessibility', () => {
  it('has no axe violations with results and a context open, in English and Chinese', async () => {
    const options: axe.RunOptions = { rules: { 'color-contrast': { enabled: false } } };
    // happy-dom has no user-agent stylesheet: without this, closed (hidden) contexts count as landmarks.
    const hiddenStyle = document.createElement('style');
    hiddenStyle.textContent = '[hidden] { display: none; }';
    document.head.append(hiddenStyle);
    for (const uiLanguage of ['en-US', 'zh-CN']) {
      const { container } = render(
        <Popup
          uiLanguage={uiLanguage}
          source={quotePack.source}
          initialQuery="scaling"
          createFinder={() => finder}
          readTab={async () => null}
          today={() => TODAY}
          saved={fakeSaved(['scaling-law-pessimistic-future']).saved}
          copy={async () => {}}
          readingListUrl="reading-list.html"
        />,
      );
      await waitFor(() => expect(container.querySelector('[role="grid"]')).not.toBeNull());
      fireEvent.click(container.querySelector('[data-row="0"][data-col="4"]')!);
      await waitFor(() => expect(container.querySelector('.tq-context mark')).not.toBeNull());
      const result = await axe.run(container, options);
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
      expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['aria-required-children', 'aria-required-parent', 'button-name']));
      cleanup();
    }
  });
});
