import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from '../propertyRuns';
import type { HighlightedText } from '../../../src/core/model';
import { buildSnippet, SNIPPET_LENGTH } from '../../../src/core/search/passageSnippet';
import { termSpans } from '../../../src/core/search/searchTokens';

function spansOf(text: string, words: string[]): Array<{ start: number; end: number; group: number }> {
  return termSpans(text)
    .map((span) => ({ ...span, group: words.indexOf(span.term) }))
    .filter((span) => span.group >= 0);
}

function marked(snippet: HighlightedText): string[] {
  return snippet.highlights.map(({ start, end }) => snippet.text.slice(start, end));
}

const longPassage =
  'Even though differences remain, government sources said the Chennai-Vladivostok maritime route is an example of Indian-Russian cooperation in the Indo-Pacific. During his visit to Vladivostok in 2019, Prime Minister Narendra Modi had signed a Memorandum of Intent for connectivity in this sea route that stretches to around 10,300 km and cuts the shipping time to roughly 24 days from 40 days.';

describe('buildSnippet', () => {
  it('keeps a short passage whole, with every match highlighted', () => {
    const text = 'Vladimir Putin has promised China a visit for the Olympics.';
    const snippet = buildSnippet(text, spansOf(text, ['putin', 'olympic']));
    assert.equal(snippet.text, text);
    assert.deepEqual(marked(snippet), ['Putin', 'Olympics']);
  });

  it('trims a long passage around the words that match, with ellipses and whole words', () => {
    const snippet = buildSnippet(longPassage, spansOf(longPassage, ['memorandum', 'intent']));
    assert.ok(snippet.text.length <= SNIPPET_LENGTH + 25, `${snippet.text.length} characters`);
    assert.match(snippet.text, /^…\S/);
    assert.match(snippet.text, /\S…$/);
    assert.match(snippet.text, /signed a Memorandum of Intent for connectivity/);
    assert.deepEqual(marked(snippet), ['Memorandum', 'Intent']);
    const words = longPassage.split(' ');
    for (const piece of snippet.text.replace(/…/g, '').split(' ')) {
      assert.ok(words.includes(piece), `"${piece}" is a cut word`);
    }
  });

  it('prefers the window where most different query words meet', () => {
    const snippet = buildSnippet(longPassage, spansOf(longPassage, ['sea', 'route']));
    assert.match(snippet.text, /this sea route that stretches/);
  });

  it('starts at the beginning when nothing matched', () => {
    const snippet = buildSnippet(longPassage, []);
    assert.ok(snippet.text.startsWith('Even though differences remain'));
    assert.ok(snippet.text.endsWith('…'));
  });

  it('never splits a surrogate pair and keeps highlights on the matched text (property)', () => {
    const piece = fc.constantFrom('word ', '😀', 'Ω', ' ', 'match ', '𝒜', 'x');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 200 }), (pieces) => {
        const text = pieces.join('');
        const snippet = buildSnippet(text, spansOf(text, ['match']));
        const body = snippet.text.replace(/^…/, '').replace(/…$/, '');
        assert.ok(text.includes(body), 'the snippet is a piece of the passage');
        for (let index = 0; index < snippet.text.length; index++) {
          const code = snippet.text.charCodeAt(index);
          if (code >= 0xd800 && code <= 0xdbff) {
            const next = snippet.text.charCodeAt(index + 1);
            assert.ok(next >= 0xdc00 && next <= 0xdfff, 'a high surrogate is followed by its pair');
          } else if (code >= 0xdc00 && code <= 0xdfff) {
            const previous = snippet.text.charCodeAt(index - 1);
            assert.ok(previous >= 0xd800 && previous <= 0xdbff, 'a low surrogate follows its pair');
          }
        }
        assert.ok(marked(snippet).every((word) => word === 'match'));
      }),
      { numRuns: 500 },
    );
  });
});
