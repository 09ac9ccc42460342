import * as vscode from 'vscode';
import { guardCommand } from './commands/guardCommand';
import { checkDraft } from './commands/checkDraft';
import { compareSources } from './commands/compareSources';
import type { PassageOpener } from './commands/openPassage';
import { CommandIds } from './contributionIds';
import type { BackgroundTurns } from './core/backgroundTurns';
import type { CorpusIndex } from './core/corpusIndex';
import { notingInteractions } from './hover/notingInteractions';
import type { Logger } from './core/model';
import { DraftDiagnostics } from './hover/draftDiagnostics';
import { FigureHoverProvider } from './hover/figureHoverProvider';
import { MisquoteQuickFix } from './hover/misquoteQuickFix';
import { FigureService } from './host/figureService';
import { CompareSourcesPanel, type CompareRenderReport } from './views/compareSourcesPanel';
import type { CompareModel } from './views/compareSourcesModel';

/**
 * What `sourcebook.compareSources` resolves to (for tests and other extensions): the data the
 * view shows, and a way to wait for the webview to say it rendered it.
 */
export interface CompareSourcesResult {
  model: CompareModel | undefined;
  whenRendered(timeoutMs?: number): Promise<CompareRenderReport | undefined>;
}

const draftLanguages: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];

/**
 * Registers everything of "Compare sources" (issue 9): the figure service, the compare view and
 * its command, the draft check (command, diagnostics while typing, misquote quick fix) and the
 * figure hover. Everything goes into `context.subscriptions`.
 */
export function registerCompareFeatures(context: vscode.ExtensionContext, index: CorpusIndex, opener: PassageOpener, logger: Logger, turns: BackgroundTurns): void {
  const figures = new FigureService(index, logger, turns.yieldNow);
  const panel = new CompareSourcesPanel(context.extensionUri, index, figures, opener, logger);
  const diagnostics = new DraftDiagnostics(index, figures);
  const guarded = (name: string, handler: (...args: unknown[]) => unknown) => guardCommand(logger, name, handler);
  context.subscriptions.push(
    figures,
    panel,
    diagnostics,
    vscode.commands.registerCommand(CommandIds.compareSources, guarded('Compare Sources', async (argument) => {
      if (!(await compareSources(index, panel, argument))) return undefined;
      const result: CompareSourcesResult = { model: panel.lastRendered, whenRendered: (timeoutMs) => panel.whenRendered(timeoutMs) };
      return result;
    })),
    vscode.commands.registerCommand(CommandIds.checkDraft, guarded('Check Draft', () => checkDraft(diagnostics))),
    vscode.languages.registerHoverProvider(draftLanguages, notingInteractions(new FigureHoverProvider(index, figures), turns)),
    vscode.languages.registerCodeActionsProvider(draftLanguages, new MisquoteQuickFix(index, figures), { providedCodeActionKinds: MisquoteQuickFix.providedCodeActionKinds }),
  );
}
