import type * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import type { BackgroundTurns } from '../core/scheduling/backgroundTurns';
import type { Logger } from '../core/model';
import type { AliasFiles } from '../host/aliasFiles';
import type { ArchiveDocuments } from '../host/archiveDocuments';
import type { ArchiveSession } from '../host/archiveSession';
import type { CorpusLoader } from '../host/corpusLoader';
import type { PassageOpener } from '../host/passageOpener';
import type { ClaimMarks } from '../views/claimMarks';
import type { DraftDiagnostics } from '../editor/draftDiagnostics';
import type { ArticleTreeNode, ArticlesTreeProvider } from '../views/articlesTree';
import type { CompareSourcesPanel } from '../views/compareSourcesPanel';
import type { DraftCheckNode, DraftCheckTreeProvider } from '../views/draftCheckTree';
import type { TopicTreeNode, TopicsTreeProvider } from '../views/topicsTree';

/** What commands work with, built once by `activate` and handed to every command. */
export interface SourcebookServices {
  index: CorpusIndex;
  derived: DerivedIndexes;
  loader: CorpusLoader;
  aliasFiles: AliasFiles;
  opener: PassageOpener;
  turns: BackgroundTurns;
  logger: Logger;
  articlesTree: ArticlesTreeProvider;
  articlesView: vscode.TreeView<ArticleTreeNode>;
  topicsTree: TopicsTreeProvider;
  topicsView: vscode.TreeView<TopicTreeNode>;
  comparePanel: CompareSourcesPanel;
  draftDiagnostics: DraftDiagnostics;
  draftCheckTree: DraftCheckTreeProvider;
  draftCheckView: vscode.TreeView<DraftCheckNode>;
  /** The connection to Sourcebook Archive (inactive when none is set up). */
  archive: ArchiveSession;
  archiveDocuments: ArchiveDocuments;
  claimMarks: ClaimMarks;
}
