// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findTermOccurrences } from '../../lib/extract/term-ranges';
import { surfaceForms } from '../../lib/text/surface-forms';

function found(html: string, terms: string[]) {
  document.body.innerHTML = html;
  return findTermOccurrences(document.body, terms).map((o) => ({
    text: o.node.nodeValue!.slice(o.start, o.end),
    term: terms[o.term],
  }));
}

describe('findTermOccurrences', () => {
  it('finds terms in any case, plural, across hyphen or space, longest first', () => {
    expect(found('<p>Scaling Laws and self driving cars; a large language model.</p>', ['scaling law', 'self-driving', 'language model', 'large language model'])).toEqual([
      { text: 'Scaling Laws', term: 'scaling law' },
      { text: 'self driving', term: 'self-driving' },
      { text: 'large language model', term: 'large language model' },
    ]);
  });

  it('marks the page’s own spelling, which surfaceForms finds for a Simplified term', () => {
    const page = '過去幾年，規模定律與大型語言模型';
    expect(surfaceForms(page, '规模定律')).toEqual(['規模定律']);
    expect(surfaceForms(page, '大型语言模型')).toEqual(['大型語言模型']);
    expect(surfaceForms('Scaling laws, SCALING LAWS', 'scaling law')).toEqual(['scaling law']);
    expect(found(`<p>${page}</p>`, ['規模定律', '大型語言模型'])).toEqual([
      { text: '規模定律', term: '規模定律' },
      { text: '大型語言模型', term: '大型語言模型' },
    ]);
  });

  it('respects word boundaries and skips editable, hidden and furniture content', () => {
    expect(
      found('<p>AIR and plain air, but AI here.</p><textarea>AI</textarea><nav>AI</nav><div hidden>AI</div><div contenteditable="true">AI</div>', ['AI']),
    ).toEqual([{ text: 'AI', term: 'AI' }]);
  });

  it('leaves links unmarked: teasers, menus and related stories', () => {
    expect(found('<p>Scaling law, said <a href="/x">the scaling law paper</a>.</p><div><a href="/s/2"><h3>Scaling law news</h3></a></div>', ['scaling law'])).toEqual([
      { text: 'Scaling law', term: 'scaling law' },
    ]);
  });
});
