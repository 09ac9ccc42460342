import Fuse from 'fuse.js';
import type { Article, Logger, Topic, TopicMatch } from '../model';
import { nullLogger } from '../model';
import type { AliasTable } from './aliasFile';
import { BuiltTopics, buildTopicsInSlices } from './buildTopics';
import { NAME_CONNECTORS, STOP_WORDS, TITLE_WORDS } from './englishWords';
import { NormalToken, normaliseTerm, normaliseTokens } from './normaliseTerm';
import { sortInSlices } from '../scheduling/sortInSlices';
import { neverDue, runCooperatively, runToCompletion, SliceClock, SlicedWork, TimeSlice } from '../scheduling/timeSlice';
import { misspellingEdits } from './spellingDistance';
import { abjadFirstLetters, abjadWrites, isAbjadWord } from '../text/abjadSpelling';
import { isLatinQueryWord, latinKeyOf } from '../text/transliteration';
import { withoutInvisibleCharacters } from '../text/wordText';
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
  /** Visible topics by the Latin transliteration of a name or spelling written in another alphabet (see `transliteratedTopics`). */
  byTransliteration: Map<string, Topic[]>;
  /** Visible topics' names and spellings written wholly in Arabic or Hebrew, by their first letter (see `abjadWrites`). */
  abjadNames: Map<string, AbjadName[]>;
}

/** A topic's name or spelling in Arabic or Hebrew, word by word (folded). */
interface AbjadName {
  words: string[];
  topic: Topic;
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
  const { byKey: byTransliteration, abjadNames } = yield* transliterationsInSlices(built, byId, clock);
  return { visible, byId, byPassage, exactSpellings, sortedNames, byTransliteration, abjadNames };
}

/** The visible topics by the Latin keys of their names and spellings in other alphabets (`lavrov` -> Сергей Лавров), most sources first. */
function* transliterationsInSlices(built: BuiltTopics, byId: ReadonlyMap<string, Topic>, clock: SliceClock): SlicedWork<{ byKey: Map<string, Topic[]>; abjadNames: Map<string, AbjadName[]> }> {
  const byKey = new Map<string, Topic[]>();
  const abjadNames = new Map<string, AbjadName[]>();
  for (const { words, entry } of built.trie.keys()) {
    if (clock.due()) yield;
    const topic = byId.get(entry.topicId);
    if (!topic || built.hiddenIds.has(topic.id)) continue;
    if (words.length > 0 && words.every(isAbjadWord)) {
      const list = abjadNames.get(words[0][0]);
      if (list) list.push({ words: [...words], topic });
      else abjadNames.set(words[0][0], [{ words: [...words], topic }]);
    }
    const latin = words.map(latinKeyOf);
    if (latin.some((key) => key === undefined)) continue;
    const key = latin.join(' ');
    const topics = byKey.get(key);
    if (!topics) byKey.set(key, [topic]);
    else if (!topics.includes(topic)) topics.push(topic);
  }
  for (const topics of byKey.values()) {
    topics.sort((a, b) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1));
  }
  return { byKey, abjadNames };
}

/** Whether the Arabic or Hebrew words `nameWords` write the Latin `words` in a row, each whole (see `abjadWrites`). */
function writesWordsInARow(nameWords: readonly string[], words: readonly string[]): boolean {
  for (let from = 0; from + words.length <= nameWords.length; from++) {
    if (words.every((word, i) => abjadWrites(nameWords[from + i], word))) return true;
  }
  return false;
}

function bySourcesThenMentions(a: Topic, b: Topic): number {
  return b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1);
}

/** Whether `keyWords` holds `words` in a row, the last of them as a word's beginning when `lastAsPrefix`. */
function containsWordsInARow(keyWords: readonly string[], words: readonly string[], lastAsPrefix: boolean): boolean {
  const last = words.length - 1;
  for (let from = 0; from + words.length <= keyWords.length; from++) {
    let all = true;
    for (let i = 0; i <= last && all; i++) {
      const keyWord = keyWords[from + i];
      all = i === last && lastAsPrefix ? keyWord.startsWith(words[i]) : keyWord === words[i];
    }
    if (all) return true;
  }
  return false;
}

/** The edits from the writer's words to a key's, word by word (the last also in its singular form), or undefined when one word is no plausible misspelling. */
function editsBetween(words: readonly string[], lastSingular: string, keyWords: readonly string[]): number | undefined {
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    const asWritten = misspellingEdits(words[i], keyWords[i]);
    const singular = i === words.length - 1 ? misspellingEdits(lastSingular, keyWords[i]) : undefined;
    const least = asWritten === undefined ? singular : singular === undefined ? asWritten : Math.min(asWritten, singular);
    if (least === undefined) return undefined;
    total += least;
  }
  return total;
}

function initialsOf(words: readonly string[]): string {
  return words.map((word) => word[0]).join('');
}

interface FuzzyName {
  name: string;
  topicId: string;
}

/** A topic key the writer may misspell: its folded words (the last singular) and its topic. */
interface SpelledKey {
  words: string[];
  topicId: string;
}

/** A recognised span of a token list. */
interface TokenSpan {
  from: number;
  to: number;
  topic: Topic;
  quality: TopicMatch['quality'];
}

/** Text around the offset that matchAt looks at: enough for the longest topic name, without tokenising a megabyte line. */
const MATCH_WINDOW = 200;
const FUZZY_CACHE_LIMIT = 2000;
/** Gaps come from word text (see `wordText`), which writes every dash that joins two words as `-`. */
const HYPHEN_GAP = /^-$/;

/** A word that can be part of a name the writer wrote: capitalised or a code, not a function word or a title ("President"). */
function isNameWord(token: NormalToken): boolean {
  return (token.capitalised || token.isCode) && !STOP_WORDS.has(token.norm) && !TITLE_WORDS.has(token.norm);
}

/** Token `i` continues the words before it as one name: a single space, or the dot after an initial ("S. Jaishankar"). */
function joinedBySpace(tokens: readonly NormalToken[], i: number): boolean {
  const gap = tokens[i].gapBefore;
  return gap === ' ' || gap === '\u00a0' || (gap === '. ' && tokens[i - 1].end - tokens[i - 1].start === 1);
}

/** The end of the name that starts at token `from`: name words joined by spaces or hyphens, with particles inside ("Bay of Bengal"). */
function nameRunEnd(tokens: readonly NormalToken[], from: number): number {
  let to = from + 1;
  for (;;) {
    const next = tokens[to];
    if (!next) return to;
    if ((joinedBySpace(tokens, to) || HYPHEN_GAP.test(next.gapBefore)) && isNameWord(next)) {
      to++;
      continue;
    }
    const after = tokens[to + 1];
    if (next.lowercase && NAME_CONNECTORS.has(next.norm) && joinedBySpace(tokens, to) && after && joinedBySpace(tokens, to + 1) && isNameWord(after)) {
      to += 2;
      continue;
    }
    return to;
  }
}

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
  private readonly fuzzyCache = new Map<string, Topic | undefined>();
  private spelledKeys: Map<string, SpelledKey[]> | undefined;
  private readonly byTransliteration: Map<string, Topic[]>;
  private readonly abjadNames: Map<string, AbjadName[]>;
  /** Normalised names and spellings of visible topics, sorted, for prefix look-ups by binary search. */
  private readonly sortedNames: Array<[string, Topic]>;

  constructor(private readonly built: BuiltTopics, tables: LookupTables = runToCompletion(lookupTablesInSlices(built, neverDue))) {
    this.visible = tables.visible;
    this.byId = tables.byId;
    this.byPassage = tables.byPassage;
    this.exactSpellings = tables.exactSpellings;
    this.sortedNames = tables.sortedNames;
    this.byTransliteration = tables.byTransliteration;
    this.abjadNames = tables.abjadNames;
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
   * The topic at `offset` in a line of the writer's text: the topic {@link findInText} finds
   * there, so the hover shows a card exactly where the underline is.
   */
  matchAt(text: string, offset: number): TopicMatch | undefined {
    if (offset < 0 || offset > text.length) return undefined;
    const windowStart = Math.max(0, offset - MATCH_WINDOW);
    const windowText = text.slice(windowStart, Math.min(text.length, offset + MATCH_WINDOW));
    const local = offset - windowStart;
    const tokens = normaliseTokens(windowText);
    // The word that holds the offset's character first (in Chinese the next word starts where
    // one ends), else the word that ends right there (a cursor just after a word).
    let at = tokens.findIndex((t) => t.end > local);
    if (at < 0 || tokens[at].start > local) {
      const before = at < 0 ? tokens.length - 1 : at - 1;
      if (before >= 0 && tokens[before].end === local) at = before;
      else return undefined;
    }
    const span = this.recognise(tokens, windowText).find((found) => found.from <= at && at < found.to);
    return span && this.toTextMatch(span, tokens, windowText, windowStart);
  }

  /**
   * Every topic recognised in a text (a whole draft), left to right, never overlapping: the
   * longest name, spelling, variant or alias, unless the writer's name goes on with words the
   * topic does not have ("Hunter Biden" is not Joe Biden, "South China Sea" is not China); then,
   * for a name nothing recognised, a plausible misspelling of a topic's name of as many words
   * ("Byden", "Joe Byden", "New Dehli"), with quality `fuzzy`.
   */
  findInText(text: string): TopicMatch[] {
    const tokens = normaliseTokens(text);
    return this.recognise(tokens, text).map((span) => this.toTextMatch(span, tokens, text, 0));
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

  /**
   * The other topics that the text of `match` names in another alphabet: for `Putin` matched as
   * the topic Putin, the topic Владимир Путин of a Russian source. A hover card shows their
   * passages after the topic's own, labelled.
   */
  transliterationsAt(text: string, match: TopicMatch): Topic[] {
    const words = normaliseTokens(text.slice(match.start, match.end)).map((token) => token.norm);
    return this.transliteratedTopics(words).filter((topic) => topic !== match.topic);
  }

  /**
   * Visible topics with a name or spelling in another alphabet whose transliteration (see
   * `latinKeyOf`) is exactly the writer's Latin words, folded, most sources first: `lavrov` ->
   * Сергей Лавров (whose surname is one of its spellings), `sergei lavrov` -> the same. A whole
   * name, word for word, never a misspelling of one; words of fewer than four letters match
   * nothing (see `isLatinQueryWord`). Failing that, a name in Arabic or Hebrew whose words write
   * the writer's, word for word, letter for letter (`abjadWrites`: `Lavrov` -> سيرغي لافروف).
   */
  private transliteratedTopics(words: readonly string[]): Topic[] {
    if (words.length === 0 || !words.every(isLatinQueryWord)) return [];
    const exact = this.byTransliteration.get(words.join(' '));
    if (exact) return exact;
    if (this.abjadNames.size === 0) return [];
    const found = new Set<Topic>();
    for (const first of abjadFirstLetters(words[0])) {
      for (const name of this.abjadNames.get(first) ?? []) {
        if (name.words.length === words.length && name.words.every((word, i) => abjadWrites(word, words[i]))) found.add(name.topic);
      }
    }
    return [...found].sort(bySourcesThenMentions);
  }

  /**
   * Topics a Latin query names in another alphabet, for Go to Topic and the Topics view's filter:
   * those with a name or spelling whose transliteration (see `latinKeyOf`) holds the query's
   * words in a row (`Lavrov` and `Sergei Lavrov` -> Сергей Лавров), most sources first. With
   * `unfinishedLastWord` (the writer is still typing) the last word may be the beginning of a
   * transliterated word (`Lavr`), listed after the topics that have the words whole. Every word is a plain Latin word of four letters or more
   * (`isLatinQueryWord`): a short or mixed query names none. A name in Arabic or Hebrew counts
   * when its words write the query's whole words letter for letter (`abjadWrites`: `Putin` ->
   * فلاديمير بوتين).
   */
  topicsTransliteratedFrom(query: string, unfinishedLastWord = false): Topic[] {
    const words = normaliseTokens(query).map((token) => token.norm);
    if (words.length === 0 || !words.every(isLatinQueryWord)) return [];
    const wholly = new Set<Topic>();
    const byBeginning = new Set<Topic>();
    for (const [key, topics] of this.byTransliteration) {
      const keyWords = key.split(' ');
      if (containsWordsInARow(keyWords, words, false)) for (const topic of topics) wholly.add(topic);
      else if (unfinishedLastWord && containsWordsInARow(keyWords, words, true)) for (const topic of topics) byBeginning.add(topic);
    }
    for (const names of this.abjadNames.values()) {
      for (const { words: nameWords, topic } of names) {
        if (writesWordsInARow(nameWords, words)) wholly.add(topic);
      }
    }
    const bySources = (a: Topic, b: Topic) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1);
    return [...[...wholly].sort(bySources), ...[...byBeginning].filter((topic) => !wholly.has(topic)).sort(bySources)];
  }

  /** True when the topic's name comes from an alias file entry (the writer's or the bundled corpus's). */
  isNamedByAliasFile(topicId: string): boolean {
    return this.built.aliasNamesById.has(topicId);
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
    return this.exactSpellings.get(topic.id)?.has(withoutInvisibleCharacters(surface).replace(/['’ʼ]s$/u, '')) ?? false;
  }

  private toTextMatch(span: TokenSpan, tokens: readonly NormalToken[], text: string, shift: number): TopicMatch {
    const start = tokens[span.from].start;
    let end = tokens[span.to - 1].end;
    if (span.quality === 'fuzzy') end = start + text.slice(start, end).replace(/['’ʼ]s$/u, '').length;
    return { topic: span.topic, start: start + shift, end: end + shift, quality: span.quality };
  }

  /** The trie's matches whose words agree with the name around them, then misspellings of the names nothing matched. */
  private recognise(tokens: readonly NormalToken[], text: string): TokenSpan[] {
    const matches = this.built.trie.allMatches(tokens);
    const coveredBy: (Topic | undefined)[] = new Array(tokens.length);
    for (const match of matches) {
      const topic = this.byId.get(match.entry.topicId);
      for (let i = match.from; i < match.to; i++) coveredBy[i] ??= topic;
    }
    const found: TokenSpan[] = [];
    const recognised = new Uint8Array(tokens.length);
    for (const match of matches) {
      const topic = this.byId.get(match.entry.topicId);
      if (!topic || this.built.hiddenIds.has(topic.id) || !this.agreesWithName(match, topic, tokens, coveredBy)) continue;
      const surface = text.slice(tokens[match.from].start, tokens[match.to - 1].end);
      const quality: TopicMatch['quality'] = this.spelledAsSeen(topic, surface) ? 'exact' : match.entry.fromAlias ? 'alias' : 'variant';
      found.push({ from: match.from, to: match.to, topic, quality });
      recognised.fill(1, match.from, match.to);
    }
    let fuzzyFound = false;
    for (let from = 0; from < tokens.length; ) {
      if (!isNameWord(tokens[from])) {
        from++;
        continue;
      }
      const to = nameRunEnd(tokens, from);
      if (!recognised.subarray(from, to).includes(1)) {
        const transliterated = this.transliteratedTopics(tokens.slice(from, to).map((token) => token.norm))[0];
        const topic = transliterated ?? this.misspeltTopic(tokens, from, to);
        if (topic) {
          found.push({ from, to, topic, quality: transliterated ? 'transliterated' : 'fuzzy' });
          fuzzyFound = true;
        }
      }
      from = to;
    }
    return fuzzyFound ? found.sort((a, b) => a.from - b.from) : found;
  }

  /**
   * A match stands only if the name the writer wrote has no more words than the topic: a
   * capitalised word right before or after it, joined by a space, means another name
   * ("Manmohan Singh" is not Rajnath Singh) and the corpus cannot say whose. That word may be
   * recognised as something else and still be part of the same name ("Nancy Pelosi" is neither
   * the topic "Nancy" nor, for sure, the topic "Pelosi"); only two places side by side ("India
   * Russia summit") stay two names. Lower-case terms, titles ("President Putin") and function
   * words never count.
   */
  private agreesWithName(match: TokenMatch, topic: Topic, tokens: readonly NormalToken[], coveredBy: readonly (Topic | undefined)[]): boolean {
    if (!isNameWord(tokens[match.from]) && !isNameWord(tokens[match.to - 1])) return true;
    const extendsName = (neighbour: number, joinAt: number): boolean => {
      if (neighbour < 0 || neighbour >= tokens.length || !joinedBySpace(tokens, joinAt) || !isNameWord(tokens[neighbour])) return false;
      const other = coveredBy[neighbour];
      if (!other) return true;
      return other !== topic && !(other.kind === 'place' && topic.kind === 'place');
    };
    return !extendsName(match.from - 1, match.from) && !extendsName(match.to, match.to);
  }

  /**
   * The topic whose name the writer misspelt in tokens `from`..`to` (a whole name, see
   * nameRunEnd): every word a plausible misspelling of the word in the same place of one of
   * the topic's names (see misspellingEdits), as many words, fewest edits. None when two
   * topics are as close, and never against a form only the alias file gives (a
   * transliteration stays exact): an alias key counts only when the sources wrote its words.
   */
  private misspeltTopic(tokens: readonly NormalToken[], from: number, to: number): Topic | undefined {
    if (to - from > this.built.trie.maxTokens) return undefined;
    const words = tokens.slice(from, to).map((t) => t.norm);
    const lastSingular = tokens[to - 1].singular;
    const cacheKey = words.join(' ');
    if (this.fuzzyCache.has(cacheKey)) {
      const cached = this.fuzzyCache.get(cacheKey);
      return cached && !this.built.hiddenIds.has(cached.id) ? cached : undefined;
    }
    let best: Topic | undefined;
    let bestEdits = Infinity;
    let tied = false;
    for (const key of this.misspellingIndex().get(initialsOf(words)) ?? []) {
      const edits = editsBetween(words, lastSingular, key.words);
      if (edits === undefined || edits === 0 || edits > bestEdits) continue;
      const topic = this.byId.get(key.topicId);
      if (!topic) continue;
      if (edits < bestEdits) {
        best = topic;
        bestEdits = edits;
        tied = false;
      } else if (topic !== best) {
        tied = true;
      }
    }
    const topic = tied ? undefined : best;
    if (this.fuzzyCache.size >= FUZZY_CACHE_LIMIT) this.fuzzyCache.clear();
    this.fuzzyCache.set(cacheKey, topic);
    return topic;
  }

  /** The keys of visible topics a writer may misspell, by the initials of their words (a misspelling keeps every first letter). */
  private misspellingIndex(): Map<string, SpelledKey[]> {
    if (!this.spelledKeys) {
      this.spelledKeys = new Map();
      const seenKeys = new Map<string, Set<string>>();
      for (const { words, entry } of this.built.trie.keys()) {
        const topic = this.byId.get(entry.topicId);
        if (!topic || this.built.hiddenIds.has(topic.id)) continue;
        if (entry.fromAlias) {
          let seen = seenKeys.get(topic.id);
          if (!seen) seenKeys.set(topic.id, (seen = new Set([...(this.exactSpellings.get(topic.id) ?? [])].flatMap((spelling) => normaliseTerm(spelling).split(' ')))));
          if (!words.every((word) => seen!.has(word))) continue;
        }
        const initials = initialsOf(words);
        const list = this.spelledKeys.get(initials);
        if (list) list.push({ words, topicId: topic.id });
        else this.spelledKeys.set(initials, [{ words, topicId: topic.id }]);
      }
    }
    return this.spelledKeys;
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
