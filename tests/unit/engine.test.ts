import { describe, expect, it } from 'vitest';
import { quotePack, shippedEngine } from '../../lib/engine-data';
import { searchQuotes } from '../../lib/relevance/search';
import { plainPageText } from '../../lib/extract/plain-text';
import type { PageText } from '../../lib/extract/page-text';

const engine = shippedEngine();

function page(title: string, body: string): PageText {
  return { title, headings: [], body, lang: '', truncated: false };
}

const SCALING_EN = page(
  'Are scaling laws running out of road?',
  `For five years the AI industry has lived by the scaling laws: train a bigger large language model on more data with more compute and it gets better.
Now researchers say the returns are shrinking. Each new frontier model needs exponentially more training data for a few points on benchmarks.
Labs are running out of high-quality text, and synthetic data only goes so far. Some argue LLMs learn far less efficiently than people do.
Critics of scaling say data efficiency, not sheer size, is the missing ingredient for AGI, and that the long tail of rare situations will stay out of reach.`,
);
const SCALING_ZH = page(
  '规模定律失灵了吗？',
  `过去几年，人工智能行业相信规模定律：更大的大模型、更多的数据和算力，就能带来更好的效果。
但越来越多的研究者指出，收益正在递减：每提升几个点，都需要指数级增长的训练数据。
高质量数据快要用完了，合成数据也不能完全解决问题。大模型的数据效率远不如人类，通用人工智能还需要新的突破。`,
);
const SCALING_HANT = page(
  '規模定律失靈了嗎？',
  `過去幾年，人工智慧產業相信規模定律：更大的大型語言模型、更多的資料和算力，就能帶來更好的效果。
但越來越多的研究者指出，收益正在遞減：每提升幾個點，都需要指數級增長的訓練資料。
高品質資料快要用完了，合成資料也不能完全解決問題。大型語言模型的資料效率遠不如人類。`,
);
const SCALING_MIXED = page(
  '聊聊scaling law的尽头',
  `最近和几个做LLM的朋友聊scaling law。大家的共识是，pretraining的收益在变小，data wall已经很明显了。
用指数级的数据换几个点的benchmark提升，性价比越来越低。很多人开始押注synthetic data和test-time compute。
我个人觉得data efficiency才是通往AGI的关键，光靠堆数据堆算力是不够的。`,
);

describe('cross-lingual ranking', () => {
  for (const [name, p] of [
    ['English', SCALING_EN],
    ['Simplified Chinese', SCALING_ZH],
    ['Traditional Chinese', SCALING_HANT],
    ['mixed Chinese-English', SCALING_MIXED],
  ] as const) {
    it(`finds his scaling-law remark for a ${name} page about the limits of scaling`, () => {
      const analysis = engine.analyze(p);
      expect(analysis.show).toBe(true);
      expect(analysis.quotes).toHaveLength(3);
      expect(analysis.quotes[0].quote.tags).toContain('scaling-law');
      expect(analysis.quotes[0].concepts).toContain('scaling-law');
      expect(analysis.confidence).toBeGreaterThan(0.3);
    });
  }

  it('ranks a self-driving page to his self-driving remarks', () => {
    const analysis = engine.analyze(
      page(
        'Robotaxis still stumble on rare edge cases',
        `Waymo and other self-driving companies have logged millions of driverless miles, yet their autonomous vehicles keep failing on corner cases.
The machine learning models behind autonomous driving need ever more data for each rare situation, and a car that is right 99% of the time is not safe enough.
Engineers at one robotaxi company said their neural networks had seen plenty of ordinary traffic but almost no examples of a mattress falling off a truck.
Collecting such data takes years of driving, which is why some teams now train their AI models in simulation instead.
Regulators in California want the self-driving industry to publish how often a human has to take over.`,
      ),
    );
    expect(analysis.show).toBe(true);
    expect(analysis.quotes[0].quote.tags).toContain('self-driving');
  });
});

describe('is this page about AI?', () => {
  const quiet: [string, PageText][] = [
    ['an Air India flight notice', page('Air India AI 183 diverted to Krasnoyarsk', 'Air India flight AI 183 from Delhi to San Francisco was diverted. Passengers on AI 183 were given meals. The airline said AI 184, the return flight, is rescheduled. Air India apologised.')],
    ['an Illustrator file how-to', page('How to open AI files without Illustrator', 'An AI file is a vector file created by Adobe Illustrator. You can convert AI to SVG or PDF. Save your logo as AI, EPS and SVG. Open the .ai file in Inkscape.')],
    ['a Transformers film review', page('Transformers: Rise of the Beasts review', 'Optimus Prime returns as the Transformers battle the Terrorcons. The Autobots and Maximals team up. The transformers look great in IMAX, and Bumblebee steals every scene.')],
    ['a llama farm', page('Caring for llamas in winter', 'Llamas need shelter from wind. Feed your llama hay and check its fleece. Alpacas and llamas are herd animals; never keep a single llama alone.')],
    ['a Gemini horoscope', page('Gemini weekly horoscope', 'Gemini, this week Mercury brings news. Geminis should rest on Tuesday. Your ruling planet favours talks; Gemini love life warms up.')],
    ['a human-rights report that spells AI out as Amnesty International', page('AI report: 340 held without charge after protests', 'Amnesty International (AI) said on Tuesday that at least 340 people were held without charge after the protests. AI researchers interviewed 58 former detainees. AI called on the government to release everyone still held. The AI report also documents beatings in two detention centres.')],
    ['a passing ChatGPT mention in a long travel blog', page('Ten days in Portugal', `${'We walked the old town of Lisbon, ate pastel de nata and took the tram up the hill to the castle. '.repeat(40)}I asked ChatGPT for a restaurant tip once and it made one up. ${'Porto was next: port cellars, the river and the bridge at sunset. '.repeat(40)}`)],
  ];
  for (const [name, p] of quiet) {
    it(`stays silent on ${name}`, () => {
      const analysis = engine.analyze(p);
      expect(analysis.show).toBe(false);
      expect(analysis.quotes).toEqual([]);
    });
  }

  // A review of something else with one section on its AI: dense there, absent from the rest.
  const driving = [
    'The driver-assistance system handles highway lanes well: its lidar and the neural network behind it read merges early.',
    'The large language model in the voice assistant understands follow-up questions, and the autonomous driving mode hands back control smoothly.',
  ].join('\n');
  const car = (line: number) =>
    Array.from({ length: 12 }, (_, i) =>
      i === line ? driving : 'The cabin is quiet at motorway speeds, the seats are firm and supportive, and the boot swallows two large suitcases with room to spare.',
    ).join('\n');

  it('stays silent on a car review whose one section is about its driver assistance', () => {
    expect(engine.analyze(page('Long-term test: the family SUV after 10,000 miles', car(5))).show).toBe(false);
  });

  it('still shows a card when the same AI talk runs through the page, or its title is about AI', () => {
    const throughout = car(5).split('\n').map((line, i) => (i % 4 === 0 ? `${line}\n${driving}` : line)).join('\n');
    expect(engine.analyze(page('Long-term test: the family SUV after 10,000 miles', throughout)).show).toBe(true);
    expect(engine.analyze(page('How good is self-driving AI in a family SUV?', car(5))).show).toBe(true);
  });

  it('reads a plain-text page with its first line as the title', () => {
    const p = plainPageText('Scaling laws are hitting a wall\n\n' + SCALING_EN.body);
    expect(p.title).toBe('Scaling laws are hitting a wall');
    expect(engine.analyze(p).show).toBe(true);
  });
});

describe('adjusting ranks', () => {
  it('lets a remark marked not relevant fall below the others', () => {
    const first = engine.analyze(SCALING_EN).quotes[0].quote.id;
    const again = engine.analyze(SCALING_EN, { adjust: new Map([[first, 0.2]]) });
    expect(again.quotes[0].quote.id).not.toBe(first);
  });
});

describe('search as you type', () => {
  const sectionOf = (quote: { answer: string }) => quotePack.answers.find((a) => a.id === quote.answer)!.section;

  it('finds Chinese-only wording from an English query through the lexicon', () => {
    const hits = searchQuotes(engine.index, engine.lexicon, 'self-driving', sectionOf);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].quote.tags).toContain('self-driving');
  });

  it('tolerates a typo and a half-typed word in Latin script', () => {
    expect(searchQuotes(engine.index, engine.lexicon, 'interpretabilty', sectionOf)[0]?.quote.tags).toContain('interpretability');
    expect(searchQuotes(engine.index, engine.lexicon, 'scal', sectionOf).length).toBeGreaterThan(0);
  });

  it('filters by section and by topic', () => {
    const bySection = searchQuotes(engine.index, engine.lexicon, 'AI', sectionOf, { section: 'endgame' });
    expect(bySection.length).toBeGreaterThan(0);
    expect(bySection.every((h) => sectionOf(h.quote) === 'endgame')).toBe(true);
    const byTag = searchQuotes(engine.index, engine.lexicon, 'data', sectionOf, { tag: 'synthetic-data' });
    expect(byTag.length).toBeGreaterThan(0);
    expect(byTag.every((h) => h.quote.tags.includes('synthetic-data'))).toBe(true);
  });
});

describe('what the page is about', () => {
  const topicIds = (p: PageText) => engine.analyze(p).topics.map((t) => t.id);

  it('does not count a topic named by one ordinary word, such as a company called "… Labs", as much as one named several ways', () => {
    const release = page(
      'Orchard Labs releases Pip-3, a small language model for phones',
      `Orchard Labs today released Pip-3, a small language model with 3 billion parameters that runs on a phone.
Orchard Labs says the model scores well on benchmarks such as MMLU while answering in under a second.
The lab trained it on licensed data, and the lab's chief executive said Orchard Labs would release the weights next month.
Inference runs on the device, so the large language model never sends user data to a server. Orchard Labs was founded in 2021; the lab has offices in Austin.`,
    );
    // About a language model and its release; the lab's name, six times, comes after.
    expect(topicIds(release).slice(0, 3)).toEqual(['llm', 'model-releases', 'research-teams']);

    const reorg = page(
      'Inside the AI lab reorganization',
      `The company's AI research team is being split in two. Each research group will have a smaller headcount, and
several core contributors have left in the reorg, poached by rivals in the talent war over large language model researchers.
Big teams move slowly, one research scientist said; a small team can bet on an idea the large team would never fund.`,
    );
    expect(topicIds(reorg)[0]).toBe('research-teams');
  });
});
