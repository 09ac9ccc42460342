import * as vscode from 'vscode';
import type { DraftDiagnostics } from '../editor/draftDiagnostics';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';

/**
 * "Sourcebook: Check Draft Against Sources": checks the active draft now, whatever the
 * while-typing setting, and says in one line what it found (details are in the Problems view).
 */
export async function checkDraft(diagnostics: DraftDiagnostics): Promise<vscode.Diagnostic[]> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !diagnostics.isDraft(document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sourcebook: open a Markdown or plain-text draft to check it against the sources.'));
    return [];
  }
  const found = await diagnostics.checkNow(document);
  const quotes = found.filter((diagnostic) => diagnostic.code !== 'figure-contradiction').length;
  const figures = found.length - quotes;
  const summary = found.length === 0
    ? vscode.l10n.t('every quotation is word for word in the sources and no figure contradicts them all.')
    : vscode.l10n.t('{0} and {1} to look at (see Problems).', quotes === 1 ? vscode.l10n.t('1 quotation') : vscode.l10n.t('{0} quotations', quotes), figures === 1 ? vscode.l10n.t('1 figure') : vscode.l10n.t('{0} figures', figures));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Sourcebook: {0}', summary), 8000);
  return found;
}

export const checkDraftCommand: CommandDefinition = {
  id: CommandIds.checkDraft,
  title: vscode.l10n.t('Check Draft'),
  run: ({ draftDiagnostics }) => checkDraft(draftDiagnostics),
};
