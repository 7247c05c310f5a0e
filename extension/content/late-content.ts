// Pages that render their article after load (client rendering, infinite
// scroll) get another look, at most a few times per page view. The observer
// only counts added nodes, so heavy DOM churn costs almost nothing; the
// decision runs again once the page has been quiet for a moment.

const MIN_ADDED_NODES = 40;
const QUIET_MS = 1500;
const MAX_RECHECKS = 3;

export function watchLateContent(signal: AbortSignal, recheck: () => void): void {
  let added = 0;
  let rechecks = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    for (const record of records) added += record.addedNodes.length;
    if (added < MIN_ADDED_NODES) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      added = 0;
      if (++rechecks >= MAX_RECHECKS) observer.disconnect();
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
