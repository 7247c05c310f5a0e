// Serializes the writes to each key within one reading-list instance: a save
// and a note typed at the same moment both read the key, change it and write
// it back, and without a queue the second write would drop the first.

export class KeyedQueue {
  private tails = new Map<string, Promise<void>>();

  /** Runs `task` after every task already queued on any of `keys`. */
  run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const before = keys.map((key) => this.tails.get(key) ?? Promise.resolve());
    const result = Promise.all(before).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    for (const key of keys) {
      this.tails.set(key, tail);
      void tail.then(() => {
        if (this.tails.get(key) === tail) this.tails.delete(key);
      });
    }
    return result;
  }

  /** Resolves once everything queued so far has settled. */
  async idle(): Promise<void> {
    while (this.tails.size) await Promise.all(this.tails.values());
  }
}
