// npm run --silent match -- FILE... : one JSON line per file, in order, with
// the decision the extension would make on that page.
import { shippedEngine } from '../lib/engine-data';
import { PageError, readPage } from './lib/read-page';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent match -- FILE... (.html or .txt; - for standard input)\n');
  process.exit(2);
}

const engine = shippedEngine();
let failed = false;
for (const file of files) {
  try {
    const analysis = engine.analyze(readPage(file));
    const labels = new Map(engine.lexicon.concepts.map((c) => [c.id, c.label.en]));
    process.stdout.write(
      JSON.stringify({
        file,
        show: analysis.show,
        terms: (analysis.quotes[0]?.concepts ?? []).map((id) => labels.get(id) ?? id),
        quotes: analysis.quotes.map(({ quote, score }) => ({
          id: quote.id,
          zh: quote.zh,
          en: quote.en,
          score: Math.round(score * 1000) / 1000,
        })),
      }) + '\n',
    );
  } catch (error) {
    failed = true;
    const message = error instanceof PageError ? error.message : `failed: ${(error as Error).message}`;
    process.stderr.write(`match: ${file}: ${message}\n`);
    process.stdout.write(JSON.stringify({ file, error: message }) + '\n');
  }
}
process.exit(failed ? 1 : 0);
