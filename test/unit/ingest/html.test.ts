import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturesDir, ingestFixture, ingestString, onlyArticle, textAtRange } from './ingestTestSupport';

test('the article body is kept; navigation, ads, scripts, captions, asides, teasers and footers are not', () => {
  const article = onlyArticle(ingestFixture('article-page.html'));
  assert.deepEqual(article.passages.map((passage) => passage.text), [
    'New Delhi (Associated Press)-Indian Prime Minister Narendra Modi met with Russian President Vladimir Putin on Monday to discuss defense and trade relations as India tries to balance relations with the United States.',
    'India and Russia have a long and close relationship. But recently, India has narrowed its distance with the United States, which it believes is vital to confronting China.',
    'They have set a goal of reaching 30 billion U.S. dollars in bilateral trade by the end of 2025.',
  ]);
  assert.deepEqual(article.droppedLines.map((dropped) => [dropped.line + 1, dropped.text, dropped.reason]), [
    [15, 'Home World', 'page header'],
    [16, 'Advertisement: buy now', 'marked as ad-slot'],
    [20, 'India receives Putin because it balances relations with Russia and the United States', 'page header'],
    [21, 'By Jane Reporter', 'page header'],
    [24, 'Modi and Putin in 2019. POOL / AFP', 'figure'],
    [26, 'Related', 'aside'],
    [26, 'Another headline about something else', 'aside'],
    [27, 'Trade & defense', 'heading'],
    [29, 'Facebook Twitter', 'marked as share-buttons'],
    [30, 'Read more', 'read-more link'],
    [32, 'Other story', 'heading'],
    [32, 'A short teaser for another story.', 'outside the main article'],
    [34, '© Example Wire. All rights reserved.', 'page footer'],
  ], 'every piece of text that is not a passage is listed with its reason; the style, script and head are not text');
});

test('metadata comes from og:title, author, article:published_time, og:site_name, og:url and <html lang>', () => {
  const article = onlyArticle(ingestFixture('article-page.html'));
  assert.deepEqual(article.meta, {
    title: 'India receives Putin because it balances relations with Russia and the United States',
    author: 'Jane Reporter',
    outlet: 'Example Wire',
    date: '2021-12-06',
    url: 'https://news.example.com/india-putin',
    language: 'en',
  });
});

test('passage ranges point into the HTML source', () => {
  const source = readFileSync(join(fixturesDir, 'article-page.html'), 'utf8');
  const article = onlyArticle(ingestFixture('article-page.html'));
  assert.equal(
    textAtRange(source, article.passages[1].range),
    'India and Russia have a long and close relationship. But recently, India has narrowed its <b>distance</b> with the United&nbsp;States, which it believes is vital to confronting China.',
  );
  assert.equal(article.passages[2].range.startLine, 27);
});

test('the title falls back to <title>, then to the first <h1>', () => {
  const withTitle = onlyArticle(ingestString('a.html', '<title>Page title</title><h1>Heading</h1><p>Body text of the page.</p>'));
  assert.equal(withTitle.meta.title, 'Page title');
  const withHeading = onlyArticle(ingestString('a.html', '<body><h1>Heading <em>one</em></h1><p>Body text of the page.</p></body>'));
  assert.equal(withHeading.meta.title, 'Heading one');
  assert.deepEqual(withHeading.passages.map((passage) => passage.text), ['Body text of the page.']);
});

test('a class on <body> or <article> never hides the page', () => {
  const html = '<body class="nav-open social-enabled"><article class="ad-free"><p>The whole story is still read.</p></article></body>';
  assert.deepEqual(onlyArticle(ingestString('a.html', html)).passages.map((passage) => passage.text), ['The whole story is still read.']);
});

test('a <title> loses the site name that og:site_name gives', () => {
  const html = '<head><title>India receives Putin | Example Wire</title><meta property="og:site_name" content="Example Wire"></head><p>Body text of the page.</p>';
  const article = onlyArticle(ingestString('a.html', html));
  assert.equal(article.meta.title, 'India receives Putin');
  assert.equal(article.meta.outlet, 'Example Wire');
});

test('the largest <article> wins over teasers marked up as articles', () => {
  const html = '<article><p>Teaser one.</p></article><article><p>The main story has a much longer first paragraph than any teaser.</p><p>And a second.</p></article><article><p>Teaser two.</p></article>';
  const article = onlyArticle(ingestString('a.html', html));
  assert.deepEqual(article.passages.map((passage) => passage.text), ['The main story has a much longer first paragraph than any teaser.', 'And a second.']);
});

test('a page with no article or main element keeps its body text', () => {
  const article = onlyArticle(ingestString('a.htm', '<html><body><nav>Menu</nav><p>Plain page text.</p><p>More text.</p><footer>Footer</footer></body></html>'));
  assert.deepEqual(article.passages.map((passage) => passage.text), ['Plain page text.', 'More text.']);
});

test('malformed HTML is read by the parser, not rejected', () => {
  const article = onlyArticle(ingestFixture('malformed.html'));
  const texts = article.passages.map((passage) => passage.text);
  assert.ok(texts.includes('First paragraph is not closed'));
  assert.ok(texts.includes('Second bold crossed tags still read.'));
  assert.ok(texts.includes('Unclosed span inside unclosed div'));
});

test('10,000 nested divs are flattened under the depth cap', () => {
  const depth = 10_000;
  const html = `<html><body><article>${'<div>'.repeat(depth)}<p>Deep text survives.</p>${'</div>'.repeat(depth)}<p>After the nest.</p></article></body></html>`;
  const article = onlyArticle(ingestString('nested.html', html));
  assert.deepEqual(article.passages.map((passage) => passage.text), ['Deep text survives.', 'After the nest.']);
});

test('10,000 unclosed nested divs do not hang', () => {
  const html = `<article>${'<div><span>'.repeat(10_000)}Text at the bottom.</article><p>Outside.</p>`;
  const outcome = ingestString('unclosed.html', html);
  assert.equal(onlyArticle(outcome).passages[0].text, 'Text at the bottom.');
});

test('a windows-1251 page declaring its charset is decoded', () => {
  const article = onlyArticle(ingestFixture('declared-windows-1251.html'));
  assert.equal(article.meta.title, 'Визит в Нью-Дели');
  assert.deepEqual(article.passages.map((passage) => passage.text), ['Президент России Владимир Путин прибыл в Нью-Дели.']);
});

test('a nav, cookie banner or footer nested deeper than the 256-level cap is still skipped, listed, and never the title', () => {
  const nest = (inner: string): string => `<html><body>${'<div>'.repeat(300)}${inner}${'</div>'.repeat(300)}</body></html>`;
  const article = onlyArticle(ingestString('deep.html', nest(
    '<nav><a>Home</a> <a>News</a> <a>Sport</a></nav><div class="cookie-banner">We use cookies to improve your experience</div>'
    + '<p>Putin arrived in New Delhi on Monday.</p><p>Modi met him at the airport.</p><footer>Copyright Example Corp</footer>',
  )));
  assert.equal(article.meta.title, 'Putin arrived in New Delhi on Monday.');
  assert.deepEqual(article.passages.map((passage) => passage.text), ['Putin arrived in New Delhi on Monday.', 'Modi met him at the airport.']);
  assert.deepEqual(article.droppedLines.map((dropped) => [dropped.text, dropped.reason]), [
    ['Home News Sport', 'navigation'],
    ['We use cookies to improve your experience', 'marked as cookie-banner'],
    ['Copyright Example Corp', 'page footer'],
  ]);
});

test('blocks nested deeper than the cap still end a line: their words are never glued together', () => {
  const html = `<article>${'<div>'.repeat(300)}<ul><li>Alpha</li><li>Beta</li></ul><p>Gamma.</p>${'</div>'.repeat(300)}</article>`;
  const texts = onlyArticle(ingestString('deep.html', html)).passages.map((passage) => passage.text);
  assert.deepEqual(texts, ['Alpha', 'Beta', 'Gamma.']);
});

test('a heading, a teaser outside the main article and hidden text are listed as dropped, with the reason', () => {
  const html = '<h2>Summit</h2><article><h1>Putin in Delhi</h1><p>The leaders met for three hours on Monday.</p><p hidden>Draft note</p></article><article><p>Teaser.</p></article>';
  const article = onlyArticle(ingestString('a.html', html));
  assert.deepEqual(article.passages.map((passage) => passage.text), ['The leaders met for three hours on Monday.']);
  assert.deepEqual(article.droppedLines.map((dropped) => [dropped.text, dropped.reason]), [
    ['Summit', 'heading'],
    ['Putin in Delhi', 'heading'],
    ['Draft note', 'hidden'],
    ['Teaser.', 'outside the main article'],
  ]);
});
