import * as vscode from 'vscode';
import { guardCommand } from './commands/guardCommand';
import { addAliasCommand, hideTopicCommand, mergeTopicsCommand } from './commands/editTopics';
import { topicFromArgument } from './commands/commandArguments';
import { pickTopic } from './commands/findTopic';
import { insertQuote } from './commands/insertQuote';
import { PassageOpener } from './commands/openPassage';
import { searchSources } from './commands/searchSources';
import { addSourceFolder } from './commands/sourceFolders';
import { registerCompareFeatures } from './compareFeatures';
import { CommandIds, ContextKeys, ViewIds } from './contributionIds';
import { BackgroundTurns } from './core/backgroundTurns';
import { CorpusIndex } from './core/corpusIndex';
import { DerivedIndexes } from './core/derived/derivedIndexes';
import type { EngineChannel } from './core/derived/derivedProtocol';
import { createInThreadEngine } from './core/derived/inThreadEngine';
import { startDerivedEngineWorker } from './host/derivedEngineLauncher';
import { notingInteractions } from './hover/notingInteractions';
import type { Logger, Topic } from './core/model';
import { PassageHoverProvider } from './hover/passageHoverProvider';
import { TopicCompletionProvider } from './hover/topicCompletionProvider';
import { TopicDecorations } from './hover/topicDecorations';
import { AliasFiles } from './host/aliasFiles';
import { CorpusLoader, type LoadSummary } from './host/corpusLoader';
import { IndexCache } from './host/indexCache';
import { createChannelLogger } from './host/logger';
import { ArticlesTreeProvider } from './views/articlesTree';
import { SourcebookStatusBar } from './views/statusBar';
import { TopicsTreeProvider } from './views/topicsTree';

/** What `activate` returns: used by the integration tests, and by other extensions if they wish. */
export interface SourcebookApi {
  /** Resolves when the first index build, any load in flight and the topics of what is loaded are done. */
  ready(): Promise<void>;
  articleTitles(): Promise<string[]>;
  index: CorpusIndex;
  /** Topics, figure groups and the quotation index, built by the background engine. */
  derived: DerivedIndexes;
  loadSummary(): LoadSummary | undefined;
  topicsTree: TopicsTreeProvider;
  articlesTree: ArticlesTreeProvider;
  decorations: TopicDecorations;
  /** The warm-start cache in the extension's storage. */
  cache: IndexCache;
}

export function activate(context: vscode.ExtensionContext): SourcebookApi {
  const activationStarted = Date.now();
  const channel = vscode.window.createOutputChannel('Sourcebook', { log: true });
  const logger: Logger = createChannelLogger(channel);
  const index = new CorpusIndex();
  // Whatever still runs on the extension host in the background (installing topics, saving the cache, an in-thread engine) takes turns with the writer's requests.
  const turns = new BackgroundTurns();
  const engine = startEngine(context.extensionUri, turns, logger);
  const derived: DerivedIndexes = new DerivedIndexes(index, engine.channel, {
    logger,
    whyInThread: engine.whyInThread,
    yieldNow: turns.yieldNow,
    isLoading: () => loader.isLoading,
    settle: () => loader.whenSettled(),
    fallback: () => createInThreadEngine(turns.yieldNow),
  });
  const loader = new CorpusLoader(index, context.extensionUri, logger, (file, options) => derived.ingest(file, options));
  const aliasFiles = new AliasFiles(index, context.extensionUri, logger);
  const extensionVersion = String((context.extension.packageJSON as { version?: unknown }).version ?? 'dev');
  const cache = new IndexCache(index, context.storageUri ?? context.globalStorageUri, `v${extensionVersion}`, logger, turns.yieldNow);
  const opener = new PassageOpener(index);
  const articlesTree = new ArticlesTreeProvider(index);
  const topicsTree = new TopicsTreeProvider(index);
  const articlesView = vscode.window.createTreeView(ViewIds.articles, { treeDataProvider: articlesTree, showCollapseAll: true });
  const topicsView = vscode.window.createTreeView(ViewIds.topics, { treeDataProvider: topicsTree, showCollapseAll: true });
  const statusBar = new SourcebookStatusBar();
  const decorations = new TopicDecorations(index);
  const languages: vscode.DocumentSelector = [{ scheme: '*', language: 'markdown' }, { scheme: '*', language: 'plaintext' }, { scheme: '*', pattern: '**/*' }];

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

  const revealTopic = async (topic: Topic | undefined) => {
    if (!topic) return;
    if (topicsTree.filter) topicsTree.setFilter('');
    const node = topicsTree.nodeForTopic(topic.id);
    if (node) await topicsView.reveal(node, { select: true, focus: true, expand: 2 });
  };
  const guarded = (name: string, handler: (...args: unknown[]) => unknown) => guardCommand(logger, name, handler);
  const setGrouping = (grouping: 'outlet' | 'date') => {
    articlesTree.setGrouping(grouping);
    void vscode.commands.executeCommand('setContext', ContextKeys.articlesGrouping, grouping);
  };

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
    cache,
    loader.onDidLoad(() => {
      cache.scheduleSave();
      derived.releaseUnadopted();
      derived.schedule();
      setTimeout(refreshViews, 0);
    }),
    opener,
    articlesTree,
    topicsTree,
    articlesView,
    topicsView,
    statusBar,
    decorations,
    { dispose: unsubscribe },
    vscode.languages.registerHoverProvider(languages, notingInteractions(new PassageHoverProvider(index), turns)),
    vscode.languages.registerCompletionItemProvider(languages, notingInteractions(new TopicCompletionProvider(index), turns)),
    vscode.commands.registerCommand(CommandIds.search, guarded('Search Sources', (query) => searchSources(index, opener, typeof query === 'string' ? query.slice(0, 500) : undefined, () => turns.noteInteraction()))),
    vscode.commands.registerCommand(CommandIds.findTopic, guarded('Go to Topic', async () => revealTopic(await pickTopic(index, derived)))),
    vscode.commands.registerCommand(CommandIds.openPassage, guarded('Open Source', (passageId) => opener.open(passageId))),
    vscode.commands.registerCommand(CommandIds.insertQuote, guarded('Insert Quote', (passageId) => insertQuote(index, passageId))),
    vscode.commands.registerCommand(CommandIds.showTopic, guarded('Show Topic', (topicId) => revealTopic(topicFromArgument(index, topicId)))),
    vscode.commands.registerCommand(CommandIds.reindex, guarded('Reindex', () => loader.reload({ force: true }))),
    vscode.commands.registerCommand(CommandIds.addSourceFolder, guarded('Add Source Folder', () => addSourceFolder())),
    vscode.commands.registerCommand(CommandIds.addAlias, guarded('Add Alias', (node) => addAliasCommand(index, derived, aliasFiles, node))),
    vscode.commands.registerCommand(CommandIds.mergeTopics, guarded('Merge Topics', (node) => mergeTopicsCommand(index, derived, aliasFiles, node))),
    vscode.commands.registerCommand(CommandIds.hideTopic, guarded('Hide Topic', (node) => hideTopicCommand(index, derived, aliasFiles, node))),
    vscode.commands.registerCommand(CommandIds.filterTopics, guarded('Filter Topics', async () => {
      const text = await vscode.window.showInputBox({ title: 'Filter Topics', value: topicsTree.filter, prompt: 'Show only topics whose name or alias contains this (empty: all)' });
      if (text === undefined) return;
      topicsTree.setFilter(text);
      topicsView.description = text.trim() ? `filter: ${text.trim()}` : undefined;
    })),
    vscode.commands.registerCommand(CommandIds.groupArticlesByOutlet, () => setGrouping('outlet')),
    vscode.commands.registerCommand(CommandIds.groupArticlesByDate, () => setGrouping('date')),
  );
  registerCompareFeatures(context, index, derived, opener, logger, turns);
  void vscode.commands.executeCommand('setContext', ContextKeys.articlesGrouping, 'outlet');

  logger.info(`Activated in ${Date.now() - activationStarted} ms (indexing continues in the background).`);
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
      void vscode.window.showErrorMessage(`Sourcebook could not index the sources: ${message}. Commands stay available; try "Sourcebook: Reindex Sources".`);
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
    articlesTree,
    decorations,
    cache,
  };
}

/** The derived-index engine in a worker thread when the host can start one, else on the extension host in turns. */
function startEngine(extensionUri: vscode.Uri, turns: BackgroundTurns, logger: Logger): { channel: EngineChannel; whyInThread?: string } {
  const started = startDerivedEngineWorker(extensionUri);
  if (typeof started !== 'string') return { channel: started };
  logger.warn(`No worker thread for topics and figures (${started}); they are built on the extension host, in turns with the writer's requests.`);
  return { channel: createInThreadEngine(turns.yieldNow), whyInThread: started };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** Runs at most once per `millis`, and once more at the end of a burst. */
function throttle(run: () => void, millis: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, millis);
  };
}

function debounce(run: () => void, millis: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, millis);
  };
}
