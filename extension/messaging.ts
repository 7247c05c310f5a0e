// Typed messages to the background. A content script left behind by an
// extension update or reload has no background to talk to: its messages
// resolve to undefined instead of throwing into the page's console.
import { browser } from 'wxt/browser';
import type { ExtensionRequest, ResponseMap } from '@/lib/messages';

export async function ask<R extends ExtensionRequest>(request: R): Promise<ResponseMap[R['type']] | undefined> {
  try {
    return (await browser.runtime.sendMessage(request)) as ResponseMap[R['type']];
  } catch {
    return undefined;
  }
}
