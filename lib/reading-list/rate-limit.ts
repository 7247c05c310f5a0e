// Counts storage.sync write operations (each set() or remove() call is one,
// whatever it holds) in sliding windows, so flushes wait instead of hitting
// MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR.

export interface Window {
  ms: number;
  max: number;
}

export class WriteBudget {
  private log: number[] = [];

  constructor(private readonly windows: Window[]) {}

  /** How long to wait (ms) before `ops` more writes fit every window; 0 if they fit now. */
  waitFor(ops: number, now: number): number {
    let wait = 0;
    for (const { ms, max } of this.windows) {
      const recent = this.log.filter((t) => t > now - ms);
      if (ops > max) return Infinity;
      if (recent.length + ops <= max) continue;
      // The oldest writes that must leave the window first.
      const leaving = recent[recent.length + ops - max - 1];
      wait = Math.max(wait, leaving + ms - now + 1);
    }
    return wait;
  }

  record(ops: number, now: number): void {
    for (let i = 0; i < ops; i++) this.log.push(now);
    const longest = Math.max(...this.windows.map((w) => w.ms));
    this.log = this.log.filter((t) => t > now - longest);
  }
}
