import * as vscode from 'vscode';
import type { EngineChannel, FromEngine } from '../core/derived/derivedProtocol';

/**
 * Starts the derived-index engine in a Web Worker (vscode.dev, the web-worker extension host),
 * from `dist/web/derivedWorker.js`. The build puts this file in place of
 * `derivedEngineLauncher.ts` for the browser bundle. A worker that fails to load reports it
 * through `onFailure`, and the caller then runs the engine on its own thread.
 */
export function startDerivedEngineWorker(extensionUri: vscode.Uri): EngineChannel | string {
  if (typeof Worker === 'undefined') return 'this extension host has no Worker';
  let worker: Worker;
  try {
    worker = new Worker(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'derivedWorker.js').toString(true), { name: 'Sourcebook derived indexes' });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const failureListeners: Array<(reason: string) => void> = [];
  let failed = false;
  worker.addEventListener('error', (event) => {
    if (failed) return;
    failed = true;
    event.preventDefault();
    for (const listener of failureListeners) listener(event.message || 'the worker script could not be loaded');
  });
  return {
    kind: 'worker',
    post(message, transfer) {
      if (!failed) worker.postMessage(message, transfer ?? []);
    },
    onMessage(listener) {
      worker.addEventListener('message', (event: MessageEvent<FromEngine>) => listener(event.data));
    },
    onFailure(listener) {
      failureListeners.push(listener);
    },
    dispose() {
      worker.terminate();
    },
  };
}
