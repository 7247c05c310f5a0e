// The pre-screen (lib/relevance/prescreen.ts, prescreen-data.ts) may only rule out pages the
// engine would turn down: checked on every labeled page and on every evidence
// term written the ways a page may write it. And it must rule out most
// ordinary pages, or it saves nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { lexicon, shippedEngine } from '../../lib/engine-data';
import { firstLookText } from '../../extension/content/page-screen';
import { extractPageText } from '../../lib/extract/page-text';
import { plainPageText } from '../../lib/extract/plain-text';
import { compilePrescreen } from '../../lib/relevance/prescreen';
import { prescreenData } from '../../lib/relevance/prescreen-data';
import { PAGES_DIR, labeledFolders, type Label } from '../../scripts/lib/evaluate';

const mayBeAboutAi = compilePrescreen(prescreenData(lexicon));
// `raw`: what the first look reads (the head and the opening of the body).
const engine = shippedEngine();

const pages = [...labeledFolders().dev, ...labeledFolders().holdout].flatMap((folder) =>
  (JSON.parse(readFileSync(join(PAGES_DIR, folder, 'labels.json'), 'utf8')) as Label[]).map((label) => {
    const source = readFileSync(join(PAGES_DIR, folder, label.file), 'utf8');
    if (label.file.endsWith('.txt')) return { name: label.file, label, page: plainPageText(source), raw: source };
    const { document } = parseHTML(source);
    const doc = document as unknown as Document;
    return { name: label.file, label, page: extractPageText(doc), raw: firstLookText(doc) };
  }),
);

describe('the pre-screen', () => {
  it('lets through every labeled page the engine calls about AI', () => {
    const accepted = pages.filter((p) => engine.analyze(p.page).verdict.about);
    expect(accepted.length).toBeGreaterThan(80);
    expect(accepted.filter((p) => !mayBeAboutAi(p.raw)).map((p) => p.name)).toEqual([]);
  });

  it('rules out most pages that are not about AI, so they cost almost nothing', () => {
    const ordinary = pages.filter((p) => p.label.kind === 'not-ai');
    expect(ordinary.length).toBeGreaterThan(20);
    const ruledOut = ordinary.filter((p) => !mayBeAboutAi(p.raw));
    expect(ruledOut.length / ordinary.length).toBeGreaterThanOrEqual(0.8);
  });

  it('finds every evidence term as written, in capitals, plural, Traditional and run into its neighbours', () => {
    const missed: string[] = [];
    for (const concept of lexicon.concepts.filter((c) => c.aiSignal > 0)) {
      for (const term of [...concept.terms.en, ...concept.terms.zh]) {
        const plural = /[a-z]$/.test(term) ? (term.endsWith('y') ? `${term.slice(0, -1)}ies` : `${term}s`) : term;
        for (const text of [term, `News ${term} today`, `Latest${term}`, `${term.toUpperCase()} NEWS`, `The ${plural} are here`]) {
          // Only texts the engine itself counts: capitals change acronyms' meaning, not every word's.
          if (engine.analyze(plainPageText(`${text}. ${text}. ${text}.`)).verdict.evidence === 0) continue;
          if (!mayBeAboutAi(text)) missed.push(`${term} ⟶ ${text}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('knows Traditional characters and full-width letters', () => {
    expect(mayBeAboutAi('這篇文章談人工智慧與大型語言模型')).toBe(true);
    expect(mayBeAboutAi('ＯｐｅｎＡＩ發布了新模型')).toBe(true);
    expect(mayBeAboutAi('今天的红烧肉做法很简单')).toBe(false);
  });

  it('finds initials written with stops, only where the letters follow each other', () => {
    expect(mayBeAboutAi('Newsrooms weigh what A.I. tools can do for them.')).toBe(true);
    expect(mayBeAboutAi('Newsrooms weigh what A. I. tools can do.')).toBe(true);
    expect(mayBeAboutAi('A council report, I am told, is due.')).toBe(false);
  });

  it('does not mistake ordinary words for acronyms', () => {
    expect(mayBeAboutAi('SAID THE MAIN ROAD IS CLOSED. Flight AI 183 is late? Said Mr A. Ionescu.')).toBe(true); // "AI 183" is still an AI token; the engine rules it out
    expect(mayBeAboutAi('She said the main road is closed for maintenance until May.')).toBe(false);
  });

  it('finds Chinese starts of one, two and three characters anywhere in a run, and only whole', () => {
    const screen = compilePrescreen({ exact: '', initials: '', words: '', starts: '', han: '机器学 模型 脑' });
    expect(screen('我们在讨论机器学习')).toBe(true);
    expect(screen('新模型发布')).toBe(true);
    expect(screen('大脑')).toBe(true);
    expect(screen('机器人和模具')).toBe(false); // 机器 and 模 alone start nothing
    expect(screen('今天去看机器')).toBe(false); // the text ends inside a start
    expect(screen('机器，学')).toBe(false); // punctuation between
  });
});
