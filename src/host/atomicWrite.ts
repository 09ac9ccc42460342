import * as vscode from 'vscode';

/**
 * Writes through a temp file beside the target and a rename, so a crash or a concurrent reader
 * never sees a half-written file; works on every file system VS Code offers (desktop and web).
 */
export async function writeAtomically(uri: vscode.Uri, content: string | Uint8Array): Promise<void> {
  const folder = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(folder);
  const temp = vscode.Uri.joinPath(folder, `.${uri.path.slice(uri.path.lastIndexOf('/') + 1)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}
