import * as vscode from 'vscode';
import { archiveAddress, isUsableToken } from '../core/archive/archiveClient';
import type { Article } from '../core/model';
import { CommandIds, SettingKeys, settingsSection } from '../contributionIds';
import { archiveDocumentUri } from '../host/archiveDocuments';
import type { CommandDefinition } from './commandRegistry';
import { draftEditor, quoteIntoDraft } from './insertQuote';
import type { SourcebookServices } from './sourcebookServices';

/**
 * "Sourcebook: Connect to Archive…": asks the archive's address when the settings have none
 * (and keeps it in the user's settings), then the token (kept in SecretStorage only), then
 * connects and says what the archive holds. A test or another extension may pass both.
 */
async function connectArchive({ archive }: SourcebookServices, urlArgument?: unknown, tokenArgument?: unknown): Promise<boolean> {
  let url = typeof urlArgument === 'string' ? urlArgument.trim() : archive.url;
  if (!url) {
    url = await vscode.window.showInputBox({
      title: vscode.l10n.t('Sourcebook: Connect to Archive (1/2)'),
      prompt: vscode.l10n.t("Your newsroom's Sourcebook Archive address"),
      placeHolder: 'https://archive.newsroom.example/',
      ignoreFocusOut: true,
      validateInput: (value) => {
        const checked = archiveAddress(value);
        return typeof checked === 'string' ? checked : undefined;
      },
    });
    if (!url) return false;
  }
  const checked = archiveAddress(url);
  if (typeof checked === 'string') {
    void vscode.window.showErrorMessage(checked);
    return false;
  }
  const token =
    typeof tokenArgument === 'string'
      ? tokenArgument
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Sourcebook: Connect to Archive (2/2)'),
          prompt: vscode.l10n.t('The token for {0} (kept in VS Code’s secret storage, never in settings)', checked.host),
          password: true,
          ignoreFocusOut: true,
          validateInput: (value) => (value.trim().length === 0 ? vscode.l10n.t('Enter the token your archive’s administrator gave you.') : isUsableToken(value.trim()) ? undefined : vscode.l10n.t('The archive token must be printable ASCII without spaces.')),
        });
  if (!token?.trim()) return false;
  if (!isUsableToken(token.trim())) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The archive token must be printable ASCII without spaces.'));
    return false;
  }
  if (url !== archive.url) await vscode.workspace.getConfiguration(settingsSection).update(SettingKeys.archiveUrl, url, vscode.ConfigurationTarget.Global);
  const outcome = await archive.storeTokenAndConnect(token.trim());
  if (outcome?.ok) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Connected to Sourcebook Archive: {0} passages in {1} articles.', outcome.value.passages.toLocaleString('en-US'), outcome.value.articles.toLocaleString('en-US')));
    return true;
  }
  return false;
}

/** Inserts an archive passage with its citation (outlet, date) at the cursor of the writer's draft, as one undoable edit. */
async function insertArchiveQuote({ index, archiveDocuments }: SourcebookServices, passageId?: unknown, articleId?: unknown): Promise<boolean> {
  const found = await archiveDocuments.passage(passageId, articleId);
  if (!found) return false;
  const draft = draftEditor(index);
  if (!draft) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: open your draft in an editor to insert a quote into it.'));
    return false;
  }
  const { article, passage, text } = found;
  const citedArticle: Article = {
    id: article.id,
    sourceUri: archiveDocumentUri(article).toString(),
    format: 'txt',
    meta: { title: article.title, ...(article.outlet ? { outlet: article.outlet } : {}), ...(article.date ? { date: article.date } : {}), ...(article.url ? { url: article.url } : {}) },
    passages: [],
    droppedLines: [],
  };
  return quoteIntoDraft(draft, citedArticle, text, passage.page);
}

export const connectArchiveCommand: CommandDefinition = {
  id: CommandIds.connectArchive,
  title: vscode.l10n.t('Connect to Archive'),
  run: (services, url, token) => connectArchive(services, url, token),
};

export const disconnectArchiveCommand: CommandDefinition = {
  id: CommandIds.disconnectArchive,
  title: vscode.l10n.t('Disconnect from Archive'),
  run: async ({ archive }) => {
    await archive.disconnect();
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Sourcebook: disconnected from the archive; hovers and search use your local sources.'), 4000);
  },
};

/** Opens an archive passage in a read-only document (hover and search links). */
export const openArchivePassageCommand: CommandDefinition = {
  id: CommandIds.openArchivePassage,
  title: vscode.l10n.t('Open Archive Passage'),
  run: ({ archiveDocuments }, passageId, articleId) => archiveDocuments.open(passageId, articleId),
};

export const insertArchiveQuoteCommand: CommandDefinition = {
  id: CommandIds.insertArchiveQuote,
  title: vscode.l10n.t('Insert Archive Quote'),
  run: (services, passageId, articleId) => insertArchiveQuote(services, passageId, articleId),
};
