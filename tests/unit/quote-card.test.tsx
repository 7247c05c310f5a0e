// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { markRemark, remarkSpans } from '../../components/card/ContextPanel';
import { t } from '../../components/i18n';
import { readMessages, type MessageEntry } from '../helpers/messages';
import { focusCard, languageOrder, QuoteCard, STATUS_MS, type QuoteCardProps } from '../../components/QuoteCard';
import { lexicon, quotePack } from '../../lib/engine-data';
import type { RemarkView } from '../../lib/messages';
import { compileLexicon } from '../../lib/relevance/lexicon';
import { remarkView } from '../../lib/remark-view';

const compiled = compileLexicon(lexicon);
function view(id: string, why: string[] = []): RemarkView {
  const quote = quotePack.quotes.find((q) => q.id === id);
  if (!quote) throw new Error(`no quote ${id}`);
  return remarkView(quotePack, compiled, quote, why, 1);
}

const SCALING = view('scaling-law-pessimistic-future', ['scaling-law', 'data-efficiency']);
const BRAIN = view('brain-is-another-level', ['neuroscience']); // two spans joined by "……"
const FINE_TUNING = view('fine-tuning-cannot-fix-bad-model', ['fine-tuning']); // crosses a paragraph break

function setup(overrides: Partial<QuoteCardProps> = {}) {
  const props: QuoteCardProps = {
    remarks: [SCALING],
    source: quotePack.source,
    display: 'auto',
    uiLanguage: 'en-US',
    savedIds: new Set(),
    onToggleSave: vi.fn(),
    onCopy: vi.fn(async () => {}),
    onNotRelevant: vi.fn(),
    onHideSite: vi.fn(),
    onOpenSettings: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  const result = render(<QuoteCard {...props} />);
  const card = () => screen.getByRole('region', { name: 'Remark by Tian Yuandong' });
  return { ...result, props, card };
}

/** The quote's visible texts in order, by language. */
function quoteOrder(card: HTMLElement): string[] {
  return [...card.querySelectorAll('.tq-quote [lang]')].map((el) => el.getAttribute('lang')!);
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const squash = (s: string) => s.replace(/\s+/g, '');

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('QuoteCard: languages', () => {
  it('auto shows both, Chinese first for a Chinese UI and English first otherwise', () => {
    const zh = setup({ uiLanguage: 'zh-CN' });
    expect(quoteOrder(zh.card())).toEqual(['zh-CN', 'en']);
    zh.unmount();
    const en = setup({ uiLanguage: 'en-US' });
    expect(quoteOrder(en.card())).toEqual(['en', 'zh-CN']);
    expect(en.card().querySelector('.tq-quote [lang="zh-CN"]')!.textContent).toBe(SCALING.zh);
    expect(en.card().querySelector('.tq-quote [lang="en"]')!.textContent).toBe(SCALING.en);
  });

  it("'both' shows the Chinese original first whatever the UI language", () => {
    setup({ display: 'both', uiLanguage: 'en-US' });
    expect(quoteOrder(screen.getByRole('region', { name: 'Remark by Tian Yuandong' }))).toEqual(['zh-CN', 'en']);
  });

  it("'zh' and 'en' show one language only", () => {
    const zh = setup({ display: 'zh', uiLanguage: 'en-US' });
    expect(quoteOrder(zh.card())).toEqual(['zh-CN']);
    expect(zh.card().textContent).not.toContain(SCALING.en);
    expect(screen.queryByText('Translation')).toBeNull();
    zh.unmount();
    const en = setup({ display: 'en', uiLanguage: 'zh-CN' });
    expect(quoteOrder(en.card())).toEqual(['en']);
    expect(en.card().textContent).not.toContain(SCALING.zh);
  });

  it('languageOrder reads zh, zh-TW and zh_CN as Chinese, not "zhx" or English', () => {
    expect(languageOrder('auto', 'zh')).toEqual(['zh', 'en']);
    expect(languageOrder('auto', 'zh-TW')).toEqual(['zh', 'en']);
    expect(languageOrder('auto', 'zh_CN')).toEqual(['zh', 'en']);
    expect(languageOrder('auto', 'zhx')).toEqual(['en', 'zh']);
    expect(languageOrder('auto', 'en-GB')).toEqual(['en', 'zh']);
  });

  it('marks the English as a translation, and only the English', () => {
    const { card } = setup({ display: 'both' });
    const label = screen.getByText('Translation');
    const english = card().querySelector('.tq-quote p[lang="en"]')!;
    expect(label.parentElement).toBe(english.parentElement);
    expect(label.compareDocumentPosition(english) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // One label, with the English; none with the Chinese original.
    expect([...card().querySelectorAll('.tq-quote .tq-label')]).toEqual([label]);
    expect(label.compareDocumentPosition(card().querySelector('.tq-quote [lang="zh-CN"]')!) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
  });
});

describe('QuoteCard: attribution and why', () => {
  it('shows speaker, publication, date and section', () => {
    const { card } = setup();
    expect(norm(card().querySelector('.tq-attribution')!.textContent)).toBe(
      '田渊栋 Tian Yuandong · 甲子光年 Jiazi Guangnian · 2024-05-28 · 2. 谈判断 · On judgement',
    );
    expect(card().querySelector('time')!.getAttribute('datetime')).toBe('2024-05-28');
  });

  it('shows why this remark, with labels in the UI language', () => {
    const en = setup({ uiLanguage: 'en-US' });
    expect(norm(en.card().querySelector('.tq-why')!.textContent)).toBe('Why this remark: scaling laws, data efficiency');
    en.unmount();
    const zh = setup({ uiLanguage: 'zh-CN' });
    expect(norm(zh.card().querySelector('.tq-why')!.textContent)).toContain('规模定律、数据效率');
  });
});

describe('QuoteCard: actions', () => {
  it('Save is a toggle button whose pressed state follows savedIds', () => {
    const { props, rerender } = setup();
    const save = screen.getByRole('button', { name: 'Save to reading list' });
    expect(save.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(save);
    expect(props.onToggleSave).toHaveBeenCalledWith(SCALING);
    // The card does not flip it by itself: the host does, through savedIds.
    expect(save.getAttribute('aria-pressed')).toBe('false');
    rerender(<QuoteCard {...props} savedIds={new Set([SCALING.id])} />);
    expect(screen.getByRole('button', { name: 'Save to reading list' }).getAttribute('aria-pressed')).toBe('true');
    rerender(<QuoteCard {...props} savedIds={new Set()} />);
    expect(screen.getByRole('button', { name: 'Save to reading list' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('Next cycles through the remarks, wraps, and announces the position', async () => {
    const { card, props } = setup({ remarks: [SCALING, BRAIN, FINE_TUNING], display: 'zh' });
    const next = screen.getByRole('button', { name: 'Next remark' });
    const shown = () => card().querySelector('.tq-quote [lang="zh-CN"]')!.textContent;
    const live = () => card().querySelector('.tq-sr[aria-live="polite"]')!.textContent;
    expect(shown()).toBe(SCALING.zh);
    expect(card().textContent).toContain('1 of 3');

    fireEvent.click(next);
    await waitFor(() => expect(shown()).toBe(BRAIN.zh));
    expect(card().textContent).toContain('2 of 3');
    expect(live()).toBe(`Remark 2 of 3: ${BRAIN.zh}`);

    fireEvent.click(next);
    await waitFor(() => expect(shown()).toBe(FINE_TUNING.zh));
    fireEvent.click(next);
    await waitFor(() => expect(shown()).toBe(SCALING.zh));
    expect(card().textContent).toContain('1 of 3');

    // Actions follow the remark shown.
    fireEvent.click(next);
    await waitFor(() => expect(shown()).toBe(BRAIN.zh));
    fireEvent.click(screen.getByRole('button', { name: 'Save to reading list' }));
    expect(props.onToggleSave).toHaveBeenLastCalledWith(BRAIN);
  });

  it('has no Next button with a single remark', () => {
    setup({ remarks: [SCALING] });
    expect(screen.queryByRole('button', { name: 'Next remark' })).toBeNull();
    expect(screen.queryByText(/of 1/)).toBeNull();
  });

  it('Copy calls onCopy and shows a transient status in a polite live region', async () => {
    vi.useFakeTimers();
    const { props, card } = setup();
    const status = card().querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy with citation' }));
    });
    expect(props.onCopy).toHaveBeenCalledWith(SCALING);
    expect(status.textContent).toBe('Copied with citation');
    act(() => {
      vi.advanceTimersByTime(STATUS_MS + 10);
    });
    expect(status.textContent).toBe('');
  });

  it('Copy reports a failure', async () => {
    const { card } = setup({ onCopy: vi.fn(async () => Promise.reject(new Error('denied'))) });
    fireEvent.click(screen.getByRole('button', { name: 'Copy with citation' }));
    await waitFor(() => expect(card().querySelector('[role="status"]')!.textContent).toBe('Could not copy'));
  });

  it('Not relevant, Hide on this site and Settings call their props; the first two then close', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Not relevant' }));
    expect(props.onNotRelevant).toHaveBeenCalledWith(SCALING);
    expect(props.onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Hide on this site' }));
    expect(props.onHideSite).toHaveBeenCalledTimes(1);
    expect(props.onClose).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(props.onOpenSettings).toHaveBeenCalledTimes(1);
    expect(props.onClose).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(props.onClose).toHaveBeenCalledTimes(3);
  });
});

describe('QuoteCard: read in context', () => {
  async function open(overrides: Partial<QuoteCardProps>) {
    const r = setup(overrides);
    const button = screen.getByRole('button', { name: 'Read in context' });
    const panel = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
    expect(panel.hidden).toBe(false);
    return { ...r, button, panel };
  }
  const marks = (el: Element) => [...el.querySelectorAll('mark')].map((m) => m.textContent!);

  it("shows the host's question and the whole answer with the remark marked, in the languages shown", async () => {
    const { panel, button } = await open({ remarks: [SCALING], display: 'both' });
    const zh = panel.querySelector('[lang="zh-CN"]')!;
    const en = panel.querySelector('[lang="en"]')!;
    expect(zh.textContent).toContain(SCALING.question.zh);
    expect(zh.textContent).toContain('甲小姐');
    expect(en.textContent).toContain(SCALING.question.en);
    expect(squash(zh.textContent!)).toContain(squash(SCALING.answer.zh));
    expect(squash(en.textContent!)).toContain(squash(SCALING.answer.en));
    expect(marks(zh).join('')).toBe(SCALING.zh);
    expect(squash(marks(en).join(''))).toBe(squash(SCALING.en));
    // The panel scrolls on its own and is labelled.
    expect(panel.getAttribute('role')).toBe('region');
    expect(panel.getAttribute('aria-label')).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
    expect(panel.hidden).toBe(true);
  });

  it('marks each span of a remark made of two spans joined by "……"', async () => {
    expect(BRAIN.zh).toContain('……');
    const { panel } = await open({ remarks: [BRAIN], display: 'both' });
    const [a, b] = BRAIN.zh.split('……');
    expect(marks(panel.querySelector('[lang="zh-CN"]')!)).toEqual([a, b]);
    const enSpans = remarkSpans(BRAIN.en);
    expect(enSpans).toHaveLength(2);
    expect(marks(panel.querySelector('[lang="en"]')!)).toEqual(enSpans);
    // The text between the spans is shown, unmarked.
    const between = BRAIN.answer.zh.slice(BRAIN.answer.zh.indexOf(a!) + a!.length, BRAIN.answer.zh.indexOf(b!));
    expect(between.length).toBeGreaterThan(0);
    expect(panel.textContent).toContain(between.trim());
  });

  it('shows only the chosen language in context', async () => {
    const { panel } = await open({ remarks: [SCALING], display: 'zh' });
    expect(panel.querySelector('[lang="en"]')).toBeNull();
    expect(panel.textContent).not.toContain(SCALING.question.en);
  });
});

describe('markRemark', () => {
  it('marks a remark that crosses a paragraph break, paragraph by paragraph', () => {
    const paragraphs = markRemark(FINE_TUNING.answer.zh, FINE_TUNING.zh);
    expect(paragraphs.length).toBe(FINE_TUNING.answer.zh.split('\n').filter((p) => p.trim()).length);
    const marked = paragraphs.flat().filter((s) => s.marked).map((s) => s.text);
    expect(marked).toHaveLength(2);
    expect(squash(marked.join(''))).toBe(squash(FINE_TUNING.zh));
  });

  it('matches regardless of case and whitespace, and skips a span it cannot find', () => {
    const answer = 'He has a point.\nFirst, where data comes from matters.';
    expect(markRemark(answer, 'Where data comes from matters.')).toEqual([
      [{ text: 'He has a point.', marked: false }],
      [
        { text: 'First, ', marked: false },
        { text: 'where data comes from matters.', marked: true },
      ],
    ]);
    expect(markRemark(answer, 'not in the answer').flat().some((s) => s.marked)).toBe(false);
  });

  it('marks every span of the shipped remarks in their answers (Chinese and English)', () => {
    for (const quote of quotePack.quotes) {
      const r = view(quote.id);
      for (const lang of ['zh', 'en'] as const) {
        const marked = markRemark(r.answer[lang], r[lang]).flat().filter((s) => s.marked);
        // (Case-insensitive: a remark may capitalize a sentence the answer starts mid-way.)
        expect(squash(marked.map((s) => s.text).join('')).toLowerCase(), `${quote.id} ${lang}`).toBe(
          squash(remarkSpans(r[lang]).join('')).toLowerCase(),
        );
      }
    }
  });
});

describe('QuoteCard: keyboard and focus', () => {
  it('Esc anywhere inside the card calls onClose', () => {
    const { props, card } = setup({ remarks: [SCALING, BRAIN] });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Next remark' }), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(card(), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(card(), { key: 'Enter' });
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });

  it('does not take focus when it appears, and announces itself politely after mount', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    expect(document.activeElement).toBe(input);
    const { card } = setup({ uiLanguage: 'en-US' });
    const live = card().querySelector('.tq-sr[aria-live="polite"]')!;
    expect(live.textContent).toBe(''); // set after mount, so it is announced
    await waitFor(() => expect(live.textContent).toBe(`Remark by Tian Yuandong: ${SCALING.en}`));
    expect(document.activeElement).toBe(input);
    expect(card().contains(document.activeElement)).toBe(false);
  });

  it('focusCard focuses the card region (tabIndex -1); closing gives focus back', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const { card, container, props } = setup();
    expect(card().getAttribute('tabindex')).toBe('-1');
    expect(focusCard(container)).toBe(true);
    expect(document.activeElement).toBe(card());
    fireEvent.keyDown(card(), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(input);
    expect(focusCard(document.createElement('div'))).toBe(false);
  });

  it('every control is a <button> with an accessible name', () => {
    const { card } = setup({ remarks: [SCALING, BRAIN] });
    const expected = [
      'Settings',
      'Close',
      'Read in context',
      'Save to reading list',
      'Copy with citation',
      'Next remark',
      'Not relevant',
      'Hide on this site',
    ];
    for (const name of expected) expect(screen.getByRole('button', { name })).toBeTruthy();
    const buttons = card().querySelectorAll('button');
    expect(buttons.length).toBe(expected.length);
    for (const b of buttons) expect(b.getAttribute('type')).toBe('button');
    // Icon-only buttons are named by aria-label; their glyph is hidden.
    for (const name of ['Settings', 'Close']) {
      const b = screen.getByRole('button', { name });
      expect(b.getAttribute('aria-label')).toBe(name);
      expect(b.querySelector('[aria-hidden="true"]')).not.toBeNull();
    }
    // No other focusable control than buttons (and the context panel, once open).
    expect(card().querySelectorAll('a, input, select, textarea, [role="button"]').length).toBe(0);
  });

  it('has no axe violations, closed and with the context open', async () => {
    const { container } = setup({ remarks: [SCALING, BRAIN], display: 'both', uiLanguage: 'zh-CN' });
    // color-contrast needs layout and computed colours, which happy-dom does not do:
    // contrast is checked by hand in quote-card.css (ratios noted there) and in e2e.
    const options: axe.RunOptions = { rules: { 'color-contrast': { enabled: false } } };
    const check = async () => {
      const result = await axe.run(container, options);
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
      return result;
    };
    const closed = await check();
    expect(closed.passes.map((p) => p.id)).toContain('button-name');
    fireEvent.click(screen.getByRole('button', { name: 'Read in context' }));
    await waitFor(() => expect(container.querySelector('mark')).not.toBeNull());
    await check();
  });
});

describe('quote-card.css', () => {
  const css = readFileSync(join(process.cwd(), 'components/quote-card.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  /** Each rule's prelude and body, outside @keyframes (whose selectors are from/to). */
  const rules = [...css.replace(/@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selectors: m[1]!.trim().replace(/^@media[^{]*$/, ''),
    body: m[2]!,
  }));

  it('styles only :host, :root (the palette) and its own tq- classes (nothing leaks into the page)', () => {
    expect(rules.length).toBeGreaterThan(20);
    for (const { selectors } of rules) {
      for (const selector of selectors.split(',').map((x) => x.trim())) {
        // :root carries the palette for the extension's own pages; in the card's shadow root it matches nothing.
        expect(selector, selector).toMatch(/^(:host\b|:root$|\.tq-[\w-]+)/);
      }
    }
    expect(css).not.toMatch(/@font-face|@property|@import/);
  });

  it('uses px, not rem, and sets font, size, line height, colours and isolation on the card root', () => {
    expect(css).not.toMatch(/\d(\.\d+)?rem\b/);
    expect(css).toMatch(/:host\s*\{[^}]*all:\s*initial/);
    const root = rules.find((r) => r.selectors === '.tq-card')!.body;
    for (const prop of ['font-family', 'font-size', 'line-height', 'color', 'background', 'width', 'max-height', 'animation']) {
      expect(root, prop).toMatch(new RegExp(`(^|[;\\s])${prop}:`));
    }
    // One generic family: every other family (system-ui included) is a font lookup in the page's first card frame.
    for (const family of css.matchAll(/font-family:\s*([^;]+);/g)) expect(family[1]).toMatch(/^sans-serif$|^inherit$/);
    expect(root).toMatch(/font-family:\s*sans-serif/);
  });

  it('has a dark theme, visible focus rings, and no animation under reduced motion', () => {
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*\{\s*\.tq-card\s*\{\s*animation:\s*none/);
    expect(css).toMatch(/button:focus-visible[^{]*\{[^}]*outline:\s*2px solid/);
  });
});

describe('i18n', () => {
  it("uses the browser's message, and the key itself when there is none", () => {
    expect(t('card_position', ['2', '3'])).toBe('2 of 3');
    const spy = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((name: string) => (name === 'card_close' ? '关闭' : '')) as never);
    expect(t('card_close')).toBe('关闭');
    expect(t('no_such_key')).toBe('no_such_key');
    expect(spy).toHaveBeenCalledWith('card_close', undefined);
  });

  it('has every card_ key in English and Chinese, with the same placeholders', () => {
    const en = readMessages('en');
    const zh = readMessages('zh_CN');
    const cardKeys = Object.keys(en).filter((k) => k.startsWith('card_'));
    expect(cardKeys.length).toBeGreaterThan(10);
    for (const key of cardKeys) {
      expect(zh[key]?.message, key).toBeTruthy();
      const contents = (e?: MessageEntry) => Object.entries(e?.placeholders ?? {}).map(([k, v]) => [k, v.content]);
      expect(contents(zh[key]), key).toEqual(contents(en[key]));
    }
  });
});
