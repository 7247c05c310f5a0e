// Values the reading list cannot read are moved aside, never deleted: copied
// to `rl:quarantine:<key>` with the reason, read back, and only then removed
// from where they were. The reader sees them in problems() and decides.
import { jsonCopy, type StorageArea } from './area';
import { QUARANTINE_PREFIX } from './entry';

export interface QuarantineRecord {
  /** Where the value was found, e.g. "rl:v2:some-quote" or "readingList[3]". */
  from: string;
  reason: string;
  /** The value exactly as it was found. */
  value: unknown;
  at: number;
}

export interface QuarantinedProblem extends QuarantineRecord {
  /** The key it now lives under; pass it to dismissProblem(). */
  key: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Copies `value` (found at `from`) to a quarantine key and verifies the copy.
 * A second, different bad value from the same place gets its own key
 * ("…#2") rather than replacing the first. Returns the quarantine key.
 * With `removeFrom`, then removes the original key — but only if it still
 * holds the bad value, so a good value written meanwhile is not lost.
 */
export async function moveAside(
  area: StorageArea,
  from: string,
  value: unknown,
  reason: string,
  at: number,
  removeFrom?: string,
): Promise<string> {
  const record: QuarantineRecord = { from, reason, value: jsonCopy(value), at };
  for (let n = 1; ; n++) {
    const key = QUARANTINE_PREFIX + from + (n > 1 ? `#${n}` : '');
    const existing = (await area.get([key]))[key] as QuarantineRecord | undefined;
    if (existing !== undefined && !(existing?.from === from && same(existing.value, record.value))) continue;
    if (existing === undefined) await area.set({ [key]: record });
    const check = (await area.get([key]))[key] as QuarantineRecord | undefined;
    if (!check || !same(check.value, record.value)) throw new Error(`could not set aside ${from}: the copy did not read back`);
    if (removeFrom !== undefined) {
      const now = (await area.get([removeFrom]))[removeFrom];
      if (now !== undefined && same(now, value)) await area.remove([removeFrom]);
    }
    return key;
  }
}

/** The quarantined values found among all of an area's items. */
export function readQuarantine(all: Record<string, unknown>): QuarantinedProblem[] {
  const found: QuarantinedProblem[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(QUARANTINE_PREFIX)) continue;
    const r = raw as Partial<QuarantineRecord> | null;
    const ok = typeof r === 'object' && r !== null && typeof r.reason === 'string';
    found.push({
      key,
      from: ok && typeof r.from === 'string' ? r.from : key.slice(QUARANTINE_PREFIX.length),
      reason: ok ? r.reason! : 'unreadable quarantine record',
      value: ok ? r.value : raw,
      at: ok && typeof r.at === 'number' ? r.at : 0,
    });
  }
  return found.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}
