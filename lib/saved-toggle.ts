// Save / Unsave as one button. Unsaving removes the entry, note included; if the
// reader changes their mind before the page closes, saving again puts back the
// entry exactly as it was (restore) instead of starting an empty one.
import type { Entry, PageRef, ReadingList } from './reading-list';

export type ToggleableList = Pick<ReadingList, 'get' | 'save' | 'unsave' | 'restore'>;

export interface SavedToggle {
  /** Saves the remark (recording `page` as where it was met) or, if saved, removes it. Returns whether it is saved now. */
  toggle(quoteId: string, page?: PageRef): Promise<boolean>;
}

export function savedToggle(list: ToggleableList): SavedToggle {
  const removed = new Map<string, Entry>();
  return {
    async toggle(quoteId, page) {
      if (await list.get(quoteId)) {
        const entry = await list.unsave(quoteId);
        if (entry) removed.set(quoteId, entry);
        return false;
      }
      const before = removed.get(quoteId);
      removed.delete(quoteId);
      if (before) await list.restore(before);
      else await list.save(quoteId, page);
      return true;
    },
  };
}
