import type { Article, Passage, SearchHit, Topic } from '../model';
import { PassageIndex } from '../search/passageIndex';
import { deserializePassageIndex, serializePassageIndex, serializePassageIndexInSlices } from '../search/passageIndexPersistence';
import type { SliceClock, SlicedWork } from '../scheduling/timeSlice';
import { parseSearchQuery } from '../search/searchQuery';
import type { AliasTable } from '../topics/aliasFile';
import { STOP_WORDS } from '../topics/englishWords';
import { emptyTopicIndex, type TopicIndex } from '../topics/topicIndex';

/** A search hit joined with what the UI shows for it. */
export interface ResolvedSearchHit extends SearchHit {
  passage: Passage;
  article: Article;
}

/**
 * What changed in the corpus, in enough detail for another copy of it (the derived-index
 * engine's, in a worker) to follow. `version` is the corpus version after the change.
 */
export type CorpusChange =
  | { kind: 'setFile'; version: number; uri: string; articles: Article[] }
  | { kind: 'removeFiles'; version: number; uris: string[] }
  | { kind: 'clear'; version: number }
  | { kind: 'restore'; version: number; snapshot: Uint8Array }
  | { kind: 'aliases'; version: number; table: AliasTable };

/** What readers outside Sourcebook (the public API, tests) may do with the corpus: look, never change. */
export type CorpusView = Pick<CorpusIndex, 'articles' | 'article' | 'passage' | 'passageCount' | 'files' | 'fileStamp' | 'search' | 'topics' | 'topicsVersion' | 'changeCount' | 'onDidChange' | 'languages'>;

/**
 * Everything Sourcebook knows about the sources, in one place: files -> articles -> passages and
 * the passage search index (updated per file), plus the topic index that the derived-index
 * pipeline (`derived/derivedIndexes.ts`) built for some version of it. Views, hovers and commands
 * only read from here; only the host's corpus loader writes, and only the pipeline installs topics.
 */
export class CorpusIndex {
  private readonly articlesByFile = new Map<string, Article[]>();
  private readonly stampsByFile = new Map<string, string>();
  private readonly articlesById = new Map<string, Article>();
  private readonly passagesById = new Map<string, Passage>();
  private passageIndex = new PassageIndex();
  private aliasTables: AliasTable[] = [];
  private topicIndex: TopicIndex = emptyTopicIndex();
  private readonly listeners = new Set<() => void>();
  private readonly contentListeners = new Set<(change: CorpusChange) => void>();
  private version = 0;
  private installedTopicsVersion = -1;

  /**
   * Replaces what a file contributes (its articles) with a new reading of it. `sourceStamp`
   * (the host's modification time and size) lets a later start skip unchanged files.
   */
  setFile(sourceUri: string, articles: Article[], sourceStamp?: string): void {
    this.removeFileQuietly(sourceUri);
    this.addFileQuietly(sourceUri, articles, sourceStamp);
    if (sourceStamp !== undefined) this.stampsByFile.set(sourceUri, sourceStamp);
    this.changed({ kind: 'setFile', version: this.version + 1, uri: sourceUri, articles });
  }

  /** The stamp the file had when it was indexed; equal to the file's current stamp means nothing to do. */
  fileStamp(sourceUri: string): string | undefined {
    return this.stampsByFile.get(sourceUri);
  }

  /** The whole index in its persisted form (articles, passages, postings and file stamps). */
  snapshot(): Uint8Array {
    return serializePassageIndex(this.passageIndex);
  }

  /** The same bytes as `snapshot`, built in slices (see `serializePassageIndexInSlices`). */
  snapshotInSlices(clock: SliceClock): SlicedWork<Uint8Array> {
    return serializePassageIndexInSlices(this.passageIndex, clock);
  }

  /**
   * Replaces everything with a persisted snapshot. Returns why it could not (corrupt, truncated,
   * another version) and then leaves the index as it was.
   */
  restore(data: Uint8Array): { ok: true } | { ok: false; reason: string } {
    const loaded = deserializePassageIndex(data);
    if (!(loaded instanceof PassageIndex)) return { ok: false, reason: `${loaded.error}: ${loaded.detail}` };
    this.articlesByFile.clear();
    this.articlesById.clear();
    this.passagesById.clear();
    this.stampsByFile.clear();
    this.passageIndex = loaded;
    for (const articleId of loaded.articleIds()) {
      const article = loaded.article(articleId);
      if (!article) continue;
      const siblings = this.articlesByFile.get(article.sourceUri) ?? [];
      siblings.push(article);
      this.articlesByFile.set(article.sourceUri, siblings);
      this.articlesById.set(article.id, article);
      for (const passage of article.passages) this.passagesById.set(passage.id, passage);
      const stamp = loaded.sourceStampOf(articleId);
      if (stamp !== undefined) this.stampsByFile.set(article.sourceUri, stamp);
    }
    this.changed({ kind: 'restore', version: this.version + 1, snapshot: data });
    return { ok: true };
  }

  private addFileQuietly(sourceUri: string, articles: Article[], sourceStamp?: string): void {
    if (articles.length > 0) this.articlesByFile.set(sourceUri, articles);
    for (const article of articles) {
      this.articlesById.set(article.id, article);
      for (const passage of article.passages) this.passagesById.set(passage.id, passage);
      this.passageIndex.addArticle(article, sourceStamp);
    }
  }

  removeFile(sourceUri: string): void {
    if (this.removeFileQuietly(sourceUri)) this.changed({ kind: 'removeFiles', version: this.version + 1, uris: [sourceUri] });
  }

  /** Drops these files (one change for all); returns how many were indexed. */
  removeFiles(uris: readonly string[]): number {
    const dropped = uris.filter((uri) => this.removeFileQuietly(uri));
    if (dropped.length > 0) this.changed({ kind: 'removeFiles', version: this.version + 1, uris: dropped });
    return dropped.length;
  }

  /** Drops every file not in `keep`; returns how many were dropped. */
  retainFiles(keep: ReadonlySet<string>): number {
    return this.removeFiles(this.files().filter((uri) => !keep.has(uri)));
  }

  /** The writer's and the corpus's alias tables, in priority order (the writer's first). */
  setAliasTables(tables: AliasTable[]): void {
    this.aliasTables = tables;
    this.changed({ kind: 'aliases', version: this.version + 1, table: mergeAliasTables(tables) });
  }

  clear(): void {
    this.articlesByFile.clear();
    this.articlesById.clear();
    this.passagesById.clear();
    this.stampsByFile.clear();
    this.passageIndex = new PassageIndex();
    this.changed({ kind: 'clear', version: this.version + 1 });
  }

  files(): string[] {
    return [...this.articlesByFile.keys()];
  }

  articles(): Article[] {
    return [...this.articlesById.values()];
  }

  article(id: string): Article | undefined {
    return this.articlesById.get(id);
  }

  /** The languages of the articles (primary subtags), most articles first, with how many articles each. */
  languages(): Array<{ language: string; articles: number }> {
    const counts = new Map<string, number>();
    for (const article of this.articlesById.values()) {
      const language = article.meta.language;
      if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
    return [...counts].map(([language, articles]) => ({ language, articles })).sort((a, b) => b.articles - a.articles || a.language.localeCompare(b.language));
  }

  passage(id: string): Passage | undefined {
    return this.passagesById.get(id);
  }

  passageCount(): number {
    return this.passagesById.size;
  }

  /**
   * The topic index the derived-index pipeline last installed: possibly of an older version of
   * the corpus (mentions of removed passages are skipped by the readers), never half-built.
   * Empty until the first build. `topicsVersion` says which version it is.
   */
  topics(): TopicIndex {
    return this.topicIndex;
  }

  /** The corpus version the installed topics were built from (-1: none yet). */
  get topicsVersion(): number {
    return this.installedTopicsVersion;
  }

  /** Installs topics built for `version` of the corpus (see `DerivedIndexes`). */
  installTopics(topics: TopicIndex, version: number): void {
    this.topicIndex = topics;
    this.installedTopicsVersion = version;
  }

  /** The writer's and the corpus's alias tables merged, in priority order. */
  aliasTable(): AliasTable {
    return mergeAliasTables(this.aliasTables);
  }

  /**
   * Ranked passage search. `outlet:` is applied by the passage index; `topic:` here, because only
   * the topic index knows which passages mention a topic. `asYouType` lets the last word match as
   * a prefix ("Afgh" finds Afghanistan) for a search box.
   */
  search(query: string, limit = 50, options: { asYouType?: boolean } = {}): ResolvedSearchHit[] {
    const parsed = parseSearchQuery(query);
    const topicPassages = parsed.topic ? this.passagesOfTopicNamed(parsed.topic) : undefined;
    const filter = topicPassages ? (passageId: string) => topicPassages.has(passageId) : undefined;
    const hits = this.passageIndex.searchParsed(parsed, { limit, filter, prefixLastWord: options.asYouType === true, notTransliterated: STOP_WORDS });
    const resolved: ResolvedSearchHit[] = [];
    for (const hit of hits) {
      const passage = this.passagesById.get(hit.passageId);
      const article = passage ? this.articlesById.get(passage.articleId) : undefined;
      if (passage && article) resolved.push({ ...hit, passage, article });
    }
    return resolved;
  }

  /** Folds recent additions into the index's compact form; worth calling once after a bulk load. */
  compact(): void {
    this.passageIndex.compact();
  }

  /** Called after every change with what changed (for a copy of the corpus elsewhere); returns a function that unsubscribes. */
  onDidChangeContent(listener: (change: CorpusChange) => void): () => void {
    this.contentListeners.add(listener);
    return () => this.contentListeners.delete(listener);
  }

  /** Called after every change; returns a function that unsubscribes. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Increases with every change: lets callers drop results computed from an older state. */
  get changeCount(): number {
    return this.version;
  }

  private passagesOfTopicNamed(name: string): Set<string> {
    const matches = this.topics().lookup(name, 1);
    const topic: Topic | undefined = matches[0]?.topic;
    return new Set(topic ? topic.mentions.map((mention) => mention.passageId) : []);
  }

  private removeFileQuietly(sourceUri: string): boolean {
    this.stampsByFile.delete(sourceUri);
    const previous = this.articlesByFile.get(sourceUri);
    if (!previous) return false;
    this.articlesByFile.delete(sourceUri);
    for (const article of previous) {
      this.articlesById.delete(article.id);
      for (const passage of article.passages) this.passagesById.delete(passage.id);
      this.passageIndex.removeArticle(article.id);
    }
    return true;
  }

  private changed(change: CorpusChange): void {
    this.version = change.version;
    for (const listener of this.contentListeners) listener(change);
    for (const listener of this.listeners) listener();
  }
}

function mergeAliasTables(tables: AliasTable[]): AliasTable {
  return { entries: tables.flatMap((table) => table.entries) };
}
