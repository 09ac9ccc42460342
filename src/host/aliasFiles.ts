import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { Logger } from '../core/model';
import { parseAliasFile, type AliasTable } from '../core/topics/aliasFile';
import { writeAtomically } from './atomicWrite';

/** Where the writer's alias table lives in each workspace folder. */
export const aliasFileRelativePath = '.sourcebook/topics.json';
const bundledAliasFile = 'corpus/topics.json';

/**
 * Reads the writer's alias tables (`.sourcebook/topics.json` per workspace folder) and the
 * bundled corpus's own, hands them to the index, follows edits live, and applies Sourcebook's
 * own edits atomically (temp file + rename) without ever overwriting a file it cannot parse.
 */
export class AliasFiles implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly lastGood = new Map<string, AliasTable>();
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private notSamePairs: Array<[string, string]> = [];
  private readonly reloadedEmitter = new vscode.EventEmitter<void>();
  /** Fires after the alias files were read again (the index then rebuilds its topics on its own). */
  readonly onDidReload = this.reloadedEmitter.event;

  constructor(
    private readonly index: CorpusIndex,
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${aliasFileRelativePath}`);
    const schedule = () => this.scheduleReload();
    this.disposables.push(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule), vscode.workspace.onDidChangeWorkspaceFolders(schedule));
  }

  /** The alias file that Sourcebook's commands edit: the one in the first workspace folder. */
  editableFileUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, aliasFileRelativePath) : undefined;
  }

  async reload(): Promise<void> {
    const tables: AliasTable[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const table = await this.readTable(vscode.Uri.joinPath(folder.uri, aliasFileRelativePath), true);
      if (table) tables.push(table);
    }
    const bundled = await this.readTable(vscode.Uri.joinPath(this.extensionUri, bundledAliasFile), false);
    if (bundled) tables.push(bundled);
    this.notSamePairs = tables.flatMap((table) => table.notSame ?? []);
    this.index.setAliasTables(tables);
    this.reloadedEmitter.fire();
  }

  /** The pairs of names the alias files say are not one topic ("notSame"): never suggested as the same. */
  notSame(): ReadonlyArray<readonly [string, string]> {
    return this.notSamePairs;
  }

  /**
   * Applies `edit` to the current text of the writer's alias file and writes it atomically.
   * Refuses, with a clear message, when the file is malformed or has unsaved changes in an editor.
   */
  async edit(edit: (currentText: string) => string): Promise<boolean> {
    const uri = this.editableFileUri();
    if (!uri) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: open a folder first; aliases are kept in .sourcebook/topics.json inside it.'));
      return false;
    }
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open?.isDirty) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: {0} has unsaved changes. Save or revert them first, so nothing you wrote is lost.', aliasFileRelativePath));
      return false;
    }
    let current = '';
    try {
      current = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      current = '';
    }
    let next: string;
    try {
      next = edit(current);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Sourcebook did not change {0}: {1}', aliasFileRelativePath, error instanceof Error ? error.message : String(error)));
      return false;
    }
    await writeAtomically(uri, next);
    await this.reload();
    return true;
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), 150);
  }

  private async readTable(uri: vscode.Uri, isWriters: boolean): Promise<AliasTable | undefined> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.lastGood.delete(uri.toString());
      return undefined;
    }
    const parsed = parseAliasFile(text);
    if (parsed.ok) {
      this.lastGood.set(uri.toString(), parsed.table);
      return parsed.table;
    }
    const where = `${isWriters ? aliasFileRelativePath : bundledAliasFile} line ${parsed.line}`;
    this.logger.error(`${where}: ${parsed.message}`);
    if (isWriters) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Sourcebook: {0} line {1}: {2}. Sourcebook keeps using the last valid version and will not overwrite the file.', aliasFileRelativePath, parsed.line, parsed.message), vscode.l10n.t('Open File')).then((choice) => {
        if (choice) void vscode.window.showTextDocument(uri, { selection: new vscode.Range(Math.max(0, parsed.line - 1), 0, Math.max(0, parsed.line - 1), 0) });
      });
    }
    return this.lastGood.get(uri.toString());
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadedEmitter.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
