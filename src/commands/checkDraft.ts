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
    void vscode.window.showInformationMessage('Sourcebook: open a Markdown or plain-text draft to check it against the sources.');
    return [];
  }
  const found = await diagnostics.checkNow(document);
  const quotes = found.filter((diagnostic) => diagnostic.code !== 'figure-contradiction').length;
  const figures = found.length - quotes;
  const summary = found.length === 0
    ? 'every quotation is word for word in the sources and no figure contradicts them all.'
    : `${quotes} quotation${quotes === 1 ? '' : 's'} and ${figures} figure${figures === 1 ? '' : 's'} to look at (see Problems).`;
  vscode.window.setStatusBarMessage(`Sourcebook: ${summary}`, 8000);
  return found;
}

export const checkDraftCommand: CommandDefinition = {
  id: CommandIds.checkDraft,
  title: 'Check Draft',
  run: ({ draftDiagnostics }) => checkDraft(draftDiagnostics),
};
