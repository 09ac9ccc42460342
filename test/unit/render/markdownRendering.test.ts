/**
 * Escaped article text, rendered by real markdown parsers, is only text: no link, image,
 * autolink or HTML. `marked` (GFM on) is the renderer VS Code uses for hovers, and it turns bare
 * URLs, `www.` names and e-mail addresses into links; markdown-it is a strict CommonMark
 * parser. Both must agree that nothing live comes out of `escapeMarkdown` and
 * `escapeMarkdownWithBold`, for arbitrary strings and for targeted hostile ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from '../propertyRuns';
import MarkdownIt from 'markdown-it';
import { marked, type Token as MarkedToken } from 'marked';
import { escapeMarkdown, escapeMarkdownWithBold } from '../../../src/core/present/markdownEscape';

const commonMark = new MarkdownIt('commonmark', { html: true });

/** What the hover renderer would make live, by marked's reading (GFM, as in VS Code). */
function liveByMarked(markdown: string): string[] {
  const found: string[] = [];
  marked.walkTokens(marked.lexer(markdown, { gfm: true }), (token: MarkedToken) => {
    if (token.type === 'link' || token.type === 'image' || token.type === 'html') found.push(`${token.type}: ${token.raw}`);
  });
  return found;
}

/** The same, by markdown-it's CommonMark reading (autolinks are link_open with markup "autolink"). */
function liveByCommonMark(markdown: string): string[] {
  const found: string[] = [];
  const visit = (tokens: ReturnType<typeof commonMark.parse>) => {
    for (const token of tokens) {
      if (/^(link_open|image|html_inline|html_block)$/.test(token.type)) found.push(`${token.type}: ${token.content || token.attrGet('href') || ''}`);
      if (token.children) visit(token.children);
    }
  };
  visit(commonMark.parse(markdown, {}));
  return found;
}

/** Every tag the marked HTML output holds, by name. */
function tagsInHtml(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1].toLowerCase());
}

function assertInert(markdown: string, source: string, allowedTags = ['p', 'strong', 'pre', 'code']): void {
  const byMarked = liveByMarked(markdown);
  assert.deepEqual(byMarked, [], `marked made something live from ${JSON.stringify(source)} -> ${JSON.stringify(markdown)}`);
  const byCommonMark = liveByCommonMark(markdown);
  assert.deepEqual(byCommonMark, [], `markdown-it made something live from ${JSON.stringify(source)} -> ${JSON.stringify(markdown)}`);
  const tags = tagsInHtml(marked.parse(markdown, { gfm: true, async: false }) as string);
  const unexpected = tags.filter((tag) => !allowedTags.includes(tag));
  assert.deepEqual(unexpected, [], `unexpected HTML from ${JSON.stringify(source)}: ${tags.join(' ')}`);
}

/** What a reader sees of rendered HTML: tags dropped, entities decoded, white space folded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_reference, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text escapeMarkdown promises to show: controls, bidi and zero-width characters gone, line breaks as spaces. */
function expectedVisible(source: string): string {
  return source
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const hostileStrings = [
  '[x](command:workbench.action.terminal.new)',
  '[click](command:sourcebook.insertQuote?%5B%22..%2F..%2Fetc%2Fpasswd%22%5D)',
  '![pixel](https://tracker.example.com/p.gif?u=writer)',
  '![](data:image/png;base64,iVBORw0KGgo=)',
  '<img src=x onerror=alert(1)>',
  '<script>alert("owned")</script>',
  '<a href="javascript:alert(1)">x</a>',
  '<!-- comment --> <?php ?> <![CDATA[x]]> <!DOCTYPE html>',
  '<http://evil.example> <mailto:a@b.example> <command:workbench.action.terminal.new>',
  'https://evil.example/path?q=1 www.evil.example user@evil.example ftp://x.example',
  'javascript:alert(1) file:///etc/passwd data:text/html,<b>x</b> vscode://x/y',
  '[ref]\n\n[ref]: command:workbench.action.terminal.new',
  '[x][y]\n[y]: https://tracker.example',
  '$(zap) $(terminal) $(alert~spin)',
  '**bold** __also__ *em* _em_ ~~strike~~ `code` ``double``',
  '    four spaces of indent then <b>html</b>',
  '# heading\n- item\n1. item\n> quote\n| a | b |\n|---|---|\n```\nfence\n```',
  '&lt;img src=x onerror=alert(1)&gt; &#60;script&#62; &#x3C;',
  '\\[x\\](command:y) \\\\[x](command:y)',
  '[x](<command:y>) [x]( command:y ) [x](command:y "title")',
  'a\u202e<img src=x>\u202c b\u200b[c](d:e)',
  '\u0000<\u0000img src=x\u0000> [\u0000x](command:y)',
  '*'.repeat(5000),
  '['.repeat(2000) + '](command:x)'.repeat(200),
  '<'.repeat(1000) + 'a href=x>' + '>'.repeat(1000),
];

/** Characters and fragments markdown reacts to, in any order: the interesting corner of "arbitrary". */
const markdownSoup = fc
  .array(
    fc.constantFrom(
      '[', ']', '(', ')', '!', '<', '>', '*', '_', '`', '~', '\\', ':', '/', '.', '@', '#', '&', ';', '|', '-', '=', '"', "'", '$',
      ' ', '    ', '\t', '\n', '\r\n', '\r', 'a', 'x', 'img', 'script', 'src=', 'onerror=', 'http', 'https://', 'www.', 'example.com',
      'command:', 'javascript:', 'mailto:', 'data:', 'file:', '&lt;', '&#60;', '\u202e', '\u200b', '\u0000', '😀', 'é', '\u0301',
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), markdownSoup);

/** Bold spans over a text, possibly out of range, overlapping or empty, as callers might pass. */
const textWithSpans = anyText.chain((text) =>
  fc.tuple(
    fc.constant(text),
    fc.array(
      fc.tuple(fc.integer({ min: -3, max: text.length + 3 }), fc.integer({ min: 0, max: 20 })).map(([start, length]) => ({ start, end: start + length })),
      { maxLength: 5 },
    ),
  ),
);

test('targeted hostile strings render to no link, image, autolink or HTML', () => {
  for (const hostile of hostileStrings) {
    assertInert(escapeMarkdown(hostile), hostile);
    assertInert(escapeMarkdownWithBold(hostile, [{ start: 0, end: Math.min(5, hostile.length) }, { start: 8, end: 30 }]), hostile);
  }
});

test('escapeMarkdown: arbitrary text renders to no link, image, autolink or HTML (marked and markdown-it)', () => {
  fc.assert(
    fc.property(anyText, (text) => assertInert(escapeMarkdown(text), text)),
    { numRuns: 1500 },
  );
});

test('escapeMarkdownWithBold: arbitrary text and spans render to no link, image, autolink or HTML', () => {
  // Spans may cover only characters the escaping drops (a bidi override): then `****` can be left,
  // which is a thematic break, not a live element, so <hr> is tolerated here (see the test below).
  fc.assert(
    fc.property(textWithSpans, ([text, spans]) => assertInert(escapeMarkdownWithBold(text, spans), text, ['p', 'strong', 'em', 'pre', 'code', 'hr'])),
    { numRuns: 1500 },
  );
});

test('escaped text placed in the hover body after our own markdown stays inert', () => {
  fc.assert(
    fc.property(anyText, anyText, (snippet, title) => {
      // The shape renderTopicCard gives a passage: the snippet, a blank line, then "— *outlet* · title".
      const markdown = `${escapeMarkdown(snippet)}\n\n— *${escapeMarkdown(title)}* · ${escapeMarkdown(title)}`;
      assertInert(markdown, `${snippet} | ${title}`, ['p', 'strong', 'em', 'pre', 'code']);
    }),
    { numRuns: 500 },
  );
});

test('a reader sees exactly the text: no character is lost or added by escaping', () => {
  // Leading spaces or tabs would open an indented code block, which shows the backslashes;
  // passages and titles are cleaned and trimmed before they reach the hover, so the text here is too.
  fc.assert(
    fc.property(anyText.map((text) => expectedVisible(text)), (text) => {
      const html = marked.parse(escapeMarkdown(text), { gfm: true, async: false }) as string;
      assert.equal(visibleText(html), expectedVisible(text), `${JSON.stringify(text)} -> ${JSON.stringify(escapeMarkdown(text))}`);
    }),
    { numRuns: 1000 },
  );
});

/** A text and a word-like span in it (highlights are search terms: they start and end with a letter or digit). */
const textWithWordSpan = fc
  .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 60 })
  .map((text) => expectedVisible(text))
  .chain((text) => {
    const candidates: Array<{ start: number; end: number }> = [];
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        if (/^[A-Za-z0-9](.*[A-Za-z0-9])?$/s.test(text.slice(start, end))) candidates.push({ start, end });
      }
    }
    return candidates.length === 0 ? fc.constant(undefined) : fc.constantFrom(...candidates).map((span) => ({ text, span }));
  })
  .filter((value): value is { text: string; span: { start: number; end: number } } => value !== undefined);

test('a word-like bold span shows the same text, with only the span in <strong>', () => {
  fc.assert(
    fc.property(textWithWordSpan, ({ text, span }) => {
      const html = marked.parse(escapeMarkdownWithBold(text, [span]), { gfm: true, async: false }) as string;
      assert.equal(visibleText(html), text);
      const bold = [...html.matchAll(/<strong>(.*?)<\/strong>/g)].map((match) => visibleText(match[1]));
      assert.deepEqual(bold, [text.slice(span.start, span.end)], html);
    }),
    { numRuns: 1000 },
  );
});

test('bold spans in awkward places stay inert: after punctuation before a letter, or over dropped characters only', () => {
  // CommonMark: a closing ** right after punctuation and before a letter is not right-flanking, so
  // marked may show the asterisks; a span over a bidi override alone leaves "****", a thematic
  // break. Neither is live; search highlights are words, so hovers do not meet them.
  for (const [text, start, end] of [['!0', 0, 1], ['\u202e', 0, 1], ['a.b', 0, 2], ['x\u200by', 1, 2]] as const) {
    assertInert(escapeMarkdownWithBold(text, [{ start, end }]), text, ['p', 'strong', 'hr']);
  }
});

test('the largest hover Sourcebook builds, from pathological text, renders as inert text with its highlight', () => {
  // marked slows down quadratically on long runs of backslash escapes (70,000 escaped asterisks
  // take about 20 s), so the caps matter: passages are at most 800 characters and a hover shows
  // at most 10. This renders 10 such passages of the worst kinds found.
  for (const unit of ['*', '[', '](', '<', '`', '\\', '_', '&#']) {
    const passage = unit.repeat(Math.ceil(800 / unit.length)).slice(0, 800);
    const markdown = Array.from({ length: 10 }, () => `${escapeMarkdownWithBold(passage, [{ start: 10, end: 20 }])}\n\n— *${escapeMarkdown(passage.slice(0, 120))}*`).join('\n\n');
    // How fast: `npm run bench`; a quadratic slowdown here would meet the unit tier's timeout.
    assertInert(markdown, passage, ['p', 'strong', 'em']);
    assert.equal((marked.parse(markdown, { gfm: true, async: false }) as string).match(/<strong>/g)?.length, 10, `${JSON.stringify(unit)}: one highlight per passage`);
  }
});
