// npm run eval [-- --verbose]: quality of the engine on the labeled pages.
// tests/pages/dev-* is what the lexicon and thresholds were tuned on;
// tests/pages/holdout was written separately and is only measured.
import { shippedEngine } from '../lib/engine-data';
import { evaluate, labeledFolders, rate, type Ratio } from './lib/evaluate';

const verbose = process.argv.includes('--verbose');
const engine = shippedEngine();

function pct(r: Ratio): string {
  return r.of === 0 ? '  n/a' : `${(100 * rate(r)).toFixed(1).padStart(5)}% (${r.hits}/${r.of})`;
}

const { dev, holdout } = labeledFolders();
for (const [name, folders] of [['dev set', dev], ['held-out set', holdout]] as const) {
  if (folders.length === 0) continue;
  const q = evaluate(engine, folders);
  console.log(`\n${name} (${folders.join(', ')})`);
  console.log(`  recall: AI pages with a card          ${pct(q.recall)}   bar ≥ 95%`);
  console.log(`  first remark on the page's topic     ${pct(q.onTopic)}   bar ≥ 85%`);
  console.log(`  silent on non-AI and trap pages      ${pct(q.silent)}   bar ≥ 97%`);
  console.log(`  cards on passing mentions            ${pct(q.passingCards)}   bar ≤ 20%`);
  if (verbose) for (const p of q.problems) console.log(`    ${p}`);
}
