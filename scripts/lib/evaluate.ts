// Scores the engine against the labeled pages in tests/pages/*/labels.json.
// Shared by `npm run eval` (prints) and tests/unit/quality.test.ts (asserts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../lib/relevance/engine';
import { readPage } from './read-page';

export interface Label {
  file: string;
  lang: string;
  kind: 'ai' | 'not-ai' | 'trap' | 'passing';
  topics: string[];
  note: string;
}

export interface Ratio {
  hits: number;
  of: number;
}

export interface Quality {
  /** AI pages that got a card. */
  recall: Ratio;
  /** AI pages with labeled topics whose first remark is on one of them. */
  onTopic: Ratio;
  /** Non-AI and trap pages left alone. */
  silent: Ratio;
  /** Passing-mention pages that got a card. */
  passingCards: Ratio;
  problems: string[];
}

export const PAGES_DIR = join(import.meta.dirname, '../../tests/pages');

export function labeledFolders(): { dev: string[]; holdout: string[] } {
  const folders = readdirSync(PAGES_DIR).filter((f) => existsSync(join(PAGES_DIR, f, 'labels.json')));
  return { dev: folders.filter((f) => f.startsWith('dev')), holdout: folders.filter((f) => !f.startsWith('dev')) };
}

export function evaluate(engine: Engine, folders: string[]): Quality {
  const q: Quality = {
    recall: { hits: 0, of: 0 },
    onTopic: { hits: 0, of: 0 },
    silent: { hits: 0, of: 0 },
    passingCards: { hits: 0, of: 0 },
    problems: [],
  };
  for (const folder of folders) {
    const labels = JSON.parse(readFileSync(join(PAGES_DIR, folder, 'labels.json'), 'utf8')) as Label[];
    for (const label of labels) {
      const analysis = engine.analyze(readPage(join(PAGES_DIR, folder, label.file)));
      const where = `${folder}/${label.file}`;
      const v = analysis.verdict;
      const detail = `evidence ${v.evidence.toFixed(1)}, density ${v.density.toFixed(1)}${v.headline ? ', headline' : ''}`;
      if (label.kind === 'ai') {
        q.recall.of++;
        if (analysis.show) q.recall.hits++;
        else q.problems.push(`MISSED   ${where} (${detail}) — ${label.note}`);
        if (label.topics.length === 0) continue;
        q.onTopic.of++;
        const first = analysis.quotes[0];
        if (first?.quote.tags.some((t) => label.topics.includes(t))) q.onTopic.hits++;
        else if (first) {
          const page = analysis.topics.slice(0, 5).map((t) => `${t.id}:${t.weight.toFixed(1)}`).join(' ');
          q.problems.push(`OFFTOPIC ${where} wants [${label.topics}], got ${first.quote.id} [${first.quote.tags}]; page ${page}`);
        }
      } else if (label.kind === 'passing') {
        q.passingCards.of++;
        if (analysis.show) {
          q.passingCards.hits++;
          q.problems.push(`PASSING  ${where} (${detail}) — ${label.note}`);
        }
      } else {
        q.silent.of++;
        if (!analysis.show) q.silent.hits++;
        else q.problems.push(`FALSE    ${where} (${detail}) — ${label.note}`);
      }
    }
  }
  return q;
}

export function rate({ hits, of }: Ratio): number {
  return of === 0 ? NaN : hits / of;
}
