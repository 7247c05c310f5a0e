// Component tests run without browser.i18n: t() falls back to English defaults.
// This registers the shipped English messages as those defaults, so a view
// renders the text a reader sees (and a test fails if a key is missing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDefaultMessages, type MessageEntry } from '../../components/i18n';

export type Messages = Record<string, MessageEntry>;

export function readMessages(locale: 'en' | 'zh_CN'): Messages {
  return JSON.parse(readFileSync(join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8')) as Messages;
}

export function useEnglishMessages(): void {
  addDefaultMessages(readMessages('en'));
}
