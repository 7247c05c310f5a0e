import { describe, expect, it } from 'vitest';
import { citationLine, escapeMarkdown, formatCitation, TRANSLATION_LABEL } from '../../lib/citation';
import { quotePack } from '../../lib/engine-data';
import type { RemarkView } from '../../lib/messages';

const source = quotePack.source;

function remark(overrides: Partial<RemarkView> = {}): RemarkView {
  return {
    id: 'scaling-law-pessimistic-future',
    zh: 'scaling law代表一个非常悲观的未来。',
    en: 'Scaling law represents a very pessimistic future.',
    section: { number: 2, zh: '谈判断', en: 'On judgement' },
    question: { zh: '你怎么看scaling law？', en: 'What do you make of scaling law?' },
    answer: { zh: '……', en: '...' },
    why: [],
    score: 1,
    ...overrides,
  };
}

const TITLE_ZH = '《甲小姐对话田渊栋:Scaling law代表一个非常悲观的未来》';
const TITLE_EN = 'Miss Jia in Conversation with Tian Yuandong: Scaling Law Represents a Very Pessimistic Future';

describe('formatCitation: text', () => {
  const text = formatCitation(remark(), source, 'text');

  it('is the Chinese remark, the English marked as a translation, then the full citation', () => {
    expect(text).toBe(
      [
        '“scaling law代表一个非常悲观的未来。”',
        '',
        'English translation: “Scaling law represents a very pessimistic future.”',
        '',
        `— 田渊栋 (Tian Yuandong), ${TITLE_ZH} / "${TITLE_EN}", 甲子光年 (Jiazi Guangnian), 2024-05-28, section "2. 谈判断 / On judgement"`,
      ].join('\n'),
    );
  });

  it('has every part of the citation', () => {
    for (const part of [
      'scaling law代表一个非常悲观的未来。',
      `${TRANSLATION_LABEL}: “Scaling law represents a very pessimistic future.”`,
      '田渊栋 (Tian Yuandong)',
      TITLE_ZH,
      TITLE_EN,
      '甲子光年 (Jiazi Guangnian)',
      '2024-05-28',
      'section "2. 谈判断 / On judgement"',
    ]) {
      expect(text).toContain(part);
    }
    // The Chinese original comes before the translation, the citation last.
    expect(text.indexOf('悲观')).toBeLessThan(text.indexOf('pessimistic'));
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^— 田渊栋/);
  });

  it('follows the remark and its section', () => {
    const other = formatCitation(
      remark({ zh: '还是要做一些独一无二的工作', en: 'You still have to do work that is one of a kind', section: { number: 3, zh: '谈选择', en: 'On choices' } }),
      source,
      'text',
    );
    expect(other).toContain('“还是要做一些独一无二的工作”');
    expect(other).toContain('section "3. 谈选择 / On choices"');
    expect(other).not.toContain('谈判断');
  });
});

describe('formatCitation: markdown', () => {
  const md = formatCitation(remark(), source, 'markdown');

  it('is a blockquote of the remark and its translation, with the citation below it', () => {
    expect(md).toBe(
      [
        '> scaling law代表一个非常悲观的未来。',
        '>',
        '> *English translation:* Scaling law represents a very pessimistic future.',
        '',
        `— 田渊栋 (Tian Yuandong), ${TITLE_ZH} / *${TITLE_EN}*, 甲子光年 (Jiazi Guangnian), 2024-05-28, section "2. 谈判断 / On judgement"`,
      ].join('\n'),
    );
  });

  it('keeps the citation out of the blockquote and every quoted line inside it', () => {
    const lines = md.split('\n');
    const blank = lines.indexOf('');
    expect(blank).toBeGreaterThan(0);
    expect(lines.slice(0, blank).every((l) => l.startsWith('>'))).toBe(true);
    expect(lines.slice(blank + 1).some((l) => l.startsWith('>'))).toBe(false);
    const citation = lines.slice(blank + 1).join('\n');
    for (const part of ['田渊栋 (Tian Yuandong)', '甲子光年 (Jiazi Guangnian)', '2024-05-28', '2. 谈判断 / On judgement', TITLE_ZH]) {
      expect(citation).toContain(part);
    }
  });

  it('quotes every line of a multi-line remark and escapes Markdown in the text', () => {
    const out = formatCitation(remark({ zh: '第一行\n第二行', en: 'a *bold* claim_with [link](x) <b>' }), source, 'markdown');
    expect(out).toContain('> 第一行\n> 第二行\n>\n');
    expect(out).toContain('\\*bold\\* claim\\_with \\[link\\](x) \\<b\\>');
  });
});

describe('citation helpers', () => {
  it('escapes line-leading Markdown block syntax', () => {
    expect(escapeMarkdown('# title\n- item\n1. first\nplain 1. text')).toBe('\\# title\n\\- item\n1\\. first\nplain 1. text');
  });

  it('the citation line alone, for other uses (reading list export)', () => {
    expect(citationLine(remark(), source)).toBe(
      `田渊栋 (Tian Yuandong), ${TITLE_ZH} / "${TITLE_EN}", 甲子光年 (Jiazi Guangnian), 2024-05-28, section "2. 谈判断 / On judgement"`,
    );
  });
});
