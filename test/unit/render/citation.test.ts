import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCitationFormat, formatQuote, linkableAddress, quoteTextFor } from '../../../src/core/present/citation';
import type { Article, Passage } from '../../../src/core/model';

const passage: Passage = {
  id: 'p1',
  articleId: 'a1',
  ordinal: 3,
  text: 'Several key agreements are likely to be signed. The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday. Such agreements help.',
  range: { startLine: 20, startCharacter: 0, endLine: 20, endCharacter: 150 },
};
const article: Article = {
  id: 'a1',
  sourceUri: 'file:///corpus/003.txt',
  format: 'txt',
  meta: { title: 'India Does Balancing Act Between Russia and US', outlet: 'News18', author: 'Maha Siddiqui', date: '2021-12-06' },
  passages: [passage],
  droppedLines: [],
};

test('the default format is a block quote with outlet and date', () => {
  const { text, footnote } = formatQuote(defaultCitationFormat, article, 'RELOS is expected to be inked.');
  assert.equal(text, '> RELOS is expected to be inked.\n>\n> — News18, 2021-12-06');
  assert.equal(footnote, undefined);
});

test('every placeholder is filled, and unknown metadata says so instead of inventing it', () => {
  const template = '"{quote}" ({author}, {outlet}, {title}, {date}, {url})';
  const { text } = formatQuote(template, { ...article, meta: { title: 'Untitled piece' } }, 'Quoted words');
  assert.equal(text, '"Quoted words" (unknown author, unknown outlet, Untitled piece, n.d., )');
});

test('the footnote style puts a reference at the cursor and the source in a footnote', () => {
  const { text, footnote } = formatQuote('footnote', article, 'RELOS is expected to be inked.', 'source-2');
  assert.equal(text, '“RELOS is expected to be inked.”[^source-2]');
  assert.equal(footnote, '[^source-2]: Maha Siddiqui, News18, “India Does Balancing Act Between Russia and US”, 2021-12-06.');
});

test('a selection inside a passage quotes its whole sentence', () => {
  assert.equal(quoteTextFor(passage, 'Logistics Agreement'), 'The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday.');
  assert.equal(quoteTextFor(passage, 'not in the passage'), passage.text);
  assert.equal(quoteTextFor(passage), passage.text);
});

const pdfArticle: Article = {
  id: 'a2',
  sourceUri: 'file:///sources/report.pdf',
  format: 'pdf',
  meta: { title: 'Logistics in the Indo-Pacific', author: 'Jane Doe', date: '2021-12-06' },
  passages: [],
  droppedLines: [],
};

test('the default format cites the page of a PDF passage after the date', () => {
  const { text } = formatQuote(defaultCitationFormat, pdfArticle, { text: 'The well-known S-400 batteries were delivered in December.', page: 2 });
  assert.equal(text, '> The well-known S-400 batteries were delivered in December.\n>\n> — unknown outlet, 2021-12-06, p. 2');
});

test('without a page, {page} leaves with the separator before it: no dangling "p." or comma', () => {
  assert.equal(formatQuote(defaultCitationFormat, article, { text: 'RELOS is expected to be inked.' }).text, '> RELOS is expected to be inked.\n>\n> — News18, 2021-12-06');
  assert.equal(formatQuote('{quote} ({outlet}; {page})', article, 'Words.').text, 'Words. (News18)');
  assert.equal(formatQuote('{quote} — {title} · {page}', article, 'Words.').text, 'Words. — India Does Balancing Act Between Russia and US');
  assert.equal(formatQuote('{quote} {page}', article, 'Words.').text, 'Words.');
  assert.equal(formatQuote('{quote} ({page})', pdfArticle, { text: 'Words.', page: 12 }).text, 'Words. (p. 12)');
});

test('{page} fills wherever the writer puts it, and the footnote style names the page after the date', () => {
  assert.equal(formatQuote('{page}: “{quote}” ({author})', pdfArticle, { text: 'Words.', page: 7 }).text, 'p. 7: “Words.” (Jane Doe)');
  const { footnote } = formatQuote('footnote', pdfArticle, { text: 'Words.', page: 7 }, 'source-3');
  assert.equal(footnote, '[^source-3]: Jane Doe, unknown outlet, “Logistics in the Indo-Pacific”, 2021-12-06, p. 7.');
  const withoutPage = formatQuote('footnote', article, { text: 'Words.' }, 'source-4');
  assert.equal(withoutPage.footnote, '[^source-4]: Maha Siddiqui, News18, “India Does Balancing Act Between Russia and US”, 2021-12-06.');
});

test('{url} in the writer\'s own link links to the source\'s web page and nowhere else, as both markdown renderers read it', async () => {
  const { readRendered, renderMarkdown, renderers } = await import('../draft/renderedDraft');
  const withAddress = (url: string): Article => ({ ...article, meta: { ...article.meta, url } });
  const links = (url: string): Array<{ renderer: string; hrefs: string[]; images: number }> =>
    renderers.map((renderer) => {
      const rendered = readRendered(renderMarkdown(formatQuote('{quote} ([{outlet}]({url}))', withAddress(url), 'Quoted words').text, renderer));
      return { renderer, hrefs: rendered.elements.filter((element) => element.name === 'a').map((element) => element.attributes.href), images: rendered.elements.filter((element) => element.name === 'img').length };
    });
  for (const { renderer, hrefs, images } of links('https://www.news18.com/news/india-balancing_act.html')) {
    assert.deepEqual(hrefs, ['https://www.news18.com/news/india-balancing_act.html'], renderer);
    assert.equal(images, 0);
  }
  for (const hostile of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'vscode://some.extension/run', 'not an address']) {
    for (const { renderer, hrefs } of links(hostile)) assert.deepEqual(hrefs.filter((href) => href !== ''), [], `${hostile} through ${renderer}`);
  }
  // An address that tries to end the link early and add an image of its own stays one address.
  for (const { renderer, hrefs, images } of links('https://a.example/x)![pixel](https://evil.example/p.png')) {
    assert.equal(images, 0, renderer);
    assert.equal(hrefs.length, 1, renderer);
    assert.match(hrefs[0], /^https:\/\/a\.example\/x%29/, renderer);
  }
  assert.equal(linkableAddress('https://example.com/a b(c)'), 'https://example.com/a%20b%28c%29');
  assert.equal(linkableAddress(' HTTPS://Example.com/Path '), 'https://example.com/Path');
  assert.equal(linkableAddress('www.example.com'), '', 'no scheme: not a web address the draft can link');
});
