// A page too large for an on-page card (extension/content/card-room.ts) shows
// its remark through the toolbar button instead: a badge and a title on that
// tab, which the browser clears when the tab navigates. The popup then lists
// the remarks related to the page.
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';

/** The toolbar button: Firefox's Manifest V2 build has browserAction where Chrome has action. */
export const toolbarButton = browser.action ?? browser.browserAction;

/** The card's accent colour (components/quote-card.css), white text: 6.4:1. */
const BADGE_COLOR = '#0b57d0';

export async function showRemarkWaiting(tabId: number | undefined, waiting: boolean): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  await Promise.all([
    toolbarButton.setBadgeText({ tabId, text: waiting ? '1' : '' }),
    toolbarButton.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
    toolbarButton.setTitle({ tabId, title: t(waiting ? 'action_title_remark_waiting' : 'actionTitle') }),
  ]);
}
