// The card's UI (Preact, the view, its CSS), loaded by the content script only
// when a page gets a card, so the script that runs on every page stays small.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_UI_GLOBAL, type CardUi } from '@/extension/content/card-ui-contract';
import { showCard } from '@/extension/content/card';

export default defineUnlistedScript(() => {
  const ui: CardUi = { showCard };
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = ui;
});
