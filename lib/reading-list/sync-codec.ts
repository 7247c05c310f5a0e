// How one entry is written to storage.sync: a compact item per quote under
// "rs:<quoteId>", cut to fit QUOTA_BYTES_PER_ITEM. Short field names because
// every byte counts against the 100 KB shared by all of the reader's entries.
//
//   live:      { v: 2, s: savedAt, l: liveAt, u: updatedAt, n: note, nt: noteAt, nc?: 1,
//                p?: [title, url], pt: pageAt, pc?: 1 }        (nc/pc: cut to fit)
//   tombstone: { v: 2, x: removedAt }
import { itemBytesUpperBound } from './area';
import { canonical, isQuoteId, isTombstone, type LiveRecord, type StoredRecord } from './entry';

export const SYNC_PREFIX = 'rs:';
export const syncKey = (quoteId: string): string => SYNC_PREFIX + quoteId;

/** A page title longer than this is cut; it is a label, not content. */
const MAX_TITLE_CHARS = 256;
/** A longer URL (a data: URL, a tracking monster) is dropped from the sync copy rather than cut into a broken link. */
const MAX_URL_BYTES = 2048;

export interface EncodedItem {
  key: string;
  value: Record<string, unknown>;
  /** The note or page had to be cut: the sync copy is not the whole entry. */
  cut: boolean;
}

const utf8 = new TextEncoder();

export function encodeItem(record: StoredRecord, maxBytes: number): EncodedItem {
  const key = syncKey(record.quoteId);
  if (isTombstone(record)) return { key, value: { v: 2, x: record.removedAt }, cut: false };

  let page = record.page;
  let pageCut = !!record.pageCut;
  if (page) {
    const chars = Array.from(page.title);
    const title = chars.length > MAX_TITLE_CHARS ? chars.slice(0, MAX_TITLE_CHARS).join('') : page.title;
    const url = utf8.encode(page.url).length > MAX_URL_BYTES ? '' : page.url;
    if (title !== page.title || url !== page.url) {
      page = { title, url };
      pageCut = true;
    }
  }
  const build = (note: string, noteCut: boolean) => {
    const value: Record<string, unknown> = { v: 2, s: record.savedAt, l: record.liveAt, u: record.updatedAt, n: note, nt: record.noteAt };
    if (noteCut) value.nc = 1;
    if (page) value.p = [page.title, page.url];
    value.pt = record.pageAt;
    if (pageCut) value.pc = 1;
    return value;
  };

  const whole = build(record.note, !!record.noteCut);
  if (itemBytesUpperBound(key, whole) <= maxBytes) return { key, value: whole, cut: !!record.noteCut || pageCut };
  // The longest start of the note (whole code points) that fits.
  const points = Array.from(record.note);
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (itemBytesUpperBound(key, build(points.slice(0, mid).join(''), true)) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return { key, value: build(points.slice(0, lo).join(''), true), cut: true };
}

export type Decoded =
  | { ok: true; record: StoredRecord }
  | { ok: false; reason: string; /** written by a newer version: leave it alone */ future: boolean };

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function decodeItem(key: string, value: unknown): Decoded {
  const quoteId = key.slice(SYNC_PREFIX.length);
  const bad = (reason: string): Decoded => ({ ok: false, reason, future: false });
  if (!key.startsWith(SYNC_PREFIX) || !isQuoteId(quoteId)) return bad('not a reading list key');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('not an object');
  const v = value as Record<string, unknown>;
  if (typeof v.v !== 'number') return bad('no version');
  if (v.v > 2) return { ok: false, reason: `format v${v.v} from a newer version`, future: true };
  if (v.v !== 2) return bad(`unknown format v${v.v}`);
  if ('x' in v) return isTime(v.x) ? { ok: true, record: { v: 2, quoteId, removedAt: v.x } } : bad('bad removal time');
  for (const field of ['s', 'l', 'u', 'nt', 'pt']) if (!isTime(v[field])) return bad(`bad time ${field}`);
  if (typeof v.n !== 'string') return bad('bad note');
  let page: LiveRecord['page'];
  if (v.p !== undefined) {
    if (!Array.isArray(v.p) || v.p.length !== 2 || typeof v.p[0] !== 'string' || typeof v.p[1] !== 'string') return bad('bad page');
    page = { title: v.p[0], url: v.p[1] };
  }
  const record = canonical({
    v: 2,
    quoteId,
    savedAt: v.s as number,
    updatedAt: v.u as number,
    note: v.n,
    noteAt: v.nt as number,
    noteCut: v.nc === 1 || undefined,
    page,
    pageAt: v.pt as number,
    pageCut: v.pc === 1 || undefined,
    liveAt: v.l as number,
  });
  return { ok: true, record };
}
