// What the popup asks a tab (extension/related-page.ts): the active tab or the
// one named by ?tab=, the reply checked, and no answer where no content script runs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkRelatedReply, readTabPage } from '../../extension/related-page';

const PAGE = { title: 'T', headings: ['h'], body: 'b', lang: 'en', truncated: false };
const REPLY = { page: PAGE, title: 'Title', url: 'https://example.org/' };

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('checkRelatedReply', () => {
  it('accepts a reply with or without page text and refuses other shapes', () => {
    expect(checkRelatedReply(REPLY)).toEqual(REPLY);
    expect(checkRelatedReply({ ...REPLY, page: null })).toEqual({ ...REPLY, page: null });
    expect(checkRelatedReply(undefined)).toBeNull();
    expect(checkRelatedReply({ title: 1, url: 'x', page: null })).toBeNull();
    expect(checkRelatedReply({ ...REPLY, page: { ...PAGE, headings: 'h' } })).toBeNull();
  });
});

describe('readTabPage', () => {
  it('asks the active tab of the current window', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(REPLY as never);
    expect(await readTabPage()).toEqual(REPLY);
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledWith(7, { type: 'related-remarks' });
  });

  it('asks the tab it is given instead', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(REPLY as never);
    await readTabPage(42);
    expect(query).not.toHaveBeenCalled();
    expect(send).toHaveBeenCalledWith(42, { type: 'related-remarks' });
  });

  it('answers null where no content script listens, or the reply is not one', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await readTabPage(3)).toBeNull();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ something: 'else' } as never);
    expect(await readTabPage(3)).toBeNull();
  });
});
