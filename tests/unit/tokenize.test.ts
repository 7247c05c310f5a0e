import { describe, expect, it } from 'vitest';
import { tokenize } from '../../lib/text/tokenize';
import { foldText } from '../../lib/text/fold';

describe('tokenize', () => {
  it('cuts Chinese into overlapping bigrams instead of one token per sentence', () => {
    expect(tokenize('规模定律很火')).toEqual(['规模', '模定', '定律', '律很', '很火']);
  });

  it('cuts a short query the same way as the document that contains it', () => {
    const doc = tokenize('虽然现在scaling law很火，但一味跟风并不是我的风格');
    for (const query of ['很火', '跟风', '风格', 'scaling law', 'Scaling Laws']) {
      for (const token of tokenize(query)) expect(doc).toContain(token);
    }
  });

  it('folds Traditional to Simplified and full-width to half-width', () => {
    expect(tokenize('資料與訓練')).toEqual(tokenize('资料与训练'));
    expect(tokenize('ＬＬＭ')).toEqual(['llm']);
    expect(foldText('人工智慧')).toBe('人工智慧');
  });

  it('splits mixed text into Latin words and Han bigrams', () => {
    expect(tokenize('用LLM做推理')).toEqual(['用', 'llm', '做推', '推理']);
  });

  it('lowercases, drops stopwords and stems plurals', () => {
    expect(tokenize('The Limits of Scaling Laws')).toEqual(['limit', 'scaling', 'law']);
  });
});
