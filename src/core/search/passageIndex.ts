import type { Article, ArticleMetadata, DroppedLine, Logger, Passage, SearchHit, SourceFormat } from '../model';
import { nullLogger } from '../model';
import { ensureCapacity } from './growableArrays';
import { buildSnippet, type MatchedSpan } from './passageSnippet';
import { MAX_QUERY_WORDS, parseSearchQuery, type ParsedSearchQuery } from './searchQuery';
import { languageOfFilter, primaryLanguageTag } from '../ingest/articleLanguage';
import { fillHanAndKanaTermPositions, HAN_AND_KANA_READING, HAN_AND_KANA_SCANNED, HAN_AND_KANA_TERMS_ONLY, hanAndKanaPairs, hanAndKanaReading, HAS_TRADITIONAL_CHARACTERS, isHanOrKanaTerm, isHanOrKanaUnit, isUnspacedScriptTerm, scanTerms, splitCodeTerm, termOfCodes, termSpans, type HanAndKanaCut } from './searchTokens';
import { indexOfSimplified, mayMatchTraditional, simplifiedUnit, toSimplified } from '../text/chineseVariants';
import { isUnspacedWordAt } from '../text/unspacedWords';
import { TermCompletions } from './termCompletions';
import { TermTable } from './termTable';
import { MIN_TYPO_LENGTH, TypoNeighbours } from './typoNeighbours';
import { ScriptWordInfixes } from './scriptWordInfixes';
import { TransliterationKeys } from './transliterationKeys';
import { foldWord } from '../text/wordText';

/** How a search is narrowed and ranked beyond the query text. */
export interface PassageSearchOptions {
  /** At most this many hits (default 20). */
  limit?: number;
  /** Keeps only passages it accepts; the caller builds it from `topic:` and anything else it knows. */
  filter?: (passageId: string) => boolean;
  /**
   * A score multiplier per passage (1 = neutral), e.g. for passages that
   * mention a topic the query names. Called only for the top candidates.
   */
  boost?: (passageId: string) => number;
  /**
   * Search as you type: the query's last word may be unfinished, so it also
   * matches longer words that start with it ("Afgh" finds Afghanistan).
   * Has no effect once the query ends with a space or a quote.
   */
  prefixLastWord?: boolean;
  /**
   * A Latin query word also finds its transliteration in other alphabets (`Putin` finds
   * `Путин`): after every passage found as written, labelled `transliterated`. Default on.
   */
  transliterate?: boolean;
  /**
   * Query words never transliterated, folded: the caller's English function words, so that
   * `more` means more, not `море` (sea).
   */
  notTransliterated?: ReadonlySet<string>;
}

/** Why a passage index could not be loaded from its persisted form. */
export interface PassageIndexLoadFailure {
  error: 'not-an-index' | 'unsupported-version' | 'truncated' | 'corrupt';
  detail: string;
}

/** What the index remembers of an article besides its passages. */
export interface IndexedArticleRecord {
  id: string;
  sourceUri: string;
  format: SourceFormat;
  meta: ArticleMetadata;
  droppedLines: DroppedLine[];
  /** Opaque validation data from the host (e.g. the source file's mtime and size). */
  sourceStamp?: string;
}

interface ArticleEntry extends IndexedArticleRecord {
  number: number;
  titleTerms: Set<string>;
  outletTerms: string[];
  docs: number[];
}

/** One query word: the index terms it may match, with weights (typo matches weigh less). */
/**
 * A Chinese or Japanese query word, as the segmenter cut it from the query. The index holds pairs
 * of characters (see `searchTokens.ts`), so the word is found by them: a word of two characters
 * is one pair; a longer one is looked up by its rarest pair and confirmed where the passage is
 * read (its pairs in a row: the word itself); a one-character word by the pairs that contain the
 * character, confirmed only where the segmenter cuts that character as a word of its own (`京`
 * of `去京城`, not of `北京市`).
 */
interface HanAndKanaWord {
  text: string;
  group: number;
  /** Its pairs' term ids in order (empty for a one-character word). */
  pairs: number[];
  oneCharacter: boolean;
  /** A one-character word the writer is still typing (search as you type): the start of a longer word, not confirmed as a word of its own. */
  unfinished: boolean;
}

/** A Han or kana query word with the terms that hold it (term id -> the word's place in that term's list). */
interface HanAndKanaHolding {
  word: HanAndKanaWord;
  holding: Map<number, number>;
}

/** What a candidate passage is read for: which of its terms answer which query word. */
interface QuerySpans {
  spanGroups: Map<number, number>;
  /** Terms found by containing a query word (`自由化` for `自由`), with that word: their highlights cover only it. */
  spanInfixes: Map<number, string>;
  /** Han and kana query words by the term ids that may start or hold them (a word's first pair; every pair holding a one-character word). */
  hanAndKanaWords: Map<number, HanAndKanaWord[]>;
  /** Groups of Han and kana words that the passage's text must confirm (longer than a pair, or one character). */
  confirmedGroups: Set<number>;
  /** Each Han and kana query word with the terms that hold it (term id -> the word's place in that term's list); made on first use, null when a word is not all Han and kana of the basic plane. */
  hanAndKanaHolders?: HanAndKanaHolding[] | null;
  /** Whether a Han or kana word may match a passage differently once it is simplified (`simplifiedWordsOf`); made on first use. */
  matchesTraditional?: boolean;
}

/** The most pairs that stand for a one-character query word (the most frequent first). */
const MAX_ONE_CHARACTER_PAIRS = 64;
/** `addArticles` guesses how much of the text is Han and kana from this many characters at the start of one passage in this many. */
const HAN_AND_KANA_SAMPLE = 32;
/** How the index cuts Han and kana (see `searchTokens.ts`). */
const INDEX_CUT: HanAndKanaCut = 'pairs';

interface QueryGroup {
  alternatives: Array<{ termId: number; weight: number }>;
  required: boolean;
  /** For typo groups: the document frequency all alternatives share for IDF, so a rare look-alike does not outrank the word meant. */
  sharedDf?: number;
  /** For a one-character Han or kana word: the key its alternatives' postings, merged, are remembered by (`mergedPostingsOf`). */
  mergedKey?: string;
}

/** A group's postings merged into one list: each passage once, with the score of its best alternative (`mergedPostingsOf`). */
interface MergedPostings {
  docs: Uint32Array;
  scores: Float64Array;
}

/** The columns of a compacted index, as persisted. */
export interface PassageIndexColumns {
  articles: IndexedArticleRecord[];
  passageIds: string[];
  texts: string[];
  docArticle: Uint32Array;
  docOrdinal: Uint32Array;
  docLength: Uint32Array;
  docRanges: Uint32Array;
  /** The PDF page each passage starts on, from 1; 0 for a passage without pages. */
  docPage: Uint32Array;
  terms: string[];
  termOffsets: Uint32Array;
  postingDocs: Uint32Array;
  postingTfs: Uint8Array;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;
const TYPO_WEIGHT = 0.85;
const PREFIX_WEIGHT = 0.8;
/** A longer word of an unspaced script that contains the query word (`自由化` for `自由`). */
const INFIX_WEIGHT = 0.8;
const MAX_TERM_FREQUENCY = 255;
const DEFAULT_LIMIT = 20;
const MIN_RERANK_POOL = 30;
/** Merged postings (`mergedPostingsOf`) kept at most, over all characters: 12 bytes each. */
const MAX_MERGED_POSTINGS = 2_000_000;
/** Places of query words in one passage that `hanAndKanaProximity` sorts in scratch arrays; a passage with more goes by `hanAndKanaSpans`. */
const MAX_SCRATCH_PLACES = 2048;
/** A word's place in a holder's list that fits the sort key of `hanAndKanaProximity` (a holder lists few words). */
const MAX_PLACE_ORDER = 128;
/** Answers `isOneCharacterWordAt` keeps at most (a few MB). */
const MAX_REMEMBERED_WORD_CHECKS = 100_000;
/** Passage number times this plus the offset keys a remembered answer (passages are far shorter). */
const WORD_CHECK_KEY_STRIDE = 2 ** 26;
const PROXIMITY_BOOST = 0.6;
const IN_ORDER_BOOST = 1.2;
const TITLE_BOOST = 0.3;

/**
 * Finds passages for a search box query in a few milliseconds at 100,000 passages.
 *
 * An inverted index of normalised terms (see `searchTokens.ts`) to postings
 * of (passage, term frequency), scored with BM25. The top candidates are
 * re-ranked by reading their text: all query words close together and in
 * order, article-title hits and the caller's `boost` raise the score;
 * quoted phrases must appear exactly. The syntax is in `searchQuery.ts`.
 *
 * Postings live in one compact, sorted block plus a small tail for articles
 * added since; removed passages are tombstoned. The block is rebuilt when the
 * tail or the tombstones grow large, so a file-watcher update costs work in
 * proportion to the changed article, not the corpus.
 */
export class PassageIndex {
  private readonly logger: Logger;

  private docCount = 0;
  private liveDocCount = 0;
  private deadDocCount = 0;
  private totalLiveLength = 0;
  private passageIds: string[] = [];
  private texts: string[] = [];
  private docArticle: Uint32Array = new Uint32Array(0);
  private docOrdinal: Uint32Array = new Uint32Array(0);
  private docLength: Uint32Array = new Uint32Array(0);
  private docRanges: Uint32Array = new Uint32Array(0);
  private docPage: Uint32Array = new Uint32Array(0);
  private docAlive: Uint8Array = new Uint8Array(0);
  /** Per passage, how search reads its Han and kana (`hanAndKanaReadingOf`); 0 until first asked. */
  private docHanAndKanaReading: Uint8Array = new Uint8Array(0);
  /** Remembered segmenter answers by passage and offset (`isOneCharacterWordAt`). */
  private readonly wordChecks = new Map<number, boolean>();
  private readonly docByPassageId = new Map<string, number>();

  private readonly articles = new Map<string, ArticleEntry>();
  private articleByNumber: Array<ArticleEntry | undefined> = [];

  private vocabulary = new TermTable();
  private termDf: Uint32Array = new Uint32Array(0);
  private baseTermCount = 0;
  private baseOffsets: Uint32Array = new Uint32Array(1);
  private baseDocs: Uint32Array = new Uint32Array(0);
  private baseTfs: Uint8Array = new Uint8Array(0);
  /** Postings added since the last compaction: per-term linked lists, newest first, in insertion order overall. */
  private tailTerm: Uint32Array = new Uint32Array(0);
  private tailDoc: Uint32Array = new Uint32Array(0);
  private tailTf: Uint8Array = new Uint8Array(0);
  private tailPrevious: Int32Array = new Int32Array(0);
  private tailHead: Int32Array = new Int32Array(0);
  private tailSize = 0;
  /** Whether `indexDoc` links each new posting to the term's previous one (`tailHead`, `tailPrevious`); not during a first build (`addArticles`). */
  private linkingTail = true;
  /** Per-term scratch for counting term frequencies within one passage. */
  private termSeenInDoc: Int32Array = new Int32Array(0);
  private termCountInDoc: Uint32Array = new Uint32Array(0);
  private passageTerms: Int32Array = new Int32Array(256);
  private passageTermCount = 0;
  private distinctTermCount = 0;
  private typo = new TypoNeighbours();
  private completions = new TermCompletions();
  private infixes = new ScriptWordInfixes();
  private transliterations = new TransliterationKeys();

  private scores: Float64Array = new Float64Array(0);
  private groupBest: Float64Array = new Float64Array(0);
  private groupStamps: Uint32Array = new Uint32Array(0);
  /** Per passage, how many query words it matched: one byte, as a query has at most MAX_QUERY_WORDS (64) words. */
  private matchedGroups: Uint8Array = new Uint8Array(0);
  private matchedRequired: Uint8Array = new Uint8Array(0);
  private touched: Int32Array = new Int32Array(0);
  /** Merged postings of one-character words by `QueryGroup.mergedKey`, least recently used first, with the index generation they were made at. */
  private readonly mergedPostings = new Map<string, { generation: number; postings: MergedPostings }>();
  private mergedPostingCount = 0;
  private mergeScratch: Float64Array = new Float64Array(0);
  /** Changes whenever passages or postings change (what `mergedPostings` were made from). */
  private generation = 0;
  private eligibleDocs: Int32Array = new Int32Array(0);
  private eligibleScores: Float64Array = new Float64Array(0);
  /** Whether a search's filter is running (`scoreCandidates`): a search from inside it gets arrays of its own. */
  private filtering = false;
  private stamp = 0;

  constructor(options: { logger?: Logger } = {}) {
    this.logger = options.logger ?? nullLogger;
  }

  /** Passages currently searchable. */
  get passageCount(): number {
    return this.liveDocCount;
  }

  /** Articles currently indexed. */
  get articleCount(): number {
    return this.articles.size;
  }

  /** Ids of the indexed articles, e.g. to compare with the files on disk after a warm start. */
  articleIds(): string[] {
    return [...this.articles.keys()];
  }

  /** The validation data given with `addArticle` (the host's mtime and size), if any. */
  sourceStampOf(articleId: string): string | undefined {
    return this.articles.get(articleId)?.sourceStamp;
  }

  /** The article's metadata, or undefined when it is not indexed. */
  articleMeta(articleId: string): ArticleMetadata | undefined {
    return this.articles.get(articleId)?.meta;
  }

  /** One passage, as it was added (also after a warm start). */
  passage(passageId: string): Passage | undefined {
    const doc = this.docByPassageId.get(passageId);
    return doc === undefined ? undefined : this.passageOfDoc(doc);
  }

  /** The whole article, rebuilt from the index (also after a warm start). */
  article(articleId: string): Article | undefined {
    const entry = this.articles.get(articleId);
    if (!entry) {
      return undefined;
    }
    return {
      id: entry.id,
      sourceUri: entry.sourceUri,
      format: entry.format,
      meta: entry.meta,
      droppedLines: entry.droppedLines,
      passages: entry.docs.map((doc) => this.passageOfDoc(doc)),
    };
  }

  /**
   * Indexes an article's passages (replacing the article if it is already
   * indexed). `sourceStamp` is kept for the host's cache validation.
   */
  addArticle(article: Article, sourceStamp?: string): void {
    this.generation++;
    if (this.articles.has(article.id)) {
      this.removeArticle(article.id);
    }
    const entry: ArticleEntry = {
      id: article.id,
      sourceUri: article.sourceUri,
      format: article.format,
      meta: article.meta,
      droppedLines: article.droppedLines,
      sourceStamp,
      number: this.articleByNumber.length,
      titleTerms: titleTermsOf(article.meta.title),
      outletTerms: outletTermsOf(article.meta.outlet),
      docs: [],
    };
    this.articles.set(article.id, entry);
    this.articleByNumber.push(entry);
    for (const passage of article.passages) {
      if (this.docByPassageId.has(passage.id)) {
        this.logger.warn(`Search index: passage id ${passage.id} appears twice; the second copy is not indexed.`);
        continue;
      }
      const doc = this.appendDoc(passage, entry.number);
      entry.docs.push(doc);
      this.indexDoc(doc, passage.text);
    }
  }

  private readonly collectTerm = (buffer: Uint16Array, length: number): void => {
    this.countTerm(this.vocabulary.findOrAdd(buffer, length));
  };

  private readonly collectPair = (key: number): void => {
    this.countTerm(this.vocabulary.findOrAddPair(key));
  };

  /**
   * Counts one occurrence of `termId` in the passage being indexed. `termCountInDoc` is 0 for
   * every term outside it (`indexDoc` clears the counts of the passage's terms when done), so a
   * first occurrence is a count of 0.
   */
  private countTerm(termId: number): void {
    this.passageTermCount++;
    if (termId >= this.termCountInDoc.length) this.growTermColumns(termId + 1);
    if (this.termCountInDoc[termId]++ !== 0) return;
    if (this.distinctTermCount === this.passageTerms.length) {
      this.passageTerms = ensureCapacity(this.passageTerms, this.distinctTermCount + 1, Int32Array);
    }
    this.passageTerms[this.distinctTermCount++] = termId;
  }

  /** Grows the per-term columns to hold at least `termCount` terms (doubling). */
  private growTermColumns(termCount: number): void {
    const capacity = Math.max(termCount, this.termDf.length, this.termCountInDoc.length * 2, 64);
    this.termDf = ensureCapacity(this.termDf, capacity, Uint32Array);
    this.tailHead = growHeads(this.tailHead, capacity);
    this.termSeenInDoc = growHeads(this.termSeenInDoc, capacity);
    this.termCountInDoc = ensureCapacity(this.termCountInDoc, capacity, Uint32Array);
  }

  private indexDoc(doc: number, text: string): void {
    this.passageTermCount = 0;
    this.distinctTermCount = 0;
    scanTerms(text, this.collectTerm, 'upper-case-only', INDEX_CUT, this.collectPair);
    const distinct = this.distinctTermCount;
    const count = this.passageTermCount;
    this.ensureTailCapacity(this.tailSize + distinct);
    const { passageTerms, termCountInDoc, tailTerm, tailDoc, tailTf, tailPrevious, tailHead, termDf } = this;
    let entry = this.tailSize;
    const linking = this.linkingTail;
    for (let index = 0; index < distinct; index++) {
      const termId = passageTerms[index];
      tailTerm[entry] = termId;
      tailDoc[entry] = doc;
      tailTf[entry] = Math.min(termCountInDoc[termId], MAX_TERM_FREQUENCY);
      termCountInDoc[termId] = 0;
      if (linking) {
        tailPrevious[entry] = tailHead[termId];
        tailHead[termId] = entry;
      }
      termDf[termId]++;
      entry++;
    }
    this.tailSize = entry;
    this.docLength[doc] = count;
    this.totalLiveLength += count;
  }

  private ensureTailCapacity(needed: number): void {
    this.tailTerm = ensureCapacity(this.tailTerm, needed, Uint32Array);
    this.tailDoc = ensureCapacity(this.tailDoc, needed, Uint32Array);
    this.tailTf = ensureCapacity(this.tailTf, needed, Uint8Array);
    if (this.linkingTail) this.tailPrevious = ensureCapacity(this.tailPrevious, needed, Int32Array);
  }

  private readonly collectKnownTerm = (buffer: Uint16Array, length: number): void => {
    const termId = this.vocabulary.find(buffer, length);
    if (termId >= 0) {
      this.passageTerms = ensureCapacity(this.passageTerms, this.passageTermCount + 1, Int32Array);
      this.passageTerms[this.passageTermCount++] = termId;
    }
  };

  /**
   * Indexes many articles at once (a first build or a rescan); the same as
   * calling `addArticle` for each, with storage sized up front.
   */
  addArticles(articles: readonly Article[]): void {
    let passages = 0;
    let characters = 0;
    let seen = 0;
    let sampled = 0;
    let sampledHanAndKana = 0;
    for (const article of articles) {
      passages += article.passages.length;
      for (const passage of article.passages) {
        const text = passage.text;
        characters += text.length;
        const sample = seen++ % HAN_AND_KANA_SAMPLE === 0 ? Math.min(text.length, HAN_AND_KANA_SAMPLE) : 0;
        for (let index = 0; index < sample; index++) if (isHanOrKanaUnit(text.charCodeAt(index))) sampledHanAndKana++;
        sampled += sample;
      }
    }
    const docs = this.docCount + passages;
    this.docArticle = ensureCapacity(this.docArticle, docs, Uint32Array);
    this.docOrdinal = ensureCapacity(this.docOrdinal, docs, Uint32Array);
    this.docLength = ensureCapacity(this.docLength, docs, Uint32Array);
    this.docAlive = ensureCapacity(this.docAlive, docs, Uint8Array);
    this.docRanges = ensureCapacity(this.docRanges, docs * 4, Uint32Array);
    this.docPage = ensureCapacity(this.docPage, docs, Uint32Array);
    // English prose has about one distinct word per passage for every eight characters; Chinese
    // and Japanese about one distinct pair for every one and a half (from the start of each passage).
    const hanAndKanaShare = sampled > 0 ? sampledHanAndKana / sampled : 0;
    // A first build is compacted as soon as it is read, so its new postings need no per-term links
    // meanwhile (for search before compaction); that saves two random writes a posting.
    const firstBuild = this.docCount === 0 && this.tailSize === 0;
    this.linkingTail = !firstBuild;
    try {
      this.ensureTailCapacity(this.tailSize + Math.ceil(characters * ((1 - hanAndKanaShare) / 8 + hanAndKanaShare / 1.5)));
      for (const article of articles) {
        this.addArticle(article);
      }
    } finally {
      this.linkingTail = true;
      if (firstBuild) this.compact();
    }
  }

  /** Removes an article and its passages; unknown ids are ignored. */
  removeArticle(articleId: string): void {
    this.generation++;
    const entry = this.articles.get(articleId);
    if (!entry) {
      return;
    }
    for (const doc of entry.docs) {
      this.passageTermCount = 0;
      scanTerms(this.texts[doc], this.collectKnownTerm, 'upper-case-only', INDEX_CUT);
      for (let index = 0; index < this.passageTermCount; index++) {
        const termId = this.passageTerms[index];
        if (this.termSeenInDoc[termId] !== -2 - doc) {
          this.termSeenInDoc[termId] = -2 - doc;
          this.termDf[termId]--;
        }
      }
      this.docAlive[doc] = 0;
      this.docByPassageId.delete(this.passageIds[doc]);
      this.liveDocCount--;
      this.deadDocCount++;
      this.totalLiveLength -= this.docLength[doc];
    }
    this.articles.delete(articleId);
    this.articleByNumber[entry.number] = undefined;
  }

  /**
   * Passages for a search box query (syntax in `searchQuery.ts`), best first.
   * Never throws: a query it cannot use gives no hits.
   */
  search(query: string, options: PassageSearchOptions = {}): SearchHit[] {
    return this.searchParsed(parseSearchQuery(query), options);
  }

  /** Like `search`, for a query the caller already parsed (e.g. to turn `topic:` into a filter). Never throws. */
  searchParsed(parsed: ParsedSearchQuery, options: PassageSearchOptions = {}): SearchHit[] {
    try {
      return this.runSearch(parsed, options);
    } catch (error) {
      this.logger.error(`Search failed: ${String(error)}`);
      return [];
    }
  }

  private runSearch(parsed: ParsedSearchQuery, options: PassageSearchOptions): SearchHit[] {
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
    if (limit === 0) {
      return [];
    }
    this.compactIfWorthwhile();
    let articleMask: Uint8Array | undefined;
    if (parsed.outlet !== undefined) {
      articleMask = this.outletMask(parsed.outlet);
      if (!articleMask) {
        return [];
      }
    }
    if (parsed.language !== undefined) {
      const languageMask = this.languageMask(parsed.language);
      if (!languageMask) {
        return [];
      }
      articleMask = articleMask ? languageMask.map((wanted, number) => wanted & articleMask![number]) : languageMask;
    }
    const prefixLastWord = options.prefixLastWord === true && parsed.endsInWord === true;
    const query = this.queryGroups(parsed, prefixLastWord);
    if (query.groups.length === 0 && (parsed.phrases.length > 0 || parsed.terms.length > 0 || (articleMask === undefined && parsed.topic === undefined))) {
      return this.transliteratedHits(parsed, prefixLastWord, articleMask, options, limit, []);
    }
    if (query.groups.length === 0) {
      return this.listFiltered(articleMask, options, limit);
    }
    const hits = this.rankedHits(query, articleMask, options, limit);
    return hits.length < limit ? this.transliteratedHits(parsed, prefixLastWord, articleMask, options, limit, hits) : hits;
  }

  /**
   * `found` (the hits of the query as written) followed by the passages that only the
   * transliteration of a Latin query word finds, labelled, up to `limit`. Run as a second search,
   * so the passages found as written, and their order, are exactly those without transliteration.
   */
  private transliteratedHits(
    parsed: ParsedSearchQuery,
    prefixLastWord: boolean,
    articleMask: Uint8Array | undefined,
    options: PassageSearchOptions,
    limit: number,
    found: SearchHit[],
  ): SearchHit[] {
    if (options.transliterate === false || parsed.terms.length === 0) return found;
    this.transliterations.addTerms(this.vocabulary.terms);
    if (this.transliterations.isEmpty) return found;
    const transliterated = new Set<number>();
    const query = this.queryGroups(parsed, prefixLastWord, transliterated, options.notTransliterated);
    if (transliterated.size === 0 || query.groups.length === 0) return found;
    const already = new Set(found.map((hit) => hit.passageId));
    const transliteratedDocs = this.docsWithAnyTerm(transliterated);
    const more = this.rankedHits(query, articleMask, options, limit + found.length, (doc) => transliteratedDocs.has(doc) && !already.has(this.passageIds[doc]));
    return [...found, ...more.map((hit) => ({ ...hit, transliterated: true }))].slice(0, limit);
  }

  /** The passages that have one of `termIds` among their words, from the postings. */
  private docsWithAnyTerm(termIds: ReadonlySet<number>): Set<number> {
    const docs = new Set<number>();
    for (const termId of termIds) {
      if (termId < this.baseTermCount) {
        for (let at = this.baseOffsets[termId]; at < this.baseOffsets[termId + 1]; at++) docs.add(this.baseDocs[at]);
      }
      for (let entry = this.tailHead[termId]; entry >= 0; entry = this.tailPrevious[entry]) docs.add(this.tailDoc[entry]);
    }
    return docs;
  }

  private rankedHits(
    { groups, phrases, spans }: ReturnType<PassageIndex['queryGroups']>,
    articleMask: Uint8Array | undefined,
    options: PassageSearchOptions,
    limit: number,
    accept?: (doc: number) => boolean,
  ): SearchHit[] {
    const candidates = this.scoreCandidates(groups, articleMask, options, phrases.length > 0 ? Infinity : Math.max(limit * 3, MIN_RERANK_POOL));
    const readsText = phrases.length > 0 || groups.length > 1 || spans.confirmedGroups.size > 0;
    const ranked: RankedCandidate[] = [];
    for (const { doc, score } of candidates) {
      if (accept && !accept(doc)) {
        continue;
      }
      const candidate = this.rerank(doc, score, groups, phrases, spans, options, readsText);
      if (candidate) {
        ranked.push(candidate);
        if (phrases.length > 0 && ranked.length >= limit * 3) {
          break;
        }
      }
    }
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return ranked.slice(0, limit).map(({ doc, score, matched }) => ({
      passageId: this.passageIds[doc],
      score,
      snippet: buildSnippet(this.texts[doc], matched ?? this.matchedSpans(doc, spans, undefined, false)),
    }));
  }

  /** Rebuilds the compact postings now (the index does it by itself when worthwhile). */
  compact(): void {
    if (this.tailSize === 0 && this.deadDocCount === 0) {
      return;
    }
    if (this.deadDocCount === 0) {
      this.mergeTailIntoBase();
      return;
    }
    const newDocOf = new Int32Array(this.docCount).fill(-1);
    let liveDocs = 0;
    for (let doc = 0; doc < this.docCount; doc++) {
      if (this.docAlive[doc]) {
        newDocOf[doc] = liveDocs++;
      }
    }
    const terms = this.vocabulary.terms;
    const liveTerms: number[] = [];
    const newTermOf = new Int32Array(terms.length).fill(-1);
    for (let termId = 0; termId < terms.length; termId++) {
      if (this.termDf[termId] > 0) {
        newTermOf[termId] = liveTerms.length;
        liveTerms.push(termId);
      }
    }
    const offsets = new Uint32Array(liveTerms.length + 1);
    let total = 0;
    for (let index = 0; index < liveTerms.length; index++) {
      offsets[index] = total;
      total += this.termDf[liveTerms[index]];
    }
    offsets[liveTerms.length] = total;
    const docs = new Uint32Array(total);
    const tfs = new Uint8Array(total);
    const cursors = offsets.slice(0, liveTerms.length);
    for (let termId = 0; termId < this.baseTermCount; termId++) {
      const newTerm = newTermOf[termId];
      if (newTerm < 0) {
        continue;
      }
      for (let index = this.baseOffsets[termId]; index < this.baseOffsets[termId + 1]; index++) {
        const mapped = newDocOf[this.baseDocs[index]];
        if (mapped >= 0) {
          const at = cursors[newTerm]++;
          docs[at] = mapped;
          tfs[at] = this.baseTfs[index];
        }
      }
    }
    // Tail entries were appended in passage order, so each term's postings stay sorted.
    for (let entry = 0; entry < this.tailSize; entry++) {
      const newTerm = newTermOf[this.tailTerm[entry]];
      const mapped = newDocOf[this.tailDoc[entry]];
      if (newTerm >= 0 && mapped >= 0) {
        const at = cursors[newTerm]++;
        docs[at] = mapped;
        tfs[at] = this.tailTf[entry];
      }
    }
    let cursor = 0;
    for (let index = 0; index < liveTerms.length; index++) {
      if (cursors[index] !== offsets[index + 1]) {
        cursor = -1;
      }
    }
    cursor = cursor === 0 ? total : -1;
    if (cursor !== total) {
      throw new Error(`search index postings out of step: ${cursor} of ${total}`);
    }
    const liveDocList: number[] = [];
    for (let doc = 0; doc < this.docCount; doc++) {
      if (newDocOf[doc] >= 0) {
        liveDocList.push(doc);
      }
    }
    const liveArticles = this.articleByNumber.filter((entry): entry is ArticleEntry => entry !== undefined);
    const newArticleNumber = new Uint32Array(this.articleByNumber.length);
    liveArticles.forEach((entry, number) => (newArticleNumber[entry.number] = number));
    this.loadColumns({
      articles: liveArticles,
      passageIds: liveDocList.map((doc) => this.passageIds[doc]),
      texts: liveDocList.map((doc) => this.texts[doc]),
      docArticle: Uint32Array.from(liveDocList, (doc) => newArticleNumber[this.docArticle[doc]]),
      docOrdinal: Uint32Array.from(liveDocList, (doc) => this.docOrdinal[doc]),
      docLength: Uint32Array.from(liveDocList, (doc) => this.docLength[doc]),
      docRanges: selectRanges(this.docRanges, liveDocList),
      docPage: Uint32Array.from(liveDocList, (doc) => this.docPage[doc]),
      terms: liveTerms.map((termId) => terms[termId]),
      termOffsets: offsets,
      postingDocs: docs,
      postingTfs: tfs,
    });
  }

  /** Compaction when nothing was removed: doc and term ids stay, only the postings move. */
  private mergeTailIntoBase(): void {
    this.generation++;
    const termCount = this.vocabulary.size;
    const offsets = new Uint32Array(termCount + 1);
    let total = 0;
    for (let termId = 0; termId < termCount; termId++) {
      offsets[termId] = total;
      total += this.termDf[termId];
    }
    offsets[termCount] = total;
    const docs = new Uint32Array(total);
    const tfs = new Uint8Array(total);
    const cursors = offsets.slice(0, termCount);
    const { baseOffsets, baseDocs, baseTfs, tailTerm, tailDoc, tailTf } = this;
    for (let termId = 0; termId < this.baseTermCount; termId++) {
      const from = baseOffsets[termId];
      const to = baseOffsets[termId + 1];
      docs.set(baseDocs.subarray(from, to), cursors[termId]);
      tfs.set(baseTfs.subarray(from, to), cursors[termId]);
      cursors[termId] += to - from;
    }
    for (let entry = 0; entry < this.tailSize; entry++) {
      const at = cursors[tailTerm[entry]]++;
      docs[at] = tailDoc[entry];
      tfs[at] = tailTf[entry];
    }
    this.baseOffsets = offsets;
    this.baseDocs = docs;
    this.baseTfs = tfs;
    this.baseTermCount = termCount;
    this.resetTail(termCount);
  }

  private resetTail(termCount: number): void {
    // As long as termDf (its capacity may exceed termCount): indexDoc only grows the heads with it.
    this.tailHead = new Int32Array(Math.max(termCount, this.termDf.length)).fill(-1);
    this.tailTerm = new Uint32Array(0);
    this.tailDoc = new Uint32Array(0);
    this.tailTf = new Uint8Array(0);
    this.tailPrevious = new Int32Array(0);
    this.tailSize = 0;
  }

  /** The compacted columns, for persistence. */
  exportColumns(): PassageIndexColumns {
    this.compact();
    return {
      articles: this.articleByNumber.map((entry) => {
        const { id, sourceUri, format, meta, droppedLines, sourceStamp } = entry as ArticleEntry;
        return { id, sourceUri, format, meta, droppedLines, sourceStamp };
      }),
      passageIds: this.passageIds.slice(0, this.docCount),
      texts: this.texts.slice(0, this.docCount),
      docArticle: this.docArticle.subarray(0, this.docCount),
      docOrdinal: this.docOrdinal.subarray(0, this.docCount),
      docLength: this.docLength.subarray(0, this.docCount),
      docRanges: this.docRanges.subarray(0, this.docCount * 4),
      docPage: this.docPage.subarray(0, this.docCount),
      terms: this.vocabulary.terms,
      termOffsets: this.baseOffsets,
      postingDocs: this.baseDocs,
      postingTfs: this.baseTfs,
    };
  }

  /** Replaces the whole index with validated, compacted columns (from `compact` or a warm start). */
  loadColumns(columns: PassageIndexColumns): void {
    this.generation++;
    const docCount = columns.passageIds.length;
    this.docCount = docCount;
    this.liveDocCount = docCount;
    this.deadDocCount = 0;
    this.passageIds = columns.passageIds;
    this.texts = columns.texts;
    this.docArticle = columns.docArticle;
    this.docOrdinal = columns.docOrdinal;
    this.docLength = columns.docLength;
    this.docRanges = columns.docRanges;
    this.docPage = columns.docPage;
    this.docAlive = new Uint8Array(docCount).fill(1);
    this.docHanAndKanaReading = new Uint8Array(0);
    this.wordChecks.clear();
    this.docByPassageId.clear();
    let totalLength = 0;
    for (let doc = 0; doc < docCount; doc++) {
      this.docByPassageId.set(columns.passageIds[doc], doc);
      totalLength += columns.docLength[doc];
    }
    this.totalLiveLength = totalLength;
    this.articles.clear();
    this.articleByNumber = columns.articles.map((record, number) => {
      const entry: ArticleEntry = {
        ...record,
        number,
        titleTerms: titleTermsOf(record.meta.title),
        outletTerms: outletTermsOf(record.meta.outlet),
        docs: [],
      };
      this.articles.set(record.id, entry);
      return entry;
    });
    if (this.docByPassageId.size !== docCount || this.articles.size !== columns.articles.length) {
      throw new Error('duplicate passage or article ids');
    }
    for (let doc = 0; doc < docCount; doc++) {
      this.articleByNumber[columns.docArticle[doc]]!.docs.push(doc);
    }
    this.vocabulary = new TermTable();
    for (const term of columns.terms) {
      this.vocabulary.addNew(term);
    }
    this.baseTermCount = columns.terms.length;
    this.baseOffsets = columns.termOffsets;
    this.baseDocs = columns.postingDocs;
    this.baseTfs = columns.postingTfs;
    this.termDf = new Uint32Array(columns.terms.length);
    for (let termId = 0; termId < columns.terms.length; termId++) {
      this.termDf[termId] = columns.termOffsets[termId + 1] - columns.termOffsets[termId];
    }
    this.termSeenInDoc = new Int32Array(columns.terms.length).fill(-1);
    this.termCountInDoc = new Uint32Array(columns.terms.length);
    this.resetTail(columns.terms.length);
    this.typo = new TypoNeighbours();
    this.completions = new TermCompletions();
    this.infixes = new ScriptWordInfixes();
    this.transliterations = new TransliterationKeys();
  }

  private compactIfWorthwhile(): void {
    const tailIsLarge = this.tailSize > 20_000 && this.tailSize > this.baseDocs.length / 4;
    const manyDead = this.deadDocCount > 1_000 && this.deadDocCount > this.docCount / 4;
    if (tailIsLarge || manyDead) {
      this.compact();
    }
  }

  private appendDoc(passage: Passage, articleNumber: number): number {
    const doc = this.docCount++;
    const needed = this.docCount;
    this.docArticle = ensureCapacity(this.docArticle, needed, Uint32Array);
    this.docOrdinal = ensureCapacity(this.docOrdinal, needed, Uint32Array);
    this.docLength = ensureCapacity(this.docLength, needed, Uint32Array);
    this.docAlive = ensureCapacity(this.docAlive, needed, Uint8Array);
    this.docRanges = ensureCapacity(this.docRanges, needed * 4, Uint32Array);
    this.docPage = ensureCapacity(this.docPage, needed, Uint32Array);
    this.passageIds[doc] = passage.id;
    this.texts[doc] = passage.text;
    this.docArticle[doc] = articleNumber;
    this.docOrdinal[doc] = passage.ordinal;
    this.docAlive[doc] = 1;
    const { startLine, startCharacter, endLine, endCharacter } = passage.range;
    this.docRanges.set([startLine, startCharacter, endLine, endCharacter], doc * 4);
    this.docPage[doc] = passage.page !== undefined && Number.isSafeInteger(passage.page) && passage.page > 0 ? passage.page : 0;
    this.docByPassageId.set(passage.id, doc);
    this.liveDocCount++;
    return doc;
  }

  private passageOfDoc(doc: number): Passage {
    const entry = this.articleByNumber[this.docArticle[doc]];
    const ranges = this.docRanges;
    const passage: Passage = {
      id: this.passageIds[doc],
      articleId: entry ? entry.id : '',
      ordinal: this.docOrdinal[doc],
      text: this.texts[doc],
      range: {
        startLine: ranges[doc * 4],
        startCharacter: ranges[doc * 4 + 1],
        endLine: ranges[doc * 4 + 2],
        endCharacter: ranges[doc * 4 + 3],
      },
    };
    const page = this.docPage[doc];
    if (page > 0) passage.page = page;
    return passage;
  }

  private outletMask(outlet: string): Uint8Array | undefined {
    const wanted = outletTermsOf(outlet);
    if (wanted.length === 0) {
      return undefined;
    }
    const mask = new Uint8Array(this.articleByNumber.length);
    let any = false;
    for (const entry of this.articleByNumber) {
      if (entry && containsSequence(entry.outletTerms, wanted)) {
        mask[entry.number] = 1;
        any = true;
      }
    }
    return any ? mask : undefined;
  }

  /** The articles in the language a `lang:` filter names (`ru`, `ru-RU`, `russian`); undefined when none is. */
  private languageMask(value: string): Uint8Array | undefined {
    const live = this.articleByNumber.filter((entry): entry is ArticleEntry => entry !== undefined);
    const wanted = languageOfFilter(value, new Set(live.flatMap((entry) => (entry.meta.language ? [entry.meta.language] : []))));
    if (wanted === undefined) {
      return undefined;
    }
    const mask = new Uint8Array(this.articleByNumber.length);
    let any = false;
    for (const entry of live) {
      if (primaryLanguageTag(entry.meta.language) === wanted) {
        mask[entry.number] = 1;
        any = true;
      }
    }
    return any ? mask : undefined;
  }

  private readonly isLiveTerm = (termId: number): boolean => this.termDf[termId] > 0;

  private readonly liveDf = (termId: number): number => this.termDf[termId];

  private liveTermId(term: string): number | undefined {
    const termId = this.vocabulary.idOf(term);
    return termId >= 0 && this.termDf[termId] > 0 ? termId : undefined;
  }

  /** Resolves joined codes the corpus never uses back into their parts (`COP26` -> `cop`, `26`). */
  private resolveQueryTerms(text: string, hanAndKana: HanAndKanaCut = 'words'): string[] {
    const resolved: string[] = [];
    for (const { term } of termSpans(text, 'always', hanAndKana)) {
      if (this.liveTermId(term) === undefined) {
        const parts = splitCodeTerm(term);
        if (parts.length > 0) {
          resolved.push(...parts);
          continue;
        }
      }
      resolved.push(term);
    }
    return resolved;
  }

  /** The query's words as groups of index terms; with `transliterated`, also the transliterations of Latin words, whose term ids it collects. */
  private queryGroups(
    parsed: ParsedSearchQuery,
    prefixLastWord: boolean,
    transliterated?: Set<number>,
    notTransliterated?: ReadonlySet<string>,
  ): { groups: QueryGroup[]; phrases: number[][]; spans: QuerySpans } {
    const groups: QueryGroup[] = [];
    const spanGroups = new Map<number, number>();
    const spanInfixes = new Map<number, string>();
    const spans: QuerySpans = { spanGroups, spanInfixes, hanAndKanaWords: new Map(), confirmedGroups: new Set() };
    const groupOfTerm = new Map<string, number>();
    const phrases: number[][] = [];
    for (const phrase of parsed.phrases) {
      const sequence: number[] = [];
      for (const term of this.resolveQueryTerms(phrase, INDEX_CUT)) {
        const termId = this.liveTermId(term);
        if (termId === undefined) {
          return { groups: [], phrases: [], spans };
        }
        sequence.push(termId);
        if (!groupOfTerm.has(term) && groups.length < MAX_QUERY_WORDS) {
          groupOfTerm.set(term, groups.length);
          spanGroups.set(termId, groups.length);
          groups.push({ alternatives: [{ termId, weight: 1 }], required: true });
        }
      }
      if (sequence.length > 0) {
        phrases.push(sequence);
      }
    }
    const freeText = parsed.terms.length > 0 ? parsed.terms.join(' ') : (parsed.topic ?? '');
    const freeTerms = this.resolveQueryTerms(freeText);
    // Transliteration keys are of words as written: `Tsipras` (Τσίπρας) and `Abbas` (عباس) are not the plurals the stemmer makes them.
    const asWritten = new Map<string, string>();
    if (transliterated) {
      for (const span of termSpans(freeText, 'always')) {
        const written = foldWord(freeText.slice(span.start, span.end));
        if (written !== span.term && /^[a-z]+$/.test(written)) asWritten.set(span.term, written);
      }
    }
    freeTerms.forEach((term, position) => {
      if (groupOfTerm.has(term) || groups.length >= MAX_QUERY_WORDS) {
        return;
      }
      if (isHanOrKanaTerm(term)) {
        const group = this.hanAndKanaGroup(term, groups.length, spans, prefixLastWord && position === freeTerms.length - 1);
        if (group) {
          groupOfTerm.set(term, groups.length);
          groups.push(group);
        }
        return;
      }
      const termId = this.liveTermId(term);
      const unfinished = prefixLastWord && position === freeTerms.length - 1;
      let found: Array<{ termId: number; weight: number }> = termId === undefined ? [] : [{ termId, weight: 1 }];
      if (unfinished) {
        this.completions.addTerms(this.vocabulary.terms);
        found.push(...this.completions.complete(term, this.liveDf).map((completion) => ({ termId: completion, weight: PREFIX_WEIGHT })));
      }
      const unspaced = isUnspacedScriptTerm(term);
      if (unspaced) {
        this.infixes.addTerms(this.vocabulary.terms);
        const known = new Set(found.map((alternative) => alternative.termId));
        for (const infix of this.infixes.containing(term, this.liveDf)) {
          if (known.has(infix)) continue;
          found.push({ termId: infix, weight: INFIX_WEIGHT });
          spanInfixes.set(infix, term);
        }
      }
      // Typos are a Latin-script notion here: one edit in a two-character Chinese word is another word.
      if (found.length === 0 && !unspaced && term.length >= MIN_TYPO_LENGTH) {
        this.typo.addTerms(this.vocabulary.terms);
        found = this.typo.neighbours(term, this.isLiveTerm).map((neighbour) => ({ termId: neighbour, weight: TYPO_WEIGHT }));
      }
      if (transliterated && !notTransliterated?.has(term) && !notTransliterated?.has(asWritten.get(term) ?? term)) {
        for (const { termId: transliteration, whole } of this.transliterations.matching(asWritten.get(term) ?? term, this.liveDf, unfinished)) {
          transliterated.add(transliteration);
          found.push({ termId: transliteration, weight: whole ? 1 : PREFIX_WEIGHT });
        }
      }
      if (found.length === 0) {
        return;
      }
      let sharedDf: number | undefined;
      let alternatives = found;
      if (found.length > 1 || found[0].weight !== 1) {
        // Look-alikes and completions share one IDF, and the more common one is the likelier
        // intended word (a spelling corrector's prior), so a rare look-alike cannot take the lead.
        sharedDf = Math.max(...found.map((alternative) => this.termDf[alternative.termId]));
        alternatives = found.map(({ termId: alternativeId, weight }) => ({
          termId: alternativeId,
          weight: alternativeId === termId ? 1 : weight * Math.sqrt(this.termDf[alternativeId] / sharedDf!),
        }));
      }
      groupOfTerm.set(term, groups.length);
      for (const alternative of alternatives) {
        spanGroups.set(alternative.termId, groups.length);
      }
      groups.push({ alternatives, required: false, sharedDf });
    });
    return { groups, phrases, spans };
  }

  /** The group of a Han or kana query word (see `HanAndKanaWord`), recording how its passages are confirmed; undefined when no passage can have it. */
  private hanAndKanaGroup(text: string, group: number, spans: QuerySpans, unfinished: boolean): QueryGroup | undefined {
    const pairTerms = hanAndKanaPairs(text);
    const oneCharacter = pairTerms.length === 1 && pairTerms[0] === text && text.length <= 2 && (text.length === 1 || text.codePointAt(0)! > 0xffff);
    const word: HanAndKanaWord = { text, group, pairs: [], oneCharacter, unfinished: oneCharacter && unfinished };
    const holders = (termId: number): void => {
      const words = spans.hanAndKanaWords.get(termId);
      if (words) words.push(word);
      else spans.hanAndKanaWords.set(termId, [word]);
    };
    if (oneCharacter) {
      this.infixes.addTerms(this.vocabulary.terms);
      // While the writer types it, the character is the start of a word: the pairs it starts (`自` -> `自由`).
      const found = this.infixes.holding(text, this.liveDf, MAX_ONE_CHARACTER_PAIRS).filter((termId) => !word.unfinished || this.vocabulary.terms[termId].startsWith(text));
      const alone = this.liveTermId(text);
      if (alone !== undefined) found.unshift(alone);
      if (found.length === 0) return undefined;
      found.forEach(holders);
      if (!word.unfinished) spans.confirmedGroups.add(group);
      const sharedDf = Math.max(...found.map((termId) => this.termDf[termId]));
      return {
        alternatives: found.map((termId) => ({ termId, weight: termId === alone ? 1 : INFIX_WEIGHT * Math.sqrt(this.termDf[termId] / sharedDf) })),
        required: false,
        sharedDf,
        mergedKey: word.unfinished ? `${text}\u0000` : text,
      };
    }
    for (const pair of pairTerms) {
      const termId = this.liveTermId(pair);
      if (termId === undefined) return undefined;
      word.pairs.push(termId);
    }
    holders(word.pairs[0]);
    if (word.pairs.length > 1) spans.confirmedGroups.add(group);
    const rarest = word.pairs.reduce((best, termId) => (this.termDf[termId] < this.termDf[best] ? termId : best));
    return { alternatives: [{ termId: rarest, weight: 1 }], required: false };
  }

  /**
   * The postings of a one-character word's alternatives (the character alone and the pairs that
   * hold it, up to 64 of them) merged: each passage once, with the score its best alternative
   * gives it, which is what the group adds to the passage. A common character (`的`, `の`) is in
   * nearly every passage and in many pairs there, so its pairs' postings together are several
   * times the passages; merged once, they are remembered until the index changes, for the next
   * keystroke of a search typed as it goes and the next query with that character.
   */
  private mergedPostingsOf(group: QueryGroup, state: ScoringState): MergedPostings {
    const key = group.mergedKey!;
    const known = this.mergedPostings.get(key);
    if (known && known.generation === this.generation) {
      this.mergedPostings.delete(key);
      this.mergedPostings.set(key, known);
      return known.postings;
    }
    const best = (this.mergeScratch = ensureCapacity(this.mergeScratch, this.docCount, Float64Array));
    const docs: number[] = [];
    const consider = (doc: number, tf: number, idf: number): void => {
      if (this.docAlive[doc] === 0) return;
      const score = (idf * tf) / (tf + state.baseFactor + state.lengthFactor * this.docLength[doc]);
      if (best[doc] === 0) docs.push(doc);
      if (score > best[doc]) best[doc] = score;
    };
    for (const { termId, weight } of group.alternatives) {
      const df = group.sharedDf ?? this.termDf[termId];
      const idf = Math.log(1 + (this.liveDocCount - df + 0.5) / (df + 0.5)) * weight * (BM25_K1 + 1);
      if (termId < this.baseTermCount) {
        for (let at = this.baseOffsets[termId]; at < this.baseOffsets[termId + 1]; at++) consider(this.baseDocs[at], this.baseTfs[at], idf);
      }
      for (let entry = this.tailHead[termId]; entry >= 0; entry = this.tailPrevious[entry]) consider(this.tailDoc[entry], this.tailTf[entry], idf);
    }
    const postings: MergedPostings = { docs: Uint32Array.from(docs), scores: Float64Array.from(docs, (doc) => best[doc]) };
    for (const doc of docs) best[doc] = 0;
    this.mergedPostingCount += docs.length;
    if (known) this.mergedPostingCount -= known.postings.docs.length;
    this.mergedPostings.delete(key);
    this.mergedPostings.set(key, { generation: this.generation, postings });
    for (const [oldest, entry] of this.mergedPostings) {
      if (this.mergedPostingCount <= MAX_MERGED_POSTINGS || oldest === key) break;
      this.mergedPostings.delete(oldest);
      this.mergedPostingCount -= entry.postings.docs.length;
    }
    return postings;
  }

  private ensureScratch(): void {
    const size = this.docCount;
    this.scores = ensureCapacity(this.scores, size, Float64Array);
    this.groupBest = ensureCapacity(this.groupBest, size, Float64Array);
    this.groupStamps = ensureCapacity(this.groupStamps, size, Uint32Array);
    this.matchedGroups = ensureCapacity(this.matchedGroups, size, Uint8Array);
    this.matchedRequired = ensureCapacity(this.matchedRequired, size, Uint8Array);
    this.touched = ensureCapacity(this.touched, size, Int32Array);
  }

  private nextStamp(): number {
    if (this.stamp >= 0xfffffff0) {
      this.groupStamps.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** BM25 over the postings of every query word; returns the best candidates, best first. */
  private scoreCandidates(
    groups: QueryGroup[],
    articleMask: Uint8Array | undefined,
    options: PassageSearchOptions,
    poolSize: number,
  ): Array<{ doc: number; score: number }> {
    this.ensureScratch();
    const averageLength = this.liveDocCount > 0 ? this.totalLiveLength / this.liveDocCount : 1;
    const state: ScoringState = {
      scores: this.scores,
      groupBest: this.groupBest,
      groupStamps: this.groupStamps,
      matchedGroups: this.matchedGroups,
      matchedRequired: this.matchedRequired,
      touched: this.touched,
      touchedCount: 0,
      docAlive: this.docAlive,
      docArticle: this.docArticle,
      docLength: this.docLength,
      articleMask,
      lengthFactor: (BM25_K1 * BM25_B) / Math.max(averageLength, 1),
      baseFactor: BM25_K1 * (1 - BM25_B),
    };
    let requiredCount = 0;
    for (const group of groups) {
      const stamp = this.nextStamp();
      const required = group.required ? 1 : 0;
      requiredCount += required;
      if (group.mergedKey !== undefined) {
        const merged = this.mergedPostingsOf(group, state);
        for (let index = 0; index < merged.docs.length; index++) scoreBest(state, merged.docs[index], merged.scores[index], stamp, required);
        continue;
      }
      for (const { termId, weight } of group.alternatives) {
        const df = group.sharedDf ?? this.termDf[termId];
        const idf = Math.log(1 + (this.liveDocCount - df + 0.5) / (df + 0.5)) * weight * (BM25_K1 + 1);
        if (termId < this.baseTermCount) {
          scorePostings(state, this.baseDocs, this.baseTfs, this.baseOffsets[termId], this.baseOffsets[termId + 1], idf, stamp, required);
        }
        for (let entry = this.tailHead[termId]; entry >= 0; entry = this.tailPrevious[entry]) {
          scorePosting(state, this.tailDoc[entry], this.tailTf[entry], idf, stamp, required);
        }
      }
    }
    const { scores, matchedGroups, matchedRequired, touched } = this;
    const touchedCount = state.touchedCount;
    const groupCount = groups.length;
    // The caller's filter runs only after the scratch arrays are cleared, so it may itself search:
    // the eligible passages go to arrays of their own while one (the outermost) is filtering.
    const outermost = !this.filtering;
    if (outermost) {
      this.eligibleDocs = ensureCapacity(this.eligibleDocs, touchedCount, Int32Array);
      this.eligibleScores = ensureCapacity(this.eligibleScores, touchedCount, Float64Array);
    }
    const eligibleDocs = outermost ? this.eligibleDocs : new Int32Array(touchedCount);
    const eligibleScores = outermost ? this.eligibleScores : new Float64Array(touchedCount);
    let eligibleCount = 0;
    for (let index = 0; index < touchedCount; index++) {
      const doc = touched[index];
      if (matchedRequired[doc] === requiredCount) {
        const coverage = matchedGroups[doc] / groupCount;
        eligibleDocs[eligibleCount] = doc;
        eligibleScores[eligibleCount++] = scores[doc] * (0.3 + 0.7 * coverage * coverage);
      }
      scores[doc] = 0;
      matchedGroups[doc] = 0;
      matchedRequired[doc] = 0;
    }
    const pool = new TopScores(poolSize === Infinity ? eligibleCount : poolSize);
    const filter = options.filter;
    this.filtering = true;
    try {
      for (let index = 0; index < eligibleCount; index++) {
        const score = eligibleScores[index];
        if (pool.wouldAccept(score) && (!filter || filter(this.passageIds[eligibleDocs[index]]))) {
          pool.add(eligibleDocs[index], score);
        }
      }
    } finally {
      if (outermost) this.filtering = false;
    }
    return pool.sorted();
  }

  /** The candidate's words that answer the query, with their token positions. */
  private matchedSpans(doc: number, spans: QuerySpans, termIds?: number[], positioned = true): PositionedSpan[] {
    if (termIds === undefined && spans.spanGroups.size === 0 && spans.hanAndKanaWords.size > 0) {
      const found = this.hanAndKanaSpans(doc, spans, positioned);
      if (found) return found;
    }
    const { spanGroups, spanInfixes, hanAndKanaWords } = spans;
    const matched: PositionedSpan[] = [];
    let position = 0;
    const text = this.texts[doc];
    /** The text as Han and kana query words are compared with it (traditional characters as simplified ones, see `chineseVariants`). */
    const comparable = hanAndKanaWords.size > 0 && this.simplifiedWordsOf(spans) && this.hanAndKanaReadingOf(doc) & HAS_TRADITIONAL_CHARACTERS ? toSimplified(text) : text;
    /** Where a one-character word was last checked, so the two pairs holding one character check it once. */
    const checked = new Map<HanAndKanaWord, number>();
    const pairStarts = termIds ? undefined : this.pairStartsOf(hanAndKanaWords);
    scanTerms(text, (buffer, length, start, end) => {
      if (pairStarts !== undefined && isHanOrKanaUnit(buffer[0]) && !pairStarts.has(buffer[0])) {
        // A pair no query word starts or holds: no need to look it up (most of a Chinese passage).
        position++;
        return;
      }
      const termId = this.vocabulary.find(buffer, length);
      termIds?.push(termId);
      const words = hanAndKanaWords.size > 0 ? hanAndKanaWords.get(termId) : undefined;
      if (words) {
        for (const word of words) {
          const confirmed = word.oneCharacter && !word.unfinished;
          const at = confirmed ? oneCharacterWordIn(comparable, start, end, word, checked, (from, to) => this.isOneCharacterWordAt(doc, from, to)) : comparable.startsWith(word.text, start) ? start : -1;
          if (at >= 0) matched.push({ start: at, end: at + word.text.length, group: word.group, position });
        }
        position++;
        return;
      }
      const group = spanGroups.get(termId);
      if (group !== undefined) {
        const infix = spanInfixes.size > 0 ? spanInfixes.get(termId) : undefined;
        const at = infix === undefined ? -1 : text.slice(start, end).indexOf(infix);
        if (at >= 0) matched.push({ start: start + at, end: start + at + infix!.length, group, position });
        else matched.push({ start, end, group, position });
      }
      position++;
    }, 'upper-case-only', INDEX_CUT);
    return matched;
  }

  /**
   * `matchedSpans` for a query of Han and kana words only, in a passage whose only terms are Han
   * and kana (`hanAndKanaTermPositions`): each word found by `indexOf`, not by cutting the passage
   * into pairs, with the same spans and positions. Undefined for any other passage.
   */
  private hanAndKanaSpans(doc: number, spans: QuerySpans, positioned: boolean): PositionedSpan[] | undefined {
    const found: PositionedSpan[] = [];
    const orders: number[] = [];
    const words = this.forEachHanAndKanaPlace(doc, spans, positioned, (start, end, group, position, order) => {
      found.push({ start, end, group, position });
      orders.push(order);
    });
    if (words < 0) return undefined;
    // One word's places come in text order already (its order is the same at every place).
    if (words <= 1) return found;
    const byPlace = found.map((_, index) => index).sort((a, b) => found[a].position - found[b].position || orders[a] - orders[b]);
    return byPlace.map((index) => found[index]);
  }

  /**
   * The proximity boost of passage `doc` for a query of Han and kana words only, as
   * `proximityBoost(hanAndKanaSpans(doc, spans, true), groupCount)` gives it, with the places
   * in scratch arrays instead of objects (this runs for every candidate of a query of two words
   * or more); 0 when the passage has none of the words, undefined when `hanAndKanaSpans` cannot
   * read it.
   */
  private hanAndKanaProximity(doc: number, spans: QuerySpans, groupCount: number): number | undefined {
    let count = 0;
    let overflow = false;
    const words = this.forEachHanAndKanaPlace(doc, spans, true, (_start, _end, group, position, order) => {
      if (count >= MAX_SCRATCH_PLACES || order >= MAX_PLACE_ORDER) {
        overflow = true;
        return;
      }
      this.placeGroups[count] = group;
      this.placePositions[count] = position;
      this.placeKeys[count] = (position * MAX_PLACE_ORDER + order) * MAX_SCRATCH_PLACES + count;
      count++;
    });
    if (words < 0 || overflow) return undefined;
    if (count === 0) return 0;
    // Sorted by place, then word order, then as found: what `hanAndKanaSpans` sorts by (its sort is stable).
    const keys = this.placeKeys.subarray(0, count).sort();
    const sortedGroups = this.sortedPlaceGroups;
    const sortedPositions = this.sortedPlacePositions;
    for (let index = 0; index < count; index++) {
      const found = keys[index] % MAX_SCRATCH_PLACES;
      sortedGroups[index] = this.placeGroups[found];
      sortedPositions[index] = this.placePositions[found];
    }
    return proximityBoostOf(sortedGroups, sortedPositions, count, groupCount);
  }

  private readonly placeGroups = new Int32Array(MAX_SCRATCH_PLACES);
  private readonly placePositions = new Int32Array(MAX_SCRATCH_PLACES);
  private readonly placeKeys = new Float64Array(MAX_SCRATCH_PLACES);
  private readonly sortedPlaceGroups = new Int32Array(MAX_SCRATCH_PLACES);
  private readonly sortedPlacePositions = new Int32Array(MAX_SCRATCH_PLACES);

  /**
   * Calls `visit` with each place of passage `doc` where a Han or kana query word stands, as
   * `matchedSpans` finds them for a query of such words only, in a passage whose Han and kana
   * `indexOf` can find (`hanAndKanaReadingOf`): each word by `indexOf`, not by cutting the passage
   * into pairs, with the same spans and positions, and `order`, the word's place in the list of
   * the term that holds it there. Returns how many words the query has, or -1 for a passage it
   * cannot read so (then nothing was visited).
   */
  private forEachHanAndKanaPlace(doc: number, spans: QuerySpans, positioned: boolean, visit: (start: number, end: number, group: number, position: number, order: number) => void): number {
    const holders = this.hanAndKanaHoldersOf(spans);
    if (!holders) return -1;
    const text = this.texts[doc];
    // Positions only matter to proximity (two query words or more); without them, Latin words in the passage do not either.
    const readingFlags = this.hanAndKanaReadingOf(doc);
    const reading = readingFlags & HAN_AND_KANA_READING;
    if (reading === HAN_AND_KANA_SCANNED || (positioned && reading !== HAN_AND_KANA_TERMS_ONLY)) return -1;
    let positions: Int32Array | undefined;
    if (positioned) {
      this.positionScratch = ensureCapacity(this.positionScratch, text.length + 1, Int32Array);
      positions = this.positionScratch;
      fillHanAndKanaTermPositions(text, positions);
    }
    // Query words are simplified; a passage with traditional characters is read as simplified where a word may need it.
    const simplified = (readingFlags & HAS_TRADITIONAL_CHARACTERS) !== 0 && this.simplifiedWordsOf(spans);
    const find = (word: string, from: number): number => (simplified ? indexOfSimplified(text, word, from) : text.indexOf(word, from));
    for (const { word, holding } of holders) {
      const { text: written, group } = word;
      if (!word.oneCharacter) {
        const order = holding.get(word.pairs[0]) ?? 0;
        for (let at = find(written, 0); at >= 0; at = find(written, at + 1)) {
          visit(at, at + written.length, group, positions === undefined ? 0 : positions[at], order);
        }
        continue;
      }
      for (let at = find(written, 0); at >= 0; at = find(written, at + 1)) {
        const before = at > 0 && isHanOrKanaUnit(text.charCodeAt(at - 1));
        const after = at + 1 < text.length && isHanOrKanaUnit(text.charCodeAt(at + 1));
        // The term that reads this character first, as `scanTerms` goes: the pair it ends, the pair it starts, or itself alone.
        const starting = after ? this.pairTermAt(text, at, 2) : before ? -1 : this.pairTermAt(text, at, 1);
        if (word.unfinished) {
          const order = holding.get(starting);
          if (order !== undefined) visit(at, at + 1, group, positions === undefined ? 0 : positions[at], order);
          continue;
        }
        const byEnding = before ? holding.get(this.pairTermAt(text, at - 1, 2)) : undefined;
        const order = byEnding ?? holding.get(starting);
        if (order === undefined || !this.isOneCharacterWordAt(doc, at, at + 1)) continue;
        visit(at, at + 1, group, positions === undefined ? 0 : byEnding !== undefined ? positions[at - 1] : positions[at], order);
        break;
      }
    }
    return holders.length;
  }

  /** The index's term for the one or two characters of `text` at `at`, read as simplified ones (as the index reads them); -1 when none. */
  private pairTermAt(text: string, at: number, length: 1 | 2): number {
    this.pairBuffer[0] = simplifiedUnit(text.charCodeAt(at));
    if (length === 2) this.pairBuffer[1] = simplifiedUnit(text.charCodeAt(at + 1));
    return this.vocabulary.find(this.pairBuffer, length);
  }

  private readonly pairBuffer = new Uint16Array(2);

  /**
   * Whether the segmenter cuts `[start, end)` of passage `doc` as a word (`isUnspacedWordAt`),
   * remembered: a call costs about 6 µs, mostly the segmenter's set-up, and search as you type asks
   * again at every keystroke about the words already typed. Forgotten when passages are renumbered
   * (`loadColumns`) or after `MAX_REMEMBERED_WORD_CHECKS` answers.
   */
  private isOneCharacterWordAt(doc: number, start: number, end: number): boolean {
    const key = doc * WORD_CHECK_KEY_STRIDE + start;
    const known = this.wordChecks.get(key);
    const remembered = end - start === 1 && start < WORD_CHECK_KEY_STRIDE;
    if (remembered && known !== undefined) return known;
    const isWord = isUnspacedWordAt(this.texts[doc], start, end);
    if (remembered) {
      if (this.wordChecks.size >= MAX_REMEMBERED_WORD_CHECKS) this.wordChecks.clear();
      this.wordChecks.set(key, isWord);
    }
    return isWord;
  }
  private positionScratch = new Int32Array(0);

  /**
   * How search can read the Han and kana of passage `doc` (`HAN_AND_KANA_…`, with
   * `HAS_TRADITIONAL_CHARACTERS` when its text has any), worked out from its
   * text on the passage's first read by a Han and kana query and kept: a property of the text
   * alone, like a column of the index, but paid for only by passages a search reads.
   */
  private hanAndKanaReadingOf(doc: number): number {
    if (this.docHanAndKanaReading.length <= doc) this.docHanAndKanaReading = ensureCapacity(this.docHanAndKanaReading, this.docCount, Uint8Array);
    let reading = this.docHanAndKanaReading[doc];
    if (reading === 0) {
      reading = hanAndKanaReading(this.texts[doc]);
      this.docHanAndKanaReading[doc] = reading;
    }
    return reading;
  }

  /** The query's Han and kana words with the terms that hold them, made once a query (see `QuerySpans`). */
  private hanAndKanaHoldersOf(spans: QuerySpans): HanAndKanaHolding[] | null {
    if (spans.hanAndKanaHolders !== undefined) return spans.hanAndKanaHolders;
    const holders = new Map<HanAndKanaWord, Map<number, number>>();
    let usable = true;
    for (const [termId, words] of spans.hanAndKanaWords) {
      words.forEach((word, order) => {
        let holding = holders.get(word);
        if (!holding) {
          holders.set(word, (holding = new Map()));
          for (let index = 0; index < word.text.length; index++) {
            const code = word.text.charCodeAt(index);
            if (!isHanOrKanaUnit(code) || (code >= 0xd800 && code <= 0xdfff)) usable = false;
          }
          if (word.oneCharacter && word.text.length !== 1) usable = false;
        }
        holding.set(termId, order);
      });
    }
    // A list, not the map: read for every candidate, and iterating a map makes an entry array each step.
    spans.hanAndKanaHolders = usable ? [...holders].map(([word, holding]) => ({ word, holding })) : null;
    return spans.hanAndKanaHolders;
  }

  /** Whether a Han or kana word of the query may match a passage differently once its traditional characters read as simplified ones (`mayMatchTraditional`); worked out once a query. */
  private simplifiedWordsOf(spans: QuerySpans): boolean {
    if (spans.matchesTraditional === undefined) {
      spans.matchesTraditional = [...spans.hanAndKanaWords.values()].some((words) => words.some((word) => mayMatchTraditional(word.text)));
    }
    return spans.matchesTraditional;
  }

  /** The first code units of the terms that hold Han and kana query words (`matchedSpans` skips the other pairs unread). */
  private pairStartsOf(hanAndKanaWords: Map<number, HanAndKanaWord[]>): Set<number> {
    const starts = new Set<number>();
    for (const termId of hanAndKanaWords.keys()) starts.add(this.vocabulary.terms[termId].charCodeAt(0));
    return starts;
  }

  /**
   * Final score of one candidate: title and caller boosts always; when the
   * query has several words or a phrase, the text is read to check phrases
   * and reward words that stand close together.
   */
  private rerank(
    doc: number,
    baseScore: number,
    groups: QueryGroup[],
    phrases: number[][],
    spans: QuerySpans,
    options: PassageSearchOptions,
    readsText: boolean,
  ): RankedCandidate | undefined {
    let score = baseScore;
    let matched: PositionedSpan[] | undefined;
    // A query of Han and kana words only: the proximity from scratch arrays, and the spans made only for the hits shown.
    const proximity = readsText && phrases.length === 0 && groups.length > 1 && spans.spanGroups.size === 0 && spans.hanAndKanaWords.size > 0
      ? this.hanAndKanaProximity(doc, spans, groups.length)
      : undefined;
    if (proximity !== undefined) {
      // No place: only words its text does not confirm brought it here (as below).
      if (proximity === 0 && spans.confirmedGroups.size > 0) return undefined;
      score *= proximity === 0 ? 1 : proximity;
    } else if (readsText) {
      const termIds: number[] | undefined = phrases.length > 0 ? [] : undefined;
      matched = this.matchedSpans(doc, spans, termIds, groups.length > 1);
      if (termIds && !phrases.every((phrase) => containsSequence(termIds, phrase))) {
        return undefined;
      }
      if (spans.confirmedGroups.size > 0 && matched.length === 0) {
        // Only Han or kana words its text does not confirm (a pair of a longer word, a character inside another word) brought it here.
        return undefined;
      }
      score *= proximityBoost(matched, groups.length);
    }
    const titleTerms = this.articleByNumber[this.docArticle[doc]]?.titleTerms;
    if (titleTerms && titleTerms.size > 0) {
      let inTitle = 0;
      for (const group of groups) {
        if (group.alternatives.some(({ termId }) => titleTerms.has(this.vocabulary.terms[termId]))) {
          inTitle++;
        }
      }
      score *= 1 + (TITLE_BOOST * inTitle) / groups.length;
    }
    if (options.boost) {
      const factor = options.boost(this.passageIds[doc]);
      if (Number.isFinite(factor) && factor > 0) {
        score *= factor;
      }
    }
    return { doc, score, matched };
  }

  /** Passages that pass the outlet and caller filters, in corpus order, for queries that are only filters. */
  private listFiltered(articleMask: Uint8Array | undefined, options: PassageSearchOptions, limit: number): SearchHit[] {
    const hits: SearchHit[] = [];
    for (let doc = 0; doc < this.docCount && hits.length < limit; doc++) {
      if (!this.docAlive[doc] || (articleMask && !articleMask[this.docArticle[doc]])) {
        continue;
      }
      const passageId = this.passageIds[doc];
      if (!options.filter || options.filter(passageId)) {
        hits.push({ passageId, score: 0, snippet: buildSnippet(this.texts[doc], []) });
      }
    }
    return hits;
  }
}

/** A matched word with its position among the passage's words. */
type PositionedSpan = MatchedSpan & { position: number };

/** A candidate after re-ranking; `matched` is set when its text was read. */
interface RankedCandidate {
  doc: number;
  score: number;
  matched?: PositionedSpan[];
}

/** The scratch arrays one search accumulates BM25 scores in. */
interface ScoringState {
  scores: Float64Array;
  groupBest: Float64Array;
  groupStamps: Uint32Array;
  matchedGroups: Uint8Array;
  matchedRequired: Uint8Array;
  touched: Int32Array;
  touchedCount: number;
  docAlive: Uint8Array;
  docArticle: Uint32Array;
  docLength: Uint32Array;
  articleMask: Uint8Array | undefined;
  lengthFactor: number;
  baseFactor: number;
}

/**
 * Adds one posting's BM25 score; within a query word, a passage keeps only
 * its best alternative (a typo may match several terms of one passage).
 */
function scorePosting(state: ScoringState, doc: number, tf: number, idf: number, stamp: number, required: number): void {
  if (state.docAlive[doc] === 0) {
    return;
  }
  scoreBest(state, doc, (idf * tf) / (tf + state.baseFactor + state.lengthFactor * state.docLength[doc]), stamp, required);
}

/** Adds to passage `doc` its score for the query word being scored (the best of the word's terms there); also for a merged posting's score (`mergedPostingsOf`). */
function scoreBest(state: ScoringState, doc: number, score: number, stamp: number, required: number): void {
  if (state.articleMask !== undefined && state.articleMask[state.docArticle[doc]] === 0) {
    return;
  }
  if (state.groupStamps[doc] !== stamp) {
    state.groupStamps[doc] = stamp;
    if (state.matchedGroups[doc] === 0 && state.matchedRequired[doc] === 0) {
      state.touched[state.touchedCount++] = doc;
    }
    state.matchedGroups[doc]++;
    state.matchedRequired[doc] += required;
    state.groupBest[doc] = score;
    state.scores[doc] += score;
  } else if (score > state.groupBest[doc]) {
    state.scores[doc] += score - state.groupBest[doc];
    state.groupBest[doc] = score;
  }
}

function scorePostings(
  state: ScoringState,
  docs: Uint32Array,
  tfs: Uint8Array,
  from: number,
  to: number,
  idf: number,
  stamp: number,
  required: number,
): void {
  for (let index = from; index < to; index++) {
    scorePosting(state, docs[index], tfs[index], idf, stamp, required);
  }
}

/** Grows a per-term array of list heads, filling new slots with -1 (no entry). */
function growHeads(heads: Int32Array, size: number): Int32Array {
  if (heads.length >= size) {
    return heads;
  }
  const grown = new Int32Array(size).fill(-1);
  grown.set(heads);
  return grown;
}

/** A bounded min-heap keeping the highest scores. */
class TopScores {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly capacity: number) {}

  wouldAccept(score: number): boolean {
    return this.capacity > 0 && (this.docs.length < this.capacity || score > this.scores[0]);
  }

  add(doc: number, score: number): void {
    if (this.docs.length < this.capacity) {
      this.docs.push(doc);
      this.scores.push(score);
      this.siftUp(this.docs.length - 1);
    } else {
      this.docs[0] = doc;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  sorted(): Array<{ doc: number; score: number }> {
    return this.docs.map((doc, index) => ({ doc, score: this.scores[index] })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private isBelow(a: number, b: number): boolean {
    return this.scores[a] < this.scores[b] || (this.scores[a] === this.scores[b] && this.docs[a] > this.docs[b]);
  }

  private swap(a: number, b: number): void {
    // With temporaries, not a destructuring swap: that allocated arrays, a third of a query's garbage (measured).
    const doc = this.docs[a];
    this.docs[a] = this.docs[b];
    this.docs[b] = doc;
    const score = this.scores[a];
    this.scores[a] = this.scores[b];
    this.scores[b] = score;
  }

  private siftUp(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.isBelow(index, parent)) {
        return;
      }
      this.swap(index, parent);
      index = parent;
    }
  }

  private siftDown(index: number): void {
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < this.docs.length && this.isBelow(left, smallest)) {
        smallest = left;
      }
      if (right < this.docs.length && this.isBelow(right, smallest)) {
        smallest = right;
      }
      if (smallest === index) {
        return;
      }
      this.swap(index, smallest);
      index = smallest;
    }
  }
}

function outletTermsOf(outlet: string | undefined): string[] {
  return outlet ? termSpans(outlet, 'always').map((span) => span.term) : [];
}

function titleTermsOf(title: string): Set<string> {
  const terms = new Set<string>();
  // Pairs of Han and kana go as code units too: the index's pair sink is the only one, so it stays inlined where pairs are read.
  scanTerms(title, (buffer, length) => terms.add(length === 2 ? String.fromCharCode(buffer[0], buffer[1]) : termOfCodes(buffer, length)), 'upper-case-only', INDEX_CUT);
  return terms;
}

function selectRanges(ranges: Uint32Array, docs: number[]): Uint32Array {
  const selected = new Uint32Array(docs.length * 4);
  docs.forEach((doc, index) => selected.set(ranges.subarray(doc * 4, doc * 4 + 4), index * 4));
  return selected;
}

/**
 * Where in the pair or character `text[start, end)` the one-character query word stands as a word
 * of its own, as the segmenter cuts the run around it (see `isUnspacedWordAt`); -1 when nowhere.
 * `comparable` is the text as query words are compared with it; `isWordAt` asks the segmenter. `checked` holds, for each word, the last place looked at (two overlapping pairs hold one
 * character), or `CONFIRMED` once the passage has the word: one confirmed place is enough to rank
 * and highlight it, and a common character (`の`, `的`) is not checked again at every turn.
 */
function oneCharacterWordIn(comparable: string, start: number, end: number, word: HanAndKanaWord, checked: Map<HanAndKanaWord, number>, isWordAt: (start: number, end: number) => boolean): number {
  if (checked.get(word) === CONFIRMED) return -1;
  for (let at = comparable.indexOf(word.text, start); at >= 0 && at + word.text.length <= end; at = comparable.indexOf(word.text, at + 1)) {
    if (checked.get(word) === at) continue;
    if (isWordAt(at, at + word.text.length)) {
      checked.set(word, CONFIRMED);
      return at;
    }
    checked.set(word, at);
  }
  return -1;
}

const CONFIRMED = -1;

function containsSequence<T>(haystack: T[], needle: T[]): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) {
        continue outer;
      }
    }
    return true;
  }
  return false;
}


/**
 * 1 when fewer than two query words match; up to 1 + 0.6 when all matched
 * words sit side by side, and a further 1.2x when they also follow the
 * query's order.
 */
function proximityBoost(matched: PositionedSpan[], groupCount: number): number {
  const groups = new Int32Array(matched.length);
  const positions = new Int32Array(matched.length);
  matched.forEach((span, index) => {
    groups[index] = span.group;
    positions[index] = span.position;
  });
  return proximityBoostOf(groups, positions, matched.length, groupCount);
}

/**
 * The proximity boost of the first `count` places (`groups[i]` the query word at term position
 * `positions[i]`, sorted by position): the narrowest window with the most distinct words, the
 * closer the better, more for all words in query order side by side.
 */
function proximityBoostOf(groups: Int32Array, positions: Int32Array, count: number, groupCount: number): number {
  if (groupCount < 2 || count < 2) {
    return 1;
  }
  const counts = new Int32Array(groupCount);
  let distinct = 0;
  let bestDistinct = 0;
  let bestWidth = Infinity;
  let bestFirst = 0;
  let first = 0;
  for (let last = 0; last < count; last++) {
    if (counts[groups[last]]++ === 0) distinct++;
    while (first < last && counts[groups[first]] > 1) {
      counts[groups[first]]--;
      first++;
    }
    const width = positions[last] - positions[first];
    if (distinct > bestDistinct || (distinct === bestDistinct && width < bestWidth)) {
      bestDistinct = distinct;
      bestWidth = width;
      bestFirst = first;
    }
  }
  if (bestDistinct < 2) {
    return 1;
  }
  const closeness = (bestDistinct - 1) / Math.max(bestDistinct - 1, bestWidth);
  let boost = 1 + PROXIMITY_BOOST * closeness * (bestDistinct / groupCount);
  if (bestWidth === bestDistinct - 1) {
    let inOrder = true;
    for (let index = bestFirst + 1; index < bestFirst + bestDistinct; index++) {
      if (groups[index] < groups[index - 1]) {
        inOrder = false;
      }
    }
    if (inOrder) {
      boost *= IN_ORDER_BOOST;
    }
  }
  return boost;
}
