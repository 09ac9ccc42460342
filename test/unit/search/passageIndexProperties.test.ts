import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from '../propertyRuns';
import type { Article } from '../../../src/core/model';
import { PassageIndex } from '../../../src/core/search/passageIndex';
import { deserializePassageIndex, serializePassageIndex } from '../../../src/core/search/passageIndexPersistence';
import { parseSearchQuery } from '../../../src/core/search/searchQuery';
import { splitCodeTerm, termSpans } from '../../../src/core/search/searchTokens';
import { isWithinOneEdit, MIN_TYPO_LENGTH } from '../../../src/core/search/typoNeighbours';

const WORDS = [
  'alpha', 'beta', 'gamma', 'delta', 'omega', 'Russia', 'Russia’s', 'missile', 'missiles', 'S-400', 'S400', 'route',
  'routes', 'maritime', 'Afghanistan', 'café', 'Café', 'the', 'of', '2+2', 'East', 'far',
];
const QUERY_WORDS = [...WORDS, 'Afganistan', 'missle', 'gamna', 'omgea', 'S 400', 's-400', 'COP26', 'zzz', 'Russias', 'Afgh', 'mis', 'Rus', 'ro', 'mariti', 'S40'];

function makeArticle(id: number, passages: string[][]): Article {
  let line = 0;
  return {
    id: `a${id}`,
    sourceUri: `file:///a${id}.txt`,
    format: 'txt',
    meta: { title: `Article ${id}` },
    droppedLines: [],
    passages: passages.map((words, ordinal) => {
      const text = words.join(' ');
      line += 2;
      return { id: `a${id}-p${ordinal}`, articleId: `a${id}`, ordinal, text, range: { startLine: line, startCharacter: 0, endLine: line, endCharacter: text.length } };
    }),
  };
}

/** The meaning of a query, computed the slow way: read every live passage. */
function bruteForce(articles: Map<string, Article>, query: string, prefixLastWord = false): string[] {
  const passages = [...articles.values()].flatMap((article) => article.passages);
  const termsOf = new Map(passages.map((passage) => [passage.id, termSpans(passage.text).map((span) => span.term)]));
  const vocabulary = new Set([...termsOf.values()].flat());
  const resolve = (text: string): string[] =>
    termSpans(text, 'always').flatMap(({ term }) => (!vocabulary.has(term) && splitCodeTerm(term).length > 0 ? splitCodeTerm(term) : [term]));
  const parsed = parseSearchQuery(query);
  const phrases = parsed.phrases.map(resolve).filter((phrase) => phrase.length > 0);
  if (phrases.some((phrase) => phrase.some((term) => !vocabulary.has(term)))) {
    return [];
  }
  const phraseTerms = new Set(phrases.flat());
  const groups: Array<Set<string>> = phrases.flat().map((term) => new Set([term]));
  const freeTerms = resolve(parsed.terms.join(' '));
  freeTerms.forEach((term, position) => {
    if (phraseTerms.has(term)) {
      return;
    }
    const group = new Set(vocabulary.has(term) ? [term] : []);
    if (prefixLastWord && parsed.endsInWord && position === freeTerms.length - 1 && term.length >= 3) {
      [...vocabulary].filter((candidate) => candidate.length > term.length && candidate.startsWith(term)).forEach((candidate) => group.add(candidate));
    }
    if (group.size > 0) {
      groups.push(group);
    } else if (term.length >= MIN_TYPO_LENGTH) {
      const neighbours = [...vocabulary].filter((candidate) => candidate !== term && isWithinOneEdit(term, candidate));
      if (neighbours.length > 0) {
        groups.push(new Set(neighbours));
      }
    }
  });
  if (groups.length === 0) {
    return [];
  }
  const containsPhrase = (terms: string[], phrase: string[]): boolean =>
    terms.some((_, start) => phrase.every((term, offset) => terms[start + offset] === term));
  return passages
    .filter((passage) => {
      const terms = termsOf.get(passage.id)!;
      return phrases.every((phrase) => containsPhrase(terms, phrase)) && groups.some((group) => terms.some((term) => group.has(term)));
    })
    .map((passage) => passage.id)
    .sort();
}

const passageArbitrary = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 });
const articleArbitrary = fc.array(passageArbitrary, { minLength: 1, maxLength: 4 });
const operationArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.nat(5), passages: articleArbitrary }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.nat(5) }),
  fc.record({ kind: fc.constant('compact' as const) }),
  fc.record({ kind: fc.constant('reload' as const) }),
);
const queryArbitrary = fc
  .array(fc.oneof(fc.constantFrom(...QUERY_WORDS), fc.array(fc.constantFrom(...QUERY_WORDS), { minLength: 1, maxLength: 3 }).map((words) => `"${words.join(' ')}"`)), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((parts) => fc.constantFrom('', ' ').map((ending) => parts.join(' ') + ending));

describe('PassageIndex matches a brute-force scan', () => {
  it('after any mix of adds, removals, compactions and reloads (property)', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { minLength: 1, maxLength: 12 }), fc.array(queryArbitrary, { minLength: 1, maxLength: 6 }), (operations, queries) => {
        let index = new PassageIndex();
        const live = new Map<string, Article>();
        for (const operation of operations) {
          if (operation.kind === 'add') {
            const article = makeArticle(operation.id, operation.passages);
            index.addArticle(article);
            live.set(article.id, article);
          } else if (operation.kind === 'remove') {
            index.removeArticle(`a${operation.id}`);
            live.delete(`a${operation.id}`);
          } else if (operation.kind === 'compact') {
            index.compact();
          } else {
            const loaded = deserializePassageIndex(serializePassageIndex(index));
            assert.ok(loaded instanceof PassageIndex, JSON.stringify(loaded));
            index = loaded;
          }
        }
        assert.equal(index.passageCount, [...live.values()].reduce((sum, article) => sum + article.passages.length, 0));
        for (const query of queries) {
          const found = index.search(query, { limit: 10_000 }).map((hit) => hit.passageId).sort();
          assert.deepEqual(found, bruteForce(live, query), `query ${JSON.stringify(query)}`);
          const asYouType = index.search(query, { limit: 10_000, prefixLastWord: true }).map((hit) => hit.passageId).sort();
          assert.deepEqual(asYouType, bruteForce(live, query, true), `query ${JSON.stringify(query)} as you type`);
        }
        for (const article of live.values()) {
          assert.deepEqual(index.article(article.id), article);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('scores and orders identically before and after a reload', () => {
    fc.assert(
      fc.property(fc.array(articleArbitrary, { minLength: 1, maxLength: 5 }), queryArbitrary, (articles, query) => {
        const index = new PassageIndex();
        articles.forEach((passages, id) => index.addArticle(makeArticle(id, passages)));
        const loaded = deserializePassageIndex(serializePassageIndex(index));
        assert.ok(loaded instanceof PassageIndex);
        assert.deepEqual(loaded.search(query, { limit: 100 }), index.search(query, { limit: 100 }));
      }),
      { numRuns: 200 },
    );
  });
});
