// How the content script reaches the card UI that it loads on demand
// (entrypoints/card-ui). Both run in the content script's isolated world.
import { browser } from 'wxt/browser';
import type { showCard } from './card';

export const CARD_UI_GLOBAL = '__tianQuotesCardUi';

export interface CardUi {
  showCard: typeof showCard;
}

let loading: Promise<CardUi | undefined> | undefined;

/** Imports /card-ui.js once (a web-accessible resource) and returns what it registered. */
export function loadCardUi(): Promise<CardUi | undefined> {
  return (loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/card-ui.js')).then(
    () => (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] as CardUi | undefined,
    () => undefined,
  ));
}
