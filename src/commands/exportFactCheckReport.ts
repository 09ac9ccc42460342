import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { DecidingPassage } from '../core/ledger/storyLedger';
import { opensAsDocumentView } from '../core/present/documentView';
import { encodeLinkPart, factCheckReport, lineFragment, openPassageLink, reportFileName, type PassageLinks } from '../core/present/factCheckReport';
import { awaitCurrentDerived } from '../host/awaitCurrentDerived';
import type { CommandDefinition } from './commandRegistry';
import type { SourcebookServices } from './sourcebookServices';

/**
 * A link from the report to a text source file in its workspace (same scheme and authority),
 * at the passage's first line and column: `../sources/story.md#L12,5`, which the Markdown
 * preview follows too. Undefined for PDF and Word sources (their passages are in the extracted
 * text, not the file), the bundled corpus and other places a relative link cannot reach.
 */
function relativeLink(index: CorpusIndex, reportUri: vscode.Uri, passage: DecidingPassage): string | undefined {
  const source = index.passage(passage.passageId);
  const article = source ? index.article(source.articleId) : undefined;
  if (!source || !article || opensAsDocumentView(article)) return undefined;
  let target: vscode.Uri;
  try {
    target = vscode.Uri.parse(article.sourceUri, true);
  } catch {
    return undefined;
  }
  if (target.scheme !== reportUri.scheme || target.authority !== reportUri.authority) return undefined;
  const from = reportUri.path.split('/').slice(0, -1);
  const to = target.path.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  if (shared < 2) return undefined;
  const parts = [...from.slice(shared).map(() => '..'), ...to.slice(shared).map((part) => encodeLinkPart(part))];
  return `${parts.join('/')}${lineFragment(source.range)}`;
}

/**
 * "Sourcebook: Export Fact-Check Report...": writes the ledger of the active draft as
 * `<draft>.fact-check.md` beside it (asking before replacing one, unless the caller passes
 * `{ replace: true }`), and opens it.
 */
export async function exportFactCheckReport(services: SourcebookServices, options: { replace?: boolean } = {}): Promise<vscode.Uri | undefined> {
  const { index, derived, draftDiagnostics } = services;
  const shown = services.draftCheckTree.current?.uri.toString();
  const active = vscode.window.activeTextEditor?.document;
  const document = active && draftDiagnostics.isDraft(active) ? active : vscode.workspace.textDocuments.find((entry) => entry.uri.toString() === shown);
  if (!document || !draftDiagnostics.isDraft(document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sourcebook: open a Markdown or plain-text draft to export its fact-check report.'));
    return undefined;
  }
  if (document.isUntitled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sourcebook: save the draft first; the report is written beside it.'));
    return undefined;
  }
  const snapshot = await awaitCurrentDerived(derived, vscode.l10n.t('Export Fact-Check Report'));
  const text = document.getText();
  const report = await snapshot.ledger(text);
  const draftName = document.uri.path.split('/').pop() ?? 'draft';
  const target = vscode.Uri.joinPath(document.uri, '..', reportFileName(draftName));
  try {
    await vscode.workspace.fs.stat(target);
    if (options.replace !== true) {
      const replace = vscode.l10n.t('Replace');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: replace {0}?', reportFileName(draftName)), { modal: true }, replace);
      if (answer !== replace) return undefined;
    }
  } catch {
    // No report yet.
  }
  const markdown = factCheckReport({
    report,
    draftName,
    draftText: text,
    checkedOn: new Date().toISOString().slice(0, 10),
    sourceCount: index.articles().length,
    links: (passage): PassageLinks => {
      const relative = relativeLink(index, target, passage);
      const page = index.passage(passage.passageId)?.page;
      return { command: openPassageLink(CommandIds.openPassage, passage.passageId), ...(relative ? { relative } : {}), ...(page !== undefined ? { page } : {}) };
    },
  });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
  await vscode.window.showTextDocument(target, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  vscode.window.setStatusBarMessage(report.claims.length === 1 ? vscode.l10n.t('Sourcebook: wrote {0} (1 claim).', reportFileName(draftName)) : vscode.l10n.t('Sourcebook: wrote {0} ({1} claims).', reportFileName(draftName), report.claims.length), 8000);
  return target;
}

export const exportFactCheckReportCommand: CommandDefinition = {
  id: CommandIds.exportFactCheckReport,
  title: vscode.l10n.t('Export Fact-Check Report'),
  run: (services, options) => exportFactCheckReport(services, { replace: typeof options === 'object' && options !== null && (options as { replace?: unknown }).replace === true }),
};
