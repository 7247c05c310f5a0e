// A tiny wrapper around browser.i18n.getMessage for every UI of the extension
// (card, popup, options). When the browser has no message for a key (unit
// tests, a key missing from a locale, a context without the i18n API), it
// falls back to an English default, formatted the way the browser would.
import { browser } from 'wxt/browser';

/** One entry of public/_locales/<locale>/messages.json. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/**
 * English defaults, in messages.json format. Each one must equal the entry in
 * public/_locales/en/messages.json (a unit test checks this).
 */
const DEFAULTS: Record<string, MessageEntry> = {
  card_region_label: { message: 'Remark by Tian Yuandong' },
  card_announce: {
    message: 'Remark by Tian Yuandong: $TEXT$',
    placeholders: { text: { content: '$1', example: 'Scaling law represents a very pessimistic future' } },
  },
  card_translation: { message: 'Translation' },
  card_why: { message: 'Why this remark:' },
  card_save: { message: 'Save to reading list' },
  card_copy: { message: 'Copy with citation' },
  card_copied: { message: 'Copied with citation' },
  card_copy_failed: { message: 'Could not copy' },
  card_next: { message: 'Next remark' },
  card_position: {
    message: '$POS$ of $TOTAL$',
    placeholders: { pos: { content: '$1', example: '2' }, total: { content: '$2', example: '3' } },
  },
  card_position_announce: {
    message: 'Remark $POS$ of $TOTAL$: $TEXT$',
    placeholders: {
      pos: { content: '$1', example: '2' },
      total: { content: '$2', example: '3' },
      text: { content: '$3', example: 'Scaling law represents a very pessimistic future' },
    },
  },
  card_context: { message: 'Read in context' },
  card_context_label: { message: 'The question and his whole answer' },
  card_not_relevant: { message: 'Not relevant' },
  card_hide_site: { message: 'Hide on this site' },
  card_settings: { message: 'Settings' },
  card_close: { message: 'Close' },
};

/** The English defaults (for the test that keeps them in step with messages.json). */
export function defaultMessages(): Readonly<Record<string, MessageEntry>> {
  return DEFAULTS;
}

/** Lets another UI (popup, options) register English defaults for its own keys. */
export function addDefaultMessages(entries: Record<string, MessageEntry>): void {
  Object.assign(DEFAULTS, entries);
}

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

/** The localized message for `key`, or its English default, or the key itself. */
export function t(key: string, substitutions?: string | string[]): string {
  let message = '';
  try {
    // Message names are open-ended here; WXT's generated type lists only the known ones.
    message = browser.i18n.getMessage(key as MessageName, substitutions) ?? '';
  } catch {
    // No i18n API here (tests, some contexts): use the default.
  }
  if (message) return message;
  const entry = DEFAULTS[key];
  return entry ? formatMessage(entry, substitutions) : key;
}

/** Formats a messages.json entry as browser.i18n.getMessage does: $NAME$ placeholders, $1…$9, $$. */
export function formatMessage(entry: MessageEntry, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const positional = (text: string) => text.replace(/\$\$|\$(\d)/g, (_m, n: string | undefined) => (n ? (subs[Number(n) - 1] ?? '') : '$'));
  return entry.message.replace(/\$\$|\$([\w@]+)\$|\$(\d)/g, (_m, name: string | undefined, n: string | undefined) => {
    if (name) return positional(placeholders.get(name.toLowerCase()) ?? '');
    if (n) return subs[Number(n) - 1] ?? '';
    return '$';
  });
}
