/**
 * Every path by which Sourcebook writes a source's text into the writer's draft (Insert Quote,
 * Copy Citation, a topic completion, a misquote quick fix), over the hostile inputs of issue 19,
 * in a markdown and a plain-text draft. In markdown the rendered draft (two real parsers) holds
 * no image, link, HTML or code from the source and shows the source's words; in plain text the
 * words arrive as written, with no backslash added. In both, no bidi, invisible or control
 * character arrives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../../src/core/model';
import { citationText, defaultCitationFormat, formatQuote } from '../../../src/core/present/citation';
import { draftFlavourOf, inertDraftText, readDraftText, removeInvisibleCharacters, type DraftFlavour } from '../../../src/core/present/draftText';
import { misquoteReplacement } from '../../../src/core/present/misquoteReplacement';
import { checkQuotation, QuotationIndex } from '../../../src/core/quotes/quotationIndex';
import { liveElements, renderers, visibleText } from './renderedDraft';

/** Bidi controls, zero-width and other invisible characters, and C0/C1 controls (tab and line feed are text). */
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]|\udb40[\udc00-\udc7f]/;

/** The source's words as a reader should see them: unsafe characters gone, white space folded. */
function words(source: string): string {
  return source.replace(new RegExp(unsafeCharacters.source, 'g'), '').replace(/\s+/g, ' ').trim();
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

const hostileInputs: Array<[name: string, text: string]> = [
  ['tracking pixel', 'The crew ![pixel](https://tracker.example/p.gif) landed.'],
  ['command link', 'Click [x](command:workbench.action.terminal.new) now.'],
  ['img onerror', 'A picture <img src=x onerror=alert(1)> here.'],
  ['script', 'Text <script>alert("owned")</script> ends.'],
  ['autolink', 'Read <https://tracker.example/a?u=1> and <mailto:a@b.example>.'],
  ['bidi override', 'Price \u202e0051\u202c dollars.'],
  ['bidi isolates', 'The \u2066isolated\u2069 and \u2067rtl\u2069 and \u2068first\u2069 words.'],
  ['zero-width and controls', 'In\u200bvis\u200cible\u200d \u2060joiners\ufeff, a bell\u0007 and escape\u001b[31m.'],
  ['tag characters (ASCII smuggling)', 'Plain text\u{e0049}\u{e0067}\u{e006e} hidden.'],
  ['reference link and definition', '[ref] [x][ref] [^1]\n\n[ref]: command:workbench.action.terminal.new'],
  ['emphasis, code, strike', '**bold** __also__ *em* _em_ `code` ~~strike~~ ~single~'],
  ['block markers at the start', '# Heading\n- item\n1. item\n> quote\n| a | b |\n|---|---|\n```\nfence\n```\n    code'],
  ['character references', '&lt;img src=x onerror=alert(1)&gt; &#x202E; &amp; AT&T'],
  ['HTML comment and CDATA', '<!-- hidden --> <![CDATA[x]]> <?php ?>'],
  ['snippet syntax', 'Costs $1 and ${x} and ${1:default} and $TM_FILENAME.'],
  ['inline math', 'Paid US$ 5bn, or $5bn; $x^2$ and $$y$$.'],
  ['backslashes', 'C:\\Users\\x\\ and a trailing \\'],
  ['theme icon', 'Engines $(zap) $(terminal) roared.'],
];

const article = (title: string, outlet: string): Article => ({
  id: 'a1',
  sourceUri: 'file:///corpus/hostile.md',
  format: 'md',
  meta: { title, outlet, author: 'A. Writer', date: '2021-12-06', url: 'https://news.example/story' },
  passages: [],
  droppedLines: [],
});

const hostileArticle = article('Bidi \u202eevil\u202c ![t](https://tracker.example/t.gif) <b>title</b>', 'Outlet \u2066isolated\u2069 [o](command:x)');

/** Each way source text reaches the draft, as the command or provider calls the core. */
const paths: Array<[name: string, write: (source: string, flavour: DraftFlavour) => string]> = [
  ['Insert Quote (default block quote)', (source, flavour) => formatQuote(defaultCitationFormat, hostileArticle, source, 'source-1', { flavour, before: '', after: '' }).text],
  ['Insert Quote (footnote)', (source, flavour) => {
    const quote = formatQuote('footnote', hostileArticle, source, 'source-1', { flavour, before: 'As reported, ', after: ' Then.' });
    return `As reported, ${quote.text} Then.\n\n${quote.footnote}`;
  }],
  ['Insert Quote (template with every field)', (source, flavour) => `Intro: ${formatQuote('{quote} ({author}, {outlet}, {title}, {date}, {url})', article(source, source), source, 'source-1', { flavour, before: 'Intro: ' }).text}`],
  ['Copy Citation', (source, flavour) => citationText(defaultCitationFormat, article(source, source), source, flavour)],
  ['Copy Citation (footnote)', (source, flavour) => citationText('footnote', article(source, source), source, flavour)],
  ['topic completion', (source, flavour) => `Talks on ${inertDraftText(source, flavour, { before: 'Talks on ', after: ' went well.' })} went well.`],
  ['topic completion at a line start', (source, flavour) => inertDraftText(source, flavour, { before: '', after: '' })],
  ['misquote quick fix', (source, flavour) => `He said “${misquoteReplacement('the words he used,', source, flavour, 'He said “', '” and left.')}” and left.`],
];

for (const [pathName, write] of paths) {
  test(`${pathName}, markdown draft: no image, link, HTML or code comes alive, and the source's words show`, () => {
    for (const [inputName, source] of hostileInputs) {
      const draft = write(source, 'markdown');
      assert.ok(!unsafeCharacters.test(draft), `${inputName}: an unsafe character in ${JSON.stringify(draft)}`);
      for (const renderer of renderers) {
        assert.deepEqual(liveElements(draft, renderer), [], `${inputName} via ${renderer}: live markup from ${JSON.stringify(draft)}`);
        const shown = visibleText(draft, renderer).text;
        for (const word of words(source).split(' ')) assert.ok(shown.includes(word), `${inputName} via ${renderer}: "${word}" is not shown in ${JSON.stringify(shown)}`);
      }
    }
  });

  test(`${pathName}, plain-text draft: the words as written, no backslash added, no unsafe character`, () => {
    for (const [inputName, source] of hostileInputs) {
      const draft = write(source, 'plaintext');
      assert.ok(!unsafeCharacters.test(draft), `${inputName}: an unsafe character in ${JSON.stringify(draft)}`);
      const firstLine = source.replace(new RegExp(unsafeCharacters.source, 'g'), '').trim().split('\n')[0];
      const copies = draft.split(firstLine).length - 1;
      assert.ok(copies > 0, `${inputName}: ${JSON.stringify(firstLine)} is not in ${JSON.stringify(draft)}`);
      assert.equal(count(draft, '\\'), copies * count(source, '\\'), `${inputName}: backslashes added in ${JSON.stringify(draft)}`);
    }
  });
}

test('the reproducers of issue 19 are written as escaped text, readable in the draft', () => {
  const cases: Array<[string, string]> = [
    ['![pixel](https://tracker.example/p.gif)', '!\\[pixel\\](https://tracker.example/p.gif)'],
    ['[x](command:workbench.action.terminal.new)', '\\[x\\](command:workbench.action.terminal.new)'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['<https://tracker.example/a>', '&lt;https://tracker.example/a>'],
    ['a\u202eb\u2066c\u2069d\u2067e\u2068f', 'abcdef'],
    ['He [Putin] said it, AT&T and (RELOS) too.', 'He \\[Putin\\] said it, AT&T and (RELOS) too.'],
    ["snake_case isn't _emphasis_ or *this*", "snake_case isn't \\_emphasis\\_ or \\*this\\*"],
    ['US$ 5bn and $5 million', 'US\\$ 5bn and $5 million'],
    ['&amp; and &#x202E; but not AT&T', '&amp;amp; and &amp;#x202E; but not AT&T'],
  ];
  for (const [source, expected] of cases) assert.equal(inertDraftText(source, 'markdown', { before: 'Mid-line ' }), expected, source);
});

test('block markers are escaped only where the value starts a line', () => {
  for (const [source, atLineStart] of [['# Heading', '\\# Heading'], ['- item', '\\- item'], ['1984. The year', '1984\\. The year'], ['2) second', '2\\) second'], ['> quote', '\\> quote'], ['=====', '\\====='], ['|---|---|', '\\|---|---|'], [':--|--', '\\:--|--'], ['+ plus', '\\+ plus']]) {
    assert.equal(inertDraftText(source, 'markdown'), atLineStart, `${source} with no surroundings (a line start)`);
    assert.equal(inertDraftText(source, 'markdown', { before: '> ' }), atLineStart, `${source} after a block quote marker`);
    assert.equal(inertDraftText(source, 'markdown', { before: 'Intro\n- ' }), atLineStart, `${source} in a list item`);
    assert.equal(inertDraftText(source, 'markdown', { before: 'Words before ' }), source, `${source} mid-line needs no escape`);
  }
});

test('the neighbours decide: a trailing ! before the writer\'s [, the writer\'s own backslash or <', () => {
  assert.equal(inertDraftText('Stop!', 'markdown', { before: 'x ', after: '[note](https://w.example)' }), 'Stop\\!');
  assert.equal(inertDraftText('Stop!', 'markdown', { before: 'x ', after: ' Then.' }), 'Stop!');
  for (const renderer of renderers) assert.deepEqual(liveElements(`x ${inertDraftText('Stop!', 'markdown', { before: 'x ', after: '[note](https://w.example)' })}[note](https://w.example)`, renderer).filter((element) => element.startsWith('<img')), []);
  const afterBackslash = `Writer's \\${inertDraftText('<img src=x onerror=alert(1)>', 'markdown', { before: "Writer's \\" })}`;
  for (const renderer of renderers) assert.deepEqual(liveElements(afterBackslash, renderer), [], afterBackslash);
  const afterAngle = `<${inertDraftText('img src=https://tracker.example/p.gif', 'markdown', { before: '<', after: '>' })}>`;
  for (const renderer of renderers) assert.deepEqual(liveElements(afterAngle, renderer), [], afterAngle);
  assert.equal(inertDraftText('snake_', 'markdown', { before: 'a ', after: 'case' }), 'snake_');
  assert.equal(inertDraftText('snake_', 'markdown', { before: 'a ', after: ' b' }), 'snake\\_');
});

test('joiners stay where a script or an emoji needs them, and go where they only hide', () => {
  assert.equal(removeInvisibleCharacters('می\u200cخواهم'), 'می\u200cخواهم', 'Persian non-joiner');
  assert.equal(removeInvisibleCharacters('क्\u200dष'), 'क्\u200dष', 'Devanagari joiner');
  assert.equal(removeInvisibleCharacters('👨\u200d👩\u200d👧'), '👨\u200d👩\u200d👧', 'family emoji');
  assert.equal(removeInvisibleCharacters('🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'), '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', 'the Scottish flag');
  assert.equal(removeInvisibleCharacters('Pu\u200dtin Pu\u200ctin \u200dstart end\u200d'), 'Putin Putin start end');
  assert.equal(removeInvisibleCharacters('a\u{e0041}\u{e0042}b'), 'ab');
});

test('plain text keeps line breaks (as \\n) and tabs; markdown folds them to spaces', () => {
  assert.equal(inertDraftText('one\r\ntwo\rthree\u2028four\tfive', 'plaintext'), 'one\ntwo\nthree\nfour\tfive');
  assert.equal(inertDraftText('one\r\n\r\n# two\n\n    three', 'markdown'), 'one # two three');
});

test('a draft is read as markdown unless it is plain text', () => {
  assert.equal(draftFlavourOf('plaintext'), 'plaintext');
  assert.equal(draftFlavourOf('markdown'), 'markdown');
  assert.equal(draftFlavourOf('latex'), 'markdown');
});

test('the writer\'s template is kept as written; only the values are made inert', () => {
  const template = '**{title}** — [{outlet}]({url}) <!-- {date} -->\n> {quote}';
  const { text } = formatQuote(template, article('A *great* title', 'The Outlet'), 'Words with [brackets].', 'source-1', { flavour: 'markdown' });
  assert.equal(text, '**A \\*great\\* title** — [The Outlet](https://news.example/story) <!-- 2021-12-06 -->\n> Words with \\[brackets\\].');
  const plain = formatQuote(template, article('A *great* title', 'The Outlet'), 'Words with [brackets].', 'source-1', { flavour: 'plaintext' });
  assert.equal(plain.text, '**A *great* title** — [The Outlet](https://news.example/story) <!-- 2021-12-06 -->\n> Words with [brackets].');
});

test('an inserted quote with escapes, read as the preview reads it, checks as the source\'s exact words (no misquote warning)', () => {
  const text = 'He [Putin] said: "*never*" — AT&T_ and US$ 5bn <b>now</b>, at C:\\x.';
  const index = new QuotationIndex([{ id: 'p1', articleId: 'a1', ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: text.length } }]);
  const inserted = inertDraftText(text, 'markdown', { before: '“', after: '”' });
  assert.notEqual(inserted, text);
  assert.equal(checkQuotation(inserted, index).verdict, 'near', 'read raw, the escapes differ from the source');
  const check = checkQuotation(readDraftText(inserted, 'markdown'), index);
  assert.equal(check.verdict, 'verbatim', JSON.stringify(check));
  assert.equal(misquoteReplacement(`${inserted},`, check.sourceText ?? '', 'markdown', '“', '”'), `${inserted},`, 'the quick fix of an inserted quote changes nothing');
  assert.equal(readDraftText(inserted, 'plaintext'), inserted);
});

test('nothing in src inserts a SnippetString (where $1 and ${x} in source text would become placeholders)', () => {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && /SnippetString|insertSnippet/.test(readFileSync(path, 'utf8'))) found.push(path);
    }
  };
  walk(join(__dirname, '../../../../src'));
  assert.deepEqual(found, []);
});
