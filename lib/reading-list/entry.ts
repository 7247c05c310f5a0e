// One saved remark, as the UI sees it (Entry) and as local storage keeps it
// (LiveRecord / Tombstone, one key per quote), with the checks that decide
// whether a stored value is usable and the merge that reconciles two copies.

export interface PageRef {
  title: string;
  url: string;
}

export interface Entry {
  quoteId: string;
  /** When the reader first saved it (ms); saving again keeps it. */
  savedAt: number;
  /** The page where the reader met the remark. */
  page?: PageRef;
  note: string;
  /** The last change the reader made (ms). */
  updatedAt: number;
  /**
   * Present when this browser only holds the start of the note or page: it came
   * through sync cut to fit an item, and the whole text is on the browser that wrote it.
   */
  truncated?: { note?: true; page?: true };
}

export const FORMAT_VERSION = 2;
export const ENTRY_PREFIX = 'rl:v2:';
export const META_KEY = 'rl:meta';
export const QUARANTINE_PREFIX = 'rl:quarantine:';
/** v1 kept the whole list as one array under this key (see migrate.ts). */
export const V1_KEY = 'readingList';

/**
 * What local storage holds for a saved remark. Each field the reader can change
 * carries its own clock, so two copies merge field by field (newest wins)
 * instead of one copy overwriting the other.
 */
export interface LiveRecord {
  v: 2;
  quoteId: string;
  savedAt: number;
  updatedAt: number;
  note: string;
  noteAt: number;
  noteCut?: true;
  page?: PageRef;
  pageAt: number;
  pageCut?: true;
  /** Last save or restore: the record is alive while this is later than any removal. */
  liveAt: number;
}

/**
 * What a removal leaves behind, so the removal can reach other browsers through
 * sync instead of the entry coming back from their copies. Pruned after
 * TOMBSTONE_TTL_MS (see sync.ts).
 */
export interface Tombstone {
  v: 2;
  quoteId: string;
  removedAt: number;
}

export type StoredRecord = LiveRecord | Tombstone;

const QUOTE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 128;

export function isQuoteId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MAX_ID_LENGTH && QUOTE_ID.test(id);
}

export const entryKey = (quoteId: string): string => ENTRY_PREFIX + quoteId;

export function isTombstone(record: StoredRecord): record is Tombstone {
  return 'removedAt' in record;
}

export function isLive(record: StoredRecord | undefined): record is LiveRecord {
  return record !== undefined && !isTombstone(record);
}

/** The record with its keys in one order and no undefined fields, so JSON comparison is equality. */
export function canonical(record: StoredRecord): StoredRecord {
  if (isTombstone(record)) return { v: 2, quoteId: record.quoteId, removedAt: record.removedAt };
  const out: LiveRecord = {
    v: 2,
    quoteId: record.quoteId,
    savedAt: record.savedAt,
    updatedAt: record.updatedAt,
    note: record.note,
    noteAt: record.noteAt,
    pageAt: record.pageAt,
    liveAt: record.liveAt,
  };
  if (record.noteCut) out.noteCut = true;
  if (record.page) out.page = { title: record.page.title, url: record.page.url };
  if (record.pageCut) out.pageCut = true;
  return out;
}

export function sameRecord(a: StoredRecord | undefined, b: StoredRecord | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function toEntry(record: LiveRecord): Entry {
  const entry: Entry = { quoteId: record.quoteId, savedAt: record.savedAt, note: record.note, updatedAt: record.updatedAt };
  if (record.page) entry.page = { title: record.page.title, url: record.page.url };
  if (record.noteCut || record.pageCut) {
    entry.truncated = {};
    if (record.noteCut) entry.truncated.note = true;
    if (record.pageCut) entry.truncated.page = true;
  }
  return entry;
}

/** A record for an entry that comes without clocks (an export, an undo): every field dates from its last change. */
export function fromEntry(entry: Entry, liveAt = entry.updatedAt): LiveRecord {
  return canonical({
    v: 2,
    quoteId: entry.quoteId,
    savedAt: entry.savedAt,
    updatedAt: entry.updatedAt,
    note: entry.note,
    noteAt: entry.updatedAt,
    noteCut: entry.truncated?.note,
    page: entry.page,
    pageAt: entry.updatedAt,
    pageCut: entry.truncated?.page,
    liveAt: Math.max(liveAt, entry.savedAt),
  }) as LiveRecord;
}

// ---------------------------------------------------------------- checking

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Checks a page reference; `where` names it in the reason. */
export function checkPage(value: unknown, where = 'page'): Checked<PageRef> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `${where}: expected an object with title and url, found ${typeName(value)}` };
  }
  const { title, url } = value as Record<string, unknown>;
  if (typeof title !== 'string') return { ok: false, reason: `${where}.title: expected a string, found ${typeName(title)}` };
  if (typeof url !== 'string') return { ok: false, reason: `${where}.url: expected a string, found ${typeName(url)}` };
  return { ok: true, value: { title, url } };
}

/**
 * Checks an entry as the reader's fields (quoteId, savedAt, note, updatedAt,
 * page?, truncated?): what an export holds.
 */
export function checkEntry(value: unknown): Checked<Entry> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `expected an object, found ${typeName(value)}` };
  }
  const v = value as Record<string, unknown>;
  if (!('quoteId' in v)) return { ok: false, reason: 'missing field quoteId' };
  if (!isQuoteId(v.quoteId)) return { ok: false, reason: `quoteId: ${JSON.stringify(v.quoteId)} is not a kebab-case quote id` };
  for (const field of ['savedAt', 'updatedAt'] as const) {
    if (!(field in v)) return { ok: false, reason: `missing field ${field}` };
    if (!isTime(v[field])) return { ok: false, reason: `${field}: expected a time in ms, found ${JSON.stringify(v[field])}` };
  }
  if (!('note' in v)) return { ok: false, reason: 'missing field note' };
  if (typeof v.note !== 'string') return { ok: false, reason: `note: expected a string, found ${typeName(v.note)}` };
  const entry: Entry = { quoteId: v.quoteId, savedAt: v.savedAt as number, note: v.note, updatedAt: v.updatedAt as number };
  if (v.page !== undefined) {
    const page = checkPage(v.page);
    if (!page.ok) return page;
    entry.page = page.value;
  }
  if (v.truncated !== undefined) {
    const t = v.truncated as Record<string, unknown>;
    if (typeof t !== 'object' || t === null) return { ok: false, reason: `truncated: expected an object, found ${typeName(t)}` };
    if (t.note === true || t.page === true) {
      entry.truncated = {};
      if (t.note === true) entry.truncated.note = true;
      if (t.page === true) entry.truncated.page = true;
    }
  }
  return { ok: true, value: entry };
}

/**
 * Checks a value found under `rl:v2:<id>`. Lenient only where nothing can be
 * lost: a record stored as JSON text is read, and missing clocks default to
 * the entry's own times. Anything else wrong is a reason to set it aside.
 */
export function checkRecord(key: string, stored: unknown): Checked<StoredRecord> {
  let value = stored;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { ok: false, reason: `not valid JSON text (truncated?): ${JSON.stringify(stored).slice(0, 60)}` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `expected an object, found ${typeName(value)}` };
  }
  const v = value as Record<string, unknown>;
  if (!('v' in v)) return { ok: false, reason: 'missing field v (format version)' };
  if (typeof v.v !== 'number') return { ok: false, reason: `v: expected a version number, found ${typeName(v.v)}` };
  if (v.v > FORMAT_VERSION) return { ok: false, reason: `written by a newer version of the extension (format v${v.v})` };
  if (v.v !== FORMAT_VERSION) return { ok: false, reason: `unknown format version v${v.v}` };
  const keyId = key.startsWith(ENTRY_PREFIX) ? key.slice(ENTRY_PREFIX.length) : undefined;
  if (!('quoteId' in v)) return { ok: false, reason: 'missing field quoteId' };
  if (!isQuoteId(v.quoteId)) return { ok: false, reason: `quoteId: ${JSON.stringify(v.quoteId)} is not a kebab-case quote id` };
  if (keyId !== undefined && v.quoteId !== keyId) return { ok: false, reason: `quoteId '${v.quoteId}' does not match its key '${key}'` };

  if ('removedAt' in v) {
    if (!isTime(v.removedAt)) return { ok: false, reason: `removedAt: expected a time in ms, found ${JSON.stringify(v.removedAt)}` };
    return { ok: true, value: { v: 2, quoteId: v.quoteId, removedAt: v.removedAt } };
  }
  const entry = checkEntry(v);
  if (!entry.ok) return entry;
  const clocks: Record<string, number> = {};
  for (const clock of ['noteAt', 'pageAt', 'liveAt'] as const) {
    if (v[clock] === undefined) clocks[clock] = clock === 'liveAt' ? entry.value.savedAt : entry.value.updatedAt;
    else if (isTime(v[clock])) clocks[clock] = v[clock];
    else return { ok: false, reason: `${clock}: expected a time in ms, found ${JSON.stringify(v[clock])}` };
  }
  const record = fromEntry({ ...entry.value, truncated: undefined });
  if (v.noteCut === true) record.noteCut = true;
  if (v.pageCut === true) record.pageCut = true;
  return { ok: true, value: canonical({ ...record, noteAt: clocks.noteAt, pageAt: clocks.pageAt, liveAt: clocks.liveAt }) };
}

// ---------------------------------------------------------------- merging

interface Register<T> {
  value: T;
  at: number;
  cut: boolean;
}

/**
 * Last writer wins, with ties broken the same way on every browser (whole
 * before cut, then longer, then larger) so that all copies converge. One
 * exception: a value cut to fit a sync item never replaces a longer value it
 * is the start of; the longer text is kept, under the newer clock.
 */
function pick<T>(a: Register<T>, b: Register<T>, text: (value: T) => string, extendsCut: (full: T, cut: T) => boolean): Register<T> {
  const ta = text(a.value);
  const tb = text(b.value);
  let aWins: boolean;
  if (a.at !== b.at) aWins = a.at > b.at;
  else if (a.cut !== b.cut) aWins = !a.cut;
  else if (ta.length !== tb.length) aWins = ta.length > tb.length;
  else aWins = ta >= tb;
  const [win, lose] = aWins ? [a, b] : [b, a];
  if (win.cut && text(win.value) !== text(lose.value) && extendsCut(lose.value, win.value)) {
    return { value: lose.value, at: win.at, cut: lose.cut };
  }
  return win;
}

const noteText = (note: string) => note;
const noteExtends = (full: string, cut: string) => full.length > cut.length && full.startsWith(cut);
const pageText = (page: PageRef | undefined) => (page ? JSON.stringify([page.title, page.url]) : '');
/** A cut page keeps the start of the title; its url is whole or dropped (''), never cut mid-way. */
const pageExtends = (full: PageRef | undefined, cut: PageRef | undefined) =>
  !!full && !!cut && full.title.startsWith(cut.title) && (cut.url === '' || cut.url === full.url);

/**
 * Reconciles two copies of one quote's record (local and sync, or two tabs'
 * writes). Presence: alive while the last save or restore is later than the
 * last removal. Fields: newest clock wins each; savedAt comes with the latest
 * save or restore. Commutative and idempotent, so two browsers that exchange
 * copies end with the same record. It is associative too, except where the
 * prefix rule above applies or a removal drops fields a later restore did not
 * bring back: there, the order copies arrive in can decide which note a
 * browser keeps, as the brief's "keep the longer local note" asks.
 */
export function mergeRecords(a: StoredRecord | undefined, b: StoredRecord | undefined): StoredRecord | undefined {
  if (!a) return b && canonical(b);
  if (!b) return canonical(a);
  if (isTombstone(a) && isTombstone(b)) return canonical(a.removedAt >= b.removedAt ? a : b);
  if (isTombstone(a)) return canonical((b as LiveRecord).liveAt > a.removedAt ? b : a);
  if (isTombstone(b)) return canonical(a.liveAt > b.removedAt ? a : b);
  const note = pick(
    { value: a.note, at: a.noteAt, cut: !!a.noteCut },
    { value: b.note, at: b.noteAt, cut: !!b.noteCut },
    noteText,
    noteExtends,
  );
  const page = pick(
    { value: a.page, at: a.pageAt, cut: !!a.pageCut },
    { value: b.page, at: b.pageAt, cut: !!b.pageCut },
    pageText,
    pageExtends,
  );
  return canonical({
    v: 2,
    quoteId: a.quoteId,
    // When the copy that is alive was saved: a save after a removal starts afresh.
    savedAt: a.liveAt !== b.liveAt ? (a.liveAt > b.liveAt ? a : b).savedAt : Math.min(a.savedAt, b.savedAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    note: note.value,
    noteAt: note.at,
    noteCut: note.cut || undefined,
    page: page.value,
    pageAt: page.at,
    pageCut: page.cut || undefined,
    liveAt: Math.max(a.liveAt, b.liveAt),
  });
}

/**
 * Whether `local` knows something `remote` does not, so a copy holding
 * `remote` should be overwritten. Equal clocks where `remote` is a cut copy of
 * local's text count as known: rewriting them would only trade one cut for
 * another, and two browsers would trade forever.
 */
export function hasNews(local: StoredRecord, remote: StoredRecord | undefined): boolean {
  if (!remote) return true;
  const merged = mergeRecords(local, remote)!;
  if (sameRecord(merged, remote)) return false;
  if (isTombstone(merged) || isTombstone(remote)) return true;
  const same = (x: LiveRecord, y: LiveRecord) =>
    x.savedAt === y.savedAt && x.updatedAt === y.updatedAt && x.liveAt === y.liveAt && x.noteAt === y.noteAt && x.pageAt === y.pageAt;
  if (!same(merged, remote)) return true;
  const noteCovered = merged.note === remote.note || (!!remote.noteCut && noteExtends(merged.note, remote.note));
  const pageCovered = pageText(merged.page) === pageText(remote.page) || (!!remote.pageCut && pageExtends(merged.page, remote.page));
  return !(noteCovered && pageCovered);
}
