import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { IngestInput } from '../core/ingest/ingestFile';
import type { IngestOptions } from '../core/ingest/ingestOptions';
import { parseManifest } from '../core/ingest/manifest';
import type { ArticleMetadata, IngestOutcome, Logger, SkipReason } from '../core/model';
import { ingestOptionsOf, readSettings, type SourcebookSettings } from './settings';

/** File endings Sourcebook reads. */
const sourceExtensions = ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl', '.pdf', '.docx'];
const manifestFileName = 'sourcebook.manifest.json';
/** Above this many pending watcher events a full rescan is cheaper and certainly right. */
const burstRescanThreshold = 500;
const watcherDebounceMs = 300;
/** After a burst of more than `burstRescanThreshold` events, this long without one ends it. */
const burstSettleMs = 2000;
/** How deep linked folders are followed (with sourcebook.corpus.followSymlinks): a link loop stops here. */
const maxFolderDepth = 32;
/** How many files leave the index between two yields when a load drops them. */
const removalBatch = 500;
/** How many files are read at once during a load. */
const readConcurrency = 16;

/** What the last load did, for the status bar, the log and tests. */
export interface LoadSummary {
  articles: number;
  passages: number;
  files: number;
  skipped: Partial<Record<SkipReason, number>>;
  usingBundled: boolean;
  millis: number;
}

/** Reads one file's bytes into articles; the derived-index engine does it on its own thread. */
export type IngestOnEngine = (file: IngestInput, options: Partial<IngestOptions>) => Promise<IngestOutcome>;

interface SourceFile {
  uri: vscode.Uri;
  metadata?: Partial<ArticleMetadata>;
}

/**
 * Finds the source files (the folders the writer chose, else the bundled corpus), reads them
 * through `vscode.workspace.fs` (so it works on vscode.dev), feeds them to the core, and keeps
 * the index current as files change. Loads are cancellable and never overlap: a new load
 * cancels the one in flight.
 */
export class CorpusLoader implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private currentLoad: vscode.CancellationTokenSource | undefined;
  private loading: Promise<LoadSummary> | undefined;
  private readonly pendingChanges = new Set<string>();
  /** Folders the watcher reported deleted, whose indexed files leave the index without a rescan. */
  private readonly pendingDeletedFolders = new Set<string>();
  /** Watcher events since the last quiet moment, and the timer that ends the burst. */
  private burstEvents = 0;
  private burstSettleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set when a large burst has ended: one more rescan catches what the watcher dropped or raced. */
  private rescanAfterBurst = false;
  /** The folders and globs the watchers were made for. */
  private watchedKey: string | undefined;
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private applying: Promise<void> | undefined;
  private rescanQueued = false;
  private lastSummary: LoadSummary | undefined;
  private readonly summaryEmitter = new vscode.EventEmitter<LoadSummary>();
  private manifestCache = new Map<string, Record<string, Partial<ArticleMetadata>>>();
  private fileMetadata = new Map<string, Partial<ArticleMetadata> | undefined>();

  /** Fires after every completed load or watcher update. */
  readonly onDidLoad = this.summaryEmitter.event;

  constructor(
    private readonly index: CorpusIndex,
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
    private readonly ingest: IngestOnEngine,
    /** Gives the extension host back during a long load (the host's `BackgroundTurns.yieldNow`). */
    private readonly yieldNow: () => Promise<void>,
  ) {
    this.disposables.push(
      this.summaryEmitter,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sourcebook.corpus')) void this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
      // A source saved in the editor is known at once, before the file watcher reports it.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.index.fileStamp(document.uri.toString()) !== undefined) this.queueChange(document.uri);
      }),
    );
  }

  /** True while a full load runs: views refresh less often and topics wait for the end. */
  get isLoading(): boolean {
    return this.loading !== undefined;
  }

  get summary(): LoadSummary | undefined {
    return this.lastSummary;
  }

  /** Resolves when the load in flight (if any) is done. */
  async whenIdle(): Promise<void> {
    while (this.loading) await this.loading.catch(() => undefined);
  }

  /**
   * Resolves when every file change Sourcebook knows of is in the index: changes still waiting
   * for the watcher's debounce are applied now, and the load in flight (if any) has ended.
   */
  async whenSettled(): Promise<void> {
    while (this.pendingTimer || this.burstSettleTimer || this.applying || this.loading) {
      if (this.burstSettleTimer) this.endBurst();
      if (this.pendingTimer) {
        clearTimeout(this.pendingTimer);
        this.pendingTimer = undefined;
        this.startApplying();
      }
      await this.applying;
      await this.whenIdle();
    }
  }

  /** Reads a file Sourcebook itself just wrote (a captured page) into the index now; resolves when it is in. */
  async indexNow(uri: vscode.Uri): Promise<void> {
    this.queueChange(uri);
    await this.whenSettled();
  }

  /** A full rescan: what the index holds afterwards equals a fresh start. */
  reload(options: { force?: boolean } = {}): Promise<LoadSummary> {
    this.currentLoad?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    this.currentLoad = cancellation;
    const load = this.loadAll(cancellation.token, options.force === true).finally(() => {
      if (this.loading === load) this.loading = undefined;
      cancellation.dispose();
    });
    this.loading = load;
    return load;
  }

  private async loadAll(token: vscode.CancellationToken, force: boolean): Promise<LoadSummary> {
    const started = Date.now();
    const settings = readSettings();
    const userFiles = await this.findUserSources(settings);
    const usingBundled = userFiles.length === 0 || settings.includeBundled;
    const files = usingBundled ? [...userFiles, ...(await this.findBundledSources())] : userFiles;
    this.watchUserSources(settings);
    const skipped: Partial<Record<SkipReason, number>> = {};
    const seen = new Set<string>();

    const work = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      let lastYield = Date.now();
      let next = 0;
      let done = 0;
      const reader = async () => {
        while (next < files.length && !token.isCancellationRequested) {
          const file = files[next++];
          const key = file.uri.toString();
          seen.add(key);
          this.fileMetadata.set(key, file.metadata);
          const reason = await this.readIntoIndex(file, settings, force);
          if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
          done++;
          if (Date.now() - lastYield > 30) {
            lastYield = Date.now();
            progress?.report({ message: `${done} of ${files.length} files`, increment: (100 * 30) / Math.max(1, files.length) });
            await this.yieldNow();
          }
        }
      };
      // Reads overlap: on a remote or virtual file system (code-server, Codespaces, vscode.dev) every
      // stat and read is a round trip. In code-server, 200 files took 3.8 s one at a time, 50 ms overlapped.
      await Promise.all(Array.from({ length: Math.min(readConcurrency, files.length) }, reader));
    };
    if (files.length > 200) {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sourcebook: indexing sources'), cancellable: true },
        async (progress, progressToken) => {
          const listener = progressToken.onCancellationRequested(() => this.currentLoad?.cancel());
          try {
            await work(progress);
          } finally {
            listener.dispose();
          }
        },
      );
    } else {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Sourcebook: indexing') }, () => work());
    }
    if (!token.isCancellationRequested) {
      // Switching away from 10,000 files removes them all: in batches, between which hovers are answered.
      const gone = this.index.files().filter((uri) => !seen.has(uri));
      for (let from = 0; from < gone.length && !token.isCancellationRequested; from += removalBatch) {
        this.index.removeFiles(gone.slice(from, from + removalBatch));
        if (from + removalBatch < gone.length) await this.yieldNow();
      }
      this.index.compact();
    }
    const summary: LoadSummary = {
      articles: this.index.articles().length,
      passages: this.index.passageCount(),
      files: files.length,
      skipped,
      usingBundled,
      millis: Date.now() - started,
    };
    this.lastSummary = summary;
    this.logger.info(`Indexed ${summary.articles} articles (${summary.passages} passages) from ${summary.files} files in ${summary.millis} ms${usingBundled ? ', bundled corpus included' : ''}.`);
    this.reportSkips(skipped);
    this.summaryEmitter.fire(summary);
    return summary;
  }

  /** Reads one file into the index; returns why it was skipped, if it was. */
  private async readIntoIndex(file: SourceFile, settings: SourcebookSettings, force = true): Promise<SkipReason | undefined> {
    const key = file.uri.toString();
    try {
      const stat = await vscode.workspace.fs.stat(file.uri);
      if (stat.type & vscode.FileType.Directory) return undefined;
      const options = ingestOptionsOf(settings);
      // A PDF or Word file read under other page, time or unzip limits may read differently: it is read again when they change.
      const limits = /\.(pdf|docx)$/i.test(file.uri.path) ? `:${options.maxPdfPages}:${options.maxPdfMillis}:${options.maxDocxExpandedBytes}` : '';
      const stamp = `${stat.mtime}:${stat.size}:${JSON.stringify(file.metadata ?? {})}${limits}`;
      if (!force && this.index.fileStamp(key) === stamp) return undefined;
      if (stat.type & vscode.FileType.SymbolicLink && !settings.followSymlinks) {
        this.index.removeFile(key);
        this.logger.info(`Skipped ${file.uri.fsPath || key}: symbolic link (setting sourcebook.corpus.followSymlinks is off).`);
        return 'unsupported-format';
      }
      if (stat.size > settings.maxFileBytes) {
        this.index.removeFile(key);
        this.logger.warn(`Skipped ${file.uri.fsPath || key}: ${(stat.size / 1048576).toFixed(1)} MB is over the ${(settings.maxFileBytes / 1048576).toFixed(1)} MB cap (sourcebook.corpus.maxFileSizeMB).`);
        return 'too-large';
      }
      const bytes = await vscode.workspace.fs.readFile(file.uri);
      const outcome = await this.ingest({ uri: key, fileName: basename(file.uri), bytes, metadata: file.metadata }, options);
      if (outcome.kind === 'skipped') {
        this.index.removeFile(key);
        this.logger.info(`Skipped ${file.uri.fsPath || key}: ${outcome.reason} (${outcome.detail}).`);
        return outcome.reason;
      }
      for (const warning of outcome.warnings) this.logger.warn(`${file.uri.fsPath || key}: ${warning}`);
      this.index.setFile(key, outcome.articles, stamp);
      return undefined;
    } catch (error) {
      this.index.removeFile(key);
      this.logger.warn(`Skipped ${file.uri.fsPath || key}: could not read it (${error instanceof Error ? error.message : String(error)}).`);
      return 'unreadable';
    }
  }

  private reportSkips(skipped: Partial<Record<SkipReason, number>>): void {
    const entries = Object.entries(skipped).filter(([reason, count]) => count && reason !== 'empty');
    if (entries.length === 0) return;
    const total = entries.reduce((sum, [, count]) => sum + (count ?? 0), 0);
    const detail = entries.map(([reason, count]) => skippedCount(reason as SkipReason, count ?? 0)).join(', ');
    void vscode.window
      .showWarningMessage(total === 1 ? vscode.l10n.t('Sourcebook skipped 1 file ({0}). The Sourcebook log lists them.', detail) : vscode.l10n.t('Sourcebook skipped {0} files ({1}). The Sourcebook log lists them.', total, detail), vscode.l10n.t('Show Log'))
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.output.show.sourcebook.Sourcebook');
      });
  }

  private async findUserSources(settings: SourcebookSettings): Promise<SourceFile[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (settings.corpusPaths.length === 0 || folders.length === 0) return [];
    const found = new Map<string, SourceFile>();
    const linkedFolders = new Map<string, boolean>();
    let throughLinks = 0;
    for (const folder of folders) {
      const folderSettings = readSettings(folder.uri);
      for (const glob of folderSettings.corpusPaths) {
        const plainFolder = plainFolderOf(glob);
        let uris: vscode.Uri[];
        if (plainFolder !== undefined) {
          // A folder is walked with readDirectory: a findFiles over 10,000 files streams every match
          // through the workbench, which kept it busy (and hovers waiting) for half a second.
          const walked = await this.walkFolder(plainFolder ? vscode.Uri.joinPath(folder.uri, plainFolder) : folder.uri, settings.followSymlinks);
          uris = walked.files;
          throughLinks += walked.linkedFolders;
        } else {
          uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, globForSources(glob)), '**/{node_modules,.git}/**');
        }
        for (const uri of uris) {
          if (!isSourceFile(uri)) continue;
          // findFiles follows folder symlinks (search.followSymlinks), which can lead out of the corpus.
          if (plainFolder === undefined && !settings.followSymlinks && (await this.reachedThroughLinkedFolder(folder.uri, uri, linkedFolders))) {
            throughLinks++;
            continue;
          }
          found.set(uri.toString(), { uri, metadata: await this.manifestMetadataFor(uri) });
        }
      }
    }
    if (throughLinks > 0) this.logger.info(`Skipped ${throughLinks} symbolically linked folder${throughLinks === 1 ? '' : 's'} or file${throughLinks === 1 ? '' : 's'} inside them (setting sourcebook.corpus.followSymlinks is off).`);
    return [...found.values()].sort((a, b) => (a.uri.toString() < b.uri.toString() ? -1 : 1));
  }

  /**
   * Every source file below `root`, by readDirectory (node_modules and .git left out). Linked
   * folders are followed only with `followSymlinks`, and then at most `maxFolderDepth` deep, so a
   * link loop ends; a folder that cannot be listed is logged and left out.
   */
  private async walkFolder(root: vscode.Uri, followSymlinks: boolean): Promise<{ files: vscode.Uri[]; linkedFolders: number }> {
    const files: vscode.Uri[] = [];
    let linkedFolders = 0;
    const pending: Array<{ uri: vscode.Uri; depth: number }> = [{ uri: root, depth: 0 }];
    while (pending.length > 0) {
      const { uri, depth } = pending.pop()!;
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(uri);
      } catch (error) {
        if (depth > 0) this.logger.warn(`Could not list ${uri.fsPath || uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      for (const [name, type] of entries) {
        const child = vscode.Uri.joinPath(uri, name);
        if (type & vscode.FileType.Directory) {
          if (name === 'node_modules' || name === '.git') continue;
          if (type & vscode.FileType.SymbolicLink && !followSymlinks) {
            linkedFolders++;
            continue;
          }
          if (depth < maxFolderDepth) pending.push({ uri: child, depth: depth + 1 });
        } else if (isSourceFile(child)) {
          // A linked file is listed: reading it decides (it is skipped and counted unless links are followed).
          files.push(child);
        }
      }
    }
    return { files, linkedFolders };
  }

  /** Whether a folder between the workspace folder `root` and the file is a symbolic link; `cache` remembers each folder. */
  private async reachedThroughLinkedFolder(root: vscode.Uri, file: vscode.Uri, cache: Map<string, boolean>): Promise<boolean> {
    const rootPath = root.path.replace(/\/+$/, '');
    for (let path = file.path.slice(0, file.path.lastIndexOf('/')); path.startsWith(`${rootPath}/`); path = path.slice(0, path.lastIndexOf('/'))) {
      let linked = cache.get(path);
      if (linked === undefined) {
        linked = await vscode.workspace.fs.stat(file.with({ path })).then((stat) => (stat.type & vscode.FileType.SymbolicLink) !== 0, () => false);
        cache.set(path, linked);
      }
      if (linked) return true;
    }
    return false;
  }

  private async findBundledSources(): Promise<SourceFile[]> {
    const folder = vscode.Uri.joinPath(this.extensionUri, 'corpus');
    try {
      const entries = await vscode.workspace.fs.readDirectory(folder);
      const files: SourceFile[] = [];
      for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
        const uri = vscode.Uri.joinPath(folder, name);
        if (type === vscode.FileType.File && isSourceFile(uri)) files.push({ uri, metadata: await this.manifestMetadataFor(uri) });
      }
      if (files.length === 0) this.logger.error(`The bundled corpus folder ${folder.toString()} has no source files.`);
      return files;
    } catch (error) {
      this.logger.error(`The bundled corpus could not be read from ${folder.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Sourcebook could not read its bundled corpus; add a source folder to get started.'));
      return [];
    }
  }

  /** Metadata for a file from a `sourcebook.manifest.json` beside it, if any. */
  private async manifestMetadataFor(uri: vscode.Uri): Promise<Partial<ArticleMetadata> | undefined> {
    const folder = vscode.Uri.joinPath(uri, '..');
    const key = folder.toString();
    let entries = this.manifestCache.get(key);
    if (!entries) {
      entries = {};
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, manifestFileName)));
        const parsed = parseManifest(text);
        if (parsed.ok) entries = parsed.entries;
        else this.logger.warn(`${manifestFileName} in ${folder.fsPath || key} is not valid and was ignored: ${parsed.error}`);
      } catch {
        // No manifest in this folder: metadata comes from the files themselves.
      }
      this.manifestCache.set(key, entries);
    }
    return entries[basename(uri)];
  }

  private watchUserSources(settings: SourcebookSettings): void {
    this.manifestCache.clear();
    // The same folders and globs keep their watchers: a watcher made again would miss what
    // happens in between, and a rescan during a burst of changes would lose events.
    const watched = JSON.stringify([(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString()), settings.corpusPaths]);
    if (watched === this.watchedKey && this.watchers.length > 0) return;
    this.watchedKey = watched;
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of settings.corpusPaths) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, globForSources(glob)));
        const queue = (uri: vscode.Uri) => this.queueChange(uri);
        watcher.onDidCreate(queue);
        watcher.onDidChange(queue);
        watcher.onDidDelete(queue);
        this.watchers.push(watcher);
      }
      if (settings.corpusPaths.length > 0) {
        // VS Code reports a deleted folder as one event for the folder, which no file glob matches.
        const folderWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), true, true, false);
        folderWatcher.onDidDelete((uri) => this.queueFilesUnder(uri));
        this.watchers.push(folderWatcher);
      }
    }
  }

  /** Queues a deleted folder: its indexed files leave the index together, without a rescan. */
  private queueFilesUnder(folderUri: vscode.Uri): void {
    if (isSourceFile(folderUri)) return;
    const prefix = `${folderUri.toString()}/`;
    if (!this.index.files().some((file) => file.startsWith(prefix))) return;
    this.pendingDeletedFolders.add(folderUri.toString());
    this.queueChange(folderUri, true);
  }

  /**
   * Drops every indexed file below the folders reported deleted that are really gone (one stat
   * each, in batches between which hovers are answered); returns the prefixes that were dropped.
   */
  private async dropDeletedFolders(): Promise<string[]> {
    const folders = [...this.pendingDeletedFolders];
    this.pendingDeletedFolders.clear();
    const dropped: string[] = [];
    for (const folder of folders) {
      const gone = await vscode.workspace.fs.stat(vscode.Uri.parse(folder, true)).then(() => false, () => true);
      const prefix = `${folder}/`;
      if (!gone) {
        // Deleted and made again (a checkout): each file it had is checked on its own.
        for (const file of this.index.files()) if (file.startsWith(prefix)) this.pendingChanges.add(file);
        continue;
      }
      dropped.push(prefix);
      const files = this.index.files().filter((file) => file.startsWith(prefix));
      for (let from = 0; from < files.length; from += removalBatch) {
        this.index.removeFiles(files.slice(from, from + removalBatch));
        if (from + removalBatch < files.length) await this.yieldNow();
      }
    }
    if (dropped.length > 0) this.index.compact();
    return dropped;
  }

  private queueChange(uri: vscode.Uri, deletedFolder = false): void {
    if (!deletedFolder && !isSourceFile(uri) && !uri.path.endsWith(manifestFileName)) return;
    if (!deletedFolder) this.pendingChanges.add(uri.toString());
    this.burstEvents++;
    if (this.burstSettleTimer) clearTimeout(this.burstSettleTimer);
    this.burstSettleTimer = setTimeout(() => this.endBurst(), burstSettleMs);
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = undefined;
      this.startApplying();
    }, watcherDebounceMs);
  }

  /**
   * Ends a run of watcher events. After thousands (a checkout, an unzip, a sync), a watcher may
   * drop some or report them while files are still being written: one more rescan, which skips
   * every file whose stamp is unchanged, makes the index equal a fresh start.
   */
  private endBurst(): void {
    if (this.burstSettleTimer) clearTimeout(this.burstSettleTimer);
    this.burstSettleTimer = undefined;
    const large = this.burstEvents > burstRescanThreshold;
    this.burstEvents = 0;
    if (!large) return;
    this.rescanAfterBurst = true;
    this.startApplying();
  }

  private startApplying(): void {
    const previous = this.applying ?? Promise.resolve();
    const run: Promise<void> = previous
      .then(() => this.applyPendingChanges())
      .catch((error: unknown) => this.logger.error(`Changed sources could not be read: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (this.applying === run) this.applying = undefined;
      });
    this.applying = run;
  }

  /** Applies coalesced watcher events; a burst (a git checkout) becomes one full rescan. */
  private async applyPendingChanges(): Promise<void> {
    let rescan = this.rescanAfterBurst;
    this.rescanAfterBurst = false;
    if (this.pendingDeletedFolders.size > 0) {
      // A deleted folder of 10,000 files is 10,000 removals, not a rescan of everything else.
      await this.whenIdle();
      const droppedPrefixes = await this.dropDeletedFolders();
      for (const key of [...this.pendingChanges]) {
        if (droppedPrefixes.some((prefix) => key.startsWith(prefix))) this.pendingChanges.delete(key);
      }
      // With no source left (or the bundled corpus shown beside them), the rescan decides what is shown.
      if (droppedPrefixes.length > 0 && (this.lastSummary?.usingBundled || this.index.files().length === 0)) rescan = true;
      else if (droppedPrefixes.length > 0) this.publishSummary();
    }
    const changed = [...this.pendingChanges];
    this.pendingChanges.clear();
    if (changed.length === 0 && !rescan) return;
    if (rescan || changed.length > burstRescanThreshold || changed.some((key) => key.endsWith(manifestFileName)) || this.lastSummary?.usingBundled) {
      // One rescan covers every event before it starts: batches that arrive while one is queued add nothing.
      if (this.rescanQueued) return;
      this.rescanQueued = true;
      await this.whenIdle();
      this.rescanQueued = false;
      await this.reload();
      return;
    }
    await this.whenIdle();
    const settings = readSettings();
    const skipped: Partial<Record<SkipReason, number>> = {};
    for (const key of changed) {
      const uri = vscode.Uri.parse(key, true);
      let exists = true;
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        exists = false;
      }
      if (!exists) {
        this.index.removeFile(key);
        continue;
      }
      const reason = await this.readIntoIndex({ uri, metadata: this.fileMetadata.get(key) ?? (await this.manifestMetadataFor(uri)) }, settings);
      if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
    }
    this.reportSkips(skipped);
    this.publishSummary();
  }

  /** The last load's summary with today's article and passage counts, told to listeners. */
  private publishSummary(): void {
    const summary: LoadSummary = {
      ...(this.lastSummary ?? { files: 0, usingBundled: false, skipped: {}, millis: 0 }),
      articles: this.index.articles().length,
      passages: this.index.passageCount(),
    };
    this.lastSummary = summary;
    this.summaryEmitter.fire(summary);
  }

  dispose(): void {
    this.currentLoad?.cancel();
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    if (this.burstSettleTimer) clearTimeout(this.burstSettleTimer);
    for (const watcher of this.watchers) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function isSourceFile(uri: vscode.Uri): boolean {
  const path = uri.path.toLowerCase();
  return sourceExtensions.some((extension) => path.endsWith(extension)) && !path.endsWith(manifestFileName);
}

/** The folder a setting like `sources`, `./sources/` or `.` names ('' for the workspace folder itself); undefined for a glob or a file. */
function plainFolderOf(glob: string): string | undefined {
  const trimmed = trimmedSetting(glob).replace(/^\.\/+/, '');
  if (isGlobOrFile(trimmed) || trimmed.split('/').includes('..') || trimmed.startsWith('/')) return undefined;
  return trimmed === '.' ? '' : trimmed;
}

/** A folder glob like `sources` or `sources/` means every source file below it. */
function globForSources(glob: string): string {
  const trimmed = trimmedSetting(glob);
  if (isGlobOrFile(trimmed)) return trimmed;
  return `${trimmed}/**/*.{txt,md,markdown,html,htm,jsonl,pdf,docx}`;
}

/** A `sourcebook.corpus.paths` entry with forward slashes and no trailing slash. */
function trimmedSetting(glob: string): string {
  return glob.replace(/\\/g, '/').replace(/\/+$/, '');
}

/** Whether a setting is a glob (`*`, `?`, `{}`, `[]`) or names a file (ends in an extension) rather than a folder. */
function isGlobOrFile(path: string): boolean {
  return /[*?{[]/.test(path) || /\.[a-z]{2,8}$/i.test(path);
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** "2 too large", "1 binary": one reason of the skipped-files warning, in the display language. */
function skippedCount(reason: SkipReason, count: number): string {
  switch (reason) {
    case 'empty': return vscode.l10n.t('{0} empty', count);
    case 'too-large': return vscode.l10n.t('{0} too large', count);
    case 'binary': return vscode.l10n.t('{0} binary', count);
    case 'unknown-encoding': return vscode.l10n.t('{0} unknown encoding', count);
    case 'unreadable': return vscode.l10n.t('{0} unreadable', count);
    case 'unsupported-format': return vscode.l10n.t('{0} unsupported format', count);
    case 'parse-error': return vscode.l10n.t('{0} parse error', count);
    case 'encrypted': return vscode.l10n.t('{0} encrypted', count);
    case 'no-text-layer': return vscode.l10n.t('{0} no text layer', count);
    default: return `${count} ${String(reason).replace(/-/g, ' ')}`;
  }
}
