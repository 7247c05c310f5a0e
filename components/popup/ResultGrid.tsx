// The popup's results as an ARIA grid (the APG "layout grid"): one row per
// remark, one cell per thing to act on: the remark itself, Save, Copy, Copy
// as Markdown, Read in context. One cell is in the tab order at a time
// (roving tabindex); arrow keys move between cells and rows, so screen
// readers switch to focus mode and pass the keys through. A listbox could not
// hold the buttons (options' children are presentational).
//
// Keys: ↑/↓ row (↑ from the first row goes back to the search box), ←/→ cell,
// Home/End first/last cell, Ctrl+Home/End first/last row, Enter on the remark
// opens "Read in context" and moves focus into it (Esc closes it and comes
// back), S or Ctrl/⌘+S saves, C copies with citation, M copies as Markdown,
// Esc or / goes back to the search box, and typing a letter searches.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { FoundRemark } from '../../lib/remark-finder';
import type { QuotePack } from '../../lib/pack/schema';
import { ContextPanel, type Lang } from '../card/ContextPanel';
import { t } from '../i18n';
import { Icon } from '../Icon';
import { RemarkText } from '../RemarkText';

export interface Cell {
  row: number;
  col: number;
}

/** The cells of a row, in order: 0 the remark, then the buttons. */
export const COLUMNS = ['remark', 'save', 'copy', 'markdown', 'context'] as const;
const LAST_COL = COLUMNS.length - 1;

export type CopyFormat = 'text' | 'markdown';

export interface ResultGridProps {
  id: string;
  items: FoundRemark[];
  /** The id of the heading that names the grid. */
  labelledBy: string;
  describedBy?: string;
  langs: Lang[];
  uiLang: Lang;
  source: QuotePack['source'];
  savedIds: ReadonlySet<string>;
  /** The remark whose context is open. */
  expanded: string | null;
  active: Cell;
  onActiveChange(cell: Cell): void;
  onToggleSave(index: number): void;
  onCopy(index: number, format: CopyFormat): void;
  /** The "Read in context" button: opens or closes a remark's context. */
  onToggleContext(index: number): void;
  /** Enter on a remark: opens its context (if closed) and moves focus into it. */
  onOpenContext(index: number): void;
  /** Back to the search box (↑ from the first row, Esc, /, typing). */
  onLeave(): void;
}

export const panelId = (remarkId: string) => `context-${remarkId}`;

/** Focuses a cell of the grid inside `root` (if it is there). */
export function focusCell(root: ParentNode | null, cell: Cell): boolean {
  const el = root?.querySelector<HTMLElement>(`[data-row="${cell.row}"][data-col="${cell.col}"]`);
  el?.focus();
  return !!el;
}

export function ResultGrid(props: ResultGridProps) {
  const { items, active, savedIds, expanded, langs, uiLang } = props;
  const gridRef = useRef<HTMLDivElement>(null);

  const move = (cell: Cell) => {
    const row = Math.max(0, Math.min(items.length - 1, cell.row));
    const col = Math.max(0, Math.min(LAST_COL, cell.col));
    props.onActiveChange({ row, col });
    focusCell(gridRef.current, { row, col });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const rowEl = target.closest<HTMLElement>('[role="row"]');
    if (!rowEl) return;
    const row = Number(rowEl.dataset.index);
    const inPanel = !!target.closest('.tq-context');
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    const saveKey = event.key.toLowerCase() === 's' && (plain || ((event.ctrlKey || event.metaKey) && !event.altKey));
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };

    if (inPanel) {
      // Arrow keys scroll the context; Esc closes it and returns to the remark.
      if (event.key === 'Escape') {
        handled();
        props.onToggleContext(row);
        move({ row, col: 0 });
      } else if (saveKey) {
        handled();
        props.onToggleSave(row);
      }
      return;
    }

    const col = Number(target.dataset.col ?? 0);
    if (saveKey) {
      handled();
      props.onToggleSave(row);
      return;
    }
    if (plain && (event.key === 'c' || event.key === 'C' || event.key === 'm' || event.key === 'M')) {
      handled();
      props.onCopy(row, event.key.toLowerCase() === 'm' ? 'markdown' : 'text');
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        handled();
        move({ row: row + 1, col });
        return;
      case 'ArrowUp':
        handled();
        if (row === 0) props.onLeave();
        else move({ row: row - 1, col });
        return;
      case 'ArrowRight':
        handled();
        move({ row, col: col + 1 });
        return;
      case 'ArrowLeft':
        handled();
        move({ row, col: col - 1 });
        return;
      case 'Home':
        handled();
        move({ row: event.ctrlKey ? 0 : row, col: 0 });
        return;
      case 'End':
        handled();
        move({ row: event.ctrlKey ? items.length - 1 : row, col: LAST_COL });
        return;
      case 'Enter':
      case ' ':
        // On a button, Enter and Space press it.
        if (col !== 0) return;
        handled();
        props.onOpenContext(row);
        return;
      case 'Escape':
      case '/':
        handled();
        props.onLeave();
        return;
      case 'Backspace':
        props.onLeave();
        return;
    }
    // Typing a letter goes on in the search box (focus moves before the character lands).
    if (plain && event.key.length === 1) props.onLeave();
  };

  const tabIndex = (row: number, col: number) => (row === active.row && col === active.col ? 0 : -1);

  return (
    <div
      ref={gridRef}
      id={props.id}
      role="grid"
      class="popup-grid"
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      onKeyDown={onKeyDown}
      onFocusIn={(event: FocusEvent) => {
        const el = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
        if (el) props.onActiveChange({ row: Number(el.dataset.row), col: Number(el.dataset.col) });
      }}
    >
      {items.map(({ remark, matched }, row) => {
        const saved = savedIds.has(remark.id);
        const open = expanded === remark.id;
        const why = remark.why.map((w) => w.label[uiLang]).join(uiLang === 'zh' ? '、' : ', ');
        return (
          <div role="row" class="popup-row" key={remark.id} data-index={row} data-quote-id={remark.id}>
            <div role="gridcell" class="popup-remark" tabIndex={tabIndex(row, 0)} data-row={row} data-col={0}>
              <RemarkText remark={remark} langs={langs} matched={matched} />
              <p class="popup-meta">
                {remark.section.number}. {remark.section[uiLang]}
                {why && (
                  <>
                    <span aria-hidden="true"> · </span>
                    {t('card_why')} {why}
                  </>
                )}
              </p>
            </div>
            <ActionCell row={row} col={1} tabIndex={tabIndex(row, 1)} aria-pressed={saved} onClick={() => props.onToggleSave(row)}>
              <Icon name="star" filled={saved} /> {t('popup_save')}
            </ActionCell>
            <ActionCell row={row} col={2} tabIndex={tabIndex(row, 2)} aria-label={t('popup_copy_label')} onClick={() => props.onCopy(row, 'text')}>
              {t('popup_copy')}
            </ActionCell>
            <ActionCell
              row={row}
              col={3}
              tabIndex={tabIndex(row, 3)}
              aria-label={t('popup_copy_markdown_label')}
              onClick={() => props.onCopy(row, 'markdown')}
            >
              {t('popup_copy_markdown')}
            </ActionCell>
            <ActionCell
              row={row}
              col={4}
              tabIndex={tabIndex(row, 4)}
              class="tq-disclosure"
              aria-expanded={open}
              aria-controls={panelId(remark.id)}
              onClick={() => props.onToggleContext(row)}
            >
              <Icon name="chevron" class="tq-chevron" />
              {t('card_context')}
            </ActionCell>
            <div role="gridcell" class="popup-context">
              <ContextPanel id={panelId(remark.id)} hidden={!open} remark={remark} source={props.source} langs={langs} />
            </div>
          </div>
        );
      })}
    </div>
  );
}

interface ActionCellProps {
  row: number;
  col: number;
  tabIndex: number;
  class?: string;
  'aria-label'?: string;
  'aria-pressed'?: boolean;
  'aria-expanded'?: boolean;
  'aria-controls'?: string;
  onClick(): void;
  children: ComponentChildren;
}

/** One action button in its grid cell; data-row/data-col tell the grid's keyboard handling where it is. */
function ActionCell({ row, col, class: className = 'tq-btn', children, ...button }: ActionCellProps) {
  return (
    <div role="gridcell" class="popup-action">
      <button type="button" class={className} data-row={row} data-col={col} {...button}>
        {children}
      </button>
    </div>
  );
}
