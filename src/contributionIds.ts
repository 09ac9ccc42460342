/**
 * Every command, view, view container and setting id, defined once. A unit test checks
 * that these and package.json's `contributes` agree in both directions.
 */
export const CommandIds = {
  search: 'sourcebook.search',
  findTopic: 'sourcebook.findTopic',
  openPassage: 'sourcebook.openPassage',
  insertQuote: 'sourcebook.insertQuote',
  showTopic: 'sourcebook.showTopic',
  reindex: 'sourcebook.reindex',
  addSourceFolder: 'sourcebook.addSourceFolder',
  addAlias: 'sourcebook.addAlias',
  mergeTopics: 'sourcebook.mergeTopics',
  hideTopic: 'sourcebook.hideTopic',
  filterTopics: 'sourcebook.filterTopics',
  groupArticlesByOutlet: 'sourcebook.groupArticlesByOutlet',
  groupArticlesByDate: 'sourcebook.groupArticlesByDate',
  compareSources: 'sourcebook.compareSources',
  checkDraft: 'sourcebook.checkDraft',
  addSourceFromUrl: 'sourcebook.addSourceFromUrl',
  pasteHtmlAsSource: 'sourcebook.pasteHtmlAsSource',
  acceptSuggestion: 'sourcebook.acceptSuggestion',
  dismissSuggestion: 'sourcebook.dismissSuggestion',
  exportFactCheckReport: 'sourcebook.exportFactCheckReport',
  selectClaim: 'sourcebook.selectClaim',
  insertLedgerQuote: 'sourcebook.insertLedgerQuote',
  refreshDraftCheck: 'sourcebook.refreshDraftCheck',
  connectArchive: 'sourcebook.connectArchive',
  disconnectArchive: 'sourcebook.disconnectArchive',
  openArchivePassage: 'sourcebook.openArchivePassage',
  insertArchiveQuote: 'sourcebook.insertArchiveQuote',
  toggleClaimMarks: 'sourcebook.toggleClaimMarks',
} as const;

export const ViewIds = {
  container: 'sourcebook',
  articles: 'sourcebook.articles',
  topics: 'sourcebook.topics',
  draftCheck: 'sourcebook.draftCheck',
} as const;

export const ContextKeys = {
  articlesGrouping: 'sourcebook.articlesGrouping',
  claimMarksOn: 'sourcebook.claimMarksOn',
} as const;

/** Setting keys under the `sourcebook` section, as `contributes.configuration` declares them (without the section). */
export const SettingKeys = {
  corpusPaths: 'corpus.paths',
  corpusIncludeBundled: 'corpus.includeBundled',
  corpusMaxFileSizeMB: 'corpus.maxFileSizeMB',
  corpusFollowSymlinks: 'corpus.followSymlinks',
  corpusPdfMaxPages: 'corpus.pdfMaxPages',
  corpusPdfMaxSeconds: 'corpus.pdfMaxSeconds',
  corpusDocxMaxUnzippedMB: 'corpus.docxMaxUnzippedMB',
  hoverEnabled: 'hover.enabled',
  hoverMaxPassages: 'hover.maxPassages',
  hoverLanguages: 'hover.languages',
  decorationsEnabled: 'decorations.enabled',
  completionEnabled: 'completion.enabled',
  citationFormat: 'citation.format',
  checkDraftWhileTyping: 'checkDraft.whileTyping',
  archiveUrl: 'archive.url',
} as const;

/** The configuration section every setting key lives in. */
export const settingsSection = 'sourcebook';
