// @vitest-environment happy-dom
// A page that changes after the decision gets another look (extension/content/late-content.ts):
// after many new elements or a new address, once the page is quiet, a few times per address;
// a page that never stops changing is heard once per settling period, not once per change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLateContent } from '../../extension/content/late-content';

/** Lets the observer see the change, then lets the quiet time (1.5 s) pass. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
  await vi.advanceTimersByTimeAsync(1_600);
}
/** A watch on the page, and the rechecks it asked for. */
function watch() {
  const controller = new AbortController();
  const recheck = vi.fn();
  watchLateContent(controller.signal, recheck);
  return { controller, recheck };
}
const addParagraphs = (n: number) => document.body.append(...Array.from({ length: n }, () => document.createElement('p')));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('another look when the page changes', () => {
  it('after many new elements, once the page is quiet; not after a few', async () => {
    const { controller, recheck } = watch();
    addParagraphs(5);
    await settle();
    expect(recheck).not.toHaveBeenCalled();
    addParagraphs(50);
    await settle();
    expect(recheck).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('after a single-page-app navigation, however small the change', async () => {
    const { controller, recheck } = watch();
    history.pushState({}, '', `/next-${Math.random()}`);
    addParagraphs(2);
    await settle();
    expect(recheck).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('at most three times per address, and never once aborted', async () => {
    const { controller, recheck } = watch();
    for (let i = 0; i < 5; i++) {
      addParagraphs(50);
      await settle();
    }
    expect(recheck).toHaveBeenCalledTimes(3);
    history.pushState({}, '', `/other-${Math.random()}`);
    addParagraphs(1);
    await settle();
    expect(recheck).toHaveBeenCalledTimes(4);
    controller.abort();
    history.pushState({}, '', `/third-${Math.random()}`);
    addParagraphs(50);
    await settle();
    expect(recheck).toHaveBeenCalledTimes(4);
  });

  it('not when content is swapped in place', async () => {
    addParagraphs(50);
    const { controller, recheck } = watch();
    for (let i = 0; i < 3; i++) {
      document.body.replaceChildren(...Array.from({ length: 50 }, () => document.createElement('p')));
      await settle();
    }
    expect(recheck).not.toHaveBeenCalled();
    controller.abort();
  });
});

describe('a page that never stops changing', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is heard once per settling period, not once per change, and looked at again a bounded number of times', async () => {
    let heard = 0;
    const Native = globalThis.MutationObserver;
    vi.stubGlobal(
      'MutationObserver',
      class extends Native {
        constructor(callback: MutationCallback) {
          super((records, observer) => {
            heard++;
            callback(records, observer);
          });
        }
      },
    );
    const { controller, recheck } = watch();
    // A ticker: one new element every 100 ms for 10 seconds.
    for (let i = 0; i < 100; i++) {
      document.body.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(100);
    }
    // 10 s of changes, settling periods of 1.5 s (up to three of them while it keeps changing).
    expect(heard).toBeGreaterThan(0);
    expect(heard).toBeLessThanOrEqual(7);
    expect(recheck.mock.calls.length).toBeGreaterThan(0);
    expect(recheck.mock.calls.length).toBeLessThanOrEqual(3);
    controller.abort();
  });
});
