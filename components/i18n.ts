// t(key): the localized UI string, from public/_locales through browser.i18n,
// for every UI of the extension (card, popup, reading list, settings).
import { browser } from 'wxt/browser';

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

/** The strings of the on-page card (QuoteCard, card/ContextPanel); a test keeps the list complete. */
export const CARD_MESSAGE_NAMES = [
  'card_announce', 'card_close', 'card_context', 'card_context_label', 'card_copied', 'card_copy',
  'card_copy_failed', 'card_hide_site', 'card_next', 'card_not_relevant', 'card_position',
  'card_position_announce', 'card_region_label', 'card_save', 'card_settings', 'card_translation', 'card_why',
];

/** Stands in for substitution n in a message sent as a template. */
const slot = (n: number) => `{${n}}`;

/** The card's strings as templates ({1}, {2} for substitutions), for the background to send with a card. */
export function cardMessageTemplates(): Record<string, string> {
  return Object.fromEntries(CARD_MESSAGE_NAMES.map((name) => [name, t(name, [1, 2, 3].map(slot))]));
}

let provided: Record<string, string> | undefined;

/**
 * Strings sent along with the card. A content script's first getMessage is a
 * synchronous round trip to the browser, paid by the page; the background has
 * the strings at hand.
 */
export function provideMessages(templates: Record<string, string>): void {
  provided = templates;
}

/** The message for `key` in the browser's language (English when it has none), or the key itself. */
export function t(key: string, substitutions?: string | string[]): string {
  const template = provided?.[key];
  if (template !== undefined) {
    const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return template.replace(/\{(\d)\}/g, (_, n: string) => values[Number(n) - 1] ?? '');
  }
  try {
    // Message names are open-ended here; WXT's generated type lists only the known ones.
    return browser.i18n.getMessage(key as MessageName, substitutions) || key;
  } catch {
    return key;
  }
}
