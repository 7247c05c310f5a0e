// "Read in context": the host's question and Tian Yuandong's whole answer, with
// the remark's own words marked. A remark may be cut from its answer in spans
// joined by "……" (or "…" in English); each span is marked where it occurs.
import type { RemarkView } from '../../lib/messages';
import type { QuotePack } from '../../lib/pack/schema';
import { t } from '../i18n';

export type Lang = 'zh' | 'en';
export const LANG_TAG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export interface Segment {
  text: string;
  marked: boolean;
}

/** The spans of a remark: its text cut at ellipses ("……", "…", "..."). */
export function remarkSpans(remark: string): string[] {
  return remark
    .split(/……|…|\.{3}/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Splits `answer` into paragraphs of segments, marking where the remark's spans
 * occur. Matching ignores whitespace and case (a span may cross a paragraph
 * break, or start a sentence the answer continues). A span not found is skipped.
 */
export function markRemark(answer: string, remark: string): Segment[][] {
  // The answer without whitespace, lower-cased, and where each of its characters came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < answer.length; i++) {
    const ch = answer[i]!;
    if (/\s/.test(ch)) continue;
    const lower = ch.toLowerCase();
    folded += lower.length === 1 ? lower : ch;
    origin.push(i);
  }
  const ranges: [number, number][] = [];
  let from = 0;
  for (const span of remarkSpans(remark)) {
    const needle = span.replace(/\s+/g, '').toLowerCase();
    let at = folded.indexOf(needle, from);
    if (at < 0) at = folded.indexOf(needle);
    if (at < 0 || !needle) continue;
    ranges.push([origin[at]!, origin[at + needle.length - 1]! + 1]);
    from = at + needle.length;
  }
  ranges.sort((a, b) => a[0] - b[0]);

  const segments: Segment[] = [];
  let pos = 0;
  for (const [start, end] of ranges) {
    if (start < pos) continue; // overlapping spans: keep the first
    if (start > pos) segments.push({ text: answer.slice(pos, start), marked: false });
    segments.push({ text: answer.slice(start, end), marked: true });
    pos = end;
  }
  if (pos < answer.length) segments.push({ text: answer.slice(pos), marked: false });

  // Cut into paragraphs at line breaks (a marked span crossing one is cut too).
  const paragraphs: Segment[][] = [[]];
  for (const seg of segments) {
    seg.text.split(/\s*\n\s*/).forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part) paragraphs[paragraphs.length - 1]!.push({ text: part, marked: seg.marked });
    });
  }
  return paragraphs.filter((p) => p.length > 0);
}

interface ContextPanelProps {
  id: string;
  hidden: boolean;
  remark: RemarkView;
  source: QuotePack['source'];
  langs: Lang[];
}

export function ContextPanel({ id, hidden, remark, source, langs }: ContextPanelProps) {
  const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
  return (
    // Scrollable, so it is focusable: keyboard users can scroll it.
    <div id={id} class="tq-context" role="region" aria-label={t('card_context_label')} tabIndex={0} hidden={hidden}>
      {hidden
        ? null
        : langs.map((lang) => (
            <div class="tq-context-lang" key={lang}>
              {lang === 'en' && <p class="tq-label">{t('card_translation')}</p>}
              <div lang={LANG_TAG[lang]}>
                <p class="tq-question">
                  <strong class="tq-who">
                    {source.interviewer[lang]}
                    {colon(lang)}
                  </strong>
                  {remark.question[lang]}
                </p>
                <p class="tq-who tq-answerer">
                  <strong>
                    {source.speaker[lang]}
                    {colon(lang)}
                  </strong>
                </p>
                {markRemark(remark.answer[lang], remark[lang]).map((paragraph, i) => (
                  <p class="tq-answer" key={i}>
                    {paragraph.map((seg, j) => (seg.marked ? <mark key={j}>{seg.text}</mark> : seg.text))}
                  </p>
                ))}
              </div>
            </div>
          ))}
    </div>
  );
}
