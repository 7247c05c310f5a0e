// What the first look on every page reads (extension/content/page-screen.ts): the title, the
// description and the opening of the main text, textContent's way (skipped parts included).
// Two native XPath calls, and a wrapper only for each text node read: never an element's (a
// content script's first element wrapper costs it about a millisecond), and never the whole
// main text as one string (on a 1.5 MB page, building it took 13 ms, to keep 2,000 characters).
// The main text is contentRoot's choice (page-text.ts) by tag alone: a lone <article>, else
// <main>, else the body. XPath's attribute tests on every element (itemprop, role) cost more
// than they save, and those roots lie within the body anyway, a little further in. Chromium
// and Firefox run it; tests/e2e/first-look.test.ts runs this very module on every labeled page.

const NO_ARTICLE = 'count(/descendant::article)!=1';
const MAIN_TEXT = `((/descendant::article)[last()=1] | (/descendant::main)[1][${NO_ARTICLE}] | /html/body[${NO_ARTICLE} and not(/descendant::main)])`;
const DESCRIPTION = "string((/descendant::meta[@name='description' or @property='og:description'])[1]/@content)";
/** The main text's text nodes in document order: a snapshot holds them without wrapping any. */
const MAIN_TEXT_NODES = `${MAIN_TEXT}/descendant::text()`;
// XPathResult's constants, without touching its interface object.
const STRING_TYPE = 2;
const ORDERED_NODE_SNAPSHOT_TYPE = 7;

/** The title, the description and the first `leadChars` characters of the main text, one per line. */
export function readFirstLook(doc: Document, leadChars: number): string {
  // The line breaks keep terms from running from the head into the body (the engine counts them apart).
  const head = `${doc.title}\n${doc.evaluate(DESCRIPTION, doc, null, STRING_TYPE, null).stringValue}\n`;
  const nodes = doc.evaluate(MAIN_TEXT_NODES, doc, null, ORDERED_NODE_SNAPSHOT_TYPE, null);
  let lead = '';
  for (let i = 0; lead.length < leadChars && i < nodes.snapshotLength; i++) lead += (nodes.snapshotItem(i) as CharacterData).data;
  return head + lead.slice(0, leadChars);
}
