import { wordText } from '../text/wordText';
import type { Figure } from './figure';

/** A topic a passage speaks of, as the topic index knows it. */
export interface PassageTopic {
  id: string;
  name: string;
}

/** Looks up the topics of a passage (from the topic index), if the caller has them. */
export type TopicsForPassage = (passageId: string) => readonly PassageTopic[];

/** The words of a figure used for comparing it, with weights; its counted or ranked noun and topics named in its sentence included. */
export function comparisonWords(figure: Figure, topicsForPassage?: TopicsForPassage): Map<string, number> {
  const words = new Map(Object.entries(figure.keywords));
  if (figure.kind === 'ordinal' || figure.kind === 'count') words.set(figure.unit, 1);
  if (topicsForPassage) {
    const sentence = wordText(figure.sentence.text).text.toLowerCase();
    for (const topic of topicsForPassage(figure.passageId)) {
      if (topic.name.length > 1 && sentence.includes(wordText(topic.name).text.toLowerCase())) words.set(`topic:${topic.id}`, 1);
    }
  }
  return words;
}

/** A word set in compact form (see `FigureSimilarity.vector`). */
export interface WordVector {
  ids: Int32Array;
  weights: Float64Array;
  rarities: Float64Array;
  mass: number;
}

/**
 * How alike the words around two figures are, 0-1: the shared words' weights (the smaller of
 * the two), each times its rarity (inverse document frequency over a set of figures), over
 * the geometric mean of the two figures' total weights. Rare words ("pandemic", "armaments")
 * count; words every figure has ("Russia", "India" in a corpus about both) barely do.
 */
export class FigureSimilarity {
  private readonly documentFrequency = new Map<string, number>();
  private readonly wordIds = new Map<string, number>();
  private readonly documents: number;

  constructor(wordSets: ReadonlyArray<ReadonlyMap<string, number>>) {
    this.documents = wordSets.length;
    for (const set of wordSets) for (const word of set.keys()) this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
  }

  /** Rarity of a word: ln(1 + documents / frequency). */
  idf(word: string): number {
    return Math.log(1 + Math.max(1, this.documents) / (this.documentFrequency.get(word) ?? 1));
  }

  /** Total rarity-weighted mass of a word set. */
  mass(words: ReadonlyMap<string, number>): number {
    let total = 0;
    for (const [word, weight] of words) total += weight * this.idf(word);
    return total;
  }

  /** A compact form of a word set for fast repeated scoring: word ids in ascending order, weights and rarities alongside. */
  vector(words: ReadonlyMap<string, number>): WordVector {
    const entries = [...words].map(([word, weight]) => ({ id: this.wordId(word), weight, idf: this.idf(word) })).sort((x, y) => x.id - y.id);
    let mass = 0;
    for (const entry of entries) mass += entry.weight * entry.idf;
    return {
      ids: Int32Array.from(entries, (entry) => entry.id),
      weights: Float64Array.from(entries, (entry) => entry.weight),
      rarities: Float64Array.from(entries, (entry) => entry.idf),
      mass,
    };
  }

  /** Same as `score`, on vectors made by this instance. Linear in the two vectors' lengths. */
  scoreVectors(a: WordVector, b: WordVector): number {
    let shared = 0;
    let x = 0;
    let y = 0;
    while (x < a.ids.length && y < b.ids.length) {
      const left = a.ids[x];
      const right = b.ids[y];
      if (left === right) {
        shared += Math.min(a.weights[x], b.weights[y]) * a.rarities[x];
        x++;
        y++;
      } else if (left < right) {
        x++;
      } else {
        y++;
      }
    }
    const norm = Math.sqrt(a.mass * b.mass);
    return norm > 0 ? shared / norm : 0;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.wordIds.size;
      this.wordIds.set(word, id);
    }
    return id;
  }

  score(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, massA = this.mass(a), massB = this.mass(b)): number {
    let shared = 0;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const [word, weight] of small) {
      const other = large.get(word);
      if (other !== undefined) shared += Math.min(weight, other) * this.idf(word);
    }
    const norm = Math.sqrt(massA * massB);
    return norm > 0 ? shared / norm : 0;
  }
}
