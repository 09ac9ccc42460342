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
    const sentence = figure.sentence.text.toLowerCase();
    for (const topic of topicsForPassage(figure.passageId)) {
      if (topic.name.length > 1 && sentence.includes(topic.name.toLowerCase())) words.set(`topic:${topic.id}`, 1);
    }
  }
  return words;
}

/**
 * How alike the words around two figures are, 0-1: the shared words' weights (the smaller of
 * the two), each times its rarity (inverse document frequency over a set of figures), over
 * the geometric mean of the two figures' total weights. Rare words ("pandemic", "armaments")
 * count; words every figure has ("Russia", "India" in a corpus about both) barely do.
 */
export class FigureSimilarity {
  private readonly documentFrequency = new Map<string, number>();
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
