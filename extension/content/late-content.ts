// A page that changes after the decision gets another look: when many nodes
// arrive (client rendering, infinite scroll) or a single-page app moves to a
// new address, once the page has been quiet for a moment, and at most a few
// times per address. The observer only counts added nodes and compares the
// address, so heavy DOM churn costs almost nothing.

const MIN_ADDED_NODES = 40;
const QUIET_MS = 1500;
const MAX_RECHECKS = 3;

export function watchLateContent(signal: AbortSignal, recheck: () => void): void {
  let added = 0;
  let rechecks = 0;
  let address = document.URL;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    for (const record of records) added += record.addedNodes.length;
    if (document.URL !== address) {
      // A new address is a new page to the reader, however little of the DOM changed.
      address = document.URL;
      rechecks = 0;
    } else if (added < MIN_ADDED_NODES || rechecks >= MAX_RECHECKS) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      added = 0;
      rechecks++;
      if (!signal.aborted) recheck();
    }, QUIET_MS);
  });
  // The document, not its body: reaching the body would make this script's first element wrapper,
  // which costs a page that is never about AI about a millisecond.
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
