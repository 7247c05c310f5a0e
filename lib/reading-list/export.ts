// The reading list as files the reader keeps: Markdown to read, CSV for a
// spreadsheet, JSON to back up and import again. Pure: entries (as list()
// returns them, in the order the reader chose) in, text out.
import type { QuotePack } from '../pack/schema';
import { checkEntry, FORMAT_VERSION, type Entry } from './entry';
import { sectionOf } from './order';

export const EXPORT_FORMAT = 'tian-quotes/reading-list';

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  entries: Entry[];
}

const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------- JSON

export function toJson(entries: Entry[], now: number): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: FORMAT_VERSION, exportedAt: iso(now), entries };
  return JSON.stringify(file, null, 2) + '\n';
}

export type ParsedExport = { ok: true; entries: Entry[]; exportedAt: number } | { ok: false; error: string };

/** A day of clock skew between browsers is tolerated; later than that is a broken or forged file. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * Reads a file made by toJson. Everything is checked before anything is
 * used, so a bad file is refused whole with a message that says why.
 */
export function parseExport(text: string, now: number): ParsedExport {
  const fail = (error: string): ParsedExport => ({ ok: false, error });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`This file is not JSON, so it is not a Tian Quotes reading list export (${(error as Error).message}).`);
  }
  const file = data as Partial<Record<keyof ExportFile, unknown>> | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file) || file.format !== EXPORT_FORMAT) {
    return fail(`This JSON file is not a Tian Quotes reading list export (it lacks "format": "${EXPORT_FORMAT}").`);
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version)) {
    return fail('This reading list export has no version number, so it cannot be read safely.');
  }
  if (file.version > FORMAT_VERSION) {
    return fail(`This reading list was exported by a newer version of Tian Quotes (format ${file.version}); update the extension to import it.`);
  }
  if (file.version !== FORMAT_VERSION) return fail(`Reading list exports in format ${file.version} are not supported.`);
  const exportedAt = typeof file.exportedAt === 'string' ? Date.parse(file.exportedAt) : NaN;
  if (!Number.isFinite(exportedAt)) return fail('This reading list export has no valid "exportedAt" date.');
  if (exportedAt > now + FUTURE_SLACK_MS) return fail('This reading list export is dated in the future; check the computer’s clock.');
  if (!Array.isArray(file.entries)) return fail('This reading list export has no "entries" list.');
  const entries: Entry[] = [];
  for (const [i, raw] of file.entries.entries()) {
    const checked = checkEntry(raw);
    const id = (raw as { quoteId?: unknown } | null)?.quoteId;
    const which = `Entry ${i + 1}${typeof id === 'string' ? ` (“${id}”)` : ''}`;
    if (!checked.ok) return fail(`${which} is not valid: ${checked.reason}.`);
    const { savedAt, updatedAt } = checked.value;
    if (Math.max(savedAt, updatedAt) > exportedAt + FUTURE_SLACK_MS) return fail(`${which} is not valid: it is dated after the export itself.`);
    entries.push(checked.value);
  }
  return { ok: true, entries, exportedAt };
}

// ---------------------------------------------------------------- citation

interface Cited {
  entry: Entry;
  zh?: string;
  en?: string;
  /** "谈趋势 On trends" */
  section?: string;
  /** "section 1, 谈趋势 On trends" */
  sectionRef?: string;
}

function cite(entries: Entry[], pack: QuotePack): Cited[] {
  return entries.map((entry) => {
    const quote = pack.quotes.find((q) => q.id === entry.quoteId);
    const section = sectionOf(pack, entry.quoteId);
    return {
      entry,
      zh: quote?.zh,
      en: quote?.en,
      section: section && `${section.zh} ${section.en}`,
      sectionRef: section && `section ${section.number}, ${section.zh} ${section.en}`,
    };
  });
}

/** "田渊栋 Tian Yuandong, interviewed by …, 甲子光年 Jiazi Guangnian, …, 2024-05-28, section 1, 谈趋势 On trends": the source in both languages. */
export function citation(pack: QuotePack, sectionRef?: string): string {
  const s = pack.source;
  return [
    `${s.speaker.zh} ${s.speaker.en}`,
    `interviewed by ${s.interviewer.zh} ${s.interviewer.en}`,
    `“${s.title.zh}” (“${s.title.en}”)`,
    `${s.publication.zh} ${s.publication.en}`,
    `text by ${s.author.zh} ${s.author.en}`,
    s.date,
    ...(sectionRef ? [sectionRef] : []),
  ].join(', ');
}

// ---------------------------------------------------------------- Markdown

const escapeInline = (text: string) => text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&').replace(/\s+/g, ' ').trim();
const quoteBlock = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/** A link only for web addresses; anything else (javascript:, data:) is shown as text, never made clickable. */
function pageLine(page: NonNullable<Entry['page']>): string {
  const title = escapeInline(page.title) || escapeInline(page.url) || 'untitled page';
  if (/^https?:\/\/\S+$/i.test(page.url)) return `[${title}](<${page.url.replace(/[<>]/g, encodeURIComponent)}>)`;
  return page.url ? `${title} (${escapeInline(page.url)})` : title;
}

export function toMarkdown(entries: Entry[], pack: QuotePack, now: number): string {
  const s = pack.source;
  const out = [
    `# ${s.speaker.zh} ${s.speaker.en}: reading list`,
    '',
    `${entries.length} remark${entries.length === 1 ? '' : 's'} from “${s.title.zh}” (${s.publication.zh} ${s.publication.en}, ${s.date}), exported from Tian Quotes on ${iso(now)}.`,
  ];
  cite(entries, pack).forEach(({ entry, zh, en, section, sectionRef }, i) => {
    out.push('', '---', '', `## ${i + 1}. ${section ?? entry.quoteId}`, '');
    if (zh && en) {
      out.push(quoteBlock(zh), '>', quoteBlock(`*English translation:* ${en}`), '', `— ${citation(pack, sectionRef)}.`);
    } else {
      out.push(`*This remark (${entry.quoteId}) is not in this version’s quote pack.*`, '', `— ${citation(pack)}.`);
    }
    out.push('');
    if (entry.page) out.push(`- Met on: ${pageLine(entry.page)}`);
    out.push(`- Saved: ${iso(entry.savedAt)}`);
    if (entry.note) {
      out.push('', `**Note${entry.truncated?.note ? ' (only its start reached this browser)' : ''}:**`, '', quoteBlock(entry.note));
    }
  });
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- CSV

/**
 * RFC 4180 field. A cell starting with = + - @ (or a tab/CR) would run as a
 * formula in Excel, and page titles come from arbitrary web pages, so such a
 * cell gets a leading apostrophe.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = [
  'Quote ID',
  'Chinese (original)',
  'English (translation)',
  'Speaker',
  'Publication',
  'Title',
  'Date',
  'Section',
  'Page title',
  'Page URL',
  'Note',
  'Saved at',
  'Updated at',
] as const;

/** UTF-8 text with a byte-order mark, which is what makes Excel read the Chinese correctly; CRLF line ends. */
export function toCsv(entries: Entry[], pack: QuotePack): string {
  const s = pack.source;
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const { entry, zh, en, sectionRef } of cite(entries, pack)) {
    rows.push([
      entry.quoteId,
      zh ?? '',
      en ?? '',
      `${s.speaker.zh} ${s.speaker.en}`,
      `${s.publication.zh} ${s.publication.en}`,
      `${s.title.zh} (${s.title.en})`,
      s.date,
      sectionRef ?? '',
      entry.page?.title ?? '',
      entry.page?.url ?? '',
      entry.note,
      iso(entry.savedAt),
      iso(entry.updatedAt),
    ]);
  }
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
