// Where settings and card history live: WXT storage items, versioned so a
// later shape can migrate the stored one (add a `migrations` entry and bump
// `version`). Values are normalized on read, so a damaged record falls back
// to defaults field by field instead of breaking the card.
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  EMPTY_HISTORY,
  normalizeHistory,
  normalizeSettings,
  type CardHistory,
  type Settings,
} from '@/lib/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export const historyItem = storage.defineItem<CardHistory>('local:cardHistory', {
  fallback: EMPTY_HISTORY,
  version: 1,
});

export async function readSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function readHistory(): Promise<CardHistory> {
  return normalizeHistory(await historyItem.getValue());
}

// Updates from several tabs arrive together; one chain keeps each
// read-modify-write whole.
let writes: Promise<unknown> = Promise.resolve();

function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = writes.then(work, work);
  writes = next.catch(() => undefined);
  return next;
}

export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return serially(async () => {
    const next = change(await readSettings());
    await settingsItem.setValue(next);
    return next;
  });
}

export function updateHistory(change: (current: CardHistory) => CardHistory): Promise<CardHistory> {
  return serially(async () => {
    const next = change(await readHistory());
    await historyItem.setValue(next);
    return next;
  });
}
