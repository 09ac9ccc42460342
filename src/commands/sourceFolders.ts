import * as vscode from 'vscode';
import { SettingKeys, settingsSection } from '../contributionIds';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';

/** "Sourcebook: Add Source Folder...": picks a folder and adds it to `sourcebook.corpus.paths`. */
export async function addSourceFolder(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: folders[0]?.uri,
    openLabel: vscode.l10n.t('Use as Source Folder'),
    title: vscode.l10n.t('Sourcebook: choose a folder of source articles (.txt, .md, .html, .jsonl)'),
  });
  const folderUri = picked?.[0];
  if (!folderUri) return;
  let owner = vscode.workspace.getWorkspaceFolder(folderUri);
  if (!owner) {
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Sourcebook reads sources inside the workspace. Add this folder to the workspace?'),
      { modal: true },
      vscode.l10n.t('Add to Workspace'),
    );
    if (choice !== vscode.l10n.t('Add to Workspace')) return;
    vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri: folderUri });
    owner = await waitForWorkspaceFolder(folderUri);
    if (!owner) return;
  }
  const relative = vscode.workspace.asRelativePath(folderUri, false);
  const glob = owner.uri.toString() === folderUri.toString() ? '**' : relative.replace(/\\/g, '/');
  const config = vscode.workspace.getConfiguration(settingsSection, owner.uri);
  const existing = config.inspect<string[]>(SettingKeys.corpusPaths)?.workspaceFolderValue ?? [];
  if (existing.includes(glob)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sourcebook already reads “{0}”.', glob));
    return;
  }
  const target = folders.length > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  await config.update(SettingKeys.corpusPaths, [...existing, glob], target);
  void vscode.window.showInformationMessage(vscode.l10n.t('Sourcebook now reads sources from “{0}”.', glob));
}

async function waitForWorkspaceFolder(uri: vscode.Uri): Promise<vscode.WorkspaceFolder | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return folder;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

export const addSourceFolderCommand: CommandDefinition = {
  id: CommandIds.addSourceFolder,
  title: vscode.l10n.t('Add Source Folder'),
  run: () => addSourceFolder(),
};
