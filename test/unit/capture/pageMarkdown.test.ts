import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageMarkdown } from '../../../src/core/capture/pageMarkdown';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { ExtractedPage } from '../../../src/core/webpage/extractedPage';
import { extractPage } from '../../../src/core/webpage/extractPage';
import { readRendered, renderers, renderMarkdown } from '../draft/renderedDraft';
import { bodyOf, capturedHtml, readerLibraries, retrieved, savedFixture } from './captureTestSupport';

const articleUrl = 'https://meridian.example/world/s400-deliveries';
const liveUrl = 'https://ledger.example/live/putin-in-delhi';
const hostileUrl = 'https://evil.example/p';

function ingestSaved(text: string) {
  const outcome = ingestFile({ uri: 'file:///sources/saved.md', fileName: 'saved.md', bytes: new TextEncoder().encode(text) });
  assert.equal(outcome.kind, 'articles', JSON.stringify(outcome));
  return outcome.articles[0];
}

test('an article page keeps the story: front matter from og: and meta tags, the body as markdown, nav, teasers, share bar and footer left out', () => {
  const saved = savedFixture('article-page.html', articleUrl);
  assert.equal(
    saved.text.split('\n---\n')[0] + '\n---',
    [
      '---',
      'title: "S-400 deliveries to India begin, says Moscow"',
      'outlet: "The Meridian Post"',
      'author: "Anita Rao"',
      'date: "2021-12-06"',
      `url: "${articleUrl}"`,
      'retrieved: "2024-05-01T10:00:00Z"',
      'language: "en-GB"',
      '---',
    ].join('\n'),
  );
  assert.equal(
    bodyOf(saved.text),
    [
      '',
      '# S-400 deliveries to India begin, says Moscow',
      '',
      'Russia has begun delivering the S-400 air defence system to India, the head of its military cooperation agency said on Monday, despite the threat of sanctions from the United States.',
      '',
      '“The first deliveries have started and will be completed on schedule,” Dmitry Shugaev told reporters in Dubai, according to the [Interfax agency](https://agency.example/news/s400). India ordered five regiments in 2018 for about 5.4 billion dollars.',
      '',
      '## What the agreement covers',
      '',
      'The contract, signed in October 2018, covers:',
      '',
      '- five S-400 regiments, each with two battalions;',
      '- training for Indian crews in Russia;',
      '- spare parts and maintenance for ten years.',
      '',
      '> We will not be dictated to on our defence purchases.',
      '',
      'Washington has warned that the purchase could trigger sanctions under the Countering America’s Adversaries Through Sanctions Act, known as CAATSA, though officials have hinted at a waiver.',
      '',
      'The deal was reaffirmed when President Vladimir Putin visited New Delhi for talks with Prime Minister Narendra Modi, the first in-person summit between the two since 2019.',
      '',
    ].join('\n'),
  );
  assert.equal(saved.firstParagraph, 'Russia has begun delivering the S-400 air defence system to India, the head of its military cooperation agency said on Monday, despite the threat of sanctions from the United States.');
  for (const cruft of ['Most read', 'Related stories', 'Share on Facebook', 'Subscribe', 'Sign up', 'All rights reserved', 'Politics', 'cookies', 'Advertisement', 'Ten things to know']) {
    assert.ok(!saved.text.includes(cruft), `kept "${cruft}"`);
  }
});

test('the saved file reads back as a source with the same metadata, and every passage is a paragraph of the story', () => {
  const article = ingestSaved(savedFixture('article-page.html', articleUrl).text);
  assert.deepEqual(article.meta, { title: 'S-400 deliveries to India begin, says Moscow', outlet: 'The Meridian Post', author: 'Anita Rao', date: '2021-12-06', url: articleUrl, language: 'en-GB' });
  assert.equal(article.passages[0].text, 'Russia has begun delivering the S-400 air defence system to India, the head of its military cooperation agency said on Monday, despite the threat of sanctions from the United States.');
  assert.ok(article.passages.some((passage) => passage.text.includes('according to the Interfax agency. India ordered')), 'a link reads as its text');
  assert.ok(article.passages.some((passage) => passage.text === 'We will not be dictated to on our defence purchases.'));
});

test('a live blog keeps every post (several <article>s), newest first as the page has them, with their times and headings', () => {
  const saved = savedFixture('live-blog.html', liveUrl);
  assert.match(saved.text, /^title: "Putin in Delhi: live updates"$/m);
  assert.match(saved.text, /^outlet: "Daily Ledger"$/m);
  assert.match(saved.text, /^author: "Sam Okafor"$/m, 'the author from JSON-LD');
  assert.match(saved.text, /^date: "2021-12-06"$/m, 'the date from JSON-LD');
  const body = bodyOf(saved.text);
  const posts = ['The S-400 deliveries have begun', 'India and Russia signed 28 agreements', 'Prime Minister Modi and President Putin began', 'The Russian president\'s plane landed'];
  const positions = posts.map((post) => body.indexOf(post));
  assert.ok(positions.every((position) => position > 0), JSON.stringify(positions));
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in the page\'s order');
  for (const heading of ['## Twenty-eight agreements signed', '## Talks begin at Hyderabad House', '## Putin lands in Delhi']) assert.ok(body.includes(`\n${heading}\n`), heading);
  assert.ok(body.includes('\n14:00\n'));
  assert.equal(saved.firstParagraph, 'Follow the Russian president\'s one-day visit to New Delhi as it happens.');
  assert.ok(!body.includes('Something else entirely') && !body.includes('Most read'));
  assert.equal(ingestSaved(saved.text).passages.filter((passage) => passage.text.length > 60).length, 5);
});

test('hostile page: nothing in the saved file can render as a live image, link to a non-web address, HTML or heading', () => {
  const saved = savedFixture('hostile-page.html', hostileUrl);
  const body = bodyOf(saved.text);
  for (const renderer of renderers) {
    const rendered = readRendered(renderMarkdown(body, renderer));
    const names = new Set(rendered.elements.map((element) => element.name));
    for (const forbidden of ['img', 'script', 'iframe', 'svg', 'h2', 'h3', 'hr', 'table', 'ol', 'ul', 'li']) assert.ok(!names.has(forbidden), `${renderer}: <${forbidden}>`);
    assert.deepEqual(rendered.elements.filter((element) => element.name === 'h1').map((element) => element.text), [saved.title], renderer);
    const links = rendered.elements.filter((element) => element.name === 'a').map((element) => element.attributes.href);
    assert.ok(links.every((href) => /^https?:\/\//.test(href)), `${renderer}: ${links.join(', ')}`);
    assert.ok(links.includes('https://example.org/a%20path%28with%29parens'), `${renderer}: the real link is kept: ${links.join(', ')}`);
    for (const text of ['![pixel](https://tracker.example/p.gif)', '[click me](command:workbench.action.terminal.new)', '<img src=x onerror=alert(2)>', '<script>alert(3)</script>', '# Not a heading', '$(zap)', '`code`', '*stars*', '_underscores_', '1. Not a list item', '| a | table | row |']) {
      assert.ok(rendered.text.includes(text), `${renderer}: "${text}" reads as text`);
    }
    assert.ok(rendered.text.includes('a javascript link, a command link, a data link'), renderer);
    assert.ok(rendered.text.includes('bidi override and zerowidth are removed'), renderer);
    assert.ok(!/[\u202a-\u202e\u200b]/.test(rendered.text), renderer);
  }
  assert.ok(body.includes('````\n```\nfenced inside pre\n```\n````'), 'preformatted text in a fence the page cannot close');
  assert.ok(!/alert\((4|5|6|7)\)|head script|body'/.test(saved.text), 'no script, handler or javascript: address is written (the outlet text is data, in quotes)');
  assert.ok(!saved.text.includes('svg text'));
});

test('hostile metadata stays inside quoted front matter values: no second field, no early end of the front matter', () => {
  const saved = savedFixture('hostile-page.html', hostileUrl);
  const frontMatter = saved.text.slice(0, saved.text.indexOf('\n---\n', 4));
  assert.equal(frontMatter.split('\n').filter((line) => /^title:/.test(line)).length, 1);
  assert.ok(!/^url: "command/m.test(frontMatter));
  const article = ingestSaved(saved.text);
  assert.equal(article.meta.title, 'Tu-160 story --- title: injected url: command:workbench.action.terminal.new');
  assert.equal(article.meta.outlet, 'Evil <img src=x onerror=alert(1)> Site');
  assert.equal(article.meta.author, '[Mallory](command:workbench.action.terminal.new) $(zap)');
  assert.equal(article.meta.url, hostileUrl);
  for (const renderer of renderers) {
    const heading = readRendered(renderMarkdown(bodyOf(saved.text), renderer)).elements.find((element) => element.name === 'h1');
    assert.equal(heading?.text, article.meta.title, renderer);
  }
});

test('metadata is never invented: without a site name the outlet is the host; without a stated date there is no date; without a title, the first heading, then the host', () => {
  const page = capturedHtml('<html><head><title></title></head><body><article><h1>Harbour works start</h1><p>Work on the new harbour began on Tuesday, the port authority said in a statement that gave no date for its end.</p></article></body></html>', 'https://www.port-news.example/a/1');
  const saved = pageMarkdown(page, { url: 'https://www.port-news.example/a/1', retrieved });
  assert.match(saved.text, /^outlet: "port-news.example"$/m);
  assert.ok(!/^date:/m.test(saved.text) && !/^author:/m.test(saved.text));
  assert.equal(saved.title, 'Harbour works start');
  assert.equal(bodyOf(saved.text).split('\n').filter((line) => line.startsWith('#')).length, 1, 'the heading is not written twice');
  const untitled: ExtractedPage = { metadata: {}, blocks: [{ kind: 'paragraph', runs: [{ text: 'Just text.' }], quoteDepth: 0 }], droppedMedia: 0, truncated: false };
  assert.equal(pageMarkdown(untitled, { url: 'https://port.example/x', retrieved }).title, 'port.example');
  assert.equal(pageMarkdown(untitled, { retrieved }).title, 'Untitled page');
  assert.ok(!/^url:/m.test(pageMarkdown(untitled, { retrieved }).text), 'pasted HTML without an address has no url');
});

test('HTML copied to the clipboard as a fragment is read like a page; relative links without an address keep only their text', () => {
  const page = capturedHtml('<meta charset="utf-8"><h1>Clip title</h1><p>First clipped paragraph about the summit and what was agreed there, with a <a href="/relative">relative link</a>.</p><p>Second clipped paragraph.</p>', undefined);
  const saved = pageMarkdown(page, { retrieved });
  assert.equal(saved.title, 'Clip title');
  assert.equal(saved.firstParagraph, 'First clipped paragraph about the summit and what was agreed there, with a relative link.');
});

test('line breaks, nested lists, ordered lists with a start, tables and nested quotes become markdown a reader expects', () => {
  const html = `<html><body><article>
    <p>An opening paragraph that is long enough for the reader view to take this article as the main content of the page.</p>
    <p>Line one<br>- line two starts with a dash<br># line three with a hash</p>
    <ol start="3"><li>third<ul><li>nested <em>bullet</em></li></ul></li><li><p>fourth</p><p>continued</p></li></ol>
    <table><tr><th>Year</th><th>Deliveries</th></tr><tr><td>2021</td><td>1</td></tr></table>
    <blockquote><p>Outer</p><blockquote><p>Inner</p></blockquote></blockquote>
  </article></body></html>`;
  const body = bodyOf(pageMarkdown(capturedHtml(html, 'https://a.example/'), { url: 'https://a.example/', retrieved }).text);
  assert.ok(body.includes('Line one\n\\- line two starts with a dash\n\\# line three with a hash'), body);
  assert.ok(body.includes('3. third\n    - nested bullet\n4. fourth continued'), body);
  assert.ok(body.includes('Year | Deliveries\n\n2021 | 1'), body);
  assert.ok(body.includes('> Outer\n\n> > Inner'), body);
});

test('a page with no article text, or too many elements, gives its reason instead of an empty file', () => {
  const empty = extractPage('<html><body><nav><a href="/">Home</a></nav></body></html>', 'https://a.example/', readerLibraries);
  assert.equal(empty.ok, false);
  const crowded = extractPage(`<html><body>${'<div><span>x</span></div>'.repeat(2000)}</body></html>`, 'https://a.example/', readerLibraries, { maxHtmlChars: 1e7, maxElements: 1000, maxBlocks: 100, maxTextChars: 1e6, maxDepth: 50 });
  assert.deepEqual(crowded.ok ? undefined : crowded.reason, 'too-large');
  const huge = extractPage('x'.repeat(2000), 'https://a.example/', readerLibraries, { maxHtmlChars: 1000, maxElements: 1000, maxBlocks: 100, maxTextChars: 1e6, maxDepth: 50 });
  assert.deepEqual(huge.ok ? undefined : huge.reason, 'too-large');
});

test('a deeply nested page is read without a stack overflow, and an article over the caps is cut and says so', () => {
  const deep = `<html><body><article><p>Deep article opening paragraph with enough words to be taken as the article text by the reader.</p>${'<div>'.repeat(6000)}<p>Deep text about Murmansk.</p>${'</div>'.repeat(6000)}</article></body></html>`;
  const extraction = extractPage(deep, 'https://a.example/', readerLibraries);
  assert.ok(extraction.ok, JSON.stringify(extraction).slice(0, 200));
  assert.ok(extraction.page.blocks.some((block) => block.kind === 'paragraph' && block.runs.some((run) => run.text.includes('Deep text about Murmansk.'))));
  const long = `<html><body><article>${Array.from({ length: 300 }, (_, index) => `<p>Paragraph ${index} of a very long article that goes on and on about the summit.</p>`).join('')}</article></body></html>`;
  const cut = extractPage(long, 'https://a.example/', readerLibraries, { maxHtmlChars: 1e7, maxElements: 100_000, maxBlocks: 50, maxTextChars: 1e6, maxDepth: 100 });
  assert.ok(cut.ok && cut.page.truncated && cut.page.blocks.length === 50);
});

test('the page\'s words come back unchanged from the saved file: escapes are read away, nothing is added', () => {
  const words = 'Prices rose 5% (from $3 to $3.15) & fell; a < b > c; [brackets] *stars* _under_ `ticks` # hash &amp; &lt;tag&gt; \\ backslash ~tilde~ !bang $(zap)';
  const page: ExtractedPage = { metadata: { title: 'Escapes' }, blocks: [{ kind: 'paragraph', runs: [{ text: words }], quoteDepth: 0 }], droppedMedia: 0, truncated: false };
  const article = ingestSaved(pageMarkdown(page, { url: 'https://a.example/', retrieved }).text);
  assert.equal(article.passages[0].text, words);
});

test('text hidden from readers (hidden, aria-hidden) is left out inside a paragraph as well as around it', () => {
  const page = capturedHtml('<meta charset="utf-8"><h1>Hidden bits</h1><p>The summit ended <span aria-hidden="true">ICON-GLYPH</span>with a joint statement <span hidden>HIDDEN-NOTE</span>on defence ties and trade.</p><div aria-hidden="true"><p>Decorative block text.</p></div>', undefined);
  const saved = pageMarkdown(page, { retrieved });
  assert.equal(saved.firstParagraph, 'The summit ended with a joint statement on defence ties and trade.');
  assert.ok(!saved.text.includes('ICON-GLYPH') && !saved.text.includes('HIDDEN-NOTE') && !saved.text.includes('Decorative'), saved.text);
});
