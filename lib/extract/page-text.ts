// Reads what a person reads on a page: title, headings and main text. Works on
// any DOM (the browser's, or linkedom's in Node) without layout: no innerText,
// no computed styles. Navigation, footers, sidebars, scripts, hidden and
// editable content are skipped, and the walk stops at fixed limits so a huge
// page costs no more than a big one. It is a generator so that a caller can
// spread the walk over idle time; `extractPageText` runs it in one go.

export interface PageText {
  title: string;
  /** h1–h3 text and the meta description: what the page says it is about. */
  headings: string[];
  body: string;
  lang: string;
  /** True when a limit cut the walk short. */
  truncated: boolean;
}

export interface ExtractLimits {
  maxNodes: number;
  maxChars: number;
  /** Nodes visited between two yields of the generator. */
  sliceNodes: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxNodes: 60_000, maxChars: 60_000, sliceNodes: 2_000 };

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
  'NAV', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'OPTION', 'DIALOG', 'MENU',
  'HEAD', 'TIAN-QUOTE',
]);
const SKIPPED_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alert', 'tablist',
]);
// Class and id words that mark page furniture, as Readability's heuristics do.
const FURNITURE =
  /(^|[\s_-])(nav|navbar|menu|sidebar|side-bar|footer|foot|masthead|breadcrumbs?|related|trending|popular|recommend(ed|ations)?|share|social|cookie|consent|banner|ad|ads|advert|promo|newsletter|subscribe|signup|login|modal|popup|toolbar|widget|tags)([\s_-]|$)/i;
// Comment threads: furniture under an article, but on a forum or a Hacker News thread they are the
// page. They are read when the rest of the page has less than MIN_OWN_TEXT characters to say.
const DISCUSSION = /(^|[\s_-])comments?([\s_-]|$)/i;
const MIN_OWN_TEXT = 1_000;
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BR', 'TR', 'TD', 'TH', 'SECTION', 'ARTICLE',
  'MAIN', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'HEADER', 'DD', 'DT', 'TABLE', 'HR',
]);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3']);
const MAX_HEADINGS = 40;

/** Page furniture, hidden or editable content: never read, never marked (comment threads unless `readComments`). */
export function isSkippedElement(el: Element, insideMain: boolean, readComments = false): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  // A page-level <header> is a masthead; an article's own <header> holds its title.
  if (tag === 'HEADER' && !insideMain) return true;
  // Most elements of an article (<p>, <em>, <li>) have no attribute: one native call instead of seven.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role)) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names.length > 1 && (FURNITURE.test(names) || (!readComments && DISCUSSION.test(names)));
}

/**
 * The element holding the article when the page marks it, else the body. Many
 * sites wrap every teaser in <article>, so <article> counts only when alone.
 */
export function contentRoot(doc: Document): Element | null {
  const articles = doc.getElementsByTagName('article');
  return (
    doc.querySelector('[itemprop="articleBody"]') ??
    (articles.length === 1 ? articles[0] : null) ??
    doc.querySelector('main, [role="main"]') ??
    doc.body ??
    doc.documentElement
  );
}

/** What the page says it is about, in its own words. */
function metaDescription(doc: Document): string {
  return doc.querySelector('meta[name="description"], meta[property="og:description"]')?.getAttribute('content') ?? '';
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface Walk {
  chunks: string[];
  headings: string[];
  chars: number;
  truncated: boolean;
  /** A comment thread was left out (it would have been read with `readComments`). */
  skippedComments: boolean;
}

/**
 * A line that is mostly link text is a teaser, a menu or a "most read" entry: what other
 * pages say, not this one. Sites name those blocks with hashed classes, so the links tell.
 */
const LINK_LINE_SHARE = 0.8;

// Spaces inside a piece count on both sides of the share alike. Not a regular expression:
// one per text node made the full reading of an article 7 ms slower in Chromium.
const textLength = (text: string) => text.trim().length;

/** A heading whose text is mostly its links' (a teaser's headline); one inside a link is the walk's to see. */
function isLinkHeading(el: Element, text: string): boolean {
  let linked = 0;
  for (const a of el.getElementsByTagName('a')) linked += textLength(a.textContent ?? '');
  return linked >= LINK_LINE_SHARE * textLength(text);
}

function* walkText(root: Element | null, insideMain: boolean, limits: ExtractLimits, readComments: boolean): Generator<void, Walk, void> {
  const walk: Walk = { chunks: [], headings: [], chars: 0, truncated: false, skippedComments: false };
  let nodes = 0;
  // The line being read: where its chunks start, its length, and how much of it is link text.
  let line = { start: 0, chars: 0, text: 0, linked: 0 };
  let link: Node | null = null;
  const endLine = () => {
    if (line.text > 0 && line.linked >= LINK_LINE_SHARE * line.text) {
      walk.chunks.length = line.start;
      walk.chars -= line.chars;
    }
    walk.chunks.push('\n');
    line = { start: walk.chunks.length, chars: 0, text: 0, linked: 0 };
  };
  const leave = (left: Node) => {
    if (left === link) link = null;
    if (left.nodeType === 1 && BLOCK_TAGS.has((left as Element).tagName.toUpperCase())) endLine();
  };
  // The node after `done` and all inside it, leaving each element climbed out of.
  const after = (done: Node): Node | null => {
    let node: Node | null = done;
    while (node && node !== root) {
      if (node.nextSibling) return node.nextSibling;
      const parent: Node | null = node.parentNode;
      // The end of a shadow tree: on to its host's light children, else past the host.
      const host: Element | null = parent?.nodeType === 11 ? (parent as ShadowRoot).host : null;
      if (host?.firstChild) return host.firstChild;
      node = host ?? parent;
      if (node && node !== root) leave(node);
    }
    return null;
  };
  // Depth-first in document order, moving by first child, next sibling and parent:
  // no recursion limit on deep pages, and no JavaScript object for a child the
  // walk never reaches (pushing every child of a 20,000-child element costs more
  // than reading the 60,000 characters the engine uses).
  let node: Node | null = root;
  while (node) {
    if (nodes >= limits.maxNodes || walk.chars >= limits.maxChars) {
      walk.truncated = true;
      break;
    }
    nodes++;
    if (nodes % limits.sliceNodes === 0) yield;
    let descend = false;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (text.trim()) {
        const room = limits.maxChars - walk.chars;
        const piece = text.length > room ? text.slice(0, room) : text;
        walk.chunks.push(piece);
        walk.chars += piece.length;
        const length = textLength(piece);
        line.chars += piece.length;
        line.text += length;
        if (link) line.linked += length;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (el === root || !isSkippedElement(el, insideMain, readComments)) {
        const tag = el.tagName.toUpperCase();
        if (HEADING_TAGS.has(tag) && walk.headings.length < MAX_HEADINGS) {
          const heading = clean(el.textContent?.slice(0, 300) ?? '');
          if (heading && !link && !isLinkHeading(el, heading)) walk.headings.push(heading);
        }
        if (BLOCK_TAGS.has(tag)) endLine();
        if (tag === 'A' && !link) link = el;
        descend = true;
      } else if (!readComments && !walk.skippedComments) {
        walk.skippedComments = !isSkippedElement(el, insideMain, true);
      }
    }
    // An open shadow root's text is the element's own (sites built of web components keep
    // the article there), read before the light children, which its slots show.
    const inside = descend ? ((node as Element).shadowRoot?.firstChild ?? node.firstChild) : null;
    if (inside) {
      node = inside;
      continue;
    }
    leave(node);
    node = after(node);
  }
  endLine();
  return walk;
}

export function* extractPageTextSteps(
  doc: Document,
  limits: ExtractLimits = DEFAULT_LIMITS,
): Generator<void, PageText, void> {
  const descriptionText = clean(metaDescription(doc));
  const root = contentRoot(doc);
  const insideMain = root !== doc.body && root !== doc.documentElement;
  let walk = yield* walkText(root, insideMain, limits, false);
  // A page with little text of its own and a comment thread is a discussion: the thread is what it says.
  if (walk.skippedComments && walk.chars < MIN_OWN_TEXT) walk = yield* walkText(root, insideMain, limits, true);
  const { chunks, truncated } = walk;
  const headings = descriptionText ? [descriptionText, ...walk.headings.slice(0, MAX_HEADINGS - 1)] : walk.headings;

  // Lines as clean() would leave them, without an array of lines: collapse spaces,
  // then fold each newline and the spaces around it into one newline.
  const body = chunks
    .join('')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim();
  return {
    title: clean(doc.title ?? ''),
    headings,
    body,
    lang: doc.documentElement?.getAttribute('lang') ?? '',
    truncated,
  };
}

/** More than `count` elements in the document? One bounded look: item(n) walks only as far as n. */
export function hasMoreElementsThan(doc: Document, count: number): boolean {
  return doc.getElementsByTagName('*').item(count) !== null;
}

export function extractPageText(doc: Document, limits: ExtractLimits = DEFAULT_LIMITS): PageText {
  const steps = extractPageTextSteps(doc, limits);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
