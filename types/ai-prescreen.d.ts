// Built by wxt.config.ts from assets/lexicon.json (lib/relevance/prescreen.ts).
declare module 'virtual:ai-prescreen' {
  import type { PrescreenData } from '../lib/relevance/prescreen';
  const data: PrescreenData;
  export default data;
}
