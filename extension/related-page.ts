// Asks a tab's content script what its page says (lib/messages.ts
// 'related-remarks'), for the popup's "related to this page". Where no content
// script answers (browser pages, the new-tab page, a tab loaded before the
// extension, a page that is not HTML) the answer is null.
import { browser } from 'wxt/browser';
import type { PageText } from '@/lib/extract/page-text';
import type { RelatedRemarksReply, TabRequest } from '@/lib/messages';

const isStringArray = (value: unknown) => Array.isArray(value) && value.every((s) => typeof s === 'string');

function isPageText(value: unknown): value is PageText {
  const v = value as Partial<Record<keyof PageText, unknown>> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.title === 'string' && isStringArray(v.headings) &&
    typeof v.body === 'string' && typeof v.lang === 'string'
  );
}

/** The reply, checked; a reply of another shape counts as no answer. */
export function checkRelatedReply(value: unknown): RelatedRemarksReply | null {
  const v = value as Partial<Record<keyof RelatedRemarksReply, unknown>> | null;
  if (typeof v !== 'object' || v === null || typeof v.title !== 'string' || typeof v.url !== 'string') return null;
  if (v.page !== null && !isPageText(v.page)) return null;
  return { page: v.page as PageText | null, title: v.title, url: v.url };
}

/** What the tab shows: `tabId`, or else the active tab of the current window. */
export async function readTabPage(tabId?: number): Promise<RelatedRemarksReply | null> {
  try {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined) return null;
    const request: TabRequest = { type: 'related-remarks' };
    return checkRelatedReply(await browser.tabs.sendMessage(id, request));
  } catch {
    // No content script in that tab.
    return null;
  }
}
