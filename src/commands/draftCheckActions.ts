import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import { formatQuote, quoteTextFor } from '../core/present/citation';
import { draftFlavourOf } from '../core/present/draftText';
import { readSettings } from '../host/settings';
import { ClaimNode, PassageNode } from '../views/draftCheckTree';
import type { CommandDefinition } from './commandRegistry';
import { nextFootnoteLabel } from './insertQuote';

/** The open draft a Draft Check node or link names (by its URI string); never a path taken from a source. */
function openDraft(uri: unknown): vscode.TextDocument | undefined {
  if (typeof uri !== 'string' || uri.length > 2000) return undefined;
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri);
}

/** Selects a claim in its draft (a click in the Draft Check view). */
export async function selectClaim(uri: unknown, start: unknown, end: unknown): Promise<vscode.TextEditor | undefined> {
  const document = openDraft(uri);
  if (!document || typeof start !== 'number' || typeof end !== 'number' || !(start >= 0 && end >= start)) return undefined;
  const length = document.getText().length;
  const range = new vscode.Range(document.positionAt(Math.min(start, length)), document.positionAt(Math.min(end, length)));
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export const selectClaimCommand: CommandDefinition = {
  id: CommandIds.selectClaim,
  title: vscode.l10n.t('Select Claim in Draft'),
  run: (_services, uri, start, end) => selectClaim(uri, start, end),
};

/**
 * Inserts a deciding passage's sentence as a quote with its citation after the claim's
 * paragraph (the inline action of the Draft Check view), as one undoable edit: the claim the
 * writer just selected is never replaced.
 */
export const insertLedgerQuoteCommand: CommandDefinition = {
  id: CommandIds.insertLedgerQuote,
  title: vscode.l10n.t('Insert Quote'),
  run: async ({ index }, node) => {
    if (!(node instanceof PassageNode) || !(node.parent instanceof ClaimNode)) return false;
    const passage = index.passage(node.deciding.passageId);
    const article = passage ? index.article(passage.articleId) : undefined;
    const document = openDraft(node.parent.draft.toString());
    if (!passage || !article || !document) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: that passage or draft is no longer open; check the draft again.'));
      return false;
    }
    let line = document.positionAt(Math.min(node.parent.claim.end, document.getText().length)).line;
    while (line + 1 < document.lineCount && document.lineAt(line + 1).text.trim() !== '') line++;
    const at = document.lineAt(line).range.end;
    const quote = formatQuote(readSettings(document.uri).citationFormat, article, { text: quoteTextFor(passage, node.deciding.quote), page: passage.page }, nextFootnoteLabel(document.getText()), {
      flavour: draftFlavourOf(document.languageId),
      before: '',
      after: '',
    });
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
    return editor.edit((builder) => {
      builder.insert(at, `\n\n${quote.text}`);
      if (quote.footnote) builder.insert(document.lineAt(document.lineCount - 1).range.end, `\n\n${quote.footnote}\n`);
    });
  },
};

/** Checks the active draft again now (the Draft Check view's title button). */
export const refreshDraftCheckCommand: CommandDefinition = {
  id: CommandIds.refreshDraftCheck,
  title: vscode.l10n.t('Check Draft Claims Again'),
  run: ({ draftCheckTree }) => draftCheckTree.update(),
};
