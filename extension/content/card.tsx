// Mounts the card for one page view: Preact in a shadow root under a
// <tian-quote> host, fixed in a bottom corner beside the text column, not over
// it (lib/card-placement.ts).
// Styles go in through a constructed stylesheet (adoptedStyleSheets), which a
// strict page CSP (style-src 'none') does not block. Aborting the view's signal
// removes the card and everything it set up.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { QuoteCard, focusCard, type RemarkView } from '@/components/QuoteCard';
import { provideMessages } from '@/components/i18n';
import cardCss from '@/components/quote-card.css?inline';
import { CARD_MARGIN, placeCard, type Placement } from '@/lib/card-placement';
import { formatCitation } from '@/lib/citation';
import { contentRoot } from '@/lib/extract/page-text';
import type { PageDecision } from '@/lib/messages';
import { ask } from '../messaging';
import { markTerms } from './term-marks';

/** The host element's name: stable, for readers' own CSS and filter lists. */
export const CARD_HOST = 'tian-quote';

// The host's box is set inline and !important: no page rule (`* { all: unset }`
// included) can move or restyle it, while readers' user-level filters still can.
const HOST_STYLE: Record<string, string> = {
  position: 'fixed',
  bottom: '16px',
  'z-index': '2147483646',
  display: 'block',
  width: 'auto',
  height: 'auto',
  margin: '0',
  padding: '0',
  border: '0',
};

function styleSheet(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cardCss);
  return sheet;
}

export interface MountedCard {
  focus(): boolean;
}

/**
 * Where the card goes, from an IntersectionObserver's first report on the main text's
 * element: its edges and the window's, read without forcing layout. The report comes
 * with the page's next frame (in a background tab, when the tab is shown).
 */
function placement(signal: AbortSignal): Promise<Placement> {
  const preferred = document.documentElement.dir === 'rtl' ? 'left' : 'right';
  const cornerOnly = placeCard(Infinity, null, preferred);
  const column = contentRoot(document);
  // An unmarked column: the body or the whole page would be "the column".
  if (!column || column === document.body || column === document.documentElement) return Promise.resolve(cornerOnly);
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      const windowWidth = entry?.rootBounds?.width;
      resolve(entry && windowWidth ? placeCard(windowWidth, entry.boundingClientRect, preferred) : cornerOnly);
    });
    observer.observe(column);
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        resolve(cornerOnly);
      },
      { once: true },
    );
  });
}

export async function showCard(
  ctx: ContentScriptContext,
  decision: PageDecision,
  signal: AbortSignal,
): Promise<MountedCard | null> {
  let current = decision;
  const saved = new Set(decision.savedIds);
  let draw = () => {};
  const place = await placement(signal);
  if (signal.aborted) return null;
  const ui = await createShadowRootUi(ctx, {
    name: CARD_HOST,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Styles come from the adopted sheet below, not a <style> element.
    inheritStyles: true,
    onMount(container, shadow, host) {
      for (const [name, value] of Object.entries(HOST_STYLE)) host.style.setProperty(name, value, 'important');
      // The card is fixed to the window inside the shadow root; its corner and width reach it as
      // custom properties, which the :host reset (all: initial) leaves alone.
      const corner = (side: Placement['side']) => (place.side === side ? `${CARD_MARGIN}px` : 'auto');
      for (const side of ['left', 'right'] as const) {
        host.style.setProperty(side, corner(side), 'important');
        host.style.setProperty(`--tq-card-${side}`, corner(side), 'important');
      }
      host.style.setProperty('--tq-card-width', `${place.width}px`, 'important');
      shadow.adoptedStyleSheets = [styleSheet()];
      provideMessages(current.messages);
      draw = () =>
        render(
          <QuoteCard
            // A new set of remarks starts a fresh card (first remark, context closed).
            key={current.remarks.map((r) => r.id).join()}
            remarks={current.remarks}
            source={current.source}
            display={current.display}
            uiLanguage={browser.i18n.getUILanguage()}
            savedIds={new Set(saved)}
            onToggleSave={async (remark: RemarkView) => {
              const result = await ask({
                type: 'toggle-save',
                quoteId: remark.id,
                page: { title: document.title, url: location.href },
              });
              if (!result) return;
              if (result.saved) saved.add(remark.id);
              else saved.delete(remark.id);
              draw();
            }}
            onCopy={(remark: RemarkView) => navigator.clipboard.writeText(formatCitation(remark, current.source, 'text'))}
            onNotRelevant={(remark: RemarkView) => void ask({ type: 'not-relevant', quoteId: remark.id })}
            onHideSite={() => void ask({ type: 'hide-site', url: location.href })}
            onOpenSettings={() => void ask({ type: 'open-settings' })}
            onClose={() => ui.remove()}
          />,
          container,
        );
      draw();
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  if (signal.aborted) return null;
  ui.mount();
  signal.addEventListener('abort', () => ui.remove(), { once: true });
  void ask({ type: 'card-shown', quoteId: decision.remarks[0].id });
  // A marked term the reader rests on brings that concept's remarks into the card.
  markTerms(decision.marks, signal, async (concept) => {
    const answer = await ask({ type: 'concept-remarks', concept });
    if (!answer?.show || signal.aborted) return;
    current = answer;
    provideMessages(answer.messages);
    for (const id of answer.savedIds) saved.add(id);
    if (!ui.shadowHost.isConnected) ui.mount();
    else draw();
  });
  return { focus: () => ui.shadowHost.isConnected && focusCard(ui.shadow) };
}
