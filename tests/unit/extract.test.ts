import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractPageText, extractPageTextSteps } from '../../lib/extract/page-text';

function page(html: string): Document {
  return parseHTML(html.startsWith("<!doctype") ? html : `<!doctype html><html>${html}</html>`).document as unknown as Document;
}

describe('extractPageText', () => {
  it('reads title, headings and article text, skipping page furniture', () => {
    const doc = page(`<!doctype html><html lang="en"><head><title>Scaling hits a wall</title>
      <meta name="description" content="Why bigger models stall"><style>p{color:red}</style></head><body>
      <header><nav><a>Home</a><a>OpenAI news</a></nav></header>
      <div class="cookie-banner">We use cookies</div>
      <main><h1>Scaling hits a wall</h1><p>Labs are running out of <b>data</b>.</p>
        <script>var tracking = "ChatGPT";</script>
        <p hidden>hidden text</p><div aria-hidden="true">decor</div><p style="display: none">gone</p>
        <textarea>typed by the reader</textarea><div contenteditable="true">draft</div>
        <h2>What next</h2><p>Better algorithms.</p></main>
      <aside class="sidebar"><h3>Trending</h3><p>GPT-5 rumours</p></aside>
      <footer>© 2024 AI News Corp</footer></body></html>`);
    const text = extractPageText(doc);
    expect(text.title).toBe('Scaling hits a wall');
    expect(text.lang).toBe('en');
    expect(text.headings).toEqual(['Why bigger models stall', 'Scaling hits a wall', 'What next']);
    expect(text.body).toBe('Scaling hits a wall\nLabs are running out of data.\nWhat next\nBetter algorithms.');
    expect(text.truncated).toBe(false);
  });

  it('uses a lone <article> but not one of many teaser cards', () => {
    const single = page('<body><div>menu words</div><article><p>story</p></article></body>');
    expect(extractPageText(single).body).toBe('story');
    const teasers = page('<body><p>intro</p><article><p>one</p></article><article><p>two</p></article></body>');
    expect(extractPageText(teasers).body).toBe('intro\none\ntwo');
  });

  it('reads a comment thread when the page says little else (a forum or Hacker News thread), not under an article', () => {
    const thread = (own: string) =>
      page(`<body><div class="topbar">Hacker News | new | past | comments</div><p>${own}</p>
        <div class="comment-tree"><div class="comment">Scaling laws are a pessimistic curve.</div>
        <div class="comment">Sample efficiency is the real wall.</div></div></body>`);
    expect(extractPageText(thread('Scaling laws are pessimistic (essay.dev)')).body).toContain('Sample efficiency is the real wall.');
    const article = extractPageText(thread('A long article of its own. '.repeat(50)));
    expect(article.body).toContain('A long article of its own.');
    expect(article.body).not.toContain('Sample efficiency');
  });

  it('leaves out lines that are links: teasers, menus and "most read" lists, whatever their class names', () => {
    const doc = page(`<body><div class="r-8akbws"><a href="/">Home</a> | <a href="/ai">AI</a></div>
      <h1>Ravelli completes £68m move</h1><p>The midfielder signed a five-year deal, <a href="/club">the club</a> said.</p>
      <div class="css-1q2w3e"><span>Most viewed</span>
        <div><span>1</span><a href="/s/1"><div>AI</div><div>ChatGPT hits 800 million weekly users</div><div>4h ago</div></a></div>
        <h3><a href="/s/2">OpenAI’s new reasoning model operates a browser</a></h3></div>
      <p>Read more about the transfer window.</p></body>`);
    const text = extractPageText(doc);
    expect(text.body).toContain('Ravelli completes £68m move\nThe midfielder signed a five-year deal, the club said.');
    expect(text.body).toContain('Read more about the transfer window.');
    for (const teaser of ['Home', 'AI', 'ChatGPT', '4h ago', 'OpenAI']) expect(text.body).not.toContain(teaser);
    expect(text.headings).toEqual(['Ravelli completes £68m move']);
  });

  it('reads text in open shadow roots (pages built of web components), each piece once', () => {
    const doc = page(`<body><nav>Menu</nav><news-article><p>Slotted byline</p></news-article><p>After the story.</p></body>`);
    const host = doc.querySelector('news-article')!;
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<style>p { margin: 0 }</style><h1>Scaling hits a wall</h1><story-body></story-body><slot></slot>';
    host.shadowRoot!.querySelector('story-body')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Labs are running out of data.</p>';
    const text = extractPageText(doc);
    expect(text.body).toBe('Scaling hits a wall\nLabs are running out of data.\nSlotted byline\nAfter the story.');
    expect(text.headings).toEqual(['Scaling hits a wall']);
  });

  it('stops at its limits on a huge page and says so', () => {
    const paragraphs = '<p>word word word word</p>'.repeat(50_000);
    const text = extractPageText(page(`<body>${paragraphs}</body>`), { maxNodes: 10_000, maxChars: 1_000_000, sliceNodes: 1000 });
    expect(text.truncated).toBe(true);
    expect(text.body.split('\n').length).toBeLessThanOrEqual(5_000);
  });

  it('survives 5,000 levels of nesting', () => {
    const deep = '<div>'.repeat(5000) + 'deep text' + '</div>'.repeat(5000);
    expect(extractPageText(page(`<body>${deep}</body>`)).body).toBe('deep text');
  });

  it('yields between slices so a caller can spread the work', () => {
    const steps = extractPageTextSteps(page(`<body>${'<p>x</p>'.repeat(3000)}</body>`), {
      maxNodes: 100_000, maxChars: 100_000, sliceNodes: 500,
    });
    let yields = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(10);
  });
});
