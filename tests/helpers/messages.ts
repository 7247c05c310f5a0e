// The shipped messages for tests: WXT's fake browser has no translations, so
// the unit tests' setup (tests/helpers/setup-i18n.ts) answers
// browser.i18n.getMessage from public/_locales/en, formatted as browsers do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of public/_locales/<locale>/messages.json. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Messages = Record<string, MessageEntry>;

export function readMessages(locale: 'en' | 'zh_CN'): Messages {
  return JSON.parse(readFileSync(join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8')) as Messages;
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

const english = readMessages('en');

/** browser.i18n.getMessage over the shipped English messages. */
export function englishMessage(name: string, substitutions?: string | string[]): string {
  const entry = english[name];
  return entry ? formatMessage(entry, substitutions) : '';
}
