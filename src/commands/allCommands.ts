import { acceptSuggestionCommand } from './acceptSuggestion';
import { connectArchiveCommand, disconnectArchiveCommand, insertArchiveQuoteCommand, openArchivePassageCommand } from './archiveCommands';
import { addAliasCommand } from './addAlias';
import { addSourceFromUrlCommand } from './addSourceFromUrl';
import { checkDraftCommand } from './checkDraft';
import type { CommandDefinition } from './commandRegistry';
import { compareSourcesCommand } from './compareSources';
import { dismissSuggestionCommand } from './dismissSuggestion';
import { toggleClaimMarksCommand } from './toggleClaimMarks';
import { insertLedgerQuoteCommand, refreshDraftCheckCommand, selectClaimCommand } from './draftCheckActions';
import { exportFactCheckReportCommand } from './exportFactCheckReport';
import { filterTopicsCommand } from './filterTopics';
import { findTopicCommand } from './findTopic';
import { groupArticlesByDateCommand, groupArticlesByOutletCommand } from './groupArticles';
import { hideTopicCommand } from './hideTopic';
import { insertQuoteCommand } from './insertQuote';
import { mergeTopicsCommand } from './mergeTopics';
import { openPassageCommand } from './openSourceAtPassage';
import { pasteHtmlAsSourceCommand } from './pasteHtmlAsSource';
import { reindexCommand } from './reindex';
import { searchSourcesCommand } from './searchSources';
import { showTopicCommand } from './showTopic';
import { addSourceFolderCommand } from './sourceFolders';

/** Every command Sourcebook contributes, one definition per file. */
export const allCommands: readonly CommandDefinition[] = [
  searchSourcesCommand,
  findTopicCommand,
  openPassageCommand,
  insertQuoteCommand,
  showTopicCommand,
  reindexCommand,
  addSourceFolderCommand,
  addAliasCommand,
  mergeTopicsCommand,
  hideTopicCommand,
  filterTopicsCommand,
  groupArticlesByOutletCommand,
  groupArticlesByDateCommand,
  compareSourcesCommand,
  checkDraftCommand,
  addSourceFromUrlCommand,
  pasteHtmlAsSourceCommand,
  acceptSuggestionCommand,
  dismissSuggestionCommand,
  exportFactCheckReportCommand,
  selectClaimCommand,
  insertLedgerQuoteCommand,
  refreshDraftCheckCommand,
  connectArchiveCommand,
  disconnectArchiveCommand,
  openArchivePassageCommand,
  insertArchiveQuoteCommand,
  toggleClaimMarksCommand,
];
