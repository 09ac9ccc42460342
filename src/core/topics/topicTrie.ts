import { isUnspacedScriptUnit } from '../text/unspacedWords';
import { ABBREVIATIONS_BEFORE_NAMES } from './englishWords';
import type { NormalToken } from './normaliseTerm';

/** What a key in the trie leads to. */
export interface TrieEntry {
  topicId: string;
  /** The key came from the writer's alias file rather than the sources. */
  fromAlias: boolean;
  /** An all-lower-case single word may match it: only when a source or the alias file wrote it in lower case ("quad"), so "us" is not US. */
  lowercaseOk: boolean;
  /** A single word that matches only when written in capitals. */
  capsOnly: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: TrieEntry;
}

/** Sentence punctuation ends a term, but the dot after an initial ("S. Jaishankar") or an abbreviation ("St. Louis") does not. */
function breaksTerm(tokens: readonly NormalToken[], i: number): boolean {
  const gap = tokens[i].gapBefore;
  return /[\n!?;:()]/.test(gap)
    || (gap.includes('.') && tokens[i - 1].end - tokens[i - 1].start > 1 && !ABBREVIATIONS_BEFORE_NAMES.has(tokens[i - 1].norm));
}

function isUnspacedCharacter(token: NormalToken | undefined): boolean {
  return !!token && token.end - token.start <= 2 && isUnspacedScriptUnit(token.norm.charCodeAt(0)) && [...token.norm].length === 1;
}

/**
 * A lone Han or kana character that the segmenter left beside another with nothing between
 * (`普|京` of 普京) is a piece of a word, not a word: a one-character name (`京`) never matches it.
 */
function isCharacterOfUnspacedWord(tokens: readonly NormalToken[], i: number): boolean {
  if (!isUnspacedCharacter(tokens[i])) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (!!before && tokens[i].gapBefore === '' && isUnspacedScriptUnit(before.norm.charCodeAt(before.norm.length - 1))) || (!!after && after.gapBefore === '' && isUnspacedScriptUnit(after.norm.charCodeAt(0)));
}

/** A span of tokens that names a topic. */
export interface TokenMatch {
  from: number;
  to: number;
  entry: TrieEntry;
}

/**
 * Topic keys by their folded tokens, so finding the longest topic that starts at a token
 * walks a few map entries instead of scanning all topics. Keys are space-separated
 * normalised tokens (see normaliseTerm); the last token of a span is compared in its
 * singular form, the others as they are.
 */
export class TopicTrie {
  private readonly root: TrieNode = { next: new Map() };
  private longest = 0;

  /** Adds a key; the first entry for a key wins, so add the writer's aliases first. */
  add(key: string, entry: TrieEntry): void {
    if (key === '') return;
    const parts = key.split(' ');
    let node = this.root;
    for (const part of parts) {
      let child = node.next.get(part);
      if (!child) {
        child = { next: new Map() };
        node.next.set(part, child);
      }
      node = child;
    }
    if (!node.entry) node.entry = entry;
    this.longest = Math.max(this.longest, parts.length);
  }

  /**
   * A trie that came through structured cloning (a worker's message) has its data but not its
   * methods: this gives them back without copying the nodes.
   */
  static revive(cloned: TopicTrie): TopicTrie {
    return cloned instanceof TopicTrie ? cloned : Object.assign(Object.create(TopicTrie.prototype) as TopicTrie, cloned);
  }

  /** The most tokens any key has. */
  get maxTokens(): number {
    return this.longest;
  }

  /** The longest key starting at token `from`, honouring the lower-case rule. */
  longestAt(tokens: readonly NormalToken[], from: number): TokenMatch | undefined {
    let node: TrieNode | undefined = this.root;
    let best: TokenMatch | undefined;
    for (let i = from; i < tokens.length && node; i++) {
      if (i > from && breaksTerm(tokens, i)) break;
      const token = tokens[i];
      const last = node.next.get(token.singular);
      if (last?.entry && this.accepts(last.entry, tokens, from, i + 1)) {
        best = { from, to: i + 1, entry: last.entry };
      }
      node = node.next.get(token.norm);
    }
    return best;
  }

  private accepts(entry: TrieEntry, tokens: readonly NormalToken[], from: number, to: number): boolean {
    if (to - from > 1) return true;
    if (isCharacterOfUnspacedWord(tokens, from)) return false;
    if (entry.capsOnly) return tokens[from].allCaps;
    return entry.lowercaseOk || tokens[from].isCode || !tokens[from].lowercase;
  }

  /** Every key with its entry, as its tokens (the last in its singular form). */
  keys(): Array<{ words: string[]; entry: TrieEntry }> {
    const out: Array<{ words: string[]; entry: TrieEntry }> = [];
    const stack: Array<[TrieNode, string[]]> = [[this.root, []]];
    while (stack.length > 0) {
      const [node, words] = stack.pop()!;
      if (node.entry) out.push({ words, entry: node.entry });
      for (const [part, child] of node.next) stack.push([child, [...words, part]]);
    }
    return out;
  }

  /** All non-overlapping longest matches, left to right. */
  allMatches(tokens: readonly NormalToken[]): TokenMatch[] {
    const out: TokenMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const match = this.longestAt(tokens, i);
      if (match) {
        out.push(match);
        i = match.to;
      } else {
        i++;
      }
    }
    return out;
  }
}
