import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { draftFlavourOf, readDraftText } from '../core/present/draftText';
import { misquoteReplacement } from '../core/present/misquoteReplacement';
import { sourceLabel } from '../core/present/topicCard';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import { diagnosticSource, DraftDiagnosticCodes } from './draftDiagnostics';

/**
 * The quick fix for a misquote: replace the quoted words with the source's exact words, keeping
 * the writer's punctuation at the edges. The source's words are made inert for the draft
 * (`misquoteReplacement`), so no markup or invisible character of the source's comes with them. The
 * quotation is checked again here (diagnostics reach a code action provider as copies, and the
 * draft may have changed), and the edit is a plain `WorkspaceEdit`, so Undo takes it back.
 */
export class MisquoteQuickFix implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly index: CorpusIndex, private readonly derived: DerivedIndexes) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (token.isCancellationRequested) break;
      if (diagnostic.source !== diagnosticSource || codeOf(diagnostic) !== DraftDiagnosticCodes.misquote) continue;
      const action = await this.fixFor(document, diagnostic);
      if (action) actions.push(action);
    }
    return actions;
  }

  private async fixFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction | undefined> {
    const snapshot = this.derived.current();
    if (!snapshot) return undefined;
    const quoted = document.getText(diagnostic.range);
    const flavour = draftFlavourOf(document.languageId);
    const [check] = await snapshot.checkQuotations([readDraftText(quoted, flavour)]);
    if (!check || document.getText(diagnostic.range) !== quoted) return undefined;
    if (check.verdict !== 'near' || !check.sourceText || !check.passageId) return undefined;
    const passage = this.index.passage(check.passageId);
    const article = passage ? this.index.article(passage.articleId) : undefined;
    if (!article) return undefined;
    const { start, end } = diagnostic.range;
    const lineBefore = document.lineAt(start.line).text.slice(0, start.character);
    const lineAfter = document.lineAt(end.line).text.slice(end.character);
    const replacement = misquoteReplacement(quoted, check.sourceText, flavour, lineBefore, lineAfter);
    if (replacement === quoted) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Use the exact words of {0}', sourceLabel(article)), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, diagnostic.range, replacement);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? code.value : code;
}
