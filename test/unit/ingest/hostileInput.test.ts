import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestString, onlyArticle } from './ingestTestSupport';

// One test per class of hostile input that was once super-linear (see the hostile-input section
// of BENCHMARKS.md for the times). Each runs its reproducer at a size that used to take minutes
// and checks what a reader of the sources would see; the timeout only catches a hang.
const hang = { timeout: 120_000 };

function passageTexts(fileName: string, text: string): string[] {
  return onlyArticle(ingestString(fileName, text)).passages.map((passage) => passage.text);
}

test('1,000,000 unclosed <div>s (5 MB): the text after them is a passage, and the flattening is reported', hang, () => {
  const outcome = ingestString('deep.html', `<body>${'<div>'.repeat(1_000_000)}after the nesting`);
  assert.deepEqual(onlyArticle(outcome).passages.map((passage) => passage.text), ['after the nesting']);
  assert.ok(outcome.kind === 'articles');
  assert.ok(outcome.warnings.some((warning) => /^999,?7\d\d HTML element\(s\) nested more than 256 deep were flattened/.test(warning)), outcome.warnings.join('\n'));
});

test('past the depth cap, the page keeps its shape: the article ends where it ends, a deep <script> stays out', hang, () => {
  const deep = `${'<div>'.repeat(1000)}deep text<script>var hidden = 1;</script>${'</div>'.repeat(1000)}`;
  const html = `<body><nav>Menu</nav><article><p>Intro.</p>${deep}<p>After.</p></article><footer>Footer</footer>`;
  assert.deepEqual(passageTexts('shape.html', html), ['Intro.', 'deep text', 'After.']);
  const unclosed = `<article>${'<div><span>'.repeat(10_000)}Text at the bottom.</article><p>Outside.</p>`;
  assert.deepEqual(passageTexts('unclosed.html', unclosed), ['Text at the bottom.']);
});

test('end tags that close nothing and implied ends under deep nesting (5 MB each) keep the text after them', hang, () => {
  assert.deepEqual(passageTexts('spans.html', `<body>${'<div></span>'.repeat(420_000)}after the nesting`), ['after the nesting']);
  assert.deepEqual(passageTexts('implied.html', `<body>${'<p><div></p>'.repeat(420_000)}after the nesting`), ['after the nesting']);
});

test('two words around 10 MB of newlines are both found, in .txt, .md, .html and escaped in .jsonl', hang, () => {
  const newlines = '\n'.repeat(10_000_000);
  assert.deepEqual(passageTexts('blank.txt', `Headline\n\nalpha${newlines}omega`), ['alpha', 'omega']);
  assert.deepEqual(passageTexts('blank.md', `alpha${newlines}omega`), ['alpha', 'omega']);
  assert.deepEqual(passageTexts('blank.html', `<body><p>alpha${newlines}omega</p>`), ['alpha', 'omega']);
  assert.deepEqual(passageTexts('blank.jsonl', `{"text":"alpha${'\\n'.repeat(5_000_000)}omega"}`), ['alpha', 'omega']);
  assert.deepEqual(passageTexts('tabs.jsonl', `{"text":"alpha${'\\t'.repeat(5_000_000)}omega"}`), ['alpha', 'omega']);
});

test('a backtick run of every length from 3,162 down to 1 on one 5 MB line: its paragraph is read, the next one too', hang, () => {
  const runs = ['Text '];
  for (let length = 3162; length >= 1; length--) runs.push('`'.repeat(length), 'x');
  const passages = passageTexts('ticks.md', `${runs.join('')}${'`'.repeat(3163)}\n\nA closing paragraph.`);
  assert.equal(passages[passages.length - 1], 'A closing paragraph.');
  assert.ok(passages[0].startsWith('Text '));
});

test('a heading line of 1,000,000 spaces that ends in U+2028 stays text, and the paragraph after it is read', hang, () => {
  const passages = passageTexts('heading.md', `Intro.\n\n# a${' '.repeat(1_000_000)}b\u2028\n\nA closing paragraph.`);
  assert.deepEqual(passages, ['Intro.', '# a', 'b', 'A closing paragraph.']);
});

test('share-button lines with runs of spaces are read in an instant; a real one is still dropped', hang, () => {
  const lure = `${'facebook     '.repeat(18)}!\n`;
  const article = onlyArticle(ingestString('share.txt', `Title\n\n${lure.repeat(2000)}Facebook     Twitter     Email\n\nA closing paragraph.`));
  assert.equal(article.passages[article.passages.length - 1].text, 'A closing paragraph.');
  assert.ok(article.droppedLines.some((line) => line.text === 'Facebook     Twitter     Email' && line.reason === 'share/follow line'));
});

test('an HTML line of "Published", 1,000,000 spaces and a line break is no date stamp and does not stall', hang, () => {
  const outcome = ingestString('stamp.html', `<body><p>Published${' '.repeat(1_000_000)}\n</p><p>A closing paragraph.</p>`);
  assert.deepEqual(onlyArticle(outcome).passages.map((passage) => passage.text), ['Published', 'A closing paragraph.']);
  assert.equal(onlyArticle(outcome).meta.date, undefined);
});

test('a .jsonl line of 2.5 million nested arrays (5 MB): its text and metadata are read from its top level, the other lines as usual, and it is reported', hang, () => {
  const deep = `{"text":"Deep record text.","outlet":"Wire","x":${'['.repeat(2_500_000)}${']'.repeat(2_500_000)},"__proto__":"kept as a key"}`;
  const outcome = ingestString('alerts.jsonl', `{"text":"First alert.","outlet":"Agency"}\n${deep}\n{"text":"Third alert."}`);
  assert.ok(outcome.kind === 'articles');
  assert.deepEqual(outcome.articles.map((article) => article.passages.map((passage) => passage.text)), [['First alert.'], ['Deep record text.'], ['Third alert.']]);
  assert.equal(outcome.articles[1].meta.outlet, 'Wire');
  assert.ok(outcome.warnings.some((warning) => /^1 line\(s\) nest arrays or objects more than 256 deep; only their top-level text and metadata fields were read \(line 2\)/.test(warning)), outcome.warnings.join('\n'));
  // Shallow nesting is parsed whole, as before: no warning.
  const shallow = ingestString('shallow.jsonl', `{"text":"Shallow.","x":${'['.repeat(200)}${']'.repeat(200)}}`);
  assert.ok(shallow.kind === 'articles' && shallow.warnings.every((warning) => !/nest/.test(warning)));
});

test('a markdown line of backslashes (each pair one escaped backslash) between two words: every escaped backslash is kept; at 2,000,000 the paragraph is shortened as any long one', hang, () => {
  const read = (count: number) => {
    const outcome = ingestString('escapes.md', `alpha ${'\\'.repeat(count)} omega\n\nNext \\*paragraph\\* here.`);
    return { texts: onlyArticle(outcome).passages.map((passage) => passage.text), warnings: outcome.kind === 'articles' ? outcome.warnings : [] };
  };
  const backslashesIn = (texts: string[]) => texts.reduce((sum, text) => sum + (text.match(/\\/g)?.length ?? 0), 0);
  const { texts } = read(190_000);
  assert.ok(texts[0].startsWith('alpha \\\\\\'), texts[0].slice(0, 20));
  assert.ok(texts.at(-2)!.endsWith('\\ omega'));
  assert.equal(backslashesIn(texts), 95_000, 'one backslash read for each escaped one');
  assert.equal(texts.at(-1), 'Next *paragraph* here.');
  const long = read(2_000_000);
  assert.ok(long.texts[0].startsWith('alpha \\\\\\'));
  assert.equal(long.texts.at(-1), 'Next *paragraph* here.');
  assert.ok(long.warnings.some((warning) => /paragraph\(s\) of more than 100000 characters were shortened/.test(warning)), long.warnings.join('\n'));
});
