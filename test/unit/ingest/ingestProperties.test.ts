import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../propertyRuns';
import { decodeBytes } from '../../../src/core/ingest/decodeBytes';
import type { Article } from '../../../src/core/model';
import { ingestBytes, ingestString, textAtRange } from './ingestTestSupport';

const formats = ['txt', 'md', 'html', 'htm', 'jsonl'] as const;

/** Fragments that exercise line endings, markup, cruft rules, abbreviations and code-unit edge cases. */
const fragment = fc.constantFrom(
  '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', ' ', '  ', '\t', 'a', 'Putin', 'Modi met Putin.', 'U.S.', 'Mr.', '5.4', '. ', '? ', 'The ',
  '*', '**', '_', '`', '[', ']', '(', ')', '](', '![', '#', '# ', '> ', '- ', '1. ', '---', '<p>', '</p>', '<div>', '<br>', '&amp;',
  '<script>', '<article>', '{"text": "', '"}', '\\n', '\\u00e9', 'Home » ', 'By: Jane Doe', 'Advertising', '• Tag', 'Read more',
  'Last Updated: December 06, 2021', '😀', 'e\u0301', '\u0000', '\u200b', '\u202e', '\ufeff', '\ud800', 'é', 'Путин', '中文',
);

const sourceText = fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 120 }).map((parts) => parts.join(''));

/**
 * What the file holds once encoded and read back the way Sourcebook (and VS Code) reads it:
 * lone surrogates become U+FFFD, a leading BOM goes, and bytes with a NUL in every other
 * position read as UTF-16 (`"\nU.S.\u0000\n\u0000"` is `唊匮.` and a line break).
 */
function asDecoded(text: string): string {
  const decoded = decodeBytes(new TextEncoder().encode(text));
  return decoded.ok ? decoded.text : new TextDecoder().decode(new TextEncoder().encode(text));
}

function wordsOf(text: string): string[] {
  return text.split(' ').filter((word) => word.length > 0);
}

function assertRangesWithinText(source: string, article: Article): void {
  const lines = source.split(/\r\n|\r|\n/);
  let previousEnd = { line: -1, character: 0 };
  for (const passage of article.passages) {
    const { startLine, startCharacter, endLine, endCharacter } = passage.range;
    assert.ok(startLine >= 0 && endLine < lines.length, 'range lines inside the file');
    assert.ok(startCharacter >= 0 && startCharacter <= lines[startLine].length, 'start column inside its line');
    assert.ok(endCharacter >= 0 && endCharacter <= lines[endLine].length, 'end column inside its line');
    assert.ok(startLine < endLine || (startLine === endLine && startCharacter <= endCharacter), 'range is ordered');
    assert.ok(startLine > previousEnd.line || (startLine === previousEnd.line && startCharacter >= previousEnd.character), 'passages in source order, not overlapping');
    previousEnd = { line: endLine, character: endCharacter };
  }
}

test('ingestFile never throws and always returns an outcome, whatever the bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...formats), (bytes, extension) => {
      const outcome = ingestBytes(`random.${extension}`, bytes);
      assert.ok(outcome.kind === 'articles' || outcome.kind === 'skipped');
      if (outcome.kind === 'articles') {
        for (const article of outcome.articles) {
          assert.ok(article.passages.length > 0);
          assert.ok(article.passages.every((passage) => passage.text.length > 0 && !passage.text.includes('\ufffd\ufffd\ufffd\ufffd')));
        }
      }
    }),
    { numRuns: 400 },
  );
});

test('ingestFile reads arbitrary text in every format, with ranges inside the file', () => {
  fc.assert(
    fc.property(sourceText, fc.constantFrom(...formats), (text, extension) => {
      const outcome = ingestString(`random.${extension}`, text);
      assert.ok(outcome.kind === 'articles' || outcome.kind === 'skipped');
      if (outcome.kind === 'articles') {
        outcome.articles.forEach((article) => assertRangesWithinText(asDecoded(text), article));
      }
    }),
    { numRuns: 600 },
  );
});

test('.txt: ranges lie within the text, and the source at a range holds every word of its passage', () => {
  fc.assert(
    fc.property(sourceText, (text) => {
      const outcome = ingestString('random.txt', text);
      if (outcome.kind !== 'articles') {
        return;
      }
      const source = asDecoded(text);
      for (const article of outcome.articles) {
        assertRangesWithinText(source, article);
        for (const passage of article.passages) {
          const atRange = textAtRange(source, passage.range);
          for (const word of wordsOf(passage.text)) {
            assert.ok(atRange.includes(word), `${JSON.stringify(word)} not in ${JSON.stringify(atRange)}`);
          }
        }
      }
    }),
    { numRuns: 800 },
  );
});

test('.md: ranges lie within the text, and a passage is the source at its range with markup removed', () => {
  fc.assert(
    fc.property(sourceText, (text) => {
      const outcome = ingestString('random.md', text);
      if (outcome.kind !== 'articles') {
        return;
      }
      const source = asDecoded(text);
      for (const article of outcome.articles) {
        assertRangesWithinText(source, article);
        for (const passage of article.passages) {
          const atRange = textAtRange(source, passage.range).replace(/\s+/g, '');
          const wanted = passage.text.replace(/\s+/g, '');
          let position = 0;
          for (const char of wanted) {
            position = atRange.indexOf(char, position);
            assert.ok(position >= 0, `${JSON.stringify(passage.text)} is not drawn from ${JSON.stringify(textAtRange(source, passage.range))}`);
            position += char.length;
          }
        }
      }
    }),
    { numRuns: 600 },
  );
});

test('passage ids are unique within an article and identical on a second ingest', () => {
  fc.assert(
    fc.property(sourceText, fc.constantFrom(...formats), (text, extension) => {
      const first = ingestString(`same.${extension}`, text);
      const second = ingestString(`same.${extension}`, text);
      assert.deepEqual(second, first);
      if (first.kind === 'articles') {
        const ids = first.articles.flatMap((article) => article.passages.map((passage) => passage.id));
        assert.equal(new Set(ids).size, ids.length);
      }
    }),
    { numRuns: 300 },
  );
});
