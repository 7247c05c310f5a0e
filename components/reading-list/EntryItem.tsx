// One saved remark on the reading list page: the remark in both languages,
// when it was saved, the page it was met on, what sync holds of it, the
// reader's note, and Remove.
import type { Entry } from '../../lib/reading-list';
import type { EntrySync } from '../../lib/reading-list-view';
import type { Quote, Section } from '../../lib/pack/schema';
import type { Lang } from '../card/ContextPanel';
import { t } from '../i18n';
import { RemarkText } from '../RemarkText';
import { NoteField } from './NoteField';

export interface EntryItemProps {
  entry: Entry;
  quote: Quote;
  section?: Section;
  langs: Lang[];
  uiLang: Lang;
  formatDate(ms: number): string;
  sync: EntrySync;
  readOnly: boolean;
  onSaveNote(note: string): Promise<void>;
  onRemove(): void;
}

/** The first words of a remark, to name it in a button or a message. */
export function shortRemark(text: string, max = 24): string {
  const chars = Array.from(text.trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text.trim();
}

const isWebAddress = (url: string) => /^https?:\/\/\S+$/i.test(url);

export function EntryItem(props: EntryItemProps) {
  const { entry, quote, section, uiLang } = props;
  const idBase = `rl-${entry.quoteId}`;
  const page = entry.page;
  const name = shortRemark(uiLang === 'zh' ? quote.zh : quote.en);
  return (
    <li class="rl-item" data-quote-id={entry.quoteId}>
      <RemarkText remark={quote} langs={props.langs} />
      <p class="rl-meta">
        {section && (
          <>
            <span>
              {section.number}. {section[uiLang]}
            </span>
            <span aria-hidden="true"> · </span>
          </>
        )}
        <span>
          {t('readinglist_saved_on')} <time dateTime={new Date(entry.savedAt).toISOString()}>{props.formatDate(entry.savedAt)}</time>
        </span>
      </p>
      {page && (
        <p class="rl-meta">
          {t('readinglist_met_on')}{' '}
          {isWebAddress(page.url) ? (
            <a href={page.url} target="_blank" rel="noopener noreferrer">
              {page.title || page.url}
            </a>
          ) : (
            <span>{page.title || page.url}</span>
          )}
          {entry.truncated?.page && <span class="rl-warning"> {t('readinglist_page_truncated')}</span>}
        </p>
      )}
      {props.sync === 'local-only' && <p class="rl-badge">{t('readinglist_badge_local_only')}</p>}
      {props.sync === 'partial' && <p class="rl-badge">{t('readinglist_badge_partial')}</p>}
      <NoteField
        id={`${idBase}-note`}
        note={entry.note}
        truncated={entry.truncated?.note}
        readOnly={props.readOnly}
        onSave={props.onSaveNote}
      />
      <div class="rl-item-actions">
        <button type="button" class="tq-btn" aria-label={t('readinglist_remove_label', name)} disabled={props.readOnly} onClick={props.onRemove}>
          {t('readinglist_remove')}
        </button>
      </div>
    </li>
  );
}
