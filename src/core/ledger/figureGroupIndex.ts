/**
 * The figure group a draft's figure belongs to, found through an inverted index instead of a
 * pass over every source figure of the same unit. Same rule and same answer as
 * `DraftFigureChecker.matches` (the group of the most alike compatible member, at least 0.2
 * alike), built once per corpus version.
 *
 * Why it can skip most members: the likeness of two word sets is `shared / sqrt(a · b)` with
 * `shared ≤ b`, so it is at most `sqrt(shared / a)`; a member reaching 0.2 must share words
 * worth 4% of the draft figure's mass. Members that share only the draft figure's most common
 * words (whose masses together stay below that) can never reach it, so only the postings of
 * its rarer words are read.
 */
import type { Figure } from '../figures/figure';
import { comparisonWords, FigureSimilarity } from '../figures/figureSimilarity';
import { compatible, unitKey, type FigureGroup } from '../figures/groupFigures';

const minSimilarity = 0.2;
/** A word more than this many source figures have (of the same unit) is too common to find a figure's group by: its postings are not read, though it still counts in the score. */
const maxPostingsRead = 400;

interface Member {
  group: FigureGroup;
  figure: Figure;
  words: Map<string, number>;
}

/** Built once per set of groups; `groupOf` as often as the draft changes. */
export class FigureGroupIndex {
  private readonly similarity: FigureSimilarity;
  /** `unitKey` -> word -> members with that word. */
  private readonly postings = new Map<string, Map<string, Member[]>>();
  private readonly masses = new Map<Member, number>();

  constructor(groups: readonly FigureGroup[]) {
    const members: Member[] = [];
    for (const group of groups) for (const figure of group.figures) members.push({ group, figure, words: comparisonWords(figure) });
    this.similarity = new FigureSimilarity(members.map((member) => member.words));
    for (const member of members) {
      this.masses.set(member, this.similarity.mass(member.words));
      const key = unitKey(member.figure);
      let byWord = this.postings.get(key);
      if (!byWord) this.postings.set(key, (byWord = new Map()));
      for (const word of member.words.keys()) {
        const list = byWord.get(word);
        if (list) list.push(member);
        else byWord.set(word, [member]);
      }
    }
  }

  /** The group `figure` (a draft's) speaks of the same thing as, if any. */
  groupOf(figure: Figure): FigureGroup | undefined {
    if (figure.isAnchorOnly) return undefined;
    const byWord = this.postings.get(unitKey(figure));
    if (!byWord) return undefined;
    const words = comparisonWords(figure);
    const mass = this.similarity.mass(words);
    if (mass <= 0) return undefined;
    // The draft's words, commonest first; drop them while their masses add up to less than what a match must share.
    const ranked = [...words].map(([word, weight]) => ({ word, mass: weight * this.similarity.idf(word) })).sort((a, b) => a.mass - b.mass);
    const needed = minSimilarity * minSimilarity * mass;
    let skipped = 0;
    let first = 0;
    while (first < ranked.length && skipped + ranked[first].mass < needed) skipped += ranked[first++].mass;
    const seen = new Set<Member>();
    const bestByGroup = new Map<FigureGroup, number>();
    for (let i = first; i < ranked.length; i++) {
      const members = byWord.get(ranked[i].word) ?? [];
      if (members.length > maxPostingsRead) continue;
      for (const member of members) {
        if (seen.has(member)) continue;
        seen.add(member);
        if (!compatible(figure, member.figure)) continue;
        const score = this.similarity.score(words, member.words, mass, this.masses.get(member));
        if (score > (bestByGroup.get(member.group) ?? 0)) bestByGroup.set(member.group, score);
      }
    }
    let best: { group: FigureGroup; score: number } | undefined;
    for (const [group, score] of bestByGroup) if (score >= minSimilarity && (!best || score > best.score)) best = { group, score };
    return best?.group;
  }
}
