// The reading list page: every saved remark with its note, search and sort,
// remove with Undo, export (Markdown, JSON, CSV) and import (JSON), and what
// sync holds. A view: the reading list model, the change feed and the
// download come in as props (entrypoints/reading-list). It stays live: a save
// in another tab shows here.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QuotePack } from '../../lib/pack/schema';
import {
  sectionOf,
  toCsv,
  toJson,
  toMarkdown,
  type Entry,
  type Problems,
  type ReadingList,
  type SyncStatus,
} from '../../lib/reading-list';
import {
  entryOrder,
  entrySync,
  EXPORT_TYPES,
  exportFileName,
  filterEntries,
  isSortKey,
  SORT_KEYS,
  type ExportFormat,
  type SortKey,
} from '../../lib/reading-list-view';
import { languageOrder } from '../QuoteCard';
import { Icon } from '../Icon';
import { t } from '../i18n';
import { EntryItem, shortRemark } from './EntryItem';
import { SyncNotices } from './SyncNotices';

export type PageList = Pick<
  ReadingList,
  'list' | 'setNote' | 'unsave' | 'restore' | 'importJson' | 'problems' | 'syncStatus' | 'dismissProblem'
>;

export interface ReadingListPageProps {
  list: PageList;
  pack: QuotePack;
  uiLanguage: string;
  /** Calls back when the reading list changes in any tab; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  download(fileName: string, text: string, mime: string): void;
  now(): Date;
}

/** How long the Undo toast stays when focus is not in it. */
export const UNDO_MS = 10_000;

const EMPTY_SYNC: SyncStatus = { synced: [], partial: [], localOnly: [], pending: [] };
const NO_PROBLEMS: Problems = { quarantined: [], unknownQuotes: [] };

type ImportOutcome =
  | { ok: true; fileName: string; added: string[]; updated: string[]; unchanged: number }
  | { ok: false; fileName: string; error: string };

const SORT_LABELS: Record<SortKey, string> = { newest: 'readinglist_sort_newest', oldest: 'readinglist_sort_oldest', interview: 'readinglist_sort_interview' };
const FORMAT_LABELS: Record<ExportFormat, string> = { markdown: 'Markdown', json: 'JSON', csv: 'CSV' };

export function ReadingListPage(props: ReadingListPageProps) {
  const { list, pack } = props;
  const uiLang = /^zh(?:[-_]|$)/i.test(props.uiLanguage) ? 'zh' : 'en';
  const langs = languageOrder('auto', props.uiLanguage);
  const [entries, setEntries] = useState<Entry[]>();
  const [sync, setSync] = useState<SyncStatus>(EMPTY_SYNC);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('newest');
  const [undo, setUndo] = useState<{ entry: Entry; name: string }>();
  const [status, setStatus] = useState('');
  const [imported, setImported] = useState<ImportOutcome>();
  const fileInput = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const quotes = useMemo(() => new Map(pack.quotes.map((q) => [q.id, q])), [pack]);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(props.uiLanguage, { dateStyle: 'medium', timeStyle: 'short' }), [props.uiLanguage]);
  const formatDate = (ms: number) => dateFormat.format(ms);

  useEffect(() => {
    let queued = false;
    const refresh = async () => {
      queued = false;
      const [all, found, status] = await Promise.all([list.list(), list.problems(), list.syncStatus()]);
      setEntries(all);
      setProblems(found);
      setSync(status);
    };
    // A burst of changes (twenty tabs saving) is one refresh.
    const schedule = () => {
      if (queued) return;
      queued = true;
      setTimeout(() => void refresh(), 30);
    };
    void refresh();
    const unsubscribe = props.subscribe(schedule);
    return () => {
      unsubscribe();
      clearTimeout(toastTimer.current);
    };
  }, [list]);

  const shown = useMemo(
    () => (entries ? filterEntries(entries, pack, query).sort(entryOrder(sort, pack)) : []),
    [entries, pack, query, sort],
  );
  const readOnly = problems.newerVersion !== undefined;

  // Cleared first, so the same message twice is announced twice.
  const announce = (message: string) => {
    setStatus('');
    setTimeout(() => setStatus(message), 50);
  };

  const nameOf = (quoteId: string) => {
    const quote = quotes.get(quoteId);
    return quote ? shortRemark(uiLang === 'zh' ? quote.zh : quote.en) : quoteId;
  };

  const hideToastLater = () => {
    clearTimeout(toastTimer.current);
    toastTimer.current = setTimeout(() => setUndo(undefined), UNDO_MS);
  };

  const remove = async (quoteId: string) => {
    const removed = await list.unsave(quoteId);
    if (!removed) return;
    setEntries((current) => current?.filter((e) => e.quoteId !== quoteId));
    const name = nameOf(quoteId);
    setUndo({ entry: removed, name });
    announce(t('readinglist_removed', name));
    clearTimeout(toastTimer.current);
    // Focus goes to Undo, the one thing to do next; the toast stays while focus is in it.
    requestAnimationFrame(() => undoButton.current?.focus());
  };

  const restore = async () => {
    if (!undo) return;
    clearTimeout(toastTimer.current);
    const { entry, name } = undo;
    setUndo(undefined);
    await list.restore(entry);
    setEntries(await list.list());
    announce(t('readinglist_restored', name));
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>(`[data-quote-id="${entry.quoteId}"] textarea`)?.focus();
    });
  };

  const dismissToast = () => {
    clearTimeout(toastTimer.current);
    setUndo(undefined);
    searchBox.current?.focus();
  };

  const exportAs = async (format: ExportFormat) => {
    const all = await list.list({ compare: entryOrder(sort, pack), includeUnknown: true });
    const now = props.now();
    const text =
      format === 'json' ? toJson(all, now.getTime()) : format === 'markdown' ? toMarkdown(all, pack, now.getTime()) : toCsv(all, pack);
    props.download(exportFileName(format, now), text, EXPORT_TYPES[format].mime);
    announce(t('readinglist_exported', [String(all.length), FORMAT_LABELS[format]]));
  };

  const importFile = async (file: File) => {
    let outcome: ImportOutcome;
    try {
      const text = await file.text();
      const result = await list.importJson(text);
      if (result.ok) {
        outcome = { ...result, fileName: file.name };
      } else {
        outcome = { ok: false, fileName: file.name, error: result.error };
      }
    } catch (error) {
      outcome = { ok: false, fileName: file.name, error: (error as Error).message };
    }
    setImported(outcome);
    if (outcome.ok) setEntries(await list.list());
  };

  const total = entries?.length ?? 0;

  return (
    <main class="rl-page" lang={props.uiLanguage}>
      <header class="rl-head">
        <h1>{t('readinglist_title')}</h1>
        <p class="muted">{t('readinglist_intro')}</p>
      </header>

      <SyncNotices
        sync={sync}
        problems={problems}
        quoteIds={entries?.map((e) => e.quoteId) ?? []}
        formatDate={formatDate}
        onDiscard={(key) => void list.dismissProblem(key)}
      />

      <div class="rl-toolbar">
        <div role="search" class="rl-find">
          <label for="rl-search">{t('readinglist_search_label')}</label>
          <input
            ref={searchBox}
            id="rl-search"
            type="search"
            value={query}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
        </div>
        <div class="rl-sort">
          <label for="rl-sort">{t('readinglist_sort_label')}</label>
          <select
            id="rl-sort"
            value={sort}
            onChange={(event) => {
              const value = (event.target as HTMLSelectElement).value;
              if (isSortKey(value)) setSort(value);
            }}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(SORT_LABELS[key])}
              </option>
            ))}
          </select>
        </div>
        <div class="rl-files">
          <div class="rl-export" role="group" aria-labelledby="rl-export-label">
            <span id="rl-export-label" class="rl-files-label">
              {t('readinglist_export_label')}
            </span>
            {(['markdown', 'json', 'csv'] as const).map((format) => (
              <button key={format} type="button" class="tq-btn" onClick={() => void exportAs(format)}>
                {FORMAT_LABELS[format]}
              </button>
            ))}
          </div>
          <button type="button" class="tq-btn" disabled={readOnly} onClick={() => fileInput.current?.click()}>
            {t('readinglist_import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(event) => {
              const input = event.target as HTMLInputElement;
              const file = input.files?.[0];
              // Cleared, so choosing the same file again is a new import.
              input.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
      </div>

      {imported && <ImportMessage outcome={imported} nameOf={nameOf} />}

      <h2 class="rl-count">
        {entries === undefined
          ? t('readinglist_loading')
          : query.trim()
            ? t('readinglist_count_filtered', [String(shown.length), String(total)])
            : total === 1
              ? t('readinglist_count_one')
              : t('readinglist_count', String(total))}
      </h2>
      {entries !== undefined && total === 0 && <p class="rl-empty">{t('readinglist_empty')}</p>}
      {entries !== undefined && total > 0 && shown.length === 0 && <p class="rl-empty">{t('readinglist_no_match', query.trim())}</p>}
      {shown.length > 0 && (
        <ul class="rl-list">
          {shown.map((entry) => {
            const quote = quotes.get(entry.quoteId);
            if (!quote) return null;
            return (
              <EntryItem
                key={entry.quoteId}
                entry={entry}
                quote={quote}
                section={sectionOf(pack, entry.quoteId)}
                langs={langs}
                uiLang={uiLang}
                formatDate={formatDate}
                sync={entrySync(sync, entry.quoteId)}
                readOnly={readOnly}
                onSaveNote={async (note) => void (await list.setNote(entry.quoteId, note))}
                onRemove={() => void remove(entry.quoteId)}
              />
            );
          })}
        </ul>
      )}

      <div
        class="rl-toast"
        hidden={!undo}
        onFocusIn={() => clearTimeout(toastTimer.current)}
        onFocusOut={hideToastLater}
        onMouseEnter={() => clearTimeout(toastTimer.current)}
        onMouseLeave={hideToastLater}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === 'Escape') dismissToast();
        }}
      >
        {undo && (
          <>
            <span>{t('readinglist_removed', undo.name)}</span>
            <button ref={undoButton} type="button" class="tq-btn" onClick={() => void restore()}>
              {t('readinglist_undo')}
            </button>
            <button type="button" class="tq-icon" aria-label={t('readinglist_dismiss')} onClick={dismissToast}>
              <Icon name="close" />
            </button>
          </>
        )}
      </div>
      <p class="tq-sr" role="status">
        {status}
      </p>
    </main>
  );
}

function ImportMessage({ outcome, nameOf }: { outcome: ImportOutcome; nameOf(quoteId: string): string }) {
  if (!outcome.ok) {
    return (
      <div class="rl-import rl-import-error" role="alert">
        <p>
          <strong>{t('readinglist_import_failed', outcome.fileName)}</strong>
        </p>
        <p>{outcome.error}</p>
      </div>
    );
  }
  const { added, updated, unchanged } = outcome;
  return (
    <div class="rl-import" role="status">
      <p>
        <strong>{t('readinglist_imported', outcome.fileName)}</strong>{' '}
        {t('readinglist_import_counts', [String(added.length), String(updated.length), String(unchanged)])}
      </p>
      {added.length > 0 && (
        <p>
          {t('readinglist_import_added')} {added.map(nameOf).join(' · ')}
        </p>
      )}
      {updated.length > 0 && (
        <p>
          {t('readinglist_import_updated')} {updated.map(nameOf).join(' · ')}
        </p>
      )}
    </div>
  );
}
