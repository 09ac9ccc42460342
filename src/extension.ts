import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { allCommands } from './commands/allCommands';
import { registerCommands } from './commands/commandRegistry';
import { PassageOpener } from './host/passageOpener';
import { DocumentTextViews } from './host/documentTextViews';
import type { SourcebookServices } from './commands/sourcebookServices';
import { ContextKeys, ViewIds } from './contributionIds';
import { BackgroundTurns } from './core/scheduling/backgroundTurns';
import { CorpusIndex, type CorpusView } from './core/corpus/corpusIndex';
import { DerivedIndexes, type DerivedView } from './core/derived/derivedIndexes';
import { isFactCheckReportName } from './core/present/factCheckReport';
import type { EngineChannel } from './core/derived/derivedProtocol';
import { createInThreadEngine } from './core/derived/inThreadEngine';
import type { Logger } from './core/model';
import { AliasFiles } from './host/aliasFiles';
import { ArchiveDocuments } from './host/archiveDocuments';
import { ArchiveSession } from './host/archiveSession';
import { CorpusLoader, type LoadSummary } from './host/corpusLoader';
import { inThreadLibraries, startDerivedEngineWorker } from './host/derivedEngineLauncher';
import { IndexCache } from './host/indexCache';
import { createChannelLogger } from './host/logger';
import { debounce, throttle } from './host/timing';
import { ClaimMarks } from './views/claimMarks';
import { DraftDiagnostics } from './editor/draftDiagnostics';
import { registerEditorFeatures } from './editor/registerEditorFeatures';
import { TopicDecorations } from './editor/topicDecorations';
import { ArchiveStatusBar } from './views/archiveStatusBar';
import { ArticlesTreeProvider, type ArticleTreeNode } from './views/articlesTree';
import { CompareSourcesPanel } from './views/compareSourcesPanel';
import { DraftCheckTreeProvider, type DraftCheckNode } from './views/draftCheckTree';
import { SourcebookStatusBar } from './views/statusBar';
import { TopicsTreeProvider, type TopicTreeNode } from './views/topicsTree';

/** What `activate` returns: used by the integration tests, and by other extensions if they wish. */
export interface SourcebookApi {
  /** Resolves when the first index build, any load in flight and the topics of what is loaded are done. */
  ready(): Promise<void>;
  articleTitles(): Promise<string[]>;
  /** The sources as indexed: read-only. */
  index: CorpusView;
  /** Topics, figure groups and the quotation index, built by the background engine: read-only. */
  derived: DerivedView;
  loadSummary(): LoadSummary | undefined;
  topicsTree: TopicsTreeProvider;
  /** The Topics view (its selection shows what Go to Topic revealed). */
  topicsView: vscode.TreeView<TopicTreeNode>;
  articlesTree: ArticlesTreeProvider;
  /** The Articles view (its selection shows what Sourcebook revealed). */
  articlesView: vscode.TreeView<ArticleTreeNode>;
  decorations: TopicDecorations;
  /** The warm-start cache in the extension's storage. */
  cache: IndexCache;
  /** The Draft Check view: the active draft's claims by status. */
  draftCheckTree: DraftCheckTreeProvider;
  draftCheckView: vscode.TreeView<DraftCheckNode>;
  /** The connection to Sourcebook Archive. */
  archive: ArchiveSession;
  /** The archive's status bar item (what it says, for the tests). */
  archiveStatusBar: ArchiveStatusBar;
  /** The claim marks in the draft (Toggle Claim Marks). */
  claimMarks: ClaimMarks;
}

export function activate(context: vscode.ExtensionContext): SourcebookApi {
  const activationStarted = Date.now();
  // The core words its messages through @vscode/l10n (it cannot import vscode): it gets the bundle VS Code loaded for the display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const channel = vscode.window.createOutputChannel('Sourcebook', { log: true });
  const logger: Logger = createChannelLogger(channel);
  const index = new CorpusIndex();
  // Whatever still runs on the extension host in the background (installing topics, saving the cache, an in-thread engine) takes turns with the writer's requests.
  const turns = new BackgroundTurns();
  const engine = startEngine(context.extensionUri, turns, logger);
  const derived: DerivedIndexes = new DerivedIndexes(index, engine.channel, {
    logger,
    whyInThread: engine.whyInThread,
    ...(vscode.l10n.bundle ? { l10nContents: vscode.l10n.bundle } : {}),
    yieldNow: turns.yieldNow,
    isLoading: () => loader.isLoading,
    settle: () => loader.whenSettled(),
    fallback: () => createInThreadEngine(turns.yieldNow, undefined, inThreadLibraries(context.extensionUri)),
  });
  const loader = new CorpusLoader(index, context.extensionUri, logger, (file, options) => derived.ingest(file, options), turns.yieldNow);
  const aliasFiles = new AliasFiles(index, context.extensionUri, logger);
  const extensionVersion = String((context.extension.packageJSON as { version?: unknown }).version ?? 'dev');
  const cache = new IndexCache(index, context.storageUri ?? context.globalStorageUri, `v${extensionVersion}`, logger, turns.yieldNow);
  const documentViews = new DocumentTextViews(index, (file, options) => derived.readDocumentText(file, options), logger);
  const opener = new PassageOpener(index, documentViews);
  const articlesTree = new ArticlesTreeProvider(index);
  const topicsTree = new TopicsTreeProvider(index, () => aliasFiles.notSame(), turns.yieldNow);
  const articlesView = vscode.window.createTreeView(ViewIds.articles, { treeDataProvider: articlesTree, showCollapseAll: true });
  const topicsView = vscode.window.createTreeView(ViewIds.topics, { treeDataProvider: topicsTree, showCollapseAll: true });
  const statusBar = new SourcebookStatusBar();
  const decorations = new TopicDecorations(index);
  const comparePanel = new CompareSourcesPanel(context.extensionUri, index, derived, opener, logger);
  const draftDiagnostics = new DraftDiagnostics(index, derived);
  const draftCheckTree = new DraftCheckTreeProvider(derived, (document) => draftDiagnostics.isDraft(document) && !isFactCheckReportName(document.uri.path));
  const draftCheckView = vscode.window.createTreeView(ViewIds.draftCheck, { treeDataProvider: draftCheckTree, showCollapseAll: true });
  const archive = new ArchiveSession(context.secrets, logger);
  const archiveDocuments = new ArchiveDocuments(archive);
  const archiveStatusBar = new ArchiveStatusBar(archive);
  const claimMarks = new ClaimMarks(context.extensionUri, draftCheckTree, context.workspaceState);
  const services: SourcebookServices = { index, derived, loader, aliasFiles, opener, turns, logger, articlesTree, articlesView, topicsTree, topicsView, comparePanel, draftDiagnostics, draftCheckTree, draftCheckView, archive, archiveDocuments, claimMarks };

  // Topics come from the derived-index pipeline, which rebuilds them after a quiet moment (not during a load);
  // the views keep the previous topics meanwhile.
  const refreshViewsNow = () => {
    articlesTree.refresh();
    topicsTree.refresh();
    decorations.schedule();
    statusBar.update(index.articles().length, index.passageCount(), loader.summary, loader.isLoading);
  };
  const refreshViewsQuickly = debounce(refreshViewsNow, 150);
  const refreshViewsWhileLoading = throttle(refreshViewsNow, 1000);
  const refreshViews = () => (loader.isLoading ? refreshViewsWhileLoading() : refreshViewsQuickly());
  const unsubscribe = index.onDidChange(refreshViews);

  context.subscriptions.push(
    channel,
    turns,
    loader,
    derived,
    { dispose: derived.onDidUpdate(() => {
      topicsTree.refresh();
      decorations.schedule();
    }) },
    aliasFiles,
    aliasFiles.onDidReload(() => topicsTree.refresh()),
    cache,
    loader.onDidLoad(() => {
      cache.scheduleSave();
      derived.releaseUnadopted();
      derived.schedule();
      setTimeout(refreshViews, 0);
    }),
    documentViews,
    opener,
    articlesTree,
    topicsTree,
    articlesView,
    topicsView,
    statusBar,
    decorations,
    { dispose: unsubscribe },
    comparePanel,
    draftDiagnostics,
    draftCheckTree,
    draftCheckView,
    archive,
    archiveDocuments,
    archiveStatusBar,
    claimMarks,
    ...registerEditorFeatures(index, derived, turns, archive),
    ...registerCommands(services, allCommands),
  );
  void vscode.commands.executeCommand('setContext', ContextKeys.articlesGrouping, 'outlet');

  logger.info(`Activated in ${Date.now() - activationStarted} ms (indexing continues in the background).`);
  // The archive is asked for its status in the background: hovers and search are local until it answers.
  void archive.reconnect();
  const firstLoad = (async () => {
    try {
      await aliasFiles.reload();
      await cache.restore();
      await loader.reload();
      await derived.whenCurrent();
      refreshViews();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`Indexing failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Sourcebook could not index the sources: {0}. Commands stay available; try "Sourcebook: Reindex Sources".', message));
    }
  })();

  return {
    ready: async () => {
      await firstLoad;
      await derived.whenCurrent();
    },
    articleTitles: async () => {
      await firstLoad;
      return index.articles().map((article) => article.meta.title);
    },
    index,
    derived,
    loadSummary: () => loader.summary,
    topicsTree,
    topicsView,
    articlesTree,
    articlesView,
    decorations,
    cache,
    draftCheckTree,
    draftCheckView,
    archive,
    archiveStatusBar,
    claimMarks,
  };
}

/** The derived-index engine in a worker thread when the host can start one, else on the extension host in turns. */
function startEngine(extensionUri: vscode.Uri, turns: BackgroundTurns, logger: Logger): { channel: EngineChannel; whyInThread?: string } {
  const started = startDerivedEngineWorker(extensionUri);
  if (typeof started !== 'string') return { channel: started };
  logger.warn(`No worker thread for topics and figures (${started}); they are built on the extension host, in turns with the writer's requests.`);
  return { channel: createInThreadEngine(turns.yieldNow, undefined, inThreadLibraries(extensionUri)), whyInThread: started };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
