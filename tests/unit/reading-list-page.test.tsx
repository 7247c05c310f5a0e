// @vitest-environment happy-dom
// The reading list page over the real reading list model (in-memory storage):
// listing, notes, remove + Undo, search and sort, import, export, sync notices,
// and staying live when another tab changes the list.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTE_SAVE_DELAY_MS } from '../../components/reading-list/NoteField';
import { ReadingListPage } from '../../components/reading-list/ReadingListPage';
import { quotePack } from '../../lib/engine-data';
import { openReadingList, SYNC_STATUS_KEY, toJson, type ReadingList } from '../../lib/reading-list';
import { MemoryArea } from '../../lib/reading-list/memory-area';

const KNOWN = quotePack.quotes.map((q) => q.id);
const [A, B, C] = quotePack.quotes;
const WHERE = { title: 'Scaling hits a wall', url: 'https://news.example.org/wall' };

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function setup(prepare?: (area: MemoryArea, list: ReadingList) => Promise<void>) {
  const area = new MemoryArea();
  let t = Date.UTC(2024, 5, 1, 10);
  const clock = () => (t += 60_000);
  const writer = await openReadingList({ local: area, knownQuoteIds: KNOWN, now: clock });
  await prepare?.(area, writer);
  const list = await openReadingList({ local: area, knownQuoteIds: KNOWN, now: clock });
  const download = vi.fn();
  render(
    <ReadingListPage
      list={list}
      pack={quotePack}
      uiLanguage="en-US"
      subscribe={(onChange) => area.onChanged(() => onChange())}
      download={download}
      now={() => new Date(2024, 5, 2, 12)}
    />,
  );
  const items = () => screen.queryAllByRole('listitem').filter((li) => li.classList.contains('rl-item'));
  const itemIds = () => items().map((li) => li.dataset.quoteId);
  const item = (id: string) => items().find((li) => li.dataset.quoteId === id)!;
  return { area, writer, list, download, items, itemIds, item };
}

const saveThree = async (_: MemoryArea, list: ReadingList) => {
  await list.save(A!.id, WHERE);
  await list.save(B!.id, { title: 'A local file', url: 'file:///home/me/notes.html' });
  await list.save(C!.id);
  await list.setNote(A!.id, 'discuss at reading group');
};

describe('the list', () => {
  it('shows every saved remark, newest first, in both languages with when and where it was met', async () => {
    const { itemIds, item } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toEqual([C!.id, B!.id, A!.id]));
    expect(screen.getByRole('heading', { name: '3 saved remarks' })).toBeTruthy();
    const a = item(A!.id);
    expect(a.querySelector('[lang="zh-CN"]')!.textContent).toBe(A!.zh);
    expect(a.querySelector('[lang="en"]')!.textContent).toBe(A!.en);
    expect(within(a).getByText('Translation')).toBeTruthy();
    expect(a.querySelector('time')!.getAttribute('dateTime')).toMatch(/^2024-06-01T10:0/);
    const link = within(a).getByRole('link', { name: WHERE.title });
    expect(link.getAttribute('href')).toBe(WHERE.url);
    // A page that is not a web address is named, not linked.
    expect(within(item(B!.id)).queryByRole('link')).toBeNull();
    expect(item(B!.id).textContent).toContain('A local file');
    expect((within(a).getByRole('textbox', { name: 'Your note' }) as HTMLTextAreaElement).value).toBe('discuss at reading group');
  });

  it('says the list is empty', async () => {
    await setup();
    expect(await screen.findByText(/Your reading list is empty/)).toBeTruthy();
  });

  it('updates when another tab saves', async () => {
    const { writer, itemIds } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    const other = quotePack.quotes[10]!.id;
    await act(async () => {
      await writer.save(other);
    });
    await waitFor(() => expect(itemIds()[0]).toBe(other));
  });

  it('searches within the list and sorts', async () => {
    const { itemIds } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your reading list' }), { target: { value: 'READING group' } });
    await waitFor(() => expect(itemIds()).toEqual([A!.id]));
    expect(screen.getByRole('heading', { name: 'Showing 1 of 3 saved remarks' })).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'oldest' } });
    await waitFor(() => expect(itemIds()).toEqual([A!.id, B!.id, C!.id]));
  });
});

describe('notes', () => {
  it('saves a note a moment after typing stops, showing its state', async () => {
    const { list, item, itemIds } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    const field = within(item(C!.id)).getByRole('textbox', { name: 'Your note' });
    fireEvent.input(field, { target: { value: 'first thought' } });
    const state = () => item(C!.id).querySelector(`#${field.id}-state`)!.textContent;
    expect(field.getAttribute('aria-describedby')).toBe(`${field.id}-state`);
    expect(state()).toBe('Not saved yet…');
    await new Promise((resolve) => setTimeout(resolve, NOTE_SAVE_DELAY_MS / 2));
    expect(await list.get(C!.id)).toMatchObject({ note: '' });
    await waitFor(() => expect(state()).toBe('✓ Saved'), { timeout: NOTE_SAVE_DELAY_MS + 1000 });
    expect((await list.get(C!.id))!.note).toBe('first thought');
  });

  it('saves at once when the field loses focus', async () => {
    const { list, item, itemIds } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    const field = within(item(B!.id)).getByRole('textbox', { name: 'Your note' });
    fireEvent.input(field, { target: { value: 'on blur' } });
    fireEvent.blur(field);
    await waitFor(async () => expect((await list.get(B!.id))!.note).toBe('on blur'), { timeout: NOTE_SAVE_DELAY_MS - 200 });
  });
});

describe('remove and Undo', () => {
  it('removes, announces, focuses Undo, and Undo puts back the exact entry', async () => {
    const { list, item, itemIds } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    const before = await list.get(A!.id);
    fireEvent.click(within(item(A!.id)).getByRole('button', { name: /^Remove/ }));
    await waitFor(() => expect(itemIds()).toEqual([C!.id, B!.id]));
    expect(await list.get(A!.id)).toBeUndefined();
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    await waitFor(() => expect(screen.getByRole('status', { hidden: true }).textContent).toMatch(/^Removed “/));
    fireEvent.click(undo);
    await waitFor(() => expect(itemIds()).toEqual([C!.id, B!.id, A!.id]));
    const after = await list.get(A!.id);
    expect(after).toMatchObject({ savedAt: before!.savedAt, note: before!.note, page: before!.page });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});

describe('import and export', () => {
  const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });
  const choose = (f: File) => {
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    fireEvent.change(input);
  };

  it('refuses a file that is not JSON, or JSON of another kind, and changes nothing', async () => {
    const { area, itemIds } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    const stored = JSON.stringify(area.snapshot());
    choose(file('notes.txt', 'hello, not json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not import “notes.txt”. Your reading list was not changed.');
    expect(alert.textContent).toContain('not JSON');
    choose(file('package.json', JSON.stringify({ name: 'some-package', version: '1.0.0' })));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('“package.json”'));
    expect(screen.getByRole('alert').textContent).toContain('not a Tian Quotes reading list export');
    expect(JSON.stringify(area.snapshot())).toBe(stored);
    expect(itemIds()).toHaveLength(3);
  });

  it('imports an export, reports what was added, and adds nothing the second time', async () => {
    const exported = toJson(
      [
        { quoteId: quotePack.quotes[20]!.id, savedAt: Date.UTC(2024, 4, 1), updatedAt: Date.UTC(2024, 4, 1), note: 'from my laptop' },
        { quoteId: A!.id, savedAt: Date.UTC(2024, 4, 1), updatedAt: Date.UTC(2024, 4, 1), note: '' },
      ],
      Date.UTC(2024, 4, 2),
    );
    const { itemIds, list } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    choose(file('backup.json', exported));
    await waitFor(() => expect(itemIds()).toHaveLength(4));
    const status = await screen.findByText(/Imported “backup.json”/);
    expect(status.parentElement!.textContent).toContain('1 added');
    expect((await list.get(quotePack.quotes[20]!.id))!.note).toBe('from my laptop');
    choose(file('backup.json', exported));
    await waitFor(() => expect(screen.getByText(/Imported “backup.json”/).parentElement!.textContent).toContain('0 added, 0 updated, 2 already on your list'));
    expect(itemIds()).toHaveLength(4);
  });

  it('brings back an entry removed after the export, and says it was added', async () => {
    const { list, itemIds } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    const saved = await list.list();
    const exported = toJson(saved, Math.max(...saved.map((e) => e.updatedAt)) + 1); // on the list's own clock
    fireEvent.click(within(screen.getAllByRole('listitem').find((li) => li.dataset.quoteId === B!.id)!).getByRole('button', { name: /^Remove/ }));
    await waitFor(() => expect(itemIds()).toHaveLength(2));
    choose(file('backup.json', exported));
    const status = await screen.findByText(/Imported “backup.json”/);
    const message = status.closest('[role="status"]')!.textContent!;
    expect(message).toContain('1 added, 0 updated, 2 already on your list');
    await waitFor(() => expect(itemIds()).toHaveLength(3));
  });

  it('exports Markdown, JSON and CSV holding the remarks', async () => {
    const { download, itemIds } = await setup(saveThree);
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    for (const [name, ext, mime] of [
      ['Markdown', 'md', 'text/markdown'],
      ['JSON', 'json', 'application/json'],
      ['CSV', 'csv', 'text/csv'],
    ] as const) {
      fireEvent.click(screen.getByRole('button', { name }));
      await waitFor(() => expect(download).toHaveBeenCalledTimes(['Markdown', 'JSON', 'CSV'].indexOf(name) + 1));
      const [fileName, text, type] = download.mock.calls.at(-1)!;
      expect(fileName).toBe(`tian-quotes-reading-list-2024-06-02.${ext}`);
      expect(type).toContain(mime);
      const body = ext === 'json' ? JSON.parse(text).entries.map((e: { quoteId: string }) => e.quoteId).join(' ') : text;
      for (const q of [A!, B!, C!]) expect(body).toContain(ext === 'json' ? q.id : q.zh.split('\n')[0]!.slice(0, 10));
    }
  });
});

describe('sync and problems', () => {
  it('tells what is not synced, the last error, and values set aside, and lets the reader discard one', async () => {
    const { item, itemIds, area } = await setup(async (area, list) => {
      await saveThree(area, list);
      await area.set({
        [SYNC_STATUS_KEY]: { synced: [C!.id], partial: [A!.id], localOnly: [B!.id], pending: [], lastError: 'QUOTA_BYTES quota exceeded' },
        'rl:v2:broken-entry': '{"v":2,"quoteId":"broken-entry","sav',
      });
    });
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    const sync = screen.getByRole('region', { name: 'Sync' });
    await waitFor(() => expect(sync.textContent).toContain('The last sync failed: QUOTA_BYTES quota exceeded'));
    expect(sync.textContent).toContain('In sync with your browser account: 2 of 3 remarks.');
    expect(sync.textContent).toContain('1 remark is only on this browser');
    expect(sync.textContent).toContain('1 note was shortened to fit sync');
    expect(sync.textContent).toContain('1 stored value could not be read');
    expect(sync.textContent).toContain('rl:v2:broken-entry');
    expect(item(B!.id).textContent).toContain('Only on this browser: sync storage is full');
    expect(item(A!.id).textContent).toContain('Note shortened in sync');
    fireEvent.click(within(sync).getByRole('button', { name: /Discard the unreadable value from rl:v2:broken-entry/ }));
    await waitFor(() => expect(sync.textContent).not.toContain('could not be read'));
    expect(Object.keys(area.snapshot()).some((k) => k.startsWith('rl:quarantine:'))).toBe(false);
  });

  it('counts remarks the background has not synced yet as waiting, not as missing', async () => {
    const { itemIds } = await setup(async (area, list) => {
      await saveThree(area, list);
      await area.set({ [SYNC_STATUS_KEY]: { synced: [A!.id], partial: [], localOnly: [], pending: [B!.id] } });
    });
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    const sync = screen.getByRole('region', { name: 'Sync' });
    await waitFor(() => expect(sync.textContent).toContain('In sync with your browser account: 1 of 3 remarks. 2 are waiting to sync.'));
    expect(sync.querySelector('.rl-issues')).toBeNull();
  });

  it('is read-only, and says why, when a newer version wrote the list', async () => {
    const { itemIds, item } = await setup(async (area, list) => {
      await saveThree(area, list);
      await area.set({ 'rl:meta': { version: 3 } });
    });
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    await screen.findByText(/saved by a newer version of Tian Quotes/);
    expect((within(item(A!.id)).getByRole('button', { name: /^Remove/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Import JSON…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('accessibility', () => {
  it('has no axe violations, with notices and the Undo toast', async () => {
    const { item, itemIds } = await setup(async (area, list) => {
      await saveThree(area, list);
      await area.set({ [SYNC_STATUS_KEY]: { synced: [], partial: [], localOnly: [B!.id], pending: [C!.id], lastError: 'offline' } });
    });
    await waitFor(() => expect(itemIds()).toHaveLength(3));
    fireEvent.click(within(item(C!.id)).getByRole('button', { name: /^Remove/ }));
    await screen.findByRole('button', { name: 'Undo' });
    // happy-dom has no user-agent stylesheet: without this, the hidden file input counts as shown.
    const hiddenStyle = document.createElement('style');
    hiddenStyle.textContent = '[hidden] { display: none; }';
    document.head.append(hiddenStyle);
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
