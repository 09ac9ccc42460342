import Fuse from 'fuse.js';
import type { Article, Logger, Topic, TopicMatch } from '../model';
import { nullLogger } from '../model';
import type { AliasTable } from './aliasFile';
import { BuiltTopics, buildTopicsInSlices } from './buildTopics';
import { STOP_WORDS } from './englishWords';
import { NormalToken, normaliseTerm, normaliseTokens } from './normaliseTerm';
import { sortInSlices } from '../scheduling/sortInSlices';
import { neverDue, runCooperatively, runToCompletion, SliceClock, SlicedWork, TimeSlice } from '../scheduling/timeSlice';
import { TopicTrie, type TokenMatch } from './topicTrie';

export type { AliasEntry, AliasTable } from './aliasFile';

/** Options for {@link extractTopics}. */
export interface ExtractTopicsOptions {
  logger?: Logger;
}

/** Options for {@link extractTopicsCooperatively}. */
export interface CooperativeExtractOptions extends ExtractTopicsOptions {
  /** Gives the thread back; resolves when the extraction may go on (a `setTimeout(0)` on the extension host). */
  yieldNow: () => Promise<void>;
  /** How long one stretch of work may hold the thread before it yields; 8 ms unless given. */
  sliceMs?: number;
  /** Checked after every yield: true abandons the extraction, which then resolves undefined. */
  isCancelled?: () => boolean;
}

/** The look-up maps a TopicIndex reads, computed in slices like the topics themselves. */
interface LookupTables {
  visible: Topic[];
  byId: Map<string, Topic>;
  byPassage: Map<string, Topic[]>;
  exactSpellings: Map<string, Set<string>>;
  sortedNames: Array<[string, Topic]>;
}

function* lookupTablesInSlices(built: BuiltTopics, clock: SliceClock): SlicedWork<LookupTables> {
  const visible = built.topics.filter((topic) => !built.hiddenIds.has(topic.id));
  const sortedNames: Array<[string, Topic]> = [];
  for (const topic of visible) {
    if (clock.due()) yield;
    for (const name of new Set([topic.name, ...topic.aliases].map(normaliseTerm))) sortedNames.push([name, topic]);
  }
  yield* sortInSlices(sortedNames, (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0), clock);
  const byId = new Map<string, Topic>();
  const byPassage = new Map<string, Topic[]>();
  const exactSpellings = new Map<string, Set<string>>();
  for (const topic of built.topics) {
    if (clock.due()) yield;
    byId.set(topic.id, topic);
    const seen = new Set(Object.values(topic.spellingsByArticle).flat());
    if (!built.aliasNamesById.has(topic.id)) seen.add(topic.name);
    exactSpellings.set(topic.id, seen);
    if (built.hiddenIds.has(topic.id)) continue;
    let previous: string | undefined;
    const passages = new Set<string>();
    for (const mention of topic.mentions) {
      if (mention.passageId === previous) continue;
      if (clock.due()) yield;
      previous = mention.passageId;
      passages.add(mention.passageId);
    }
    for (const passageId of passages) {
      const list = byPassage.get(passageId);
      if (list) list.push(topic);
      else byPassage.set(passageId, [topic]);
    }
  }
  return { visible, byId, byPassage, exactSpellings, sortedNames };
}

/** Two topics whose names are close enough that they may be one; shown to the writer, never merged by Sourcebook itself. */
export interface GroupingSuggestion {
  topic: Topic;
  similar: Topic;
  /** 0 (identical) to 1 (unrelated), as fuse.js scores. */
  score: number;
}

interface FuzzyName {
  name: string;
  topicId: string;
}

/** Text around the offset that matchAt looks at: enough for the longest topic name, without tokenising a megabyte line. */
const MATCH_WINDOW = 200;
const FUZZY_THRESHOLD = 0.34;
const FUZZY_CACHE_LIMIT = 2000;

/**
 * The topics of a corpus and fast ways to recognise them in the writer's text. Built once per
 * corpus change by {@link extractTopics}; every look-up walks precomputed maps (a token trie
 * of every name, spelling, variant and alias), so none of them scans all topics.
 */
export class TopicIndex {
  private readonly visible: readonly Topic[];
  private readonly byId: Map<string, Topic>;
  private readonly byPassage: Map<string, Topic[]>;
  private readonly exactSpellings: Map<string, Set<string>>;
  private fuse: Fuse<FuzzyName> | undefined;
  private wordFuse: Fuse<FuzzyName> | undefined;
  private readonly fuzzyCache = new Map<string, Topic | undefined>();
  /** Normalised names and spellings of visible topics, sorted, for prefix look-ups by binary search. */
  private readonly sortedNames: Array<[string, Topic]>;

  constructor(private readonly built: BuiltTopics, tables: LookupTables = runToCompletion(lookupTablesInSlices(built, neverDue))) {
    this.visible = tables.visible;
    this.byId = tables.byId;
    this.byPassage = tables.byPassage;
    this.exactSpellings = tables.exactSpellings;
    this.sortedNames = tables.sortedNames;
  }

  /** Every topic the writer has not hidden, most sources first, then most mentions. */
  topics(): readonly Topic[] {
    return this.visible;
  }

  /** A topic by id, hidden ones included (so a command given an id can still say what it was). */
  topicById(id: string): Topic | undefined {
    return this.byId.get(id);
  }

  /** The visible topics mentioned in a passage, in topic order. */
  topicsForPassage(passageId: string): Topic[] {
    return this.byPassage.get(passageId) ?? [];
  }

  /** True when the writer hid the topic in the alias file. */
  isHidden(topicId: string): boolean {
    return this.built.hiddenIds.has(topicId);
  }

  /**
   * The topic at `offset` in a line of the writer's text: the longest name, spelling, variant
   * or alias covering the offset; only if there is none, a close spelling of a capitalised
   * word or code ("Byden" -> Biden), with quality `fuzzy`.
   */
  matchAt(text: string, offset: number): TopicMatch | undefined {
    if (offset < 0 || offset > text.length) return undefined;
    const windowStart = Math.max(0, offset - MATCH_WINDOW);
    const windowText = text.slice(windowStart, Math.min(text.length, offset + MATCH_WINDOW));
    const local = offset - windowStart;
    const tokens = normaliseTokens(windowText);
    let at = tokens.findIndex((t) => t.end >= local);
    if (at < 0 || tokens[at].start > local) {
      if (at > 0 && tokens[at - 1].end === local) at--;
      else if (at < 0 || tokens[at].start > local) return undefined;
    }
    let best: TokenMatch | undefined;
    const reach = this.built.trie.maxTokens;
    for (let from = Math.max(0, at - reach + 1); from <= at; from++) {
      const match = this.built.trie.longestAt(tokens, from);
      if (match && match.to > at && (!best || match.to - match.from > best.to - best.from)) best = match;
    }
    if (best) return this.toMatch(best, tokens, windowText, windowStart);
    return this.fuzzyAt(tokens[at], windowText, windowStart);
  }

  /** Every recognised topic in a text (a whole draft), left to right, never overlapping; no fuzzy matches. */
  findInText(text: string): TopicMatch[] {
    const tokens = normaliseTokens(text);
    const out: TopicMatch[] = [];
    for (const match of this.built.trie.allMatches(tokens)) {
      const result = this.toMatch(match, tokens, text, 0);
      if (result) out.push(result);
    }
    return out;
  }

  /**
   * Topics for a typed query ("Go to Topic"): exact names and variants first, then names that
   * start with the query, then fuzzy matches; each group by number of sources.
   */
  lookup(query: string, limit = 20): TopicMatch[] {
    const key = normaliseTerm(query);
    if (key === '') return [];
    const results: TopicMatch[] = [];
    const seen = new Set<string>();
    const push = (topic: Topic, quality: TopicMatch['quality']): void => {
      if (seen.has(topic.id) || this.built.hiddenIds.has(topic.id)) return;
      seen.add(topic.id);
      results.push({ topic, start: 0, end: query.length, quality });
    };
    const tokens = normaliseTokens(query);
    const whole = this.built.trie.longestAt(tokens, 0);
    if (whole && whole.to === tokens.length) {
      const topic = this.byId.get(whole.entry.topicId);
      if (topic) push(topic, whole.entry.fromAlias ? 'alias' : this.spelledAsSeen(topic, query) ? 'exact' : 'variant');
    }
    for (const topic of this.topicsWithPrefix(key, limit)) {
      if (results.length >= limit) break;
      push(topic, 'variant');
    }
    if (results.length < limit) {
      for (const hit of this.fuzzyIndex().search(query, { limit: limit * 3 })) {
        if (results.length >= limit) break;
        const topic = this.byId.get(hit.item.topicId);
        if (topic) push(topic, 'fuzzy');
      }
    }
    return results.slice(0, limit);
  }

  /** Pairs of distinct topics with near-identical names ("Biden administration" / "Byden administration"), to offer as merges. */
  groupingSuggestions(maxScore = 0.2): GroupingSuggestion[] {
    const out: GroupingSuggestion[] = [];
    const seen = new Set<string>();
    for (const topic of this.visible) {
      if (topic.name.length < 4) continue;
      for (const hit of this.fuzzyIndex().search(topic.name, { limit: 5 })) {
        const similar = this.byId.get(hit.item.topicId);
        const score = hit.score ?? 1;
        if (!similar || similar.id === topic.id || score > maxScore || this.built.hiddenIds.has(similar.id)) continue;
        if (Math.abs(similar.name.length - topic.name.length) > 2) continue;
        const pair = [topic.id, similar.id].sort().join('\u0000');
        if (seen.has(pair)) continue;
        seen.add(pair);
        out.push({ topic, similar, score });
      }
    }
    return out;
  }

  /** Topics with a normalised name starting with `prefix`, most sources first. */
  private topicsWithPrefix(prefix: string, limit: number): Topic[] {
    let low = 0;
    let high = this.sortedNames.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sortedNames[mid][0] < prefix) low = mid + 1;
      else high = mid;
    }
    const found = new Set<Topic>();
    for (let i = low; i < this.sortedNames.length && this.sortedNames[i][0].startsWith(prefix) && found.size < limit * 20; i++) {
      found.add(this.sortedNames[i][1]);
    }
    return [...found].sort((a, b) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length).slice(0, limit);
  }

  private namesOf(topic: Topic): string[] {
    return [topic.name, ...topic.aliases];
  }

  private spelledAsSeen(topic: Topic, surface: string): boolean {
    return this.exactSpellings.get(topic.id)?.has(surface.replace(/['’ʼ]s$/u, '')) ?? false;
  }

  private toMatch(match: TokenMatch, tokens: NormalToken[], text: string, shift: number): TopicMatch | undefined {
    const topic = this.byId.get(match.entry.topicId);
    if (!topic || this.built.hiddenIds.has(topic.id)) return undefined;
    const start = tokens[match.from].start;
    const end = tokens[match.to - 1].end;
    const surface = text.slice(start, end);
    const quality: TopicMatch['quality'] = this.spelledAsSeen(topic, surface) ? 'exact' : match.entry.fromAlias ? 'alias' : 'variant';
    return { topic, start: start + shift, end: end + shift, quality };
  }

  private fuzzyAt(token: NormalToken, text: string, shift: number): TopicMatch | undefined {
    const word = text.slice(token.start, token.end).replace(/['’ʼ]s$/u, '');
    if (word.length < 4 || (!token.capitalised && !token.isCode) || STOP_WORDS.has(token.norm)) return undefined;
    let topic = this.fuzzyCache.get(word);
    if (!this.fuzzyCache.has(word)) {
      const hit = this.singleWordIndex().search(word, { limit: 1 })[0];
      topic = hit && (hit.score ?? 1) <= FUZZY_THRESHOLD ? this.byId.get(hit.item.topicId) : undefined;
      if (this.fuzzyCache.size >= FUZZY_CACHE_LIMIT) this.fuzzyCache.clear();
      this.fuzzyCache.set(word, topic);
    }
    if (!topic || this.built.hiddenIds.has(topic.id)) return undefined;
    return { topic, start: token.start + shift, end: token.start + word.length + shift, quality: 'fuzzy' };
  }

  /** One-word names and surnames: a typo of one word in the draft is compared with these only, so "Byden" is not "Biden administration". */
  private singleWordIndex(): Fuse<FuzzyName> {
    if (!this.wordFuse) {
      const names: FuzzyName[] = [];
      for (const topic of this.visible) {
        for (const name of this.namesOf(topic)) {
          const words = name.split(/\s+/);
          if (words.length === 1) names.push({ name, topicId: topic.id });
          else if (topic.kind === 'person') names.push({ name: words[words.length - 1], topicId: topic.id });
        }
      }
      this.wordFuse = new Fuse(names, { keys: ['name'], includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: false, distance: 8 });
    }
    return this.wordFuse;
  }

  private fuzzyIndex(): Fuse<FuzzyName> {
    if (!this.fuse) {
      const names: FuzzyName[] = [];
      for (const topic of this.visible) {
        for (const name of this.namesOf(topic)) {
          names.push({ name, topicId: topic.id });
          const words = name.split(/\s+/);
          if (words.length > 1 && topic.kind === 'person') names.push({ name: words[words.length - 1], topicId: topic.id });
        }
      }
      this.fuse = new Fuse(names, { keys: ['name'], includeScore: true, threshold: 0.4, ignoreLocation: true, minMatchCharLength: 2 });
    }
    return this.fuse;
  }
}

/**
 * Finds the topics of a corpus (people, places, organisations, systems, agreements, events
 * and key terms), groups their spellings, applies the writer's alias table, and returns an
 * index for look-ups. Pure: the same articles and table give the same topics.
 */
export function extractTopics(articles: readonly Article[], aliasTable: AliasTable, options: ExtractTopicsOptions = {}): TopicIndex {
  return runToCompletion(extractTopicsInSlices(articles, aliasTable, neverDue, options.logger ?? nullLogger));
}

/**
 * {@link extractTopics} without holding the thread: the same work, the same result, but it
 * awaits `yieldNow()` whenever it has run for `sliceMs`, so an editor stays responsive while
 * a large corpus is read. Resolves undefined when `isCancelled` answers true at a yield.
 */
export function extractTopicsCooperatively(articles: readonly Article[], aliasTable: AliasTable, options: CooperativeExtractOptions): Promise<TopicIndex | undefined> {
  const clock = new TimeSlice(options.sliceMs ?? DEFAULT_SLICE_MS);
  return runCooperatively(extractTopicsInSlices(articles, aliasTable, clock, options.logger ?? nullLogger), clock, options);
}

const DEFAULT_SLICE_MS = 8;

/** The topic index of no articles: what readers see before the first build. */
export function emptyTopicIndex(): TopicIndex {
  return extractTopics([], { entries: [] });
}

/**
 * A topic index over topics built elsewhere (a worker's `buildTopicsInSlices`), with its look-up
 * tables computed in slices. Topics that came through structured cloning are used as they are;
 * only the trie's methods are given back.
 */
export function* topicIndexInSlices(built: BuiltTopics, clock: SliceClock): SlicedWork<TopicIndex> {
  const revived: BuiltTopics = { ...built, trie: TopicTrie.revive(built.trie) };
  const tables = yield* lookupTablesInSlices(revived, clock);
  return new TopicIndex(revived, tables);
}

function* extractTopicsInSlices(articles: readonly Article[], aliasTable: AliasTable, clock: SliceClock, logger: Logger): SlicedWork<TopicIndex> {
  const started = Date.now();
  const built = yield* buildTopicsInSlices(articles, aliasTable, clock);
  const tables = yield* lookupTablesInSlices(built, clock);
  logger.info(`Found ${built.topics.length} topics in ${articles.length} articles in ${Date.now() - started} ms.`);
  return new TopicIndex(built, tables);
}
