// Schema versions of the reading list in local storage, and the steps from
// each earlier one to the current one.
//
//   v0: nothing stored (a fresh install).
//   v1: the whole list as one array under "readingList": [{ id, savedAt }].
//       One shared array meant every save was read-modify-write of it, so two
//       tabs saving at once lost one save. That is why v2 exists.
//   v2: one key per entry, "rl:v2:<quoteId>" (entry.ts), and "rl:meta": { version: 2 }.
//
// A migration writes the new entries, reads them back, and only then removes
// the old data, so a crash at any point leaves something a later run can finish;
// every step is a merge, so running it again changes nothing.
import type { StorageArea } from './area';
import {
  checkRecord,
  ENTRY_PREFIX,
  entryKey,
  FORMAT_VERSION,
  isQuoteId,
  mergeRecords,
  META_KEY,
  sameRecord,
  V1_KEY,
  type LiveRecord,
  type StoredRecord,
} from './entry';

export const CURRENT_VERSION = FORMAT_VERSION;

export interface MigrationHost {
  local: StorageArea;
  now(): number;
  /** Merges records into their keys (through the write queue). */
  mergeIn(records: StoredRecord[]): Promise<void>;
  /** quarantine.moveAside bound to local storage. */
  moveAside(from: string, value: unknown, reason: string, removeFrom?: string): Promise<string>;
}

export interface MigrationReport {
  /** The version found in storage; 0 for nothing stored. */
  from: number;
  /** The version storage is in now. Greater than CURRENT_VERSION means a newer extension wrote it: nothing was touched. */
  to: number;
  migrated: number;
  setAside: number;
}

interface Migration {
  from: number;
  to: number;
  run(host: MigrationHost, all: Record<string, unknown>): Promise<{ migrated: number; setAside: number }>;
}

const MIGRATIONS: Migration[] = [
  { from: 0, to: 2, run: async () => ({ migrated: 0, setAside: 0 }) },
  { from: 1, to: 2, run: migrateV1 },
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function migrateV1(host: MigrationHost, all: Record<string, unknown>) {
  const raw = all[V1_KEY];
  let list: unknown = raw;
  if (typeof list === 'string') {
    try {
      list = JSON.parse(list);
    } catch {
      list = undefined;
    }
  }
  if (!Array.isArray(list)) {
    // Not a list we can read: keep it whole, aside, for the reader to see.
    await host.moveAside(V1_KEY, raw, `v1 reading list: expected an array of { id, savedAt }, found ${typeof raw}`, V1_KEY);
    return { migrated: 0, setAside: 1 };
  }

  const records = new Map<string, LiveRecord>();
  const bad: { from: string; value: unknown; reason: string }[] = [];
  list.forEach((item: unknown, i) => {
    const from = `${V1_KEY}[${i}]`;
    const { id, savedAt } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    let reason: string | undefined;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) reason = 'expected an object { id, savedAt }';
    else if (!isQuoteId(id)) reason = id === undefined ? 'missing field id' : `id: ${JSON.stringify(id)} is not a kebab-case quote id`;
    else if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || savedAt < 0) {
      reason = savedAt === undefined ? 'missing field savedAt' : `savedAt: expected a time in ms, found ${JSON.stringify(savedAt)}`;
    }
    if (reason) {
      bad.push({ from, value: item, reason: `v1 reading list: ${reason}` });
      return;
    }
    const t = savedAt as number;
    const record: LiveRecord = { v: 2, quoteId: id as string, savedAt: t, updatedAt: t, note: '', noteAt: t, pageAt: t, liveAt: t };
    // Saved twice: the first save is when the reader saved it.
    const earlier = records.get(record.quoteId);
    if (!earlier || t < earlier.savedAt) records.set(record.quoteId, record);
  });

  await host.mergeIn([...records.values()]);

  // Read back: each key must now hold the migrated record or something newer.
  const keys = [...records.keys()].map(entryKey);
  const back = keys.length ? await host.local.get(keys) : {};
  for (const record of records.values()) {
    const key = entryKey(record.quoteId);
    const stored = checkRecord(key, back[key]);
    if (!stored.ok || !sameRecord(mergeRecords(stored.value, record), stored.value)) {
      throw new Error(`reading list migration v1→v2: ${key} did not read back; the v1 list is kept`);
    }
  }
  for (const b of bad) await host.moveAside(b.from, b.value, b.reason);

  // Remove the v1 list only if it is still the list we migrated.
  const now = (await host.local.get([V1_KEY]))[V1_KEY];
  if (now !== undefined && same(now, raw)) await host.local.remove([V1_KEY]);
  return { migrated: records.size, setAside: bad.length };
}

/** The version storage is in, from the meta record or, failing that, from what is there. */
async function storedVersion(host: MigrationHost, all: Record<string, unknown>): Promise<number> {
  const meta = all[META_KEY];
  let version: number | undefined;
  if (meta !== undefined) {
    const v = (meta as { version?: unknown } | null)?.version;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) version = v;
    else await host.moveAside(META_KEY, meta, 'reading list meta record: expected { version: <integer> }', META_KEY);
  }
  if (version !== undefined && version > CURRENT_VERSION) return version;
  // The v1 list is still there: either never migrated or a migration that
  // stopped before its last step. Both finish by running v1→v2 again.
  if (all[V1_KEY] !== undefined) return 1;
  if (version !== undefined) return version;
  return Object.keys(all).some((key) => key.startsWith(ENTRY_PREFIX)) ? 2 : 0;
}

/** Brings local storage to CURRENT_VERSION. Safe to run on every start and from several tabs at once. */
export async function migrate(host: MigrationHost): Promise<MigrationReport> {
  const all = await host.local.get(null);
  const from = await storedVersion(host, all);
  const report: MigrationReport = { from, to: from, migrated: 0, setAside: 0 };
  if (from > CURRENT_VERSION) return report;
  while (report.to < CURRENT_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === report.to);
    if (!step) throw new Error(`no reading list migration from v${report.to}`);
    const done = await step.run(host, all);
    report.migrated += done.migrated;
    report.setAside += done.setAside;
    report.to = step.to;
  }
  const meta = (await host.local.get([META_KEY]))[META_KEY] as { version?: unknown } | undefined;
  if (meta?.version !== CURRENT_VERSION) await host.local.set({ [META_KEY]: { version: CURRENT_VERSION } });
  return report;
}
