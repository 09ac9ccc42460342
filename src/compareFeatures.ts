import * as vscode from 'vscode';
import { guardCommand } from './commands/guardCommand';
import { checkDraft } from './commands/checkDraft';
import { compareSources } from './commands/compareSources';
import type { PassageOpener } from './commands/openPassage';
import { CommandIds } from './contributionIds';
import type { BackgroundTurns } from './core/backgroundTurns';
import type { CorpusIndex } from './core/corpusIndex';
import type { DerivedIndexes } from './core/derived/derivedIndexes';
import { notingInteractions } from './hover/notingInteractions';
import type { Logger } from './core/model';
import { DraftDiagnostics } from './hover/draftDiagnostics';
import { FigureHoverProvider } from './hover/figureHoverProvider';
import { MisquoteQuickFix } from './hover/misquoteQuickFix';
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
 * Registers everything of "Compare sources": the compare view and its command, the draft check
 * (command, diagnostics while typing, misquote quick fix) and the figure hover, all reading the
 * figure groups and quotation index of the derived-index pipeline. Everything goes into
 * `context.subscriptions`.
 */
export function registerCompareFeatures(context: vscode.ExtensionContext, index: CorpusIndex, derived: DerivedIndexes, opener: PassageOpener, logger: Logger, turns: BackgroundTurns): void {
  const panel = new CompareSourcesPanel(context.extensionUri, index, derived, opener, logger);
  const diagnostics = new DraftDiagnostics(index, derived);
  const guarded = (name: string, handler: (...args: unknown[]) => unknown) => guardCommand(logger, name, handler);
  context.subscriptions.push(
    panel,
    diagnostics,
    vscode.commands.registerCommand(CommandIds.compareSources, guarded('Compare Sources', async (argument) => {
      if (!(await compareSources(index, derived, panel, argument))) return undefined;
      const result: CompareSourcesResult = { model: panel.lastRendered, whenRendered: (timeoutMs) => panel.whenRendered(timeoutMs) };
      return result;
    })),
    vscode.commands.registerCommand(CommandIds.checkDraft, guarded('Check Draft', () => checkDraft(diagnostics))),
    vscode.languages.registerHoverProvider(draftLanguages, notingInteractions(new FigureHoverProvider(index, derived), turns)),
    vscode.languages.registerCodeActionsProvider(draftLanguages, new MisquoteQuickFix(index, derived), { providedCodeActionKinds: MisquoteQuickFix.providedCodeActionKinds }),
  );
}
