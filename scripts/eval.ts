// npm run eval [-- --verbose]: quality of the engine on the labeled pages.
// tests/pages/dev-* is what the thresholds were tuned on; tests/pages/holdout
// was written separately and only measured.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedEngine } from '../lib/engine-data';
import { readPage } from './lib/read-page';

interface Label {
  file: string;
  lang: string;
  kind: 'ai' | 'not-ai' | 'trap' | 'passing';
  topics: string[];
  note: string;
}

const PAGES = join(import.meta.dirname, '../tests/pages');
const verbose = process.argv.includes('--verbose');
const engine = shippedEngine();

function pct(n: number, d: number): string {
  return d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}% (${n}/${d})`;
}

function evaluate(name: string, folders: string[]): void {
  let ai = 0, aiShown = 0, topical = 0, topicalOn = 0, quiet = 0, quietWrong = 0, passing = 0, passingShown = 0;
  const problems: string[] = [];
  for (const folder of folders) {
    const labels = JSON.parse(readFileSync(join(PAGES, folder, 'labels.json'), 'utf8')) as Label[];
    for (const label of labels) {
      const analysis = engine.analyze(readPage(join(PAGES, folder, label.file)));
      const first = analysis.quotes[0];
      const detail = `v=${analysis.verdict.evidence.toFixed(1)}/${analysis.verdict.density.toFixed(1)}${analysis.verdict.headline ? 'H' : ''}`;
      if (label.kind === 'ai') {
        ai++;
        if (analysis.show) aiShown++;
        else problems.push(`MISSED   ${folder}/${label.file} ${detail} — ${label.note}`);
        if (label.topics.length) {
          topical++;
          const on = !!first && first.quote.tags.some((t) => label.topics.includes(t));
          if (on) topicalOn++;
          else if (first) {
            problems.push(
              `OFFTOPIC ${folder}/${label.file} want [${label.topics}] got ${first.quote.id} [${first.quote.tags}]; page: ${analysis.topics
                .slice(0, 5)
                .map((t) => `${t.id}:${t.weight.toFixed(1)}`)
                .join(' ')}`,
            );
          }
        }
      } else if (label.kind === 'passing') {
        passing++;
        if (analysis.show) {
          passingShown++;
          problems.push(`PASSING  ${folder}/${label.file} ${detail} — ${label.note}`);
        }
      } else {
        quiet++;
        if (analysis.show) {
          quietWrong++;
          problems.push(`FALSE    ${folder}/${label.file} ${detail} [${analysis.topics.slice(0, 3).map((t) => t.terms.join('|'))}] — ${label.note}`);
        }
      }
    }
  }
  console.log(`\n${name} (${folders.join(', ')})`);
  console.log(`  recall, AI pages with a card       ${pct(aiShown, ai)}   bar ≥ 95%`);
  console.log(`  on-topic first remark              ${pct(topicalOn, topical)}   bar ≥ 85%`);
  console.log(`  silent on non-AI and trap pages    ${pct(quiet - quietWrong, quiet)}   bar ≥ 97%`);
  console.log(`  cards on passing mentions          ${pct(passingShown, passing)}   bar ≤ 20%`);
  if (verbose) for (const p of problems) console.log(`    ${p}`);
}

const folders = readdirSync(PAGES).filter((f) => existsSync(join(PAGES, f, 'labels.json')));
const dev = folders.filter((f) => f.startsWith('dev'));
const holdout = folders.filter((f) => !f.startsWith('dev'));
if (dev.length) evaluate('dev set', dev);
if (holdout.length) evaluate('held-out set', holdout);
