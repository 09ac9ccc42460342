import { DerivedEngine } from '../core/derived/derivedEngine';
import { engineLibraries, isLibraryDelivery, pageReaderLibrary, pdfJsLibrary, type EngineLibraryName, type FromEngine, type LibraryDelivery, type LibraryRequest, type ToEngine } from '../core/derived/derivedProtocol';
import { francGuesser } from '../core/ingest/francGuesser';
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
 * reads the extension's files) when the first PDF is read, and is run here; so does the page
 * reader when the first web page is captured.
 */
const scope = globalThis as unknown as WorkerScope;
const tick = new MessageChannel();
const ticking: Array<() => void> = [];
tick.port1.onmessage = () => ticking.shift()?.();
const waitingFor = new Map<EngineLibraryName, Array<{ resolve: (module: unknown) => void; reject: (error: Error) => void }>>();

/** Asks the launcher for a library's script; callers asking meanwhile share the one request. */
function requestLibrary(name: EngineLibraryName): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const waiting = waitingFor.get(name) ?? [];
    waiting.push({ resolve, reject });
    waitingFor.set(name, waiting);
    if (waiting.length === 1) scope.postMessage({ type: 'sourcebook.libraryRequest', name });
  });
}

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
  {
    ...lazyLibraries(
      () => requestLibrary(pdfJsLibrary.name),
      () => requestLibrary(pageReaderLibrary.name),
    ),
    guessLanguage: francGuesser,
  },
);

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (isLibraryDelivery(message)) {
    const waiting = waitingFor.get(message.name) ?? [];
    waitingFor.delete(message.name);
    const library = engineLibraries.find((candidate) => candidate.name === message.name);
    try {
      if (!library) throw new Error(`no library is called ${message.name}`);
      if (message.code === undefined) throw new Error(message.error ?? `${library.file} could not be loaded`);
      runScript(message.code);
      const module = (globalThis as Record<string, unknown>)[library.globalName];
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
