// The toolbar popup: search every remark as you type, in Chinese or English,
// filtered by section and topic. With the box empty it shows remarks related
// to the reader's page, or the remark of the day. A view: the search, the tab,
// the reading list and the clipboard come in as props (entrypoints/popup).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatCitation } from '../../lib/citation';
import type { PageRefView, RelatedRemarksReply } from '../../lib/messages';
import type { QuotePack } from '../../lib/pack/schema';
import type { FoundRemark, RemarkFinder } from '../../lib/remark-finder';
import { languageOrder } from '../QuoteCard';
import { t } from '../i18n';
import { focusCell, panelId, ResultGrid, type Cell, type CopyFormat } from './ResultGrid';

export interface SavedStore {
  ids(): Promise<ReadonlySet<string>>;
  /** Saves or unsaves; returns whether the remark is saved now. */
  toggle(quoteId: string, page?: PageRefView): Promise<boolean>;
  /** Calls back when the reading list changes (in any tab); returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

export interface PopupProps {
  /** e.g. 'zh-CN', 'en-US'. */
  uiLanguage: string;
  source: QuotePack['source'];
  /** Prefills the box (popup.html?q=…). */
  initialQuery?: string;
  /** Builds the search index; called once, after the first paint. */
  createFinder(): RemarkFinder;
  /** The reader's tab (its page text, title and URL), or null where no content script answers. */
  readTab(): Promise<RelatedRemarksReply | null>;
  today(): Date;
  saved: SavedStore;
  copy(text: string): Promise<void>;
  readingListUrl: string;
  onOpenReadingList?(event: MouseEvent): void;
}

/** The count is announced this long after the last keystroke, not on every one. */
export const ANNOUNCE_COUNT_MS = 500;

const GRID_ID = 'popup-grid';

type Mode = 'loading' | 'search' | 'related' | 'daily';
const HEADINGS = { search: 'popup_results_heading', related: 'popup_related_heading', daily: 'popup_daily_heading' } as const;

/** Where a remark was met, when the tab is a web page. */
function pageRef(tab: RelatedRemarksReply | null | undefined): PageRefView | undefined {
  if (!tab || !/^https?:\/\//i.test(tab.url)) return undefined;
  return { title: tab.title.trim() || tab.url, url: tab.url };
}

export function Popup(props: PopupProps) {
  const uiLang = /^zh(?:[-_]|$)/i.test(props.uiLanguage) ? 'zh' : 'en';
  const langs = languageOrder('auto', props.uiLanguage);
  const [finder, setFinder] = useState<RemarkFinder>();
  const [tab, setTab] = useState<RelatedRemarksReply | null>();
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [section, setSection] = useState('');
  const [topic, setTopic] = useState('');
  const [savedIds, setSavedIds] = useState<ReadonlySet<string>>(new Set());
  // One context open at a time: the popup is small, and each is a landmark of the same name.
  const [expanded, setExpanded] = useState<string | null>(null);
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [status, setStatus] = useState('');
  const [countAnnouncement, setCountAnnouncement] = useState('');
  const boxRef = useRef<HTMLInputElement>(null);
  const gridBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    boxRef.current?.focus();
    // Paint first, then build the index: the box takes keystrokes meanwhile.
    const timer = setTimeout(() => setFinder(props.createFinder()), 0);
    void props.readTab().then(setTab);
    const refresh = () => void props.saved.ids().then(setSavedIds);
    refresh();
    const unsubscribe = props.saved.subscribe(refresh);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);

  const related = useMemo(() => {
    if (!finder || tab === undefined) return undefined;
    // Before the content script has read its page, its title is all there is.
    const page = tab && (tab.page ?? { title: tab.title, headings: [], body: '', lang: '', truncated: false });
    return page ? finder.related(page) : null;
  }, [finder, tab]);

  const searching = query.trim() !== '' || section !== '' || topic !== '';
  const { mode, items } = useMemo((): { mode: Mode; items: FoundRemark[] } => {
    if (!finder) return { mode: 'loading', items: [] };
    if (searching) return { mode: 'search', items: finder.search(query, { section, tag: topic }) };
    if (related === undefined) return { mode: 'loading', items: [] };
    if (related?.length) return { mode: 'related', items: related };
    return { mode: 'daily', items: [{ remark: finder.ofTheDay(props.today()), matched: [] }] };
  }, [finder, query, section, topic, related]);

  // New results: the first row is where ↓ lands.
  useEffect(() => setActive({ row: 0, col: 0 }), [items]);

  useEffect(() => {
    if (mode !== 'search') return;
    const timer = setTimeout(() => setCountAnnouncement(countText(items.length)), ANNOUNCE_COUNT_MS);
    return () => clearTimeout(timer);
  }, [items, mode]);

  const topics = useMemo(() => finder?.topics(uiLang) ?? [], [finder, uiLang]);

  // Cleared first, so the same message twice (two copies) is announced twice.
  const announce = (message: string) => {
    setStatus('');
    setTimeout(() => setStatus(message), 50);
  };

  const toggleSave = async (row: number) => {
    const remark = items[row]?.remark;
    if (!remark) return;
    try {
      const nowSaved = await props.saved.toggle(remark.id, pageRef(tab));
      setSavedIds((ids) => {
        const next = new Set(ids);
        if (nowSaved) next.add(remark.id);
        else next.delete(remark.id);
        return next;
      });
      announce(t(nowSaved ? 'popup_saved' : 'popup_unsaved'));
    } catch (error) {
      announce(t('popup_save_failed', (error as Error).message));
    }
  };

  const copy = async (row: number, format: CopyFormat) => {
    const remark = items[row]?.remark;
    if (!remark) return;
    try {
      await props.copy(formatCitation(remark, props.source, format));
      announce(t(format === 'markdown' ? 'popup_copied_markdown' : 'popup_copied'));
    } catch {
      announce(t('card_copy_failed'));
    }
  };

  const toggleContext = (row: number) => {
    const id = items[row]?.remark.id;
    if (id) setExpanded((open) => (open === id ? null : id));
  };

  // Opening a context from the keyboard moves focus into it once it is drawn.
  const focusPanelOf = useRef<string | null>(null);
  useEffect(() => {
    const id = focusPanelOf.current;
    if (id && expanded === id) {
      focusPanelOf.current = null;
      document.getElementById(panelId(id))?.focus();
    }
  });
  const openContext = (row: number) => {
    const id = items[row]?.remark.id;
    if (!id) return;
    setActive({ row, col: 0 });
    if (expanded === id) {
      document.getElementById(panelId(id))?.focus();
    } else {
      focusPanelOf.current = id;
      toggleContext(row);
    }
  };

  const onBoxKeyDown = (event: KeyboardEvent) => {
    if (items.length === 0) return;
    const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive({ row: 0, col: 0 });
      focusCell(gridBox.current, { row: 0, col: 0 });
    } else if (event.key === 'Enter') {
      // Enter opens the first result in context, focus in it (Esc comes back to the list).
      event.preventDefault();
      openContext(0);
    } else if (mod && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void toggleSave(Math.min(active.row, items.length - 1));
    }
  };

  const headingId = 'popup-results-heading';
  const hintId = 'popup-keys';

  return (
    <main class="popup" lang={props.uiLanguage}>
      <header class="popup-head">
        <h1>{t('extName')}</h1>
        <a class="popup-list-link" href={props.readingListUrl} target="_blank" rel="noopener" onClick={props.onOpenReadingList}>
          {t('popup_open_reading_list')}
          {savedIds.size > 0 && <span class="popup-count"> ({savedIds.size})</span>}
        </a>
      </header>

      <div role="search" class="popup-search">
        <label class="tq-sr" for="popup-query">
          {t('popup_search_label')}
        </label>
        <input
          ref={boxRef}
          id="popup-query"
          type="search"
          class="popup-query"
          placeholder={t('popup_search_placeholder')}
          value={query}
          autoComplete="off"
          spellcheck={false}
          aria-describedby={hintId}
          aria-controls={items.length ? GRID_ID : undefined}
          onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          onKeyDown={onBoxKeyDown}
        />
        <div class="popup-filters">
          <label>
            <span>{t('popup_section')}</span>
            <select value={section} onChange={(event) => setSection((event.target as HTMLSelectElement).value)}>
              <option value="">{t('popup_all_sections')}</option>
              {(finder?.sections ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.number}. {s[uiLang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('popup_topic')}</span>
            <select value={topic} onChange={(event) => setTopic((event.target as HTMLSelectElement).value)}>
              <option value="">{t('popup_all_topics')}</option>
              {topics.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p id={hintId} class="popup-hint">
          <kbd aria-hidden="true">↓</kbd>
          <kbd aria-hidden="true">↑</kbd>
          <span class="tq-sr">{t('popup_hint_arrows')}</span> {t('popup_hint_move')} · <kbd>Enter</kbd> {t('popup_hint_open')} · <kbd>S</kbd>{' '}
          {t('popup_hint_save')} · <kbd>C</kbd> {t('popup_hint_copy')}
        </p>
      </div>

      <section class="popup-results" aria-labelledby={headingId} ref={gridBox}>
        <h2 id={headingId} class="popup-results-heading">
          {mode === 'loading' ? t('popup_loading') : t(HEADINGS[mode])}
        </h2>
        {mode === 'related' && tab && <p class="popup-sub muted">{tab.title || tab.url}</p>}
        {mode === 'daily' && <p class="popup-sub muted">{t('popup_daily_note')}</p>}
        {mode === 'search' && (
          <p class="popup-sub muted">{items.length ? countText(items.length) : t('popup_no_results', query.trim() || '…')}</p>
        )}
        {items.length > 0 && (
          <ResultGrid
              id={GRID_ID}
              items={items}
              labelledBy={headingId}
              describedBy={hintId}
              langs={langs}
              uiLang={uiLang}
              source={props.source}
              savedIds={savedIds}
              expanded={expanded}
              active={active}
              onActiveChange={setActive}
              onToggleSave={(row) => void toggleSave(row)}
              onCopy={(row, format) => void copy(row, format)}
              onToggleContext={toggleContext}
              onOpenContext={openContext}
              onLeave={() => boxRef.current?.focus()}
            />
        )}
      </section>

      <p class="popup-status" role="status">
        {status}
      </p>
      <p class="tq-sr" aria-live="polite">
        {countAnnouncement}
      </p>
    </main>
  );
}

function countText(n: number): string {
  return n === 1 ? t('popup_count_one') : t('popup_count', String(n));
}
