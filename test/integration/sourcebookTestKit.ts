/**
 * What the feature suites share: activating Sourcebook, opening a scratch draft, reading the
 * hover a user would see, and waiting for the index to follow a change.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';

export const extensionId = 'sourcebook.sourcebook';

export async function activateSourcebook(): Promise<SourcebookApi> {
  const extension = vscode.extensions.getExtension<SourcebookApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed`);
  await activatedByItself();
  const api = await extension.activate();
  await api.ready();
  return api;
}

let activation: Promise<boolean> | undefined;

/**
 * Whether Sourcebook activated by itself, through its activation event, once the writer's
 * markdown draft was open: asked before any test calls `activate()` (which would make
 * `isActive` true regardless), and remembered for the rest of the run.
 */
export function activatedByItself(): Promise<boolean> {
  activation ??= (async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    if (!extension) return false;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder && !extension.isActive) {
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'draft.md'), { preview: true, preserveFocus: true }).then(undefined, () => undefined);
    }
    return waitFor('Sourcebook to activate for the markdown draft', () => extension.isActive, 30_000).then(() => true, () => false);
  })();
  return activation;
}

/** An untitled draft (nothing written to disk). */
export async function openDraft(content: string, language = 'markdown'): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language, content });
}

/** The hover's markdown as one string (all sections), or undefined when there is no hover. */
export async function hoverMarkdownAt(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const ours = (hovers ?? []).filter((hover) => hover.contents.some((content) => markdownOf(content).includes('command:sourcebook.')));
  if (ours.length === 0) return undefined;
  return ours.flatMap((hover) => hover.contents.map(markdownOf)).join('\n\n');
}

function markdownOf(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return 'value' in content ? content.value : '';
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder;
}

export async function writeWorkspaceFile(relativePath: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder().uri, relativePath);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  return uri;
}

/**
 * Runs `task` on every item, `concurrency` at a time, with node's asynchronous file calls in
 * mind: writing 10,000 files with writeFileSync would block this extension host for seconds
 * (VS Code then reports it unresponsive, which the runner counts as a failure).
 */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** node's `fs` in a node extension host; undefined in the web worker, where `require` is not there. */
export function nodeFs(): typeof import('fs') | undefined {
  try {
    if (typeof process !== 'object' || !process.versions?.node) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('fs') as typeof import('fs');
  } catch {
    return undefined;
  }
}
