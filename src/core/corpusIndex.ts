import type { Article, Passage, SearchHit, Topic } from './model';
import { PassageIndex } from './search/passageIndex';
import { deserializePassageIndex, serializePassageIndex, serializePassageIndexInSlices } from './search/passageIndexPersistence';
import type { SliceClock, SlicedWork } from './topics/timeSlice';
import { parseSearchQuery } from './search/searchQuery';
import type { AliasTable } from './topics/aliasFile';
import { extractTopics, extractTopicsCooperatively, type TopicIndex } from './topics/topicIndex';

/** A search hit joined with what the UI shows for it. */
export interface ResolvedSearchHit extends SearchHit {
  passage: Passage;
  article: Article;
}

/**
 * Everything Sourcebook knows about the sources, in one place: files -> articles -> passages,
 * the passage search index (updated per file) and the topic index (rebuilt lazily after a
 * change, because topics group spellings across all articles). Views, hovers and commands only
 * read from here; only the host's corpus loader writes.
 */
export class CorpusIndex {
  private readonly articlesByFile = new Map<string, Article[]>();
  private readonly stampsByFile = new Map<string, string>();
  private readonly articlesById = new Map<string, Article>();
  private readonly passagesById = new Map<string, Passage>();
  private passageIndex = new PassageIndex();
  private aliasTables: AliasTable[] = [];
  private topicIndex: TopicIndex | undefined;
  private topicsDirty = true;
  /** The empty index `topics()` answers with before the first build of a large corpus. */
  private noTopics: TopicIndex | undefined;
  private topicBuild: Promise<boolean> | undefined;
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /**
   * Replaces what a file contributes (its articles) with a new reading of it. `sourceStamp`
   * (the host's modification time and size) lets a later start skip unchanged files.
   */
  setFile(sourceUri: string, articles: Article[], sourceStamp?: string): void {
    this.removeFileQuietly(sourceUri);
    this.addFileQuietly(sourceUri, articles, sourceStamp);
    if (sourceStamp !== undefined) this.stampsByFile.set(sourceUri, sourceStamp);
    this.changed();
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
    this.changed();
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
    if (this.removeFileQuietly(sourceUri)) this.changed();
  }

  /** Drops every file not in `keep`; returns how many were dropped. */
  retainFiles(keep: ReadonlySet<string>): number {
    let dropped = 0;
    for (const uri of [...this.articlesByFile.keys()]) {
      if (!keep.has(uri) && this.removeFileQuietly(uri)) dropped++;
    }
    if (dropped > 0) this.changed();
    return dropped;
  }

  /** The writer's and the corpus's alias tables, in priority order (the writer's first). */
  setAliasTables(tables: AliasTable[]): void {
    this.aliasTables = tables;
    this.changed();
  }

  clear(): void {
    this.articlesByFile.clear();
    this.articlesById.clear();
    this.passagesById.clear();
    this.stampsByFile.clear();
    this.passageIndex = new PassageIndex();
    this.changed();
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

  passage(id: string): Passage | undefined {
    return this.passagesById.get(id);
  }

  passageCount(): number {
    return this.passagesById.size;
  }

  /**
   * The topic index. After a change it stays as it was (mentions of removed passages are skipped
   * by the readers) until `refreshTopics` or `refreshTopicsInBackground` rebuilds it, so a hover
   * never waits for a rebuild that a burst of file changes would repeat many times. Before the
   * first build it has no topics, unless the corpus is so small that building costs less than
   * a time slice (a few passages: unit tests, a fresh folder).
   */
  topics(): TopicIndex {
    if (this.topicIndex) return this.topicIndex;
    if (this.passagesById.size <= SYNCHRONOUS_FIRST_BUILD_MAX_PASSAGES) return this.rebuildTopics();
    this.noTopics ??= extractTopics([], { entries: [] });
    return this.noTopics;
  }

  /** Rebuilds the topic index at once if anything changed since the last build; returns whether it did. Holds the thread: hosts use refreshTopicsInBackground. */
  refreshTopics(): boolean {
    if (this.topicIndex && !this.topicsDirty) return false;
    this.rebuildTopics();
    return true;
  }

  /**
   * Rebuilds the topic index if anything changed, giving the thread back through `yieldNow`
   * every few milliseconds; `topics()` keeps answering from the previous index until the new one
   * is swapped in whole. A change to the corpus during the build abandons it at the next yield
   * and leaves the topics dirty: restarting at once would compete with a loader that is still
   * adding files, so the next build waits for the next request (the host asks again when the
   * corpus has been quiet for a moment). A call made while a build runs waits for it, then builds
   * again if the topics are still not current. Resolves true when it swapped in a new index.
   * `sliceMs` is how long one stretch of work may run before it yields (8 ms unless given).
   */
  refreshTopicsInBackground(yieldNow: () => Promise<void>, options: { sliceMs?: number } = {}): Promise<boolean> {
    if (this.topicBuild) {
      return this.topicBuild.then((swapped) => (this.topicsAreCurrent() ? swapped : this.refreshTopicsInBackground(yieldNow, options)));
    }
    if (this.topicIndex && !this.topicsDirty) return Promise.resolve(false);
    const build = this.rebuildTopicsCooperatively(yieldNow, options.sliceMs).finally(() => {
      if (this.topicBuild === build) this.topicBuild = undefined;
    });
    this.topicBuild = build;
    return build;
  }

  topicsAreCurrent(): boolean {
    return this.topicIndex !== undefined && !this.topicsDirty;
  }

  private rebuildTopics(): TopicIndex {
    this.topicsDirty = false;
    this.topicIndex = extractTopics(this.articles(), this.mergedAliasTable());
    return this.topicIndex;
  }

  private async rebuildTopicsCooperatively(yieldNow: () => Promise<void>, sliceMs: number | undefined): Promise<boolean> {
    const startedAt = this.version;
    const built = await extractTopicsCooperatively(this.articles(), this.mergedAliasTable(), {
      yieldNow,
      sliceMs,
      isCancelled: () => this.version !== startedAt,
    });
    if (!built || this.version !== startedAt) return false;
    this.topicIndex = built;
    this.topicsDirty = false;
    return true;
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
    const hits = this.passageIndex.searchParsed(parsed, { limit, filter, prefixLastWord: options.asYouType === true });
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

  private mergedAliasTable(): AliasTable {
    return mergeAliasTables(this.aliasTables);
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

  private changed(): void {
    this.version++;
    this.topicsDirty = true;
    for (const listener of this.listeners) listener();
  }
}

/** Up to this many passages, a first build takes a few milliseconds: `topics()` may build them at once rather than answer with none. */
const SYNCHRONOUS_FIRST_BUILD_MAX_PASSAGES = 50;

function mergeAliasTables(tables: AliasTable[]): AliasTable {
  return { entries: tables.flatMap((table) => table.entries) };
}
