// What the reader should know about where their list is kept: what is not in
// sync (this browser only, a note cut to fit, the last error), stored values
// that could not be read and were set aside, remarks this version cannot
// show, a list written by a newer version. Never hidden while it is true.
import type { Problems, SyncStatus } from '../../lib/reading-list';
import { entrySync } from '../../lib/reading-list-view';
import { t } from '../i18n';

export interface SyncNoticesProps {
  sync: SyncStatus;
  problems: Problems;
  /** The remarks on the list. */
  quoteIds: string[];
  formatDate(ms: number): string;
  onDiscard(quarantineKey: string): void;
}

const count = (n: number, one: string, many: string) => (n === 1 ? t(one) : t(many, String(n)));

export function SyncNotices({ sync, problems, quoteIds, formatDate, onDiscard }: SyncNoticesProps) {
  const states = quoteIds.map((id) => entrySync(sync, id));
  const inSync = states.filter((s) => s === 'synced' || s === 'partial').length;
  // Not yet in the status the background published counts as waiting, not as missing.
  const waiting = states.filter((s) => s === 'pending' || s === 'unknown').length;
  const issues: preact.ComponentChildren[] = [];
  if (problems.newerVersion !== undefined) issues.push(<li key="newer">{t('readinglist_newer_version')}</li>);
  if (sync.localOnly.length) issues.push(<li key="local">{count(sync.localOnly.length, 'readinglist_sync_local_only_one', 'readinglist_sync_local_only')}</li>);
  if (sync.partial.length) issues.push(<li key="partial">{count(sync.partial.length, 'readinglist_sync_partial_one', 'readinglist_sync_partial')}</li>);
  if (sync.lastError) issues.push(<li key="error">{t('readinglist_sync_error', sync.lastError)}</li>);
  if (problems.unknownQuotes.length) {
    issues.push(<li key="unknown">{count(problems.unknownQuotes.length, 'readinglist_unknown_quotes_one', 'readinglist_unknown_quotes')}</li>);
  }

  return (
    <section class="rl-sync" aria-labelledby="rl-sync-heading">
      <h2 id="rl-sync-heading" class="rl-sync-heading">
        {t('readinglist_sync_heading')}
      </h2>
      <p class="rl-sync-summary">
        {quoteIds.length > 0 && t('readinglist_sync_summary', [String(inSync), String(quoteIds.length)])}
        {waiting > 0 && ` ${count(waiting, 'readinglist_sync_pending_one', 'readinglist_sync_pending')}`}
        {sync.lastSyncAt !== undefined && ` ${t('readinglist_sync_last', formatDate(sync.lastSyncAt))}`}
      </p>
      {issues.length > 0 && <ul class="rl-issues">{issues}</ul>}
      {problems.quarantined.length > 0 && (
        <div class="rl-quarantine">
          <p>{count(problems.quarantined.length, 'readinglist_quarantine_one', 'readinglist_quarantine')}</p>
          <ul>
            {problems.quarantined.map((q) => (
              <li key={q.key}>
                <details>
                  <summary>
                    <code>{q.from}</code>: {q.reason}
                  </summary>
                  <pre class="rl-raw">{JSON.stringify(q.value, null, 2) ?? String(q.value)}</pre>
                </details>
                <button type="button" class="tq-link" aria-label={t('readinglist_quarantine_discard_label', q.from)} onClick={() => onDiscard(q.key)}>
                  {t('readinglist_quarantine_discard')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
