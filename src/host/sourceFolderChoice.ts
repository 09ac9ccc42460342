import * as vscode from 'vscode';
import { SettingKeys, settingsSection } from '../contributionIds';
import { readSettings } from './settings';

/** A folder Sourcebook reads sources from, where a captured page can be saved. */
export interface SourceFolder {
  uri: vscode.Uri;
  /** As the writer knows it: relative to the workspace, with the workspace folder's name when there are several. */
  label: string;
}

/** The folder offered when the writer has none. */
const defaultFolderName = 'sources';

/**
 * The folders `sourcebook.corpus.paths` names, in every workspace folder: a plain folder
 * (`sources`, `./notes/`), or the folder before the first wildcard of a glob that reads
 * markdown (`sources/**`, `clips/*.md`). Globs that name a file or another format, and paths
 * outside the workspace, are not places to save to.
 */
export function sourceFolders(): SourceFolder[] {
  const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
  const found = new Map<string, SourceFolder>();
  for (const workspaceFolder of workspaceFolders) {
    for (const glob of readSettings(workspaceFolder.uri).corpusPaths) {
      const relative = savableFolderOf(glob);
      if (relative === undefined) continue;
      const uri = relative ? vscode.Uri.joinPath(workspaceFolder.uri, relative) : workspaceFolder.uri;
      const inWorkspace = relative || workspaceFolder.name;
      const label = workspaceFolders.length > 1 ? `${workspaceFolder.name}/${relative}`.replace(/\/$/, '') : inWorkspace;
      found.set(uri.toString(), { uri, label });
    }
  }
  return [...found.values()];
}

/** The folder part of a `sourcebook.corpus.paths` entry when markdown files saved there are read; undefined otherwise. */
export function savableFolderOf(glob: string): string | undefined {
  const trimmed = glob.replace(/\\/g, '/').trim().replace(/^\.\/+/, '').replace(/\/+$/, '');
  if (trimmed.startsWith('/') || /^[a-zA-Z]:/.test(trimmed) || trimmed.split('/').includes('..')) return undefined;
  const segments = trimmed === '.' || trimmed === '' ? [] : trimmed.split('/');
  const firstWild = segments.findIndex((segment) => /[*?{[]/.test(segment));
  if (firstWild < 0) {
    // A plain path: a folder, unless it names a file.
    return /\.[a-z0-9]{2,8}$/i.test(trimmed) ? undefined : segments.join('/');
  }
  const rest = segments.slice(firstWild);
  const last = rest[rest.length - 1];
  const readsMarkdown = /^\*+$/.test(last) || /(^|[.,{])md([,}]|$)/i.test(last);
  const onlyWildFolders = rest.slice(0, -1).every((segment) => segment === '**');
  return readsMarkdown && onlyWildFolders ? segments.slice(0, firstWild).join('/') : undefined;
}

/**
 * The folder a captured page goes to. An argument (a command called by a test or another
 * extension) must name one of the source folders, by its label or URI. Otherwise: the only
 * one, a pick among several, or, when there is none, an offer to create `sources/` in the
 * first workspace folder and read sources from it. Undefined when the writer cancels.
 */
export async function chooseSourceFolder(argument?: unknown): Promise<vscode.Uri | undefined> {
  const folders = sourceFolders();
  if (argument !== undefined) {
    const wanted = argument instanceof vscode.Uri ? argument.toString() : typeof argument === 'string' ? argument.replace(/\/+$/, '') : undefined;
    const match = folders.find((folder) => folder.uri.toString() === wanted || folder.label === wanted);
    if (!match) throw new Error(vscode.l10n.t('“{0}” is not one of the folders Sourcebook reads (sourcebook.corpus.paths).', String(wanted ?? argument).slice(0, 200)));
    return match.uri;
  }
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) {
    const picked = await vscode.window.showQuickPick(
      folders.map((folder) => ({ label: folder.label, folder })),
      { title: vscode.l10n.t('Sourcebook: save the page in which source folder?'), placeHolder: vscode.l10n.t('One of the folders in sourcebook.corpus.paths') },
    );
    return picked?.folder.uri;
  }
  return offerDefaultFolder();
}

async function offerDefaultFolder(): Promise<vscode.Uri | undefined> {
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
  if (!workspaceFolder) throw new Error(vscode.l10n.t('Open a folder first: captured pages are saved as files in a source folder of the workspace.'));
  const create = vscode.l10n.t('Create “{0}/”', defaultFolderName);
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Sourcebook has no source folder yet. Create “{0}/” in {1}, save the page there and read sources from it?', defaultFolderName, workspaceFolder.name),
    { modal: true },
    create,
  );
  if (choice !== create) return undefined;
  const uri = vscode.Uri.joinPath(workspaceFolder.uri, defaultFolderName);
  await vscode.workspace.fs.createDirectory(uri);
  const config = vscode.workspace.getConfiguration(settingsSection, workspaceFolder.uri);
  const existing = config.inspect<string[]>(SettingKeys.corpusPaths)?.workspaceValue ?? [];
  if (!existing.includes(defaultFolderName)) await config.update(SettingKeys.corpusPaths, [...existing, defaultFolderName], vscode.ConfigurationTarget.Workspace);
  return uri;
}
