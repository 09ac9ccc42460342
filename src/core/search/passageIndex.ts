import type { Article, ArticleMetadata, DroppedLine, Logger, Passage, SearchHit, SourceFormat } from '../model';
import { nullLogger } from '../model';
import { ensureCapacity } from './growableArrays';
import { buildSnippet, type MatchedSpan } from './passageSnippet';
import { parseSearchQuery, type ParsedSearchQuery } from './searchQuery';
import { forEachTerm, splitCodeTerm, termSpans, type TermSpan } from './searchTokens';
import { MIN_TYPO_LENGTH, TypoNeighbours } from './typoNeighbours';

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
  docs: number[];
}

/** One query word: the index terms it may match, with weights (typo matches weigh less). */
interface QueryGroup {
  alternatives: Array<{ termId: number; weight: number }>;
  required: boolean;
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
  terms: string[];
  termOffsets: Uint32Array;
  postingDocs: Uint32Array;
  postingTfs: Uint8Array;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;
const TYPO_WEIGHT = 0.85;
const MAX_TERM_FREQUENCY = 255;
const DEFAULT_LIMIT = 20;
const MIN_RERANK_POOL = 30;
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
  private docAlive: Uint8Array = new Uint8Array(0);
  private readonly docByPassageId = new Map<string, number>();

  private readonly articles = new Map<string, ArticleEntry>();
  private articleByNumber: Array<ArticleEntry | undefined> = [];

  private termIds = new Map<string, number>();
  private terms: string[] = [];
  private termDf: Uint32Array = new Uint32Array(0);
  private baseTermCount = 0;
  private baseOffsets: Uint32Array = new Uint32Array(1);
  private baseDocs: Uint32Array = new Uint32Array(0);
  private baseTfs: Uint8Array = new Uint8Array(0);
  private tail: Array<number[] | undefined> = [];
  private tailSize = 0;
  private typo = new TypoNeighbours();

  private scores: Float64Array = new Float64Array(0);
  private groupBest: Float64Array = new Float64Array(0);
  private groupStamps: Uint32Array = new Uint32Array(0);
  private matchedGroups: Uint8Array = new Uint8Array(0);
  private matchedRequired: Uint8Array = new Uint8Array(0);
  private touched: Int32Array = new Int32Array(0);
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
      docs: [],
    };
    this.articles.set(article.id, entry);
    this.articleByNumber.push(entry);
    const frequencies = new Map<number, number>();
    for (const passage of article.passages) {
      if (this.docByPassageId.has(passage.id)) {
        this.logger.warn(`Search index: passage id ${passage.id} appears twice; the second copy is not indexed.`);
        continue;
      }
      const doc = this.appendDoc(passage, entry.number);
      entry.docs.push(doc);
      frequencies.clear();
      let length = 0;
      forEachTerm(passage.text, (term) => {
        length++;
        let termId = this.termIds.get(term);
        if (termId === undefined) {
          termId = this.terms.length;
          this.terms.push(term);
          this.termIds.set(term, termId);
          this.tail.push(undefined);
          this.termDf = ensureCapacity(this.termDf, this.terms.length, Uint32Array);
        }
        frequencies.set(termId, (frequencies.get(termId) ?? 0) + 1);
      });
      for (const [termId, frequency] of frequencies) {
        let postings = this.tail[termId];
        if (!postings) {
          postings = [];
          this.tail[termId] = postings;
        }
        postings.push(doc, Math.min(frequency, MAX_TERM_FREQUENCY));
        this.termDf[termId]++;
      }
      this.tailSize += frequencies.size;
      this.docLength[doc] = length;
      this.totalLiveLength += length;
    }
  }

  /** Removes an article and its passages; unknown ids are ignored. */
  removeArticle(articleId: string): void {
    const entry = this.articles.get(articleId);
    if (!entry) {
      return;
    }
    const seen = new Set<number>();
    for (const doc of entry.docs) {
      seen.clear();
      forEachTerm(this.texts[doc], (term) => {
        const termId = this.termIds.get(term);
        if (termId !== undefined && !seen.has(termId)) {
          seen.add(termId);
          this.termDf[termId]--;
        }
      });
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
    try {
      return this.searchParsed(parseSearchQuery(query), options);
    } catch (error) {
      this.logger.error(`Search failed for a query of ${query.length} characters: ${String(error)}`);
      return [];
    }
  }

  /** Like `search`, for a query the caller already parsed (e.g. to turn `topic:` into a filter). */
  searchParsed(parsed: ParsedSearchQuery, options: PassageSearchOptions = {}): SearchHit[] {
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
    const { groups, phrases, spanGroups } = this.queryGroups(parsed);
    if (groups.length === 0) {
      if (parsed.phrases.length > 0 || parsed.terms.length > 0 || (articleMask === undefined && parsed.topic === undefined)) {
        return [];
      }
      return this.listFiltered(articleMask, options, limit);
    }
    const candidates = this.scoreCandidates(groups, articleMask, options, phrases.length > 0 ? Infinity : Math.max(limit * 3, MIN_RERANK_POOL));
    const hits: Array<SearchHit & { doc: number }> = [];
    for (const { doc, score } of candidates) {
      const hit = this.rerank(doc, score, groups, phrases, spanGroups, options);
      if (hit) {
        hits.push(hit);
        if (phrases.length > 0 && hits.length >= limit * 3) {
          break;
        }
      }
    }
    hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return hits.slice(0, limit).map(({ passageId, score, snippet }) => ({ passageId, score, snippet }));
  }

  /** Rebuilds the compact postings now (the index does it by itself when worthwhile). */
  compact(): void {
    if (this.tailSize === 0 && this.deadDocCount === 0) {
      return;
    }
    const newDocOf = new Int32Array(this.docCount).fill(-1);
    let liveDocs = 0;
    for (let doc = 0; doc < this.docCount; doc++) {
      if (this.docAlive[doc]) {
        newDocOf[doc] = liveDocs++;
      }
    }
    const liveTerms: number[] = [];
    for (let termId = 0; termId < this.terms.length; termId++) {
      if (this.termDf[termId] > 0) {
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
    let cursor = 0;
    for (const termId of liveTerms) {
      if (termId < this.baseTermCount) {
        for (let index = this.baseOffsets[termId]; index < this.baseOffsets[termId + 1]; index++) {
          const mapped = newDocOf[this.baseDocs[index]];
          if (mapped >= 0) {
            docs[cursor] = mapped;
            tfs[cursor++] = this.baseTfs[index];
          }
        }
      }
      const postings = this.tail[termId];
      if (postings) {
        for (let index = 0; index < postings.length; index += 2) {
          const mapped = newDocOf[postings[index]];
          if (mapped >= 0) {
            docs[cursor] = mapped;
            tfs[cursor++] = postings[index + 1];
          }
        }
      }
    }
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
      terms: liveTerms.map((termId) => this.terms[termId]),
      termOffsets: offsets,
      postingDocs: docs,
      postingTfs: tfs,
    });
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
      terms: this.terms,
      termOffsets: this.baseOffsets,
      postingDocs: this.baseDocs,
      postingTfs: this.baseTfs,
    };
  }

  /** Replaces the whole index with validated, compacted columns (from `compact` or a warm start). */
  loadColumns(columns: PassageIndexColumns): void {
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
    this.docAlive = new Uint8Array(docCount).fill(1);
    this.docByPassageId.clear();
    let totalLength = 0;
    for (let doc = 0; doc < docCount; doc++) {
      this.docByPassageId.set(columns.passageIds[doc], doc);
      totalLength += columns.docLength[doc];
    }
    this.totalLiveLength = totalLength;
    this.articles.clear();
    this.articleByNumber = columns.articles.map((record, number) => {
      const entry: ArticleEntry = { ...record, number, titleTerms: titleTermsOf(record.meta.title), docs: [] };
      this.articles.set(record.id, entry);
      return entry;
    });
    for (let doc = 0; doc < docCount; doc++) {
      this.articleByNumber[columns.docArticle[doc]]!.docs.push(doc);
    }
    this.terms = columns.terms;
    this.termIds = new Map(columns.terms.map((term, termId) => [term, termId]));
    this.baseTermCount = columns.terms.length;
    this.baseOffsets = columns.termOffsets;
    this.baseDocs = columns.postingDocs;
    this.baseTfs = columns.postingTfs;
    this.termDf = new Uint32Array(columns.terms.length);
    for (let termId = 0; termId < columns.terms.length; termId++) {
      this.termDf[termId] = columns.termOffsets[termId + 1] - columns.termOffsets[termId];
    }
    this.tail = new Array(columns.terms.length).fill(undefined);
    this.tailSize = 0;
    this.typo = new TypoNeighbours();
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
    this.passageIds[doc] = passage.id;
    this.texts[doc] = passage.text;
    this.docArticle[doc] = articleNumber;
    this.docOrdinal[doc] = passage.ordinal;
    this.docAlive[doc] = 1;
    const { startLine, startCharacter, endLine, endCharacter } = passage.range;
    this.docRanges.set([startLine, startCharacter, endLine, endCharacter], doc * 4);
    this.docByPassageId.set(passage.id, doc);
    this.liveDocCount++;
    return doc;
  }

  private passageOfDoc(doc: number): Passage {
    const entry = this.articleByNumber[this.docArticle[doc]];
    const ranges = this.docRanges;
    return {
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
  }

  private outletMask(outlet: string): Uint8Array | undefined {
    const wanted = termSpans(outlet, 'always').map((span) => span.term);
    if (wanted.length === 0) {
      return undefined;
    }
    const mask = new Uint8Array(this.articleByNumber.length);
    let any = false;
    for (const entry of this.articleByNumber) {
      if (!entry?.meta.outlet) {
        continue;
      }
      const have = termSpans(entry.meta.outlet, 'always').map((span) => span.term);
      if (containsSequence(have, wanted)) {
        mask[entry.number] = 1;
        any = true;
      }
    }
    return any ? mask : undefined;
  }

  private isLiveTerm = (termId: number): boolean => this.termDf[termId] > 0;

  private liveTermId(term: string): number | undefined {
    const termId = this.termIds.get(term);
    return termId !== undefined && this.termDf[termId] > 0 ? termId : undefined;
  }

  /** Resolves joined codes the corpus never uses back into their parts (`COP26` -> `cop`, `26`). */
  private resolveQueryTerms(text: string): string[] {
    const resolved: string[] = [];
    for (const { term } of termSpans(text, 'always')) {
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

  private queryGroups(parsed: ParsedSearchQuery): { groups: QueryGroup[]; phrases: number[][]; spanGroups: Map<string, number> } {
    const groups: QueryGroup[] = [];
    const spanGroups = new Map<string, number>();
    const groupOfTerm = new Map<string, number>();
    const phrases: number[][] = [];
    for (const phrase of parsed.phrases) {
      const sequence: number[] = [];
      for (const term of this.resolveQueryTerms(phrase)) {
        const termId = this.liveTermId(term);
        if (termId === undefined) {
          return { groups: [], phrases: [], spanGroups };
        }
        sequence.push(termId);
        if (!groupOfTerm.has(term)) {
          groupOfTerm.set(term, groups.length);
          spanGroups.set(term, groups.length);
          groups.push({ alternatives: [{ termId, weight: 1 }], required: true });
        }
      }
      if (sequence.length > 0) {
        phrases.push(sequence);
      }
    }
    const freeText = parsed.terms.length > 0 ? parsed.terms.join(' ') : (parsed.topic ?? '');
    for (const term of this.resolveQueryTerms(freeText)) {
      if (groupOfTerm.has(term)) {
        continue;
      }
      const termId = this.liveTermId(term);
      let alternatives: QueryGroup['alternatives'];
      if (termId !== undefined) {
        alternatives = [{ termId, weight: 1 }];
      } else if (term.length >= MIN_TYPO_LENGTH) {
        this.typo.addTerms(this.terms);
        alternatives = this.typo.neighbours(term, this.isLiveTerm).map((neighbour) => ({ termId: neighbour, weight: TYPO_WEIGHT }));
      } else {
        alternatives = [];
      }
      if (alternatives.length === 0) {
        continue;
      }
      groupOfTerm.set(term, groups.length);
      for (const alternative of alternatives) {
        spanGroups.set(this.terms[alternative.termId], groups.length);
      }
      groups.push({ alternatives, required: false });
    }
    return { groups, phrases, spanGroups };
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
    const { scores, groupBest, groupStamps, matchedGroups, matchedRequired, touched, docAlive, docArticle, docLength } = this;
    const averageLength = this.liveDocCount > 0 ? this.totalLiveLength / this.liveDocCount : 1;
    const lengthFactor = BM25_K1 * BM25_B / Math.max(averageLength, 1);
    const baseFactor = BM25_K1 * (1 - BM25_B);
    let touchedCount = 0;
    let requiredCount = 0;
    for (const group of groups) {
      const stamp = this.nextStamp();
      if (group.required) {
        requiredCount++;
      }
      for (const { termId, weight } of group.alternatives) {
        const df = this.termDf[termId];
        const idf = Math.log(1 + (this.liveDocCount - df + 0.5) / (df + 0.5)) * weight * (BM25_K1 + 1);
        const visit = (doc: number, tf: number): void => {
          if (docAlive[doc] === 0 || (articleMask !== undefined && articleMask[docArticle[doc]] === 0)) {
            return;
          }
          const score = (idf * tf) / (tf + baseFactor + lengthFactor * docLength[doc]);
          if (groupStamps[doc] !== stamp) {
            groupStamps[doc] = stamp;
            if (matchedGroups[doc] === 0 && matchedRequired[doc] === 0) {
              touched[touchedCount++] = doc;
            }
            matchedGroups[doc]++;
            if (group.required) {
              matchedRequired[doc]++;
            }
            groupBest[doc] = score;
            scores[doc] += score;
          } else if (score > groupBest[doc]) {
            scores[doc] += score - groupBest[doc];
            groupBest[doc] = score;
          }
        };
        if (termId < this.baseTermCount) {
          const end = this.baseOffsets[termId + 1];
          for (let index = this.baseOffsets[termId]; index < end; index++) {
            visit(this.baseDocs[index], this.baseTfs[index]);
          }
        }
        const postings = this.tail[termId];
        if (postings) {
          for (let index = 0; index < postings.length; index += 2) {
            visit(postings[index], postings[index + 1]);
          }
        }
      }
    }
    const groupCount = groups.length;
    const pool = new TopScores(poolSize === Infinity ? touchedCount : poolSize);
    for (let index = 0; index < touchedCount; index++) {
      const doc = touched[index];
      if (matchedRequired[doc] === requiredCount) {
        const coverage = matchedGroups[doc] / groupCount;
        const score = scores[doc] * (0.3 + 0.7 * coverage * coverage);
        if (pool.wouldAccept(score) && (!options.filter || options.filter(this.passageIds[doc]))) {
          pool.add(doc, score);
        }
      }
      scores[doc] = 0;
      matchedGroups[doc] = 0;
      matchedRequired[doc] = 0;
    }
    return pool.sorted();
  }

  /** Reads one candidate's text: checks phrases, applies proximity, title and caller boosts, builds the snippet. */
  private rerank(
    doc: number,
    baseScore: number,
    groups: QueryGroup[],
    phrases: number[][],
    spanGroups: Map<string, number>,
    options: PassageSearchOptions,
  ): (SearchHit & { doc: number }) | undefined {
    const text = this.texts[doc];
    const spans = termSpans(text);
    for (const phrase of phrases) {
      if (!containsTermSequence(spans, phrase.map((termId) => this.terms[termId]))) {
        return undefined;
      }
    }
    const matched: Array<MatchedSpan & { position: number }> = [];
    spans.forEach((span, position) => {
      const group = spanGroups.get(span.term);
      if (group !== undefined) {
        matched.push({ start: span.start, end: span.end, group, position });
      }
    });
    let score = baseScore * proximityBoost(matched, groups.length);
    const titleTerms = this.articleByNumber[this.docArticle[doc]]?.titleTerms;
    if (titleTerms && titleTerms.size > 0) {
      let inTitle = 0;
      for (const group of groups) {
        if (group.alternatives.some(({ termId }) => titleTerms.has(this.terms[termId]))) {
          inTitle++;
        }
      }
      score *= 1 + (TITLE_BOOST * inTitle) / groups.length;
    }
    const passageId = this.passageIds[doc];
    if (options.boost) {
      const factor = options.boost(passageId);
      if (Number.isFinite(factor) && factor > 0) {
        score *= factor;
      }
    }
    return { doc, passageId, score, snippet: buildSnippet(text, matched) };
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
    [this.docs[a], this.docs[b]] = [this.docs[b], this.docs[a]];
    [this.scores[a], this.scores[b]] = [this.scores[b], this.scores[a]];
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

function titleTermsOf(title: string): Set<string> {
  return new Set(termSpans(title).map((span) => span.term));
}

function selectRanges(ranges: Uint32Array, docs: number[]): Uint32Array {
  const selected = new Uint32Array(docs.length * 4);
  docs.forEach((doc, index) => selected.set(ranges.subarray(doc * 4, doc * 4 + 4), index * 4));
  return selected;
}

function containsSequence(haystack: string[], needle: string[]): boolean {
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

function containsTermSequence(spans: TermSpan[], sequence: string[]): boolean {
  return containsSequence(
    spans.map((span) => span.term),
    sequence,
  );
}

/**
 * 1 when fewer than two query words match; up to 1 + 0.6 when all matched
 * words sit side by side, and a further 1.2x when they also follow the
 * query's order.
 */
function proximityBoost(matched: Array<MatchedSpan & { position: number }>, groupCount: number): number {
  if (groupCount < 2 || matched.length < 2) {
    return 1;
  }
  const counts = new Map<number, number>();
  let bestDistinct = 0;
  let bestWidth = Infinity;
  let bestFirst = 0;
  let first = 0;
  for (let last = 0; last < matched.length; last++) {
    counts.set(matched[last].group, (counts.get(matched[last].group) ?? 0) + 1);
    while (first < last && (counts.get(matched[first].group) ?? 0) > 1) {
      counts.set(matched[first].group, counts.get(matched[first].group)! - 1);
      first++;
    }
    const distinct = counts.size;
    const width = matched[last].position - matched[first].position;
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
      if (matched[index].group < matched[index - 1].group) {
        inOrder = false;
      }
    }
    if (inOrder) {
      boost *= IN_ORDER_BOOST;
    }
  }
  return boost;
}
