import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { DerivedEngine } from '../core/derived/derivedEngine';
import { pageReaderLibrary, pdfJsLibrary, type ToEngine } from '../core/derived/derivedProtocol';
import { francGuesser } from '../core/ingest/francGuesser';
import { lazyLibraries } from './lazyLibraries';

/**
 * The derived-index engine's thread on desktop VS Code (node `worker_threads`): topics, figure
 * groups and the quotation index are built here, on the second core, while the extension host
 * answers hovers. `setImmediate` lets the messages that arrived during a slice in before the next.
 * pdf.js is `require`d from beside this bundle when the first PDF is read, the page reader when the
 * first web page is captured.
 */
// No editor shares this thread, so slices are longer than on the host: a slice only delays the next change or quote check.
if (parentPort) {
  const port = parentPort;
  const engine = new DerivedEngine(
    (message) => port.postMessage(message),
    {
      yieldNow: () => new Promise<void>((resolve) => setImmediate(resolve)),
      sliceMs: 20,
    },
    {
      ...lazyLibraries(
        async () => require(join(__dirname, pdfJsLibrary.file)),
        async () => require(join(__dirname, pageReaderLibrary.file)),
      ),
      guessLanguage: francGuesser,
    },
  );
  port.on('message', (message: ToEngine) => engine.receive(message));
}
