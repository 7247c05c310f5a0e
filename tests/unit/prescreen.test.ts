// The pre-screen (lib/relevance/prescreen.ts, prescreen-data.ts) may only rule out pages the
// engine would turn down: checked here on every evidence term written the ways a page may
// write it, and in Chromium on every labeled page as the first look reads it
// (tests/e2e/first-look.test.ts), where it must also rule out most ordinary pages.
import { describe, expect, it } from 'vitest';
import { lexicon, shippedEngine } from '../../lib/engine-data';
import { plainPageText } from '../../lib/extract/plain-text';
import { compilePrescreen, stemText } from '../../lib/relevance/prescreen';
import { stemWord } from '../../lib/text/stem';
import { hanScanSource, prescreenData } from '../../lib/relevance/prescreen-data';

const mayBeAboutAi = compilePrescreen(prescreenData(lexicon));
const engine = shippedEngine();

describe('the pre-screen', () => {
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

  it('stems every word of a text as the engine stems one word', () => {
    const words = 'ai ais gans laws law bias buses glass class classes virus status this is its gps 3ds cities ties pies studies series llms transformers dies x s'.split(' ');
    expect(stemText(words.join(' ')).split(' ')).toEqual(words.map(stemWord));
    expect(stemText('llms, transformers.cities')).toBe('llm, transformer.city');
    // Every word the pre-screen splits out, however long, and whatever sits around it.
    const tricky = 'iesies xies ies abies sss usus asks 3d5s a1bs models2s'.split(' ');
    expect(stemText(tricky.join(' ')).split(' ')).toEqual(tricky.map(stemWord));
    expect(stemText('cafés naïves über-agents «models»')).toBe('cafés naïves über-agent «model»');
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
    const han = '机:器学 模:型 脑:';
    const screen = compilePrescreen({ exact: '', initials: '', words: '', starts: '', han, hanScan: hanScanSource(han) });
    expect(screen('我们在讨论机器学习')).toBe(true);
    expect(screen('新模型发布')).toBe(true);
    expect(screen('大脑')).toBe(true);
    expect(screen('机器人和模具')).toBe(false); // 机器 and 模 alone start nothing
    expect(screen('今天去看机器')).toBe(false); // the text ends inside a start
    expect(screen('机器，学')).toBe(false); // punctuation between
    expect(screen('机机器学')).toBe(true); // a start after a false one on the same character
    expect(screen('模型')).toBe(true); // each page is searched from its start, whatever the last one found
    expect(screen('脑')).toBe(true);
  });
});
