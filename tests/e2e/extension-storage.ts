// The extension's storage as the e2e tests of the popup and the reading list see it.
import type { ExtensionHandle } from './harness';

interface StorageArea {
  get(keys: null | string[]): Promise<Record<string, unknown>>;
  set(items: object): Promise<void>;
  clear(): Promise<void>;
}
type Chrome = { chrome: { storage: { local: StorageArea; sync: StorageArea } } };

/** Empties local and sync storage (sync too: the background would mirror the last test's list back from it). */
export function clearStorage(ext: ExtensionHandle): Promise<void> {
  return ext.serviceWorker.evaluate(async () => {
    const { storage } = (globalThis as unknown as Chrome).chrome;
    await storage.sync.clear();
    await storage.local.clear();
  });
}

/** Every item in local storage whose key starts with `prefix`. */
export function localItems(ext: ExtensionHandle, prefix = ''): Promise<Record<string, unknown>> {
  return ext.serviceWorker.evaluate(async (start) => {
    const all = await (globalThis as unknown as Chrome).chrome.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(start)));
  }, prefix);
}

export function setLocal(ext: ExtensionHandle, items: Record<string, unknown>): Promise<void> {
  return ext.serviceWorker.evaluate((values) => (globalThis as unknown as Chrome).chrome.storage.local.set(values), items);
}
