// The messages between the content script, the extension pages and the
// background service worker. Types only: each side validates what it acts on.
import type { PageText } from './extract/page-text';
import type { QuotePack } from './pack/schema';

export interface ConceptLabel {
  id: string;
  label: { en: string; zh: string };
}

/** A remark as the card and the popup show it: the quote plus its context. */
export interface RemarkView {
  id: string;
  zh: string;
  en: string;
  section: { number: number; zh: string; en: string };
  question: { zh: string; en: string };
  answer: { zh: string; en: string };
  /** Why this remark: the concepts it shares with the page (or the query). */
  why: ConceptLabel[];
  score: number;
}

export interface PageDecision {
  show: boolean;
  /** Why no card, when show is false and the page was about AI. */
  silence?: 'disabled' | 'paused' | 'site-off' | 'cooldown' | 'seen-today';
  confidence: number;
  remarks: RemarkView[];
  /** How the reader wants the card (settings). */
  display: 'auto' | 'both' | 'zh' | 'en';
  /** Which of `remarks` are in the reading list. */
  savedIds: string[];
  source: QuotePack['source'];
  /** Unmistakable terms found on the page and their concepts, for the optional on-page marks. */
  marks: { term: string; concept: string }[];
  highlightTerms: boolean;
  /** The card's strings in the browser's language, substitutions as {1}, {2} (components/i18n.ts). */
  messages: Record<string, string>;
}

export interface PageRefView {
  title: string;
  url: string;
}

/** Requests to the background service worker. */
export type ExtensionRequest =
  | { type: 'ping' }
  | { type: 'analyze-page'; page: PageText; url: string }
  | { type: 'card-shown'; quoteId: string }
  | { type: 'toggle-save'; quoteId: string; page?: PageRefView }
  | { type: 'not-relevant'; quoteId: string }
  | { type: 'hide-site'; url: string }
  | { type: 'open-settings' }
  | { type: 'concept-remarks'; concept: string }
  /** A page too large for a card (extension/content/card-room.ts): its remark waits behind the toolbar button, or no longer does. */
  | { type: 'remark-waiting'; waiting: boolean };

export interface ResponseMap {
  ping: { type: 'pong' };
  'analyze-page': PageDecision;
  'card-shown': null;
  'toggle-save': { saved: boolean };
  'not-relevant': null;
  'hide-site': null;
  'open-settings': null;
  'concept-remarks': PageDecision;
  'remark-waiting': null;
}

/** Requests from the background (or the popup) to a tab's content script. */
export type TabRequest = { type: 'focus-card' } | { type: 'related-remarks' };

/** A content script's answer to 'focus-card'. */
export type FocusCardReply = 'focused' | 'open-popup' | 'none';

/** A content script's answer to 'related-remarks': what it read of its page (null before it has read it). */
export interface RelatedRemarksReply {
  page: PageText | null;
  title: string;
  url: string;
}
