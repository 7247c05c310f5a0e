// npm run explain -- FILE: why the engine decided what it did on one page
// (verdict, page concepts with the words found, top remarks with scores).
// A tuning aid for the lexicon and the thresholds.
import { shippedEngine } from '../lib/engine-data';
import { readPage } from './lib/read-page';

const engine = shippedEngine();
for (const file of process.argv.slice(2)) {
  const analysis = engine.analyze(readPage(file), { limit: 6 });
  const v = analysis.verdict;
  console.log(`\n${file}\n  about AI: ${v.about}  evidence ${v.evidence.toFixed(2)}  density ${v.density.toFixed(2)}  spread ${v.spread.toFixed(2)}  headline ${v.headline}`);
  for (const topic of analysis.topics.slice(0, 10)) {
    const signal = engine.lexicon.concepts.find((c) => c.id === topic.id)!.aiSignal;
    console.log(`  ${topic.weight.toFixed(2).padStart(6)}  ${topic.id.padEnd(26)} ai=${signal}  ${topic.terms.join(' | ')}`);
  }
  for (const r of analysis.quotes) {
    console.log(`  → ${r.score.toFixed(2).padStart(6)}  ${r.quote.id.padEnd(36)} [${r.quote.tags}] why ${r.concepts}`);
  }
}
