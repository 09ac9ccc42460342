import type { Article } from '../../src/core/model';
import { forEachTerm } from '../../src/core/search/searchTokens';

/** A small seeded generator (mulberry32), so every run asks the same questions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The queries of one benchmark run. */
export interface BenchQueries {
  oneWord: string[];
  threeWords: string[];
  /** A misspelt word and the spelling it stands for. */
  typos: Array<{ typo: string; correct: string }>;
}

const STOP_WORD_COUNT = 100;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

function misspell(word: string, random: () => number): string {
  const at = Math.floor(random() * word.length);
  const letter = ALPHABET[Math.floor(random() * ALPHABET.length)];
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + letter + word.slice(at);
    default:
      return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + letter;
  }
}

/**
 * Queries drawn from the corpus itself:
 * - one word: a word of four letters or more from a random passage, never
 *   one of the 100 most frequent terms (stop words nobody searches alone);
 * - three words: three consecutive such words of one passage ("surface air
 *   missile"), the way a writer recalls a passage;
 * - typo: a word of five letters or more with one random edit (deletion,
 *   substitution, insertion or swap of neighbours) that is not itself a word
 *   of the corpus.
 */
export function benchQueries(articles: readonly Article[], count: number, seed: number): BenchQueries {
  const random = seededRandom(seed);
  const passages = articles.flatMap((article) => article.passages);
  const frequency = new Map<string, number>();
  for (const passage of passages) {
    forEachTerm(passage.text, (term) => frequency.set(term, (frequency.get(term) ?? 0) + 1));
  }
  const stopTerms = new Set([...frequency.entries()].sort((a, b) => b[1] - a[1]).slice(0, STOP_WORD_COUNT).map(([term]) => term));
  const contentWords = (text: string): Array<{ word: string; term: string }> => {
    const words: Array<{ word: string; term: string }> = [];
    forEachTerm(text, (term, start, end) => {
      const word = text.slice(start, end);
      if (/^[A-Za-z]{4,}$/.test(word) && !stopTerms.has(term)) {
        words.push({ word, term });
      }
    });
    return words;
  };
  const queries: BenchQueries = { oneWord: [], threeWords: [], typos: [] };
  let attempts = 0;
  while ((queries.oneWord.length < count || queries.threeWords.length < count || queries.typos.length < count) && attempts++ < count * 200) {
    const words = contentWords(passages[Math.floor(random() * passages.length)].text);
    if (words.length === 0) {
      continue;
    }
    const pick = Math.floor(random() * words.length);
    const word = words[pick].word;
    if (queries.oneWord.length < count) {
      queries.oneWord.push(word);
    }
    if (queries.threeWords.length < count && words.length >= 3) {
      const first = Math.min(pick, words.length - 3);
      queries.threeWords.push(words.slice(first, first + 3).map((entry) => entry.word).join(' '));
    }
    if (queries.typos.length < count && word.length >= 5) {
      const typo = misspell(word.toLowerCase(), random);
      let typoTerm = '';
      forEachTerm(typo, (term) => (typoTerm = term));
      if (typo.length >= 5 && !frequency.has(typoTerm)) {
        queries.typos.push({ typo, correct: word });
      }
    }
  }
  return queries;
}
