// An in-memory storage area for tests (and the Node scripts): behaves like
// browser.storage.local, or like storage.sync with its quotas, rate limits and
// error messages, and can pause inside calls so concurrent callers interleave
// the way 20 tabs do.
import { itemBytes, jsonCopy, SYNC_LIMITS, type StorageArea, type StorageChanges, type SyncLimits } from './area';

export interface MemoryAreaOptions {
  initial?: Record<string, unknown>;
  /**
   * Pause a pseudo-random while inside every call (before reading, before
   * writing), so that one caller's get and set have others' calls between
   * them. 'microtasks' pauses only for microtasks (works under fake timers);
   * true also uses 0–2 ms timeouts.
   */
  interleave?: boolean | 'microtasks';
  /** Seed for the pauses, so a failing interleaving can be replayed. */
  seed?: number;
  /** Enforce storage.sync's limits: true for Chrome's, or some overridden. */
  quota?: true | Partial<SyncLimits>;
  now?: () => number;
}

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class MemoryArea implements StorageArea {
  private data = new Map<string, unknown>();
  private listeners = new Set<(changes: StorageChanges) => void>();
  private readonly rand: () => number;
  private readonly limits?: SyncLimits;
  private readonly now: () => number;
  private failures: { message: string; times: number }[] = [];
  /** When each successful write operation (set or remove call) happened. */
  readonly writeLog: number[] = [];
  /** How many get/set/remove calls were made. */
  calls = { get: 0, set: 0, remove: 0 };

  constructor(private readonly options: MemoryAreaOptions = {}) {
    for (const [key, value] of Object.entries(options.initial ?? {})) this.data.set(key, jsonCopy(value));
    this.rand = random(options.seed ?? 1);
    this.limits = options.quota ? { ...SYNC_LIMITS, ...(options.quota === true ? {} : options.quota) } : undefined;
    this.now = options.now ?? Date.now;
  }

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    this.calls.get++;
    await this.pause();
    const out: Record<string, unknown> = {};
    for (const key of keys ?? this.data.keys()) if (this.data.has(key)) out[key] = jsonCopy(this.data.get(key));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.set++;
    await this.pause();
    this.failIfAsked();
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) if (value !== undefined) next.set(key, jsonCopy(value));
    if (this.limits) this.enforce(items, next);
    this.apply(next);
  }

  async remove(keys: string[]): Promise<void> {
    this.calls.remove++;
    await this.pause();
    this.failIfAsked();
    const next = new Map(this.data);
    for (const key of keys) next.delete(key);
    if (this.limits) this.enforceRate();
    this.apply(next);
  }

  /** Like storage.onChanged.addListener; returns the remover. Fired after the write, asynchronously. */
  onChanged(listener: (changes: StorageChanges) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Makes the next `times` writes throw `message` (as a browser would: quota, offline, …). */
  failWrites(message: string, times = Infinity): void {
    this.failures.push({ message, times });
  }

  /** Stops failing writes. */
  heal(): void {
    this.failures = [];
  }

  /** Everything stored, as plain data. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([key, value]) => [key, jsonCopy(value)]));
  }

  /** Bytes in use, by Chrome's measure. */
  bytesInUse(): number {
    let total = 0;
    for (const [key, value] of this.data) total += itemBytes(key, value);
    return total;
  }

  /** Most write operations within any `windowMs`-long window so far. */
  peakWrites(windowMs: number): number {
    let peak = 0;
    for (let i = 0, j = 0; j < this.writeLog.length; j++) {
      while (this.writeLog[j] - this.writeLog[i] >= windowMs) i++;
      peak = Math.max(peak, j - i + 1);
    }
    return peak;
  }

  private async pause(): Promise<void> {
    const mode = this.options.interleave;
    if (!mode) return;
    const r = this.rand();
    if (mode === true && r < 0.3) {
      await new Promise((resolve) => setTimeout(resolve, Math.floor(this.rand() * 3)));
      return;
    }
    for (let i = Math.floor(r * 6); i > 0; i--) await Promise.resolve();
  }

  private failIfAsked(): void {
    const failure = this.failures[0];
    if (!failure) return;
    if (--failure.times <= 0) this.failures.shift();
    throw new Error(failure.message);
  }

  private enforceRate(): void {
    const limits = this.limits!;
    const now = this.now();
    const within = (ms: number) => this.writeLog.filter((t) => t > now - ms).length;
    if (within(60_000) >= limits.MAX_WRITE_OPERATIONS_PER_MINUTE) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (within(3_600_000) >= limits.MAX_WRITE_OPERATIONS_PER_HOUR) throw new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
  }

  /** Chrome's checks, in its order; a set() that fails writes nothing. */
  private enforce(items: Record<string, unknown>, next: Map<string, unknown>): void {
    const limits = this.limits!;
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > limits.QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    let total = 0;
    for (const [key, value] of next) total += itemBytes(key, value);
    if (total > limits.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    if (next.size > limits.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    this.enforceRate();
  }

  private apply(next: Map<string, unknown>): void {
    const changes: StorageChanges = {};
    for (const key of new Set([...this.data.keys(), ...next.keys()])) {
      const before = this.data.get(key);
      const after = next.get(key);
      if (JSON.stringify(before) !== JSON.stringify(after)) changes[key] = { oldValue: before, newValue: after };
    }
    this.data = next;
    if (this.limits) this.writeLog.push(this.now());
    if (Object.keys(changes).length && this.listeners.size) {
      const listeners = [...this.listeners];
      queueMicrotask(() => listeners.forEach((listener) => listener(jsonCopy(changes))));
    }
  }
}
