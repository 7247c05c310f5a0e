// Runs the page-text extraction in idle time, a few milliseconds at a time,
// so reading even a 5 MB page never makes a long task.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractPageTextSteps, type PageText } from '@/lib/extract/page-text';

/** Work per slice: well under the 50 ms that makes a long task. */
const SLICE_MS = 8;

function idle(ctx: ContentScriptContext): Promise<IdleDeadline | null> {
  return new Promise((resolve) => {
    // WXT's timers and idle callbacks stop when the extension context goes away.
    if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(resolve, { timeout: 1000 });
    else ctx.setTimeout(() => resolve(null), 16);
  });
}

export async function extractSliced(ctx: ContentScriptContext, doc: Document, signal: AbortSignal): Promise<PageText | null> {
  const steps = extractPageTextSteps(doc);
  for (;;) {
    const deadline = await idle(ctx);
    if (signal.aborted || ctx.isInvalid) return null;
    const budget = Math.min(SLICE_MS, deadline?.timeRemaining() || SLICE_MS);
    const start = performance.now();
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (performance.now() - start < budget);
  }
}
