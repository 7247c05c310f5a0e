// The messages between the content script, the extension pages and the
// background service worker. Types only: each side validates what it acts on.
import type { PageText } from './extract/page-text';

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
  confidence: number;
  remarks: RemarkView[];
}

export type ExtensionRequest =
  | { type: 'ping' }
  | { type: 'analyze-page'; page: PageText; url: string };

export type ResponseOf<R extends ExtensionRequest> = R extends { type: 'ping' }
  ? { type: 'pong' }
  : R extends { type: 'analyze-page' }
    ? PageDecision
    : never;
