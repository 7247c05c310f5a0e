// A page that changes after the decision gets another look: when many elements
// arrive (client rendering, infinite scroll) or a single-page app moves to a
// new address, once the page has settled, and at most a few times per address.
// The observer hears only the first change of a burst, then stops listening
// while a timer waits for the page to stop growing. A page that never stops
// changing (tickers, carousels, ads) costs one callback and a timer every
// couple of seconds, not a callback per change; a still page costs nothing.

const MIN_NEW_ELEMENTS = 40;
const SETTLE_MS = 1500;
/** A page still changing after this many waits is looked at anyway, and listened to again. */
const MAX_WAITS = 3;
const MAX_RECHECKS = 3;

export function watchLateContent(signal: AbortSignal, recheck: () => void): void {
  // Live, and the same collection the first look counted: the browser counts it natively,
  // and again only after the DOM has changed.
  const elements = document.getElementsByTagName('*');
  let address = document.URL;
  let fewest = elements.length;
  let rechecks = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const look = (count: number) => {
    if (document.URL !== address) {
      // A new address is a new page to the reader, however little of the DOM changed.
      address = document.URL;
      rechecks = 0;
    } else if (count - fewest < MIN_NEW_ELEMENTS || rechecks >= MAX_RECHECKS) {
      // Growth is counted from the page's smallest size, so content swapped in place is not "new".
      fewest = Math.min(fewest, count);
      return;
    }
    fewest = count;
    rechecks++;
    recheck();
  };
  const waitForCalm = (count: number, waits: number) => {
    timer = setTimeout(() => {
      const now = elements.length;
      if (now !== count && waits < MAX_WAITS) return waitForCalm(now, waits + 1);
      look(now);
      if (!signal.aborted) listen();
    }, SETTLE_MS);
  };
  const observer = new MutationObserver(() => {
    observer.disconnect();
    waitForCalm(elements.length, 1);
  });
  // The document, not its body: reaching the body would make this script's first element wrapper,
  // which costs a page that is never about AI about a millisecond.
  const listen = () => observer.observe(document, { childList: true, subtree: true });

  listen();
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
