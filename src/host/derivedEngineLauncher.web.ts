import * as vscode from 'vscode';
import { engineLibraries, isLibraryRequest, type EngineChannel, type EngineLibraryName, type FromEngine, type LibraryDelivery, type LibraryRequest, type ToEngine } from '../core/derived/derivedProtocol';
import type { EngineLibraries } from '../core/derived/derivedEngine';
import { FailureSignal } from '../core/derived/failureSignal';

/**
 * Starts the derived-index engine in a Web Worker (vscode.dev, the web-worker extension host),
 * from `dist/web/derivedWorker.js`. The build puts this file in place of
 * `derivedEngineLauncher.ts` for the browser bundle.
 *
 * The web extension host refuses `new Worker(url)` for an extension served by a remote server
 * (`vscode-remote:`, as in code-server and Codespaces), so the script is then read through
 * `workspace.fs` and started from a blob. Messages posted meanwhile wait in order. A worker that
 * fails to start reports it through `onFailure`, and the caller moves to its in-thread engine.
 * When the worker asks for pdf.js (its first PDF), the script is read the same way and sent over.
 */
export function startDerivedEngineWorker(extensionUri: vscode.Uri): EngineChannel | string {
  if (typeof Worker === 'undefined') return 'this extension host has no Worker';
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'derivedWorker.js');
  const queued: Array<{ message: ToEngine; transfer?: ArrayBuffer[] }> = [];
  const messageListeners: Array<(message: FromEngine) => void> = [];
  const failure = new FailureSignal();
  const fail = (reason: string) => failure.fail(reason);
  let worker: Worker | undefined;
  const adopt = (started: Worker) => {
    if (failure.stopped) {
      started.terminate();
      return;
    }
    worker = started;
    started.addEventListener('message', (event: MessageEvent<FromEngine | LibraryRequest>) => {
      const message = event.data;
      if (isLibraryRequest(message)) {
        sendLibrary(extensionUri, started, message.name);
        return;
      }
      for (const listener of messageListeners) listener(message);
    });
    started.addEventListener('error', (event) => {
      event.preventDefault();
      fail(event.message || 'the worker script could not be loaded');
    });
    for (const { message, transfer } of queued.splice(0)) started.postMessage(message, transfer ?? []);
  };
  const options: WorkerOptions = { name: 'Sourcebook derived indexes' };
  try {
    adopt(new Worker(script.toString(true), options));
  } catch {
    vscode.workspace.fs.readFile(script).then(
      (bytes) => {
        try {
          adopt(new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(bytes)], { type: 'text/javascript' })), options));
        } catch (error) {
          fail(error instanceof Error ? error.message : String(error));
        }
      },
      (error: unknown) => fail(`the worker script could not be read (${error instanceof Error ? error.message : String(error)})`),
    );
  }
  return {
    kind: 'worker',
    post(message, transfer) {
      if (failure.stopped) return;
      if (worker) worker.postMessage(message, transfer ?? []);
      else queued.push({ message, transfer });
    },
    onMessage(listener) {
      messageListeners.push(listener);
    },
    onFailure(listener) {
      failure.onFailure(listener);
    },
    dispose() {
      failure.dispose();
      worker?.terminate();
    },
  };
}

/** Reads a library's script (`dist/pdfjs.js`, `dist/pageReader.js`) through `workspace.fs` and hands its text to the worker that asked. */
function sendLibrary(extensionUri: vscode.Uri, worker: Worker, name: EngineLibraryName): void {
  const deliver = (delivery: LibraryDelivery) => worker.postMessage(delivery);
  const library = engineLibraries.find((candidate) => candidate.name === name);
  if (!library) {
    deliver({ type: 'sourcebook.library', name, error: `no library is called ${name}` });
    return;
  }
  vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', library.file)).then(
    (bytes) => deliver({ type: 'sourcebook.library', name, code: new TextDecoder().decode(bytes) }),
    (error: unknown) => deliver({ type: 'sourcebook.library', name, error: `${library.file} could not be read (${error instanceof Error ? error.message : String(error)})` }),
  );
}

/** The web-worker extension host runs no second copy of pdf.js or the page reader on its own thread: with no worker, PDFs are skipped and pages cannot be read, with a reason. */
export function inThreadLibraries(_extensionUri: vscode.Uri): EngineLibraries {
  return {};
}
