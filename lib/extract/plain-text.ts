import type { PageText } from './page-text';

/** A plain-text page: its first short line is taken as the title. */
export function plainPageText(text: string): PageText {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const hasTitle = lines.length > 1 && lines[0].length <= 200;
  return {
    title: hasTitle ? lines[0] : '',
    headings: [],
    body: (hasTitle ? lines.slice(1) : lines).join('\n'),
    lang: '',
    truncated: false,
  };
}
