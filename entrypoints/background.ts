import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { ExtensionRequest, PageDecision } from '@/lib/messages';
import { quotePack, shippedEngine } from '@/lib/engine-data';
import { remarkView } from '@/lib/remark-view';

function analyzePage(request: Extract<ExtensionRequest, { type: 'analyze-page' }>): PageDecision {
  const engine = shippedEngine();
  const analysis = engine.analyze(request.page);
  return {
    show: analysis.show,
    confidence: analysis.confidence,
    remarks: analysis.quotes.map((r) => remarkView(quotePack, engine.lexicon, r.quote, r.concepts, r.score)),
  };
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as ExtensionRequest;
    switch (request?.type) {
      case 'ping':
        return Promise.resolve({ type: 'pong' });
      case 'analyze-page':
        return Promise.resolve(analyzePage(request));
      default:
        return undefined;
    }
  });
});
