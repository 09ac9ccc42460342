import * as vscode from 'vscode';
import { pageReaderLibrary, pdfJsLibrary, type EngineChannel } from '../core/derived/derivedProtocol';
import type { EngineLibraries } from '../core/derived/derivedEngine';
import { lazyLibraries } from '../worker/lazyLibraries';
import { startNodeWorkerChannel } from '../worker/nodeWorkerChannel';

/**
 * Starts the derived-index engine in a node worker thread (desktop VS Code, code-server), from
 * the bundle `dist/derivedWorker.js` beside the extension. Returns why not when it cannot; the
 * caller then runs the engine on its own thread. The browser build replaces this file with
 * `derivedEngineLauncher.web.ts`.
 */
export function startDerivedEngineWorker(extensionUri: vscode.Uri): EngineChannel | string {
  if (extensionUri.scheme !== 'file') return `the extension is not on a local disk (${extensionUri.scheme}:)`;
  try {
    return startNodeWorkerChannel(vscode.Uri.joinPath(extensionUri, 'dist', 'derivedWorker.js').fsPath);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** For an engine on the extension host itself (no worker could start): pdf.js and the page reader are `require`d from the extension's `dist/` when first needed. */
export function inThreadLibraries(extensionUri: vscode.Uri): EngineLibraries {
  if (extensionUri.scheme !== 'file') return {};
  return lazyLibraries(
    async () => require(vscode.Uri.joinPath(extensionUri, 'dist', pdfJsLibrary.file).fsPath),
    async () => require(vscode.Uri.joinPath(extensionUri, 'dist', pageReaderLibrary.file).fsPath),
  );
}
