// `virtual:ai-prescreen` for unit tests: the same word lists wxt.config.ts builds
// into the extension, computed from the lexicon when a test imports them.
import { lexicon } from '../../lib/engine-data';
import { prescreenData } from '../../lib/relevance/prescreen-data';

export default prescreenData(lexicon);
