// t(key): the localized UI string, from public/_locales through browser.i18n,
// for every UI of the extension (card, popup, reading list, settings).
import { browser } from 'wxt/browser';

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

/** The message for `key` in the browser's language (English when it has none), or the key itself. */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    // Message names are open-ended here; WXT's generated type lists only the known ones.
    return browser.i18n.getMessage(key as MessageName, substitutions) || key;
  } catch {
    return key;
  }
}
