// Decides, for a page a content script has read, whether a card appears and
// with which remarks: the engine's ranking, then the reader's settings and
// history (cooldown, pause, sites turned off, remarks seen today, remarks
// marked not relevant).
import type { ExtensionRequest, PageDecision } from '@/lib/messages';
import { quotePack, shippedEngine } from '@/lib/engine-data';
import { remarkView } from '@/lib/remark-view';
import { rankQuotes } from '@/lib/relevance/rank';
import type { PageTopic } from '@/lib/relevance/engine';
import type { PageText } from '@/lib/extract/page-text';
import { surfaceForms } from '@/lib/text/surface-forms';
import { rankAdjustments, recentlyShown, recordShown, silenceReason, siteOf, STRICTNESS, withSiteOff } from '@/lib/settings';
import { readHistory, readSettings, updateHistory, updateSettings } from '../storage';
import { readingList } from './reading-list';
import { cardMessageTemplates } from '@/components/i18n';

const CARD_REMARKS = 3;

/** The page's unmistakable terms, spelled as the page spells them, with their concepts. */
function pageMarks(page: PageText, topics: PageTopic[]): PageDecision['marks'] {
  const text = [page.title, ...page.headings, page.body].join('\n');
  return topics.flatMap((topic) =>
    topic.evidenceTerms.flatMap((term) =>
      [...new Set([term.toLowerCase(), ...surfaceForms(text, term)])].map((form) => ({ term: form, concept: topic.id })),
    ),
  );
}

export async function decideForPage(request: Extract<ExtensionRequest, { type: 'analyze-page' }>): Promise<PageDecision> {
  const [settings, history] = await Promise.all([readSettings(), readHistory()]);
  const engine = shippedEngine();
  const now = Date.now();
  const analysis = engine.analyze(request.page, {
    adjust: rankAdjustments(history),
    strictness: STRICTNESS[settings.sensitivity],
    limit: CARD_REMARKS * 3,
  });
  const seen = recentlyShown(history, now);
  const fresh = analysis.quotes.filter((r) => !seen.has(r.quote.id)).slice(0, CARD_REMARKS);
  const silence = analysis.show
    ? (silenceReason(settings, history, request.url, now) ?? (fresh.length === 0 ? 'seen-today' : undefined))
    : undefined;
  const show = analysis.show && !silence;
  const remarks = show ? fresh.map((r) => remarkView(quotePack, engine.lexicon, r.quote, r.concepts, r.score)) : [];
  const saved = show ? await Promise.all(remarks.map(async (r) => ((await (await readingList()).get(r.id)) ? r.id : null))) : [];
  return {
    show,
    silence,
    confidence: analysis.confidence,
    remarks,
    display: settings.display,
    savedIds: saved.filter((id): id is string => id !== null),
    source: quotePack.source,
    marks: show && settings.highlightTerms ? pageMarks(request.page, analysis.topics) : [],
    highlightTerms: settings.highlightTerms,
    messages: show ? cardMessageTemplates() : {},
  };
}

/** The remarks most about one concept, for a marked term the reader asked about. */
export async function remarksForConcept(concept: string): Promise<PageDecision> {
  const settings = await readSettings();
  const engine = shippedEngine();
  const ranked = rankQuotes(engine.index, { concepts: new Map([[concept, 1]]), words: new Map() }, { limit: CARD_REMARKS });
  const remarks = ranked.map((r) => remarkView(quotePack, engine.lexicon, r.quote, r.concepts, r.score));
  const list = await readingList();
  const saved = await Promise.all(remarks.map(async (r) => ((await list.get(r.id)) ? r.id : null)));
  return {
    show: remarks.length > 0,
    confidence: 1,
    remarks,
    display: settings.display,
    savedIds: saved.filter((id): id is string => id !== null),
    source: quotePack.source,
    marks: [],
    highlightTerms: settings.highlightTerms,
    messages: cardMessageTemplates(),
  };
}

export function noteCardShown(quoteId: string): Promise<unknown> {
  return updateHistory((h) => recordShown(h, quoteId, Date.now()));
}

export function noteNotRelevant(quoteId: string): Promise<unknown> {
  return updateHistory((h) => ({ ...h, dismissed: { ...h.dismissed, [quoteId]: (h.dismissed[quoteId] ?? 0) + 1 } }));
}

export function hideOnSite(url: string): Promise<unknown> {
  const site = siteOf(url);
  return updateSettings((s) => withSiteOff(s, site));
}
