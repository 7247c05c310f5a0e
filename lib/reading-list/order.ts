// Orders for the list. The UI passes one of these (or its own) to list().
import type { QuotePack, Section } from '../pack/schema';
import type { Entry } from './entry';

export type EntryOrder = (a: Entry, b: Entry) => number;

/** Most recently saved first: the default. */
export const newestFirst: EntryOrder = (a, b) => b.savedAt - a.savedAt || a.quoteId.localeCompare(b.quoteId);

/** The section a quote belongs to, through its answer. */
export function sectionOf(pack: QuotePack, quoteId: string): Section | undefined {
  const quote = pack.quotes.find((q) => q.id === quoteId);
  const answer = quote && pack.answers.find((a) => a.id === quote.answer);
  return answer && pack.sections.find((s) => s.id === answer.section);
}

/** In the interview's order: by section, then by the quote's place in the pack. Quotes the pack lacks go last. */
export function packOrder(pack: QuotePack): EntryOrder {
  const rank = new Map<string, [number, number]>();
  pack.quotes.forEach((quote, i) => rank.set(quote.id, [sectionOf(pack, quote.id)?.number ?? Infinity, i]));
  const last: [number, number] = [Infinity, Infinity];
  return (a, b) => {
    const [sa, ia] = rank.get(a.quoteId) ?? last;
    const [sb, ib] = rank.get(b.quoteId) ?? last;
    return sa - sb || ia - ib || newestFirst(a, b);
  };
}
