// A remark in both languages, as the popup and the reading list show it: the
// Chinese original and the English marked as a translation, in the reader's
// order, with the words a search matched marked.
import { highlightMatches } from '../lib/highlight';
import type { RemarkView } from '../lib/messages';
import { LANG_TAG, type Lang } from './card/ContextPanel';
import { t } from './i18n';

export function Highlighted({ text, matched }: { text: string; matched?: readonly string[] }) {
  if (!matched?.length) return <>{text}</>;
  return (
    <>
      {highlightMatches(text, matched).map((segment, i) => (segment.marked ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </>
  );
}

export interface RemarkTextProps {
  remark: Pick<RemarkView, 'zh' | 'en'>;
  langs: Lang[];
  matched?: readonly string[];
}

export function RemarkText({ remark, langs, matched }: RemarkTextProps) {
  return (
    <blockquote class="remark-text">
      {langs.map((lang) =>
        lang === 'zh' ? (
          <p key="zh" class="remark-zh" lang={LANG_TAG.zh}>
            <Highlighted text={remark.zh} matched={matched} />
          </p>
        ) : (
          <div key="en" class="remark-en">
            <p class="tq-label">{t('card_translation')}</p>
            <p lang={LANG_TAG.en}>
              <Highlighted text={remark.en} matched={matched} />
            </p>
          </div>
        ),
      )}
    </blockquote>
  );
}
