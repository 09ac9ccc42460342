import type { Mention, Topic } from '../model';
import type { BuiltTopics } from '../topics/buildTopics';
import { TopicTrie } from '../topics/topicTrie';

/**
 * Built topics cut into small pieces for the trip from the engine's thread: one message of a
 * whole topic index (80,000 mentions for 10,000 articles, ~10 MB cloned) would hold the
 * editor's thread for hundreds of milliseconds while it is deserialised. Pieces of a few
 * thousand items each cost a few milliseconds, between which hovers are answered.
 */
export type TopicPiece =
  | { kind: 'topic'; topic: Topic }
  | { kind: 'mentions'; topic: number; mentions: Mention[] }
  | { kind: 'articleIds'; topic: number; articleIds: string[] }
  | { kind: 'spellings'; topic: number; entries: Array<[string, string[]]> }
  | { kind: 'rest'; hiddenIds: string[]; aliasNamesById: Array<[string, string[]]>; trie: TopicTrie };

/** How many items (mentions, ids, spellings, topics) go into one message. */
export const itemsPerMessage = 4000;

/** The pieces of `built`, grouped into messages of about `budget` items each. */
export function* topicMessages(built: BuiltTopics, budget = itemsPerMessage): Generator<TopicPiece[]> {
  let message: TopicPiece[] = [];
  let items = 0;
  const add = function* (piece: TopicPiece, size: number): Generator<TopicPiece[]> {
    message.push(piece);
    items += size;
    if (items >= budget) {
      yield message;
      message = [];
      items = 0;
    }
  };
  for (const [index, topic] of built.topics.entries()) {
    yield* add({ kind: 'topic', topic: { ...topic, mentions: [], articleIds: [], spellingsByArticle: {} } }, 1);
    for (let from = 0; from < topic.mentions.length; from += budget) {
      const mentions = topic.mentions.slice(from, from + budget);
      yield* add({ kind: 'mentions', topic: index, mentions }, mentions.length);
    }
    for (let from = 0; from < topic.articleIds.length; from += budget) {
      const articleIds = topic.articleIds.slice(from, from + budget);
      yield* add({ kind: 'articleIds', topic: index, articleIds }, articleIds.length);
    }
    const spellings = Object.entries(topic.spellingsByArticle);
    for (let from = 0; from < spellings.length; from += budget) {
      const entries = spellings.slice(from, from + budget);
      yield* add({ kind: 'spellings', topic: index, entries }, entries.length);
    }
  }
  message.push({ kind: 'rest', hiddenIds: [...built.hiddenIds], aliasNamesById: [...built.aliasNamesById], trie: built.trie });
  yield message;
}

/** Puts the pieces back together, in the order they were cut. */
export class TopicAssembler {
  private readonly topics: Topic[] = [];
  private rest: Extract<TopicPiece, { kind: 'rest' }> | undefined;

  add(pieces: readonly TopicPiece[]): void {
    for (const piece of pieces) {
      switch (piece.kind) {
        case 'topic':
          this.topics.push(piece.topic);
          break;
        case 'mentions':
          for (const mention of piece.mentions) this.topics[piece.topic].mentions.push(mention);
          break;
        case 'articleIds':
          for (const id of piece.articleIds) this.topics[piece.topic].articleIds.push(id);
          break;
        case 'spellings':
          for (const [articleId, spellings] of piece.entries) this.topics[piece.topic].spellingsByArticle[articleId] = spellings;
          break;
        case 'rest':
          this.rest = piece;
          break;
      }
    }
  }

  /** The topics as built, once the last piece arrived; undefined before. */
  result(): BuiltTopics | undefined {
    if (!this.rest) return undefined;
    return { topics: this.topics, hiddenIds: new Set(this.rest.hiddenIds), aliasNamesById: new Map(this.rest.aliasNamesById), trie: TopicTrie.revive(this.rest.trie) };
  }
}
