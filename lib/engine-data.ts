// The shipped data: the quote pack and the concept lexicon, both validated at
// build time and in the tests (see lib/pack/schema.ts).
import packJson from '../assets/quotes/jiazi-2024-05-28.json';
import lexiconJson from '../assets/lexicon.json';
import type { QuotePack } from './pack/schema';
import type { Lexicon } from './relevance/lexicon';
import { createEngine, type Engine } from './relevance/engine';

export const quotePack = packJson as QuotePack;
export const lexicon = lexiconJson as Lexicon;

let engine: Engine | undefined;
/** The engine over the shipped data, built on first use. */
export function shippedEngine(): Engine {
  return (engine ??= createEngine(quotePack, lexicon));
}
