// Formats a remark with its full citation, for "Copy with citation" and the
// reading list's export. Pure: no browser API, no UI language. The citation is
// bilingual on purpose, so it reads the same whoever pastes it.
import type { RemarkView } from './messages';
import type { QuotePack } from './pack/schema';

export type CitationFormat = 'text' | 'markdown';
type Source = QuotePack['source'];

/** Marks the English text as a translation of the Chinese original. */
export const TRANSLATION_LABEL = 'English translation';

/** `2. 谈判断 / On judgement` */
export function sectionLabel(section: RemarkView['section']): string {
  return `${section.number}. ${section.zh} / ${section.en}`;
}

/**
 * `田渊栋 (Tian Yuandong), 《…》 / "…", 甲子光年 (Jiazi Guangnian), 2024-05-28, section "2. 谈判断 / On judgement"`.
 * In Markdown the English title is in italics instead of quotes.
 */
export function citationLine(remark: Pick<RemarkView, 'section'>, source: Source, format: CitationFormat = 'text'): string {
  const md = format === 'markdown';
  const esc = md ? escapeInline : (s: string) => s;
  const titleEn = md ? `*${esc(source.title.en)}*` : `"${source.title.en}"`;
  return [
    `${esc(source.speaker.zh)} (${esc(source.speaker.en)})`,
    `《${esc(source.title.zh)}》 / ${titleEn}`,
    `${esc(source.publication.zh)} (${esc(source.publication.en)})`,
    source.date,
    `section "${esc(sectionLabel(remark.section))}"`,
  ].join(', ');
}

export function formatCitation(remark: RemarkView, source: Source, format: CitationFormat): string {
  const zh = remark.zh.trim();
  const en = remark.en.trim();
  if (format === 'markdown') {
    // The remark and its translation in one blockquote, the citation below it.
    return [
      blockquote(escapeMarkdown(zh)),
      '>',
      blockquote(`*${TRANSLATION_LABEL}:* ${escapeMarkdown(en)}`),
      '',
      `— ${citationLine(remark, source, 'markdown')}`,
    ].join('\n');
  }
  return [`“${zh}”`, '', `${TRANSLATION_LABEL}: “${en}”`, '', `— ${citationLine(remark, source, 'text')}`].join('\n');
}

function blockquote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

/** Escapes what Markdown would read as inline markup (emphasis, links, HTML, code). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** Escapes what Markdown would otherwise read as markup, inline or at a line's start (headings, lists). */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#+-])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)\.(?=\s)/gm, '$1$2\\.');
}
