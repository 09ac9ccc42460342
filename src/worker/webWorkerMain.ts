import { DerivedEngine } from '../core/derived/derivedEngine';
import type { FromEngine, ToEngine } from '../core/derived/derivedProtocol';

/** The parts of a dedicated worker's global scope this file uses (the DOM library is not in the project's types). */
interface WorkerScope {
  postMessage(message: FromEngine): void;
  addEventListener(type: 'message', listener: (event: { data: ToEngine }) => void): void;
}

/**
 * The derived-index engine's thread on vscode.dev (a Web Worker started by the web extension
 * host). A message-channel tick between slices lets incoming messages in, without the 4 ms floor
 * that nested `setTimeout`s get in browsers.
 */
const scope = globalThis as unknown as WorkerScope;
const tick = new MessageChannel();
const ticking: Array<() => void> = [];
tick.port1.onmessage = () => ticking.shift()?.();
const engine = new DerivedEngine((message) => scope.postMessage(message), {
  yieldNow: () =>
    new Promise<void>((resolve) => {
      ticking.push(resolve);
      tick.port2.postMessage(undefined);
    }),
  sliceMs: 20,
});
scope.addEventListener('message', (event) => engine.receive(event.data));
