import { DerivedEngine } from '../core/derived/derivedEngine';
import { isLibraryDelivery, pdfJsLibrary, type FromEngine, type LibraryDelivery, type LibraryRequest, type ToEngine } from '../core/derived/derivedProtocol';
import { lazyLibraries } from './lazyLibraries';

/** The parts of a dedicated worker's global scope this file uses (the DOM library is not in the project's types). */
interface WorkerScope {
  postMessage(message: FromEngine | LibraryRequest): void;
  addEventListener(type: 'message', listener: (event: { data: ToEngine | LibraryDelivery }) => void): void;
  importScripts?(...urls: string[]): void;
}

/**
 * The derived-index engine's thread on vscode.dev (a Web Worker started by the web extension
 * host). A message-channel tick between slices lets incoming messages in, without the 4 ms floor
 * that nested `setTimeout`s get in browsers. pdf.js arrives as text from the launcher (which
 * reads the extension's files) when the first PDF is read, and is run here.
 */
const scope = globalThis as unknown as WorkerScope;
const tick = new MessageChannel();
const ticking: Array<() => void> = [];
tick.port1.onmessage = () => ticking.shift()?.();
const waitingForPdfJs: Array<{ resolve: (module: unknown) => void; reject: (error: Error) => void }> = [];

const engine = new DerivedEngine(
  (message) => scope.postMessage(message),
  {
    yieldNow: () =>
      new Promise<void>((resolve) => {
        ticking.push(resolve);
        tick.port2.postMessage(undefined);
      }),
    sliceMs: 20,
  },
  lazyLibraries(
    () =>
      new Promise((resolve, reject) => {
        waitingForPdfJs.push({ resolve, reject });
        if (waitingForPdfJs.length === 1) scope.postMessage({ type: 'sourcebook.libraryRequest', name: pdfJsLibrary.name });
      }),
  ),
);

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (isLibraryDelivery(message)) {
    const waiting = waitingForPdfJs.splice(0);
    try {
      if (message.code === undefined) throw new Error(message.error ?? 'the PDF reader could not be loaded');
      runScript(message.code);
      const module = (globalThis as Record<string, unknown>)[pdfJsLibrary.globalName];
      for (const { resolve } of waiting) resolve(module);
    } catch (error) {
      for (const { reject } of waiting) reject(error instanceof Error ? error : new Error(String(error)));
    }
    return;
  }
  engine.receive(message);
});

/** Runs a classic script in this worker's global scope: from a blob URL, else (a policy without blob:) by indirect eval. */
function runScript(code: string): void {
  if (scope.importScripts) {
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    try {
      scope.importScripts(url);
      return;
    } catch {
      // Falls through to eval below.
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  (0, eval)(code);
}
